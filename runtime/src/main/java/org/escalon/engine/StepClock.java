package org.escalon.engine;

import java.time.Instant;
import java.util.Optional;

/**
 * A deadline on one step ({@code action ... within}, {@code record ... within}, {@code notify ...
 * within}), started when its stage was entered: when it falls, and whether the host reported the
 * step done ({@code CaseEvent.StepDone}) or the deadline passed first. A clock that passes is
 * recorded and counted; it does not move the escalation.
 *
 * @param stage the stage (or outcome) whose step it is
 * @param step the step's id ({@code org.escalon.machine.StepClocks#id})
 */
public record StepClock(String stage, String step, Instant due, Optional<Instant> done,
    boolean passed) {

  /** Whether the clock still runs: neither done nor passed. */
  public boolean running() {
    return done.isEmpty() && !passed;
  }

  StepClock doneAt(Instant at) {
    return new StepClock(stage, step, due, Optional.of(at), passed);
  }

  StepClock pass() {
    return new StepClock(stage, step, due, done, true);
  }
}
