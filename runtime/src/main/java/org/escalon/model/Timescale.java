package org.escalon.model;

import java.util.List;
import java.util.Optional;

/**
 * When a response is due: a duration counted from an anchor, applying when its condition holds
 * (a stage's unconditional timescale has none). A timescale set during the case ({@code setBy})
 * has its cap as its duration: the longest it can be, which is the bound every tool that does not
 * follow the case (the verifier, limits, BPMN timers) counts with.
 */
public record Timescale(
    Timespan duration, Anchor anchor, Optional<Condition> when, Optional<Citation> citation,
    SourceSpan span, Optional<SetBy> setBy) {

  /** A timescale fixed by the protocol. */
  public Timescale(Timespan duration, Anchor anchor, Optional<Condition> when,
      Optional<Citation> citation, SourceSpan span) {
    this(duration, anchor, when, citation, span, Optional.empty());
  }

  /**
   * "The IRO sets the timescale": the roles that set it during the case (any one of them records
   * the value set or agreed), the policy's guide (the timescale until one is set), and the cap
   * ({@link Timescale#duration()}) that a value set may not pass.
   */
  public record SetBy(List<String> roles, Optional<Timespan> guide) {
    public SetBy {
      roles = List.copyOf(roles);
    }
  }

  /** The span counted on entering the stage: the guide of a timescale not yet set, else its own. */
  public Timespan initial() {
    return setBy.flatMap(SetBy::guide).orElse(duration);
  }

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
