package org.escalon.model;

import java.util.List;

/** What a property states about every path through the protocol. */
public sealed interface Claim {

  /** Holds in every state of every path. */
  record Always(Claim operand) implements Claim {}

  /** Holds at some point of every path. */
  record Eventually(Claim operand) implements Claim {}

  /** Holds in no state of any path. */
  record Never(Claim operand) implements Claim {}

  /** Holds at every stage entered. */
  record AtEveryStage(Claim operand) implements Claim {}

  /** Every path ends in a state where the operand holds. */
  record Reaches(Claim operand) implements Claim {}

  /**
   * The operand, an {@link Eventually} or a {@link Reaches}, comes true on every path within the
   * bound, counted from the raise as the measure says (elapsed on the calendar, or the sum of the
   * timescales on the way); stands only at the top of a property's claim.
   */
  record Within(Claim operand, Timespan bound, Measure measure) implements Claim {
    /** A bound on the working days elapsed on the calendar. */
    public Within(Claim operand, Timespan bound) {
      this(operand, bound, Measure.ELAPSED);
    }
  }

  /** The subject holds only in states where the condition already held. */
  record OnlyAfter(Claim subject, Claim condition) implements Claim {}

  /** Negation. */
  record Not(Claim operand) implements Claim {}

  /** Both. */
  record And(Claim left, Claim right) implements Claim {}

  /** Either. */
  record Or(Claim left, Claim right) implements Claim {}

  /** These stages have been completed. */
  record Completed(List<String> stages) implements Claim {
    public Completed {
      stages = List.copyOf(stages);
    }
  }

  /** The escalation is at this stage. */
  record InStage(String key) implements Claim {}

  /** The escalation has ended in this outcome ({@code resolved} included). */
  record InOutcome(String name) implements Claim {}

  /** A yes/no attribute of the case holds. */
  record AttributeHolds(String attribute) implements Claim {}

  /** The current stage does this with the role. */
  record RoleAction(String role, Action action) implements Claim {}

  /** What a stage does with a role. */
  enum Action {
    ESCALATED_TO,
    COPIED,
    NOTIFIED,
    ADVISED,
    CONSULTED
  }
}
