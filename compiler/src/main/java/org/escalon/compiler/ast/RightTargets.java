package org.escalon.compiler.ast;

import java.util.List;
import org.escalon.model.SourceSpan;

/** Where a right lets the escalation start or skip to. */
public sealed interface RightTargets {

  /** {@code any stage}. */
  record AnyStage(SourceSpan span) implements RightTargets {}

  /** {@code any later stage}: a bypass forward from wherever the escalation is. */
  record AnyLaterStage(SourceSpan span) implements RightTargets {}

  /** {@code stage 2..6, cafcass}. */
  record Listed(List<RightTarget> targets) implements RightTargets {
    public Listed {
      targets = List.copyOf(targets);
    }
  }

  /** One target: stages, or an outcome by name. */
  sealed interface RightTarget {
    /** Stages. */
    record Stages(StageRef ref) implements RightTarget {}

    /** An outcome. */
    record Outcome(Name outcome) implements RightTarget {}
  }
}
