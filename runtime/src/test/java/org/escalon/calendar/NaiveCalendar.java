package org.escalon.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashSet;
import java.util.Set;
import org.escalon.model.CalendarSpec;
import org.escalon.model.CalendarSpec.YearlyClosure;

/** The obvious day-by-day reference the fast working-day arithmetic is checked against. */
final class NaiveCalendar {

  private final CalendarSpec spec;
  private final BankHolidays holidays;
  private final Set<LocalDate> closures;

  NaiveCalendar(CalendarSpec spec) {
    this.spec = spec;
    this.holidays = BankHolidays.of(spec.region());
    this.closures = new HashSet<>(spec.closures());
  }

  boolean isWorkingDay(LocalDate d) {
    DayOfWeek dow = d.getDayOfWeek();
    if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
      return false;
    }
    if (holidays.isBankHoliday(d) || closures.contains(d)) {
      return false;
    }
    for (YearlyClosure c : spec.yearly()) {
      if (inYearly(c, d)) {
        return false;
      }
    }
    return true;
  }

  private static boolean inYearly(YearlyClosure c, LocalDate d) {
    MonthDay from = c.from();
    MonthDay to = c.to();
    LocalDate start = from.atYear(d.getYear());
    LocalDate end = to.atYear(d.getYear());
    if (!from.isAfter(to)) {
      return !d.isBefore(start) && !d.isAfter(end);
    }
    return !d.isBefore(start) || !d.isAfter(end);
  }

  LocalDate dayZero(LocalDate start) {
    LocalDate d = start;
    while (!isWorkingDay(d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  LocalDate addWorkingDays(LocalDate start, int n) {
    LocalDate d = dayZero(start);
    int counted = 0;
    while (counted < n) {
      d = d.plusDays(1);
      if (isWorkingDay(d)) {
        counted++;
      }
    }
    return d;
  }

  /** Working days in [a, b), negative when b is before a. */
  int workingDaysBetween(LocalDate a, LocalDate b) {
    boolean reversed = b.isBefore(a);
    LocalDate from = reversed ? b : a;
    LocalDate to = reversed ? a : b;
    int count = 0;
    for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        count++;
      }
    }
    return reversed ? -count : count;
  }
}
