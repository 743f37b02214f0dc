package org.escalon.engine;

import java.util.Optional;
import org.escalon.model.Citation;
import org.escalon.model.SourceSpan;

/**
 * An event the protocol does not allow in the escalation's current state. The message names the
 * rule, where the protocol says it, and the policy paragraph it encodes; the state is unchanged.
 * {@link #kind()} says, for a program, which sort of refusal it is.
 */
public final class RefusedEvent extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient CaseEvent event;
  private final String rule;
  private final SourceSpan span;
  private final transient Optional<Citation> citation;
  private final Kind kind;

  /**
   * What sort of refusal this is, so that a host can act on it without reading the text: answer
   * a user (forbidden, not now), fix its own input (malformed, unknown), or enter the event again
   * with the date it really happened (out of order).
   */
  public enum Kind {
    /**
     * Who acts may never do this under the protocol or in this escalation (no such right, not a
     * respondent, not the role that raised it).
     */
    FORBIDDEN,
    /** The protocol allows it, but not in the escalation's present state. */
    NOT_NOW,
    /** It is dated before what the escalation has already recorded and cannot be fitted in. */
    OUT_OF_ORDER,
    /** It names a role, stage, outcome, attribute, scale or event the protocol does not have. */
    UNKNOWN,
    /** A field is empty or out of range whatever the protocol says. */
    MALFORMED,
    /**
     * The protocol would allow it, but afterwards the open escalation would break one of the
     * protocol's invariants ({@code invariant "..." { ... }}); the rule names which.
     */
    BREAKS_INVARIANT
  }

  /** A refusal of {@code event} under {@code rule}, stated at {@code span}; generated machines make them too. */
  /** The event refused for what the operational model says ({@code Interpreter.Refusal}). */
  public static RefusedEvent of(CaseEvent event, org.escalon.machine.Interpreter.Refusal r) {
    return new RefusedEvent(event, r.reason(), r.span(), r.citation());
  }

  /** Refuses the event with the model's refusal, if it gives one: a generated machine's check. */
  public static void ifAny(CaseEvent event,
      Optional<org.escalon.machine.Interpreter.Refusal> refusal) {
    if (refusal.isPresent()) {
      throw of(event, refusal.get());
    }
  }

  public RefusedEvent(CaseEvent event, String rule, SourceSpan span, Optional<Citation> citation) {
    this(event, rule, span, citation, Kind.NOT_NOW);
  }

  /** A refusal of a known {@code kind}. */
  public RefusedEvent(CaseEvent event, String rule, SourceSpan span, Optional<Citation> citation,
      Kind kind) {
    super(message(rule, span, citation));
    this.event = event;
    this.rule = rule;
    this.span = span;
    this.citation = citation;
    this.kind = kind;
  }

  /** The same refusal, of another kind. */
  public RefusedEvent as(Kind other) {
    return new RefusedEvent(event, rule, span, citation, other);
  }

  private static String message(String rule, SourceSpan span, Optional<Citation> citation) {
    StringBuilder out = new StringBuilder(rule);
    if (span.isKnown()) {
      out.append(" (").append(span).append(')');
    }
    citation.ifPresent(c -> out.append(" [").append(c.text()).append(']'));
    return out.toString();
  }

  /**
   * What sort of refusal this is. The engine classifies every refusal ({@code Refusals}); one
   * made with the four-argument constructor, as generated machines do, is {@link Kind#NOT_NOW}.
   */
  public Kind kind() {
    return kind;
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
