package org.escalon.machine;

import java.util.List;
import org.escalon.model.Citation;
import org.escalon.model.SourceSpan;

/** An automatic escalation: when the guard over the case's history holds, raise at a stage. */
public record TriggerRule(String name, Guard when, String raiseAt, List<Citation> citations,
    SourceSpan span) {

  public TriggerRule {
    citations = List.copyOf(citations);
  }
}
