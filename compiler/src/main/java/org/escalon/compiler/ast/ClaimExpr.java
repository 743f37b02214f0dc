package org.escalon.compiler.ast;

import java.util.List;
import org.escalon.model.SourceSpan;

/** A statement about every path through a protocol, as a property writes it. */
public sealed interface ClaimExpr {

  SourceSpan span();

  /** {@code always c}. */
  record Always(ClaimExpr operand, SourceSpan span) implements ClaimExpr {}

  /** {@code eventually c}. */
  record Eventually(ClaimExpr operand, SourceSpan span) implements ClaimExpr {}

  /** {@code never c}. */
  record Never(ClaimExpr operand, SourceSpan span) implements ClaimExpr {}

  /** {@code at every stage c}. */
  record AtEveryStage(ClaimExpr operand, SourceSpan span) implements ClaimExpr {}

  /** {@code every path reaches c}. */
  record Reaches(ClaimExpr operand, SourceSpan span) implements ClaimExpr {}

  /**
   * {@code every path reaches resolved within 20 working days}: an {@code eventually} or an
   * {@code every path reaches} claim that must come true within a time from the raise.
   */
  record Within(ClaimExpr operand, DurationExpr bound, org.escalon.model.Measure measure,
      SourceSpan span) implements ClaimExpr {}

  /** {@code cafcass only after completed stage 4, stage 5 and stage 6}. */
  record OnlyAfter(ClaimExpr subject, ClaimExpr condition, SourceSpan span) implements ClaimExpr {}

  /** {@code not c}. */
  record Not(ClaimExpr operand, SourceSpan span) implements ClaimExpr {}

  /** {@code a and b}. */
  record And(ClaimExpr left, ClaimExpr right, SourceSpan span) implements ClaimExpr {}

  /** {@code a or b}. */
  record Or(ClaimExpr left, ClaimExpr right, SourceSpan span) implements ClaimExpr {}

  /** {@code (c)}. */
  record Group(ClaimExpr inner, SourceSpan span) implements ClaimExpr {}

  /** {@code completed stage 4, stage 5}. */
  record Completed(List<StageRef> stages, SourceSpan span) implements ClaimExpr {
    public Completed {
      stages = List.copyOf(stages);
    }
  }

  /** {@code stage 4}: the escalation is at that stage. */
  record InStage(StageKey key, SourceSpan span) implements ClaimExpr {}

  /** {@code resolved}. */
  record Resolved(SourceSpan span) implements ClaimExpr {}

  /** {@code YoungPerson is advised}. */
  record RoleAction(Name role, Action action, SourceSpan span) implements ClaimExpr {}

  /** What has been done with a role at a stage. */
  enum Action {
    ESCALATED_TO,
    COPIED,
    NOTIFIED,
    ADVISED,
    CONSULTED
  }

  /** An outcome (or attribute) by name: {@code cafcass}. */
  record Named(Name name) implements ClaimExpr {
    @Override
    public SourceSpan span() {
      return name.span();
    }
  }
}
