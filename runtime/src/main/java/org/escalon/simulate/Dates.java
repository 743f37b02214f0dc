package org.escalon.simulate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.escalon.calendar.WorkingCalendar;

/** How the simulator dates things: a deadline at 00:00 belongs to the day it closes. */
final class Dates {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.UK);

  private Dates() {}

  /** The day an instant belongs to; midnight is the close of the day before. */
  static LocalDate dayOf(Instant at, ZoneId zone) {
    ZonedDateTime local = at.atZone(zone);
    return local.toLocalTime().equals(LocalTime.MIDNIGHT) ? local.toLocalDate().minusDays(1)
        : local.toLocalDate();
  }

  /**
   * The working day a date is, counted from the raise's date as day 0, the way {@code calendar
   * --add} counts: a date that is not a working day has the number of the working day before it.
   */
  static int workingDay(WorkingCalendar calendar, LocalDate start, LocalDate date) {
    int n = calendar.workingDaysBetween(start, date);
    return Math.max(0, calendar.isWorkingDay(date) ? n : n - 1);
  }

  /**
   * Working days elapsed on the calendar from the raise to an instant: the number of the working
   * day it falls on, an instant at midnight closing the day before (an escalation that ends at
   * the close of day 21 has taken 21 working days).
   */
  static int elapsed(WorkingCalendar calendar, LocalDate start, Instant at) {
    return workingDay(calendar, start, dayOf(at, calendar.zone()));
  }

  /** "Mon 14 Dec 2026". */
  static String day(LocalDate date) {
    return DAY.format(date);
  }

  /** "Thu 31 Dec 2026 00:00": an instant as the protocol's clock shows it. */
  static String instant(Instant at, ZoneId zone) {
    ZonedDateTime local = at.atZone(zone);
    return DAY.format(local) + " " + local.toLocalTime();
  }

  /** "2026-12-31T00:00:00Z": every instant a file carries, in UTC. */
  static String utc(Instant at) {
    return java.time.format.DateTimeFormatter.ISO_INSTANT.format(at);
  }
}
