package org.escalon.model;

import java.util.List;
import java.util.Optional;

/**
 * One level of the escalation ladder: its key as the policy numbers it, its title, what is done on
 * entering it, when a response is due, what must hold to enter it, and where it goes next.
 */
public record Stage(
    String key,
    String title,
    List<Step> steps,
    List<Timescale> timescales,
    List<Precondition> preconditions,
    Optional<Condition> onlyIf,
    Transitions transitions,
    Optional<ExtensionRule> extension,
    List<Citation> citations,
    SourceSpan span,
    Optional<Judges> judges,
    Optional<EscalatedBy> escalatedBy) {

  public Stage {
    steps = List.copyOf(steps);
    timescales = List.copyOf(timescales);
    preconditions = List.copyOf(preconditions);
    citations = List.copyOf(citations);
  }

  /** A stage escalated from by the role that raised the case (no {@code escalated by}). */
  public Stage(String key, String title, List<Step> steps, List<Timescale> timescales,
      List<Precondition> preconditions, Optional<Condition> onlyIf, Transitions transitions,
      Optional<ExtensionRule> extension, List<Citation> citations, SourceSpan span,
      Optional<Judges> judges) {
    this(key, title, steps, timescales, preconditions, onlyIf, transitions, extension, citations,
        span, judges, Optional.empty());
  }

  /** A stage answered by the roles it is escalated to (no {@code judged by}). */
  public Stage(String key, String title, List<Step> steps, List<Timescale> timescales,
      List<Precondition> preconditions, Optional<Condition> onlyIf, Transitions transitions,
      Optional<ExtensionRule> extension, List<Citation> citations, SourceSpan span) {
    this(key, title, steps, timescales, preconditions, onlyIf, transitions, extension, citations,
        span, Optional.empty(), Optional.empty());
  }

  /** The timescale that applies when no condition does: the first without a condition. */
  public Optional<Timescale> defaultTimescale() {
    return timescales.stream().filter(t -> t.when().isEmpty()).findFirst();
  }
}
