package org.escalon.calendar;

import java.time.LocalDate;

/** Easter Sunday of a Gregorian year. */
final class Easter {

  private Easter() {}

  /**
   * The anonymous Gregorian algorithm (Meeus/Jones/Butcher): exact for every Gregorian year, with
   * integer arithmetic only, so no table of dates has to be maintained.
   */
  static LocalDate sunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int n = h + l - 7 * m + 114;
    return LocalDate.of(year, n / 31, n % 31 + 1);
  }
}
