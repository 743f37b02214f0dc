package org.escalon.compiler.ast;

import java.util.List;
import java.util.Optional;
import org.escalon.model.SourceSpan;

/** A statement inside a role's block. */
public sealed interface RoleStmt permits Comment, RoleStmt.Equivalent, RoleStmt.Source {

  /** {@code in police "Detective Sergeant"}: the equivalent role in another agency. */
  record Equivalent(Name agency, List<Text> titles, Optional<SourceRef> citation, SourceSpan span)
      implements RoleStmt {
    public Equivalent {
      titles = List.copyOf(titles);
    }
  }

  /** {@code source "..."}. */
  record Source(SourceRef citation) implements RoleStmt {}
}
