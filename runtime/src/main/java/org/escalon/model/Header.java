package org.escalon.model;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * What a protocol says about itself: version, status, dates, owner, calendar, who raises, and
 * who the policy is about ({@code about}: children, adults or both; empty when it does not say).
 * {@code raisedBy} is the first role that may raise an escalation; {@code alsoRaisedBy} the
 * others ({@code raised by IRO or CPChair}): the one who raised a case is its escalator.
 */
public record Header(
    Optional<String> version,
    Status status,
    Optional<LocalDate> effective,
    Optional<LocalDate> review,
    Optional<String> owner,
    CalendarSpec calendar,
    ZoneId zone,
    String raisedBy,
    List<Citation> sources,
    List<Subject> about,
    List<String> alsoRaisedBy,
    List<RaiseClock> raiseWithin) {

  public Header {
    sources = List.copyOf(sources);
    about = List.copyOf(about);
    alsoRaisedBy = List.copyOf(alsoRaisedBy);
  }

  /** A header with one role that raises escalations. */
  public Header(Optional<String> version, Status status, Optional<LocalDate> effective,
      Optional<LocalDate> review, Optional<String> owner, CalendarSpec calendar, ZoneId zone,
      String raisedBy, List<Citation> sources, List<Subject> about) {
    this(version, status, effective, review, owner, calendar, zone, raisedBy, sources, about,
        List.of(), List.of());
  }

  /** A header with no clock on raising. */
  public Header(Optional<String> version, Status status, Optional<LocalDate> effective,
      Optional<LocalDate> review, Optional<String> owner, CalendarSpec calendar, ZoneId zone,
      String raisedBy, List<Citation> sources, List<Subject> about, List<String> alsoRaisedBy) {
    this(version, status, effective, review, owner, calendar, zone, raisedBy, sources, about,
        alsoRaisedBy, List.of());
  }

  /** Every role that may raise an escalation, the first first. */
  public List<String> raisers() {
    List<String> all = new java.util.ArrayList<>();
    all.add(raisedBy);
    all.addAll(alsoRaisedBy);
    return List.copyOf(all);
  }

  /** A header that does not say who the policy is about. */
  public Header(Optional<String> version, Status status, Optional<LocalDate> effective,
      Optional<LocalDate> review, Optional<String> owner, CalendarSpec calendar, ZoneId zone,
      String raisedBy, List<Citation> sources) {
    this(version, status, effective, review, owner, calendar, zone, raisedBy, sources, List.of());
  }

  /** Who a policy is about. The language assumes neither; a protocol says it with {@code about}. */
  public enum Subject {
    CHILDREN,
    ADULTS;

    /** As a protocol writes it: {@code children}, {@code adults}. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Whether a protocol is still being drafted or has been ratified. */
  public enum Status {
    DRAFT,
    RATIFIED
  }
}
