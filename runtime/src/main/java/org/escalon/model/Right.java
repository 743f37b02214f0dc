package org.escalon.model;

import java.util.List;
import java.util.Optional;

/**
 * A right of a role: to start the escalation at a stage, to bypass to a stage or outcome, or to
 * refer to an outcome at any time; {@code when} the case meets a condition, if one is given. Stage
 * ranges are expanded to the stages they cover.
 */
public record Right(
    String role,
    Kind kind,
    List<Target> targets,
    boolean reasonRequired,
    boolean concurrently,
    Optional<Condition> when,
    Optional<Citation> citation,
    SourceSpan span) {

  public Right {
    targets = List.copyOf(targets);
  }

  /** What the right allows. */
  public enum Kind {
    START,
    BYPASS,
    REFER
  }
}
