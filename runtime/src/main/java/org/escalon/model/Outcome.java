package org.escalon.model;

import java.util.List;

/** A way an escalation ends: {@code resolved}, or a named one such as a referral to Cafcass. */
public record Outcome(
    String name,
    String title,
    boolean builtIn,
    List<Step> steps,
    List<Precondition> preconditions,
    List<Citation> citations,
    SourceSpan span) {

  public Outcome {
    steps = List.copyOf(steps);
    preconditions = List.copyOf(preconditions);
    citations = List.copyOf(citations);
  }
}
