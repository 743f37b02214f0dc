package org.escalon.compiler.ast;

import java.util.List;
import java.util.Optional;
import org.escalon.model.SourceSpan;

/** A statement inside a {@code limit} block. */
public sealed interface LimitStmt permits Comment, LimitStmt.Total, LimitStmt.Source {

  /**
   * {@code total of stage 1..4 at most 20 working days}; an empty {@code stages} list with {@code
   * allStages} false means the total from the start to any outcome. {@code elapsed at most 21
   * working days} has the measure {@code ELAPSED} and every stage.
   */
  record Total(
      boolean allStages,
      List<StageRef> stages,
      DurationExpr atMost,
      org.escalon.model.Measure measure,
      Optional<SourceRef> citation,
      SourceSpan span)
      implements LimitStmt {
    public Total {
      stages = List.copyOf(stages);
    }
  }

  /** {@code source "..."}. */
  record Source(SourceRef citation) implements LimitStmt {}
}
