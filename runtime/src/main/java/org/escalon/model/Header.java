package org.escalon.model;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** What a protocol says about itself: version, status, dates, owner, calendar, who raises. */
public record Header(
    Optional<String> version,
    Status status,
    Optional<LocalDate> effective,
    Optional<LocalDate> review,
    Optional<String> owner,
    CalendarSpec calendar,
    ZoneId zone,
    String raisedBy,
    List<Citation> sources) {

  public Header {
    sources = List.copyOf(sources);
  }

  /** Whether a protocol is still being drafted or has been ratified. */
  public enum Status {
    DRAFT,
    RATIFIED
  }
}
