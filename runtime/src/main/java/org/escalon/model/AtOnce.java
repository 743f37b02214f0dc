package org.escalon.model;

import java.util.List;
import java.util.Optional;

/**
 * What must happen at once when a condition holds, whatever the stage: {@code when immediate_risk
 * go to stage 3} ("where there is immediate risk, staff must escalate straight to stage 3"), and
 * {@code when immediate_risk { notify Police "call 999" }} ("call 999"), outside the ladder.
 *
 * @param when the condition on the case
 * @param goTo where an open escalation goes at once while it holds: a stage later than the one
 *     it is at, or an outcome; empty when the rule only does steps
 * @param steps what is done, once each time the condition comes to hold, whether or not an
 *     escalation is running
 */
public record AtOnce(Condition when, Optional<Target> goTo, List<Step> steps,
    List<Citation> citations, SourceSpan span) {

  public AtOnce {
    steps = List.copyOf(steps);
    citations = List.copyOf(citations);
  }
}
