package org.escalon.compiler.verify;

import java.util.List;
import java.util.Optional;
import org.escalon.model.Citation;
import org.escalon.model.SourceSpan;
import org.escalon.simulate.Scenario;

/**
 * A failing path a reviewer can read: each step in words with the policy paragraph behind it,
 * how the path goes on, and the scenario that replays it in the simulator (whose timeline puts it
 * on real dates).
 *
 * @param ending what happens after the last step, in words
 */
public record Counterexample(Scenario scenario, List<Step> steps, String ending,
    Finding.Timing timing) {

  public Counterexample {
    steps = List.copyOf(steps);
  }

  /**
   * One step of the path: what happened, where it left the escalation, and the rule behind it.
   *
   * @param scenarioLine the scenario line that makes it happen; empty for time passing
   */
  public record Step(String what, String where, Optional<Citation> citation, SourceSpan span,
      Optional<String> scenarioLine) {}
}
