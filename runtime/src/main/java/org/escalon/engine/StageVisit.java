package org.escalon.engine;

import java.time.Instant;
import java.util.Optional;
import org.escalon.model.Stage;
import org.escalon.model.Timescale;

/**
 * One stay at a stage: when it began, its deadline (after any extensions), the timescale that
 * set it, when and how it was left. A stage's timescale was kept when it was left before its
 * deadline.
 *
 * @param timescale which of the stage's timescales the operational model chose on entering (of
 *     the conditional ones that hold, the earliest; else the unconditional one): its place among
 *     them as declared, from 0; what a missed deadline cites ({@link #timescaleOf})
 */
public record StageVisit(String stage, Instant entered, Optional<Instant> deadline,
    Optional<Integer> timescale, Optional<Instant> left, Optional<String> leftBy,
    int extensions, Optional<Instant> missed) {

  public StageVisit(String stage, Instant entered, Optional<Instant> deadline,
      Optional<Integer> timescale, Optional<Instant> left, Optional<String> leftBy,
      int extensions) {
    this(stage, entered, deadline, timescale, left, leftBy, extensions, Optional.empty());
  }

  /**
   * The stay after its soft deadline was missed at {@code at}: recorded, and the stay goes on
   * until someone answers or the escalator escalates.
   */
  StageVisit miss(Instant at) {
    return new StageVisit(stage, entered, deadline, timescale, left, leftBy, extensions,
        Optional.of(at));
  }

  /** The timescale the stay recorded, as the protocol declares the stage. */
  public Optional<Timescale> timescaleOf(Stage declared) {
    return timescale.map(i -> declared.timescales().get(i));
  }


  /** Whether the stage was answered in time; empty while it has no deadline or is not left. */
  public Optional<Boolean> timescaleKept() {
    if (deadline.isEmpty() || left.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(left.get().isBefore(deadline.get()) && !"no response".equals(leftBy.orElse("")));
  }

  StageVisit leave(Instant at, String how) {
    return new StageVisit(stage, entered, deadline, timescale, Optional.of(at), Optional.of(how),
        extensions, missed);
  }

  /**
   * The stay with the deadline of a timescale set during the case (not an extension); it keeps
   * the timescale chosen on entering, whose statement the value set belongs to.
   */
  StageVisit deadlineSet(Optional<Instant> newDeadline) {
    return new StageVisit(stage, entered, newDeadline, timescale, left, leftBy, extensions,
        missed);
  }

  StageVisit extend(Instant newDeadline) {
    return new StageVisit(stage, entered, Optional.of(newDeadline), timescale, left, leftBy,
        extensions + 1, missed);
  }
}
