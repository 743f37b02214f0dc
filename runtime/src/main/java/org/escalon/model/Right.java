package org.escalon.model;

import java.util.List;
import java.util.Optional;

/**
 * A right of a role: to start the escalation at a stage, to bypass to a stage or outcome, or to
 * refer to an outcome at any time; {@code when} the case meets a condition, if one is given. Stage
 * ranges are expanded to the stages they cover. A bypass {@code laterOnly} ({@code bypass to any
 * later stage}) lists every stage but reaches only those after the one the escalation is at
 * (decided in {@code org.escalon.machine.RightsTable#reaches}).
 */
public record Right(
    String role,
    Kind kind,
    List<Target> targets,
    boolean reasonRequired,
    boolean concurrently,
    boolean laterOnly,
    Optional<Condition> when,
    Optional<Citation> citation,
    SourceSpan span,
    boolean atRaise) {

  public Right {
    targets = List.copyOf(targets);
  }

  /**
   * A right usable whenever the escalation is open ({@code atRaise}: a referral only at the raise,
   * "at the same time as the dispute is instigated", is the other kind).
   */
  public Right(String role, Kind kind, List<Target> targets, boolean reasonRequired,
      boolean concurrently, boolean laterOnly, Optional<Condition> when,
      Optional<Citation> citation, SourceSpan span) {
    this(role, kind, targets, reasonRequired, concurrently, laterOnly, when, citation, span,
        false);
  }

  /** A right whose targets do not depend on where the escalation is. */
  public Right(String role, Kind kind, List<Target> targets, boolean reasonRequired,
      boolean concurrently, Optional<Condition> when, Optional<Citation> citation,
      SourceSpan span) {
    this(role, kind, targets, reasonRequired, concurrently, false, when, citation, span);
  }

  /** What the right allows. */
  public enum Kind {
    START,
    BYPASS,
    REFER
  }
}
