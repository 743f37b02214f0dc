package org.escalon.simulate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

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

  /** "Mon 14 Dec 2026". */
  static String day(LocalDate date) {
    return DAY.format(date);
  }
}
