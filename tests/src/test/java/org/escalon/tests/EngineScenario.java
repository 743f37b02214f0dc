package org.escalon.tests;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scenario run both on Escalon and on a workflow engine: facts of the case before it is raised,
 * the stage it is raised at (the first if none), and what happens on which working day from the
 * start (day 0 is the day it is raised, at 09:00; the steps happen at 10:00).
 */
record EngineScenario(String name, String protocol, Map<String, String> facts,
    Optional<String> startAt, List<Step> steps) {

  EngineScenario {
    facts = Map.copyOf(facts);
    steps = List.copyOf(steps);
  }

  /** Nobody responds and nobody bypasses. */
  static EngineScenario worstCase(String protocol) {
    return new EngineScenario("worst case", protocol, Map.of(), Optional.empty(), List.of());
  }

  /** One thing that happens, on a working day counted from the start. */
  record Step(int day, Act act) {}

  /** What happens. */
  sealed interface Act {}

  /** The stage's respondent answers, resolving the concern or not. */
  record Respond(String by, boolean resolving) implements Act {}

  /** A role bypasses to a stage or outcome. */
  record Bypass(String by, String target) implements Act {}

  /** A role refers to an outcome at any time. */
  record Refer(String by, String outcome) implements Act {}

  /** A role agrees. */
  record Agree(String role) implements Act {}

  /** A role's advice is given. */
  record Advise(String role) implements Act {}

  /** A fact about the case changes. */
  record Set(String attribute, String value) implements Act {}
}
