package org.escalon.compiler.ast;

import java.util.List;
import java.util.Optional;
import org.escalon.model.SourceSpan;

/** The stages an obligation applies at. */
public sealed interface StageSetExpr {

  /** {@code every stage [from stage 3] [except stage informal]}. */
  record Every(Optional<StageKey> from, List<StageRef> except, SourceSpan span)
      implements StageSetExpr {
    public Every {
      except = List.copyOf(except);
    }
  }

  /** {@code stage 3..6}. */
  record Listed(List<StageRef> stages, SourceSpan span) implements StageSetExpr {
    public Listed {
      stages = List.copyOf(stages);
    }
  }
}
