package org.escalon.compiler.ast;

import java.util.Optional;
import org.escalon.model.SourceSpan;

/** A statement inside a {@code property} block. */
public sealed interface PropertyStmt permits Comment, PropertyStmt.Claim, PropertyStmt.Source {

  /** The statement the property makes. */
  record Claim(ClaimExpr claim, Optional<SourceRef> citation, SourceSpan span)
      implements PropertyStmt {}

  /** {@code source "..."}. */
  record Source(SourceRef citation) implements PropertyStmt {}
}
