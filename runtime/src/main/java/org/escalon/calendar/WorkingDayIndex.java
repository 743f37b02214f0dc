package org.escalon.calendar;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;

/**
 * Working-day arithmetic without walking day by day.
 *
 * <p>The ordinal of a day is the number of working days strictly before it (from 1 January 1970).
 * It is computed as weekdays before the day (pure arithmetic on the epoch day) minus the closed
 * weekdays before it (a per-year cumulative count plus a binary search in that year's sorted
 * closed weekdays). The inverse finds the year by binary search over per-year cumulative working
 * days, then corrects the arithmetic guess by that year's closed weekdays. Both cost the same
 * whatever the distance, so adding 5 or 500 working days takes equally long.
 */
final class WorkingDayIndex {

  private static final int FIRST_YEAR = BankHolidays.FIRST_YEAR;
  private static final int YEARS = BankHolidays.LAST_YEAR - FIRST_YEAR + 1;
  static final LocalDate FIRST_DAY = LocalDate.of(FIRST_YEAR, 1, 1);
  static final LocalDate LAST_DAY = LocalDate.of(BankHolidays.LAST_YEAR, 12, 31);

  // Monday 29 December 1969 (epoch day -3): counting weekdays from a Monday makes the count and its
  // inverse simple divisions by 7 and by 5.
  private static final int ANCHOR_MONDAY = -3;

  private final int[][] closed; // per year: sorted epoch days of the weekdays that are not working
  private final int[] closedBefore; // per year: closed weekdays in all earlier years; [YEARS] = all
  private final int[] workingBefore; // per year: ordinal of 1 January; [YEARS] = all working days
  private final int weekdaysBeforeFirst = weekdaysBefore((int) FIRST_DAY.toEpochDay());
  private static final int[] JAN_FIRST = janFirsts(); // epoch day of 1 January of each year

  /** An index over the closed weekdays of each year (weekend days in the sets are ignored). */
  WorkingDayIndex(List<SortedSet<LocalDate>> closedByYear) {
    if (closedByYear.size() != YEARS) {
      throw new IllegalArgumentException("need one set of closed days per year");
    }
    closed = new int[YEARS][];
    closedBefore = new int[YEARS + 1];
    workingBefore = new int[YEARS + 1];
    for (int y = 0; y < YEARS; y++) {
      closed[y] = closedByYear.get(y).stream()
          .filter(d -> !HolidayRules.isWeekend(d))
          .mapToInt(d -> (int) d.toEpochDay())
          .toArray();
      closedBefore[y + 1] = closedBefore[y] + closed[y].length;
    }
    for (int y = 0; y <= YEARS; y++) {
      int jan1 = (int) LocalDate.of(FIRST_YEAR + y, 1, 1).toEpochDay();
      workingBefore[y] = weekdaysBefore(jan1) - weekdaysBeforeFirst - closedBefore[y];
    }
  }

  /** Whether a day in range is a working day. */
  boolean isWorkingDay(LocalDate date) {
    int y = yearIndex(date);
    return !HolidayRules.isWeekend(date)
        && Arrays.binarySearch(closed[y], (int) date.toEpochDay()) < 0;
  }

  /** The number of working days strictly before a day in range. */
  int ordinal(LocalDate date) {
    int y = yearIndex(date);
    int e = (int) date.toEpochDay();
    return weekdaysBefore(e) - weekdaysBeforeFirst - closedBefore[y] - countBelow(closed[y], e);
  }

  /** {@link #ordinal(LocalDate)} on an epoch day, allocating nothing: the simulator's fast path. */
  int ordinal(int epochDay) {
    if (epochDay < JAN_FIRST[0] || epochDay >= JAN_FIRST[YEARS]) {
      throw new OutsideCalendarException("epoch day " + epochDay + " is outside the calendar's range "
          + FIRST_DAY + " to " + LAST_DAY);
    }
    int y = lastAtMost(JAN_FIRST, epochDay);
    return weekdaysBefore(epochDay) - weekdaysBeforeFirst - closedBefore[y]
        - countBelow(closed[y], epochDay);
  }

  /** The number of working days in the calendar's years. */
  int workingDays() {
    return workingBefore[YEARS];
  }

  /** The working day whose ordinal is {@code k}. */
  LocalDate workingDay(long k) {
    return LocalDate.ofEpochDay(workingEpochDay(k));
  }

  /** The epoch day of the working day whose ordinal is {@code k}. */
  int workingEpochDay(long k) {
    if (k < 0 || k >= workingBefore[YEARS]) {
      throw new OutsideCalendarException(
          "a deadline counted in working days falls outside the calendar's range " + FIRST_DAY + " to " + LAST_DAY);
    }
    int y = lastAtMost(workingBefore, (int) k);
    int target = (int) k + weekdaysBeforeFirst + closedBefore[y];
    // Guess the weekday as if this year had no closures, then step past each closed weekday that
    // is not after the guess; the closures are sorted, so one pass settles it.
    int[] days = closed[y];
    int skipped = 0;
    int guess = weekdayAt(target);
    while (skipped < days.length && days[skipped] <= guess) {
      skipped++;
      guess = weekdayAt(target + skipped);
    }
    return guess;
  }

  private static int[] janFirsts() {
    int[] days = new int[YEARS + 1];
    for (int y = 0; y <= YEARS; y++) {
      days[y] = (int) LocalDate.of(FIRST_YEAR + y, 1, 1).toEpochDay();
    }
    return days;
  }

  static boolean inRange(LocalDate date) {
    return !date.isBefore(FIRST_DAY) && !date.isAfter(LAST_DAY);
  }

  private static int yearIndex(LocalDate date) {
    if (!inRange(date)) {
      throw new OutsideCalendarException(
          date + " is outside the calendar's range " + FIRST_DAY + " to " + LAST_DAY);
    }
    return date.getYear() - FIRST_YEAR;
  }

  /** Weekdays in [ANCHOR_MONDAY, epochDay). */
  private static int weekdaysBefore(int epochDay) {
    int t = epochDay - ANCHOR_MONDAY;
    return Math.floorDiv(t, 7) * 5 + Math.min(Math.floorMod(t, 7), 5);
  }

  /** The weekday with exactly {@code m} weekdays in [ANCHOR_MONDAY, it). */
  private static int weekdayAt(int m) {
    return ANCHOR_MONDAY + (m / 5) * 7 + m % 5;
  }

  /** How many sorted values are strictly below {@code key}. */
  private static int countBelow(int[] sorted, int key) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The last index whose (non-decreasing) value is at most {@code key}; a year with no working days is skipped. */
  private static int lastAtMost(int[] sorted, int key) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] <= key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo - 1;
  }
}
