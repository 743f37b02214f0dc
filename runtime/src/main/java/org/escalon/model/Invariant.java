package org.escalon.model;

import java.util.List;

/**
 * A condition on the case that holds from the raise until the escalation ends ("the child remains
 * in the placement until the escalation is resolved"). The engine refuses an event after which an
 * open escalation would break it; the verifier checks it over every path.
 */
public record Invariant(String title, Condition condition, List<Citation> citations,
    SourceSpan span) {

  public Invariant {
    citations = List.copyOf(citations);
  }
}
