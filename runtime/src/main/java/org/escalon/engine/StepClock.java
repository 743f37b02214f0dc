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
    boolean passed, java.util.List<String> reported) {

  /**
   * @param reported for a joint step ({@code action ... by A and B}), the roles that have
   *     reported it done so far; it is done when each of them has (empty for any other step)
   */
  public StepClock {
    reported = java.util.List.copyOf(reported);
  }

  /** A clock on a step one role does (or whoever the host says). */
  public StepClock(String stage, String step, Instant due, Optional<Instant> done,
      boolean passed) {
    this(stage, step, due, done, passed, java.util.List.of());
  }

  /** Whether the clock still runs: neither done nor passed. */
  public boolean running() {
    return done.isEmpty() && !passed;
  }

  StepClock doneAt(Instant at) {
    return new StepClock(stage, step, due, Optional.of(at), passed, reported);
  }

  /** One of a joint step's roles reported it; done at {@code at} when that makes all of them. */
  StepClock reportedBy(String role, Instant at, java.util.List<String> doers) {
    java.util.List<String> now = new java.util.ArrayList<>(reported);
    now.add(role);
    return new StepClock(stage, step, due, now.containsAll(doers) ? Optional.of(at) : done,
        passed, now);
  }

  StepClock pass() {
    return new StepClock(stage, step, due, done, true, reported);
  }
}
