package org.escalon.engine;

import java.util.Optional;
import org.escalon.model.Citation;
import org.escalon.model.SourceSpan;

/**
 * An event the protocol does not allow in the escalation's current state. The message names the
 * rule, where the protocol says it, and the policy paragraph it encodes; the state is unchanged.
 */
public final class RefusedEvent extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient CaseEvent event;
  private final String rule;
  private final SourceSpan span;
  private final transient Optional<Citation> citation;

  /** A refusal of {@code event} under {@code rule}, stated at {@code span}; generated machines make them too. */
  public RefusedEvent(CaseEvent event, String rule, SourceSpan span, Optional<Citation> citation) {
    super(message(rule, span, citation));
    this.event = event;
    this.rule = rule;
    this.span = span;
    this.citation = citation;
  }

  private static String message(String rule, SourceSpan span, Optional<Citation> citation) {
    StringBuilder out = new StringBuilder(rule);
    if (span.isKnown()) {
      out.append(" (").append(span).append(')');
    }
    citation.ifPresent(c -> out.append(" [").append(c.text()).append(']'));
    return out.toString();
  }

  public CaseEvent event() {
    return event;
  }

  /** The rule in words, such as "IRO may bypass only to stage 2..6". */
  public String rule() {
    return rule;
  }

  /** Where the protocol states the rule. */
  public SourceSpan span() {
    return span;
  }

  /** The policy paragraph the rule encodes, when the protocol cites one. */
  public Optional<Citation> citation() {
    return citation;
  }
}
