package org.escalon.simulate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.model.Citation;

/** The ways a timeline is written out: a terminal table, CSV, JSON, or iCalendar deadlines. */
public enum TimelineFormat {
  TABLE,
  CSV,
  JSON,
  ICS;

  /** The timeline in this format; the same timeline always gives the same text. */
  public String render(Timeline timeline) {
    return switch (this) {
      case TABLE -> TimelineTable.render(timeline);
      case CSV -> TimelineCsv.render(timeline);
      case JSON -> TimelineJson.render(timeline);
      case ICS -> TimelineIcs.render(timeline);
    };
  }

  /** The format a name on the command line stands for. */
  public static Optional<TimelineFormat> named(String name) {
    for (TimelineFormat f : values()) {
      if (f.name().equalsIgnoreCase(name)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** "close of Fri 18 Dec 2026" for a deadline at midnight, else the local date and time. */
  static String deadline(Instant at, ZoneId zone) {
    ZonedDateTime local = at.atZone(zone);
    if (local.toLocalTime().equals(LocalTime.MIDNIGHT)) {
      return "close of " + Dates.day(WorkingCalendar.dayOf(at, zone));
    }
    return Dates.day(local.toLocalDate()) + " " + local.toLocalTime();
  }

  /** The policy paragraph and the protocol line behind a row. */
  static String policy(Optional<Citation> citation) {
    return citation.map(c -> c.text() + (c.span().isKnown() ? " (" + c.span() + ")" : ""))
        .orElse("");
  }

  static LocalDate lastDay(Instant deadline, ZoneId zone) {
    return WorkingCalendar.dayOf(deadline, zone);
  }
}
