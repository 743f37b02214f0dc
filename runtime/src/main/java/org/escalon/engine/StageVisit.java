package org.escalon.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.escalon.model.Stage;
import org.escalon.model.Timescale;

/**
 * One stay at a stage: when it began, its deadline (after any extensions), the timescale that
 * set it, when and how it was left. A stage's timescale was kept when it was left before its
 * deadline.
 *
 * @param timescale which of the stage's timescales the operational model chose on entering (of
 *     the conditional ones that hold, the earliest; else the unconditional one), or when one was
 *     set during the case: its place among them as declared, from 0; what a missed deadline
 *     cites ({@link #timescaleOf}) and whether it is soft
 * @param answered on a stage each of several roles must answer ({@code to A and B}): those who
 *     have answered resolving so far, in order; empty otherwise
 * @param missed when the stay's soft deadline ({@code where possible}, {@code as a guide}) was
 *     missed: recorded, and the stay goes on until someone answers or the escalator escalates
 * @param unavailable the addressees the host has said are unavailable this stay, in order: the
 *     substitute of each answers in its place ({@code to A, or B when unavailable})
 */
public record StageVisit(String stage, Instant entered, Optional<Instant> deadline,
    Optional<Integer> timescale, Optional<Instant> left, Optional<String> leftBy,
    int extensions, List<String> answered, Optional<Instant> missed, List<String> unavailable) {

  public StageVisit {
    answered = List.copyOf(answered);
    unavailable = List.copyOf(unavailable);
  }

  /** A stay at which no addressee has been said to be unavailable. */
  public StageVisit(String stage, Instant entered, Optional<Instant> deadline,
      Optional<Integer> timescale, Optional<Instant> left, Optional<String> leftBy,
      int extensions, List<String> answered, Optional<Instant> missed) {
    this(stage, entered, deadline, timescale, left, leftBy, extensions, answered, missed,
        List.of());
  }

  /** A stay no respondent of a stage answered jointly has answered yet. */
  public StageVisit(String stage, Instant entered, Optional<Instant> deadline,
      Optional<Integer> timescale, Optional<Instant> left, Optional<String> leftBy,
      int extensions) {
    this(stage, entered, deadline, timescale, left, leftBy, extensions, List.of());
  }

  /** A stay whose soft deadline, if any, has not been missed. */
  public StageVisit(String stage, Instant entered, Optional<Instant> deadline,
      Optional<Integer> timescale, Optional<Instant> left, Optional<String> leftBy,
      int extensions, List<String> answered) {
    this(stage, entered, deadline, timescale, left, leftBy, extensions, answered,
        Optional.empty());
  }

  /**
   * The stay after its soft deadline was missed at {@code at}: recorded, and the stay goes on
   * until someone answers or the escalator escalates.
   */
  StageVisit miss(Instant at) {
    return new StageVisit(stage, entered, deadline, timescale, left, leftBy, extensions, answered,
        Optional.of(at), unavailable);
  }

  /**
   * The stay after one more respondent of a stage answered jointly ({@code to A and B}) answered
   * resolving, while others still must: the stay goes on.
   */
  StageVisit answer(String role) {
    List<String> more = new java.util.ArrayList<>(answered);
    more.add(role);
    return new StageVisit(stage, entered, deadline, timescale, left, leftBy, extensions, more,
        missed, unavailable);
  }

  /** The stay after the host said {@code role}, an addressee with a substitute, is unavailable. */
  StageVisit unavailable(String role) {
    List<String> more = new java.util.ArrayList<>(unavailable);
    more.add(role);
    return new StageVisit(stage, entered, deadline, timescale, left, leftBy, extensions, answered,
        missed, more);
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
        extensions, answered, missed, unavailable);
  }

  /**
   * The stay with the deadline of a timescale set during the case (not an extension) and the
   * timescale that counts from then, as the operational model chose it ({@code
   * Interpreter.setTime}): the same as on entering unless another now gives the earliest
   * deadline, or none counted on entering (its condition did not hold then).
   */
  StageVisit deadlineSet(Optional<Instant> newDeadline, Optional<Integer> newTimescale) {
    return new StageVisit(stage, entered, newDeadline, newTimescale, left, leftBy, extensions,
        answered, missed, unavailable);
  }

  StageVisit extend(Instant newDeadline) {
    return new StageVisit(stage, entered, Optional.of(newDeadline), timescale, left, leftBy,
        extensions + 1, answered, missed, unavailable);
  }
}
