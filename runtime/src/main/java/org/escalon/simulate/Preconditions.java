package org.escalon.simulate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.EscalationState;
import org.escalon.machine.PreconditionCases;
import org.escalon.machine.StepClocks;
import org.escalon.machine.TargetCases;
import org.escalon.model.Outcome;
import org.escalon.model.Precondition;
import org.escalon.model.Protocol;
import org.escalon.model.Stage;
import org.escalon.model.Target;

/** The preconditions of a stage or outcome a target names, and how a scenario meets them. */
final class Preconditions {

  private Preconditions() {}

  static List<Precondition> of(Protocol protocol, Target target) {
    return TargetCases.on(target, new TargetCases<>() {
      @Override
      public List<Precondition> stage(String key) {
        return protocol.stage(key).map(Stage::preconditions).orElse(List.of());
      }

      @Override
      public List<Precondition> outcome(String name) {
        return protocol.outcome(name).map(Outcome::preconditions).orElse(List.of());
      }
    });
  }

  /**
   * The event that gives what the precondition asks for, at the instant, unless it has been
   * given already; empty for what no one gives (stages completed, a condition on the case).
   */
  static Optional<CaseEvent> giving(Precondition p, Instant at, EscalationState given) {
    return PreconditionCases.on(p, new PreconditionCases<>() {
      @Override
      public Optional<CaseEvent> completed(Precondition.Completed c) {
        return Optional.empty();
      }

      @Override
      public Optional<CaseEvent> agreement(Precondition.Agreement a) {
        return given.agreements().contains(a.role()) ? Optional.empty()
            : Optional.of(new CaseEvent.Agree(at, a.role()));
      }

      @Override
      public Optional<CaseEvent> advice(Precondition.Advice a) {
        return given.advice().contains(a.role()) ? Optional.empty()
            : Optional.of(new CaseEvent.Advise(at, a.role()));
      }

      @Override
      public Optional<CaseEvent> done(Precondition.Done d) {
        String step = StepClocks.id(d.step());
        return given.done().contains(step) ? Optional.empty()
            : Optional.of(new CaseEvent.StepDone(at, StepClocks.by(d.step()).orElseThrow(), step));
      }

      @Override
      public Optional<CaseEvent> holds(Precondition.Holds h) {
        return Optional.empty();
      }
    });
  }
}
