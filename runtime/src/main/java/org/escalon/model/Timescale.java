package org.escalon.model;

import java.util.Optional;

/**
 * When a response is due: a duration counted from an anchor, applying when its condition holds
 * (a stage's unconditional timescale has none).
 */
public record Timescale(
    Timespan duration, Anchor anchor, Optional<Condition> when, Optional<Citation> citation,
    SourceSpan span) {

  /** What a timescale counts from. */
  public sealed interface Anchor {
    /** The start of the stage (the usual case). */
    record StageStart() implements Anchor {}

    /** The start of the escalation. */
    record EscalationStart() implements Anchor {}

    /** The last time a declared event happened. */
    record Event(String name) implements Anchor {}
  }
}
