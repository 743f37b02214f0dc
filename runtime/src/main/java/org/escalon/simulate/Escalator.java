package org.escalon.simulate;

import java.time.Instant;
import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.engine.EscalationState;
import org.escalon.engine.StageVisit;
import org.escalon.model.Protocol;
import org.escalon.model.Timescale;

/**
 * The simulator's escalator, after a soft deadline was missed and nobody else acts (a scenario
 * that says nothing more about the stay, a population case that plans no answer): it escalates at
 * the end of the assumed bound ({@code assume at most D}, counted from the stay's start as a
 * deadline is), or, with no assumption, at once when the deadline is missed. Timelines and
 * populations both ask it.
 */
final class Escalator {

  private Escalator() {}

  /** When the escalator escalates the open stay whose soft deadline was missed; empty if none. */
  static Optional<Instant> when(EscalationState s, Protocol protocol, WorkingCalendar calendar) {
    if (s.status() != EscalationState.Status.OPEN || s.waitingFor().isPresent()) {
      return Optional.empty();
    }
    Optional<StageVisit> visit = s.currentVisit()
        .filter(v -> v.left().isEmpty() && v.missed().isPresent());
    if (visit.isEmpty()) {
      return Optional.empty();
    }
    StageVisit v = visit.get();
    Instant missed = v.missed().get();
    Optional<Instant> assumed = protocol.stage(v.stage()).flatMap(v::timescaleOf)
        .flatMap(Timescale::firmness).flatMap(Timescale.Firmness::assumed)
        .map(d -> calendar.deadline(v.entered().atZone(calendar.zone()), d).toInstant());
    return Optional.of(assumed.filter(a -> a.isAfter(missed)).orElse(missed));
  }

  /** Who escalates: the role that raised the escalation. */
  static String who(EscalationState s, Protocol protocol) {
    return s.raisedBy().orElse(protocol.header().raisedBy());
  }
}
