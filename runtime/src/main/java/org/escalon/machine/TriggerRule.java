package org.escalon.machine;

import java.time.Instant;
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

  /** The instant the time a trigger's rule waits for comes ({@link Interpreter#triggerDue}). */
  public record Due(String trigger, Instant at) {}
}
