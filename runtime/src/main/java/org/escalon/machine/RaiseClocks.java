package org.escalon.machine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.model.Protocol;
import org.escalon.model.RaiseClock;

/**
 * Whether an escalation was raised late: the one rule of the clocks on raising ({@code raise within
 * 2 working days after disagreement}). The clock counts, as a stage's deadline does, from the
 * last time one of its events happened at or before the raise; a raise after it closes is late.
 * When none of its events happened before the raise, the host has not said when the clock started,
 * and the raise is not late. The engine, the generated machines (whose state keeps the raise and
 * the events), the log, timelines and populations all ask here.
 */
public final class RaiseClocks {

  private RaiseClocks() {}

  /** A late raise: the event the clock counted from, when it happened, when the raise was due. */
  public record Late(String event, Instant happened, Instant due, RaiseClock clock) {}

  /**
   * Whether a raise at {@code raisedAt}, with the events that happened ({@code occurrences}, by
   * name, in order), was late under the protocol's clock on raising.
   */
  public static Optional<Late> late(Protocol protocol, WorkingCalendar calendar,
      Optional<Instant> raisedAt, Map<String, List<Instant>> occurrences) {
    if (raisedAt.isEmpty()) {
      return Optional.empty();
    }
    for (RaiseClock clock : protocol.header().raiseWithin()) {
      Optional<Late> late = late(clock, calendar, raisedAt.get(), occurrences);
      if (late.isPresent()) {
        return late;
      }
    }
    return Optional.empty();
  }

  private static Optional<Late> late(RaiseClock clock, WorkingCalendar calendar, Instant raised,
      Map<String, List<Instant>> occurrences) {
    String event = null;
    Instant happened = null;
    for (String name : clock.after()) {
      for (Instant at : occurrences.getOrDefault(name, List.of())) {
        if (!at.isAfter(raised) && (happened == null || at.isAfter(happened))) {
          event = name;
          happened = at;
        }
      }
    }
    if (happened == null) {
      return Optional.empty();
    }
    Instant due = calendar.deadline(happened.atZone(calendar.zone()), span(clock)).toInstant();
    return raised.isAfter(due) ? Optional.of(new Late(event, happened, due, clock))
        : Optional.empty();
  }

  /** The time the clock allows: its duration, or the span of its urgency word. */
  public static org.escalon.model.Timespan span(RaiseClock clock) {
    return clock.firmness().filter(f -> f.word().promptly()).map(f -> f.word().span())
        .orElse(clock.duration());
  }
}
