package org.escalon.engine;

import java.time.Instant;
import java.util.Optional;

/**
 * One stay at a stage: when it began, its deadline (after any extensions), when and how it was
 * left. A stage's timescale was kept when it was left before its deadline.
 */
public record StageVisit(String stage, Instant entered, Optional<Instant> deadline,
    Optional<Instant> left, Optional<String> leftBy, int extensions) {

  /** Whether the stage was answered in time; empty while it has no deadline or is not left. */
  public Optional<Boolean> timescaleKept() {
    if (deadline.isEmpty() || left.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(left.get().isBefore(deadline.get()) && !"no response".equals(leftBy.orElse("")));
  }

  StageVisit leave(Instant at, String how) {
    return new StageVisit(stage, entered, deadline, Optional.of(at), Optional.of(how), extensions);
  }

  /** The stay with the deadline of a timescale set during the case (not an extension). */
  StageVisit deadlineSet(Optional<Instant> newDeadline) {
    return new StageVisit(stage, entered, newDeadline, left, leftBy, extensions);
  }

  StageVisit extend(Instant newDeadline) {
    return new StageVisit(stage, entered, Optional.of(newDeadline), left, leftBy, extensions + 1);
  }
}
