package org.escalon.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.escalon.model.CalendarSpec;
import org.escalon.model.CalendarSpec.YearlyClosure;

/** Expands a calendar's local closures (single days and yearly ranges) into days, year by year. */
final class LocalClosures {

  private LocalClosures() {}

  /**
   * For each year 1970–2100, the days it is closed: the region's bank holidays plus the local
   * closures. Single days outside the range are ignored, as no count can reach them.
   */
  static List<SortedSet<LocalDate>> closedDaysByYear(CalendarSpec spec) {
    BankHolidays holidays = BankHolidays.of(spec.region());
    List<SortedSet<LocalDate>> years = new ArrayList<>();
    for (int year = BankHolidays.FIRST_YEAR; year <= BankHolidays.LAST_YEAR; year++) {
      SortedSet<LocalDate> days = new TreeSet<>();
      holidays.inYear(year).forEach(h -> days.add(h.date()));
      for (YearlyClosure closure : spec.yearly()) {
        addYearly(days, closure, year);
      }
      years.add(days);
    }
    for (LocalDate day : spec.closures()) {
      if (WorkingDayIndex.inRange(day)) {
        years.get(day.getYear() - BankHolidays.FIRST_YEAR).add(day);
      }
    }
    return years;
  }

  /**
   * A closure that wraps over the new year (say 24 December to 2 January) closes two pieces of
   * every year: its start to 31 December and 1 January to its end, so each year is expanded on
   * its own. 29 February becomes 28 February in other years ({@link MonthDay#atYear}).
   */
  private static void addYearly(SortedSet<LocalDate> days, YearlyClosure closure, int year) {
    MonthDay from = closure.from();
    MonthDay to = closure.to();
    if (!from.isAfter(to)) {
      addRange(days, from.atYear(year), to.atYear(year));
    } else {
      addRange(days, LocalDate.of(year, 1, 1), to.atYear(year));
      addRange(days, from.atYear(year), LocalDate.of(year, 12, 31));
    }
  }

  private static void addRange(SortedSet<LocalDate> days, LocalDate first, LocalDate last) {
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      days.add(d);
    }
  }
}
