package org.escalon.compiler.ast;

import org.escalon.model.SourceSpan;

/** A rule over the case's history that a trigger watches. */
public sealed interface HistoryExpr {

  SourceSpan span();

  /**
   * {@code grading is requires_improvement twice in a row for the same section}: a value of a
   * scale, given {@code times} times in a row ({@code 1} when not said).
   */
  record Graded(
      Name scale, Name value, int times, boolean repetitionWritten, Scope scope, SourceSpan span)
      implements HistoryExpr {}

  /** Which sections a grading rule looks at. */
  enum Scope {
    UNSAID,
    ANY_SECTION,
    SAME_SECTION
  }

  /** {@code social_worker_changed occurs more than 2 times}. */
  record Count(Name event, boolean strictlyMore, int times, SourceSpan span)
      implements HistoryExpr {}

  /** {@code at least 6 months since plan_started}. */
  record Since(DurationExpr duration, Name event, SourceSpan span) implements HistoryExpr {}

  /** A yes/no attribute of the case. */
  record Attr(Name attribute) implements HistoryExpr {
    @Override
    public SourceSpan span() {
      return attribute.span();
    }
  }

  /** {@code a and b}. */
  record And(HistoryExpr left, HistoryExpr right, SourceSpan span) implements HistoryExpr {}

  /** {@code a or b}. */
  record Or(HistoryExpr left, HistoryExpr right, SourceSpan span) implements HistoryExpr {}

  /** {@code (h)}. */
  record Group(HistoryExpr inner, SourceSpan span) implements HistoryExpr {}
}
