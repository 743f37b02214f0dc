package org.escalon.simulate;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * What happens to one escalation besides the passing of time: who responds, bypasses, asks for
 * more time, agrees or advises, and when. With no steps it is the worst case: nobody responds and
 * nobody bypasses.
 *
 * @param start the date the escalation is raised, unless the command line says otherwise
 * @param raise how the escalation is raised; empty: by the protocol's raiser at the first stage
 *     (or by a trigger, when {@code raisedByTrigger})
 * @param agreementsWhenNeeded whether agreement and advice a stage or outcome requires is given
 *     as soon as it is needed (the default), rather than waited for
 */
public record Scenario(
    String name,
    Optional<LocalDate> start,
    Optional<ScenarioStep.Action.Raise> raise,
    boolean raisedByTrigger,
    boolean agreementsWhenNeeded,
    List<ScenarioStep> before,
    List<ScenarioStep> steps) {

  public Scenario {
    before = List.copyOf(before);
    steps = List.copyOf(steps);
  }

  /** Nobody responds, nobody bypasses; required agreement and advice are given when needed. */
  public static Scenario worstCase() {
    return new Scenario("worst case: nobody responds, no bypass", Optional.empty(),
        Optional.empty(), false, true, List.of(), List.of());
  }
}
