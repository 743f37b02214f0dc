package org.escalon.simulate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the simulator writes dates. Which day an instant belongs to (a deadline at 00:00 belongs to
 * the day it closes) is the calendar's rule: {@code org.escalon.calendar.WorkingCalendar.dayOf}.
 */
final class Dates {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.UK);

  private Dates() {}

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
