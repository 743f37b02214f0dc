package org.escalon.compiler.ast;

import java.util.Optional;
import org.escalon.model.SourceSpan;

/** A statement inside an {@code invariant} block. */
public sealed interface InvariantStmt permits Comment, InvariantStmt.Holds, InvariantStmt.Source {

  /** {@code child_in_placement}: the condition that must hold while the escalation is open. */
  record Holds(ConditionExpr condition, Optional<SourceRef> citation, SourceSpan span)
      implements InvariantStmt {}

  /** {@code source "..."}. */
  record Source(SourceRef citation) implements InvariantStmt {}
}
