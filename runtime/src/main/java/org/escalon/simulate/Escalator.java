package org.escalon.simulate;

import java.time.Instant;
import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.engine.EscalationState;
import org.escalon.engine.StageVisit;
import org.escalon.machine.Interpreter;

/**
 * The simulator's escalator, after a soft deadline was missed and nobody else acts (a scenario
 * that says nothing more about the stay, a population case that plans no answer): it escalates
 * when the interpreter says the escalator does ({@link Interpreter#escalatesAt}). Timelines and
 * populations both ask it.
 */
final class Escalator {

  private Escalator() {}

  /** When the escalator escalates the open stay whose soft deadline was missed; empty if none. */
  static Optional<Instant> when(EscalationState s, Interpreter run, WorkingCalendar calendar) {
    if (s.status() != EscalationState.Status.OPEN || s.waitingFor().isPresent()) {
      return Optional.empty();
    }
    Optional<StageVisit> visit = s.currentVisit()
        .filter(v -> v.left().isEmpty() && v.missed().isPresent());
    if (visit.isEmpty()) {
      return Optional.empty();
    }
    StageVisit v = visit.get();
    return Optional.of(run.escalatesAt(run.model().stage(v.stage()).orElseThrow(),
        v.timescale(), v.missed().get(),
        d -> calendar.deadline(v.entered().atZone(calendar.zone()), d).toInstant()));
  }
}
