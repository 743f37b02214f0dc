package org.escalon.model;

import java.util.List;
import java.util.Optional;

/**
 * An automatic escalation: when the rule becomes true, an escalation is raised at a stage, by
 * {@code raisedBy} when the trigger says who ({@code raise at stage 1 by CPChair}), else by the
 * protocol's first raising role.
 */
public record Trigger(String name, String title, HistoryRule rule, String raiseAt,
    Optional<String> raisedBy, List<Citation> citations, SourceSpan span) {

  public Trigger {
    citations = List.copyOf(citations);
  }

  /** A trigger that does not say who raises it. */
  public Trigger(String name, String title, HistoryRule rule, String raiseAt,
      List<Citation> citations, SourceSpan span) {
    this(name, title, rule, raiseAt, Optional.empty(), citations, span);
  }
}
