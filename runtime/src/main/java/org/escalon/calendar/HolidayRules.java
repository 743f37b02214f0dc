package org.escalon.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.escalon.model.CalendarSpec.Region;

/** Computes one region's observed bank holidays for one year: rules, one-off changes, substitutes. */
final class HolidayRules {

  /** A holiday on the day its rule (or a proclamation) puts it, before weekend substitution. */
  private record Nominal(HolidayKind kind, LocalDate date, String title) {}

  private HolidayRules() {}

  /** The observed holidays of a region in a year, in date order. */
  static List<BankHoliday> observed(Region region, int year) {
    return substitute(nominal(region, year));
  }

  private static List<Nominal> nominal(Region region, int year) {
    List<Nominal> days = new ArrayList<>();
    for (HolidayKind kind : HolidayKind.values()) {
      if (kind.appliesTo(region, year)) {
        days.add(new Nominal(kind, kind.nominalDate(region, year), kind.title()));
      }
    }
    for (OneOffChanges.Change change : OneOffChanges.in(region, year)) {
      if (change.moved() == null) {
        days.add(new Nominal(null, change.date(), change.title()));
      } else {
        days.replaceAll(n -> n.kind() == change.moved()
            ? new Nominal(n.kind(), change.date(), change.title())
            : n);
      }
    }
    days.sort(Comparator.comparing(Nominal::date));
    return days;
  }

  /**
   * A holiday on a weekend moves to the next weekday that is not already a holiday. Weekday
   * holidays keep their day, so they are claimed first: that is why Christmas Day on a Sunday
   * goes to the Tuesday when Boxing Day is the Monday (2022). Scotland's 2nd January is the
   * exception gov.uk follows: it is always the weekday after the observed New Year's Day, so when
   * 1 January is a Sunday New Year's Day takes Monday 2nd and "2nd January" moves to the Tuesday
   * (2023).
   */
  private static List<BankHoliday> substitute(List<Nominal> days) {
    Set<LocalDate> taken = new HashSet<>();
    for (Nominal n : days) {
      if (!isWeekend(n.date()) && n.kind() != HolidayKind.SECOND_JANUARY) {
        taken.add(n.date());
      }
    }
    List<BankHoliday> observed = new ArrayList<>();
    LocalDate newYear = null;
    for (Nominal n : days) {
      LocalDate date;
      if (n.kind() == HolidayKind.SECOND_JANUARY && newYear != null) {
        date = nextFree(newYear.plusDays(1), taken);
        taken.add(date);
      } else if (isWeekend(n.date())) {
        date = nextFree(n.date().plusDays(1), taken);
        taken.add(date);
      } else {
        date = n.date();
      }
      if (n.kind() == HolidayKind.NEW_YEARS_DAY) {
        newYear = date;
      }
      observed.add(new BankHoliday(date, n.title(), !date.equals(n.date())));
    }
    observed.sort(Comparator.comparing(BankHoliday::date));
    return observed;
  }

  private static LocalDate nextFree(LocalDate from, Set<LocalDate> taken) {
    LocalDate d = from;
    while (isWeekend(d) || taken.contains(d)) {
      d = d.plusDays(1);
    }
    return d;
  }

  static boolean isWeekend(LocalDate date) {
    DayOfWeek dow = date.getDayOfWeek();
    return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
  }
}
