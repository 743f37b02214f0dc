package org.escalon.simulate;

import java.util.List;
import org.escalon.model.Outcome;
import org.escalon.model.Precondition;
import org.escalon.model.Protocol;
import org.escalon.model.Stage;
import org.escalon.model.Target;

/** The preconditions of a stage or outcome a target names. */
final class Preconditions {

  private Preconditions() {}

  static List<Precondition> of(Protocol protocol, Target target) {
    return target instanceof Target.ToOutcome o
        ? protocol.outcome(o.name()).map(Outcome::preconditions).orElse(List.of())
        : protocol.stage(((Target.ToStage) target).key()).map(Stage::preconditions)
            .orElse(List.of());
  }
}
