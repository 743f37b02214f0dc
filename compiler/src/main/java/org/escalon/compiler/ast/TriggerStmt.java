package org.escalon.compiler.ast;

import java.util.Optional;
import org.escalon.model.SourceSpan;

/** A statement inside a {@code trigger} block. */
public sealed interface TriggerStmt
    permits Comment, TriggerStmt.When, TriggerStmt.RaiseAt, TriggerStmt.Source {

  /** {@code when grading is inadequate for any section}. */
  record When(HistoryExpr history, Optional<SourceRef> citation, SourceSpan span)
      implements TriggerStmt {}

  /** {@code raise at stage 1}; {@code raise at stage 1 by CPChair} names who raises it. */
  record RaiseAt(StageKey stage, Optional<Name> by, Optional<SourceRef> citation, SourceSpan span)
      implements TriggerStmt {}

  /** {@code source "..."}. */
  record Source(SourceRef citation) implements TriggerStmt {}
}
