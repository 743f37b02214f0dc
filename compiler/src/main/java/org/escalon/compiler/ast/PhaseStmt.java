package org.escalon.compiler.ast;

import java.util.List;
import java.util.Optional;
import org.escalon.model.SourceSpan;

/** A statement inside a {@code phase} block. */
public sealed interface PhaseStmt permits Comment, PhaseStmt.Stages, PhaseStmt.Source {

  /** {@code stage 3..5}: stages the phase groups. */
  record Stages(List<StageRef> stages, Optional<SourceRef> citation, SourceSpan span)
      implements PhaseStmt {
    public Stages {
      stages = List.copyOf(stages);
    }
  }

  /** {@code source "..."}. */
  record Source(SourceRef citation) implements PhaseStmt {}
}
