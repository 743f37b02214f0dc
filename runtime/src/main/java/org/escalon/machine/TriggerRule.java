package org.escalon.machine;

import java.util.List;
import org.escalon.model.Citation;
import org.escalon.model.SourceSpan;

/**
 * An automatic escalation: when the guard over the case's history holds, raise at a stage, by
 * {@code raisedBy} (the trigger's own raiser, else the protocol's first raising role).
 */
public record TriggerRule(String name, Guard when, String raiseAt, String raisedBy,
    List<Citation> citations, SourceSpan span) {

  public TriggerRule {
    citations = List.copyOf(citations);
  }
}
