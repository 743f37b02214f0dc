package org.escalon.model;

import java.util.List;

/** An automatic escalation: when the rule becomes true, an escalation is raised at a stage. */
public record Trigger(String name, String title, HistoryRule rule, String raiseAt,
    List<Citation> citations, SourceSpan span) {

  public Trigger {
    citations = List.copyOf(citations);
  }
}
