package org.escalon.machine;

import java.util.List;
import java.util.Optional;
import org.escalon.model.Citation;
import org.escalon.model.SourceSpan;

/**
 * Who answers a stage: the roles it is escalated to ({@code to ...}), whether each of them must
 * answer ({@code jointly}: {@code to A and B}; else either may, {@code to A or B}), and where the
 * first {@code to} line is written and what it cites (else the stage's citation), for a refusal
 * of anyone else.
 */
public record Respondents(List<String> roles, boolean jointly, SourceSpan span,
    Optional<Citation> citation, List<Substitute> substitutes) {

  /**
   * Who is sent the escalation, and answers in the addressee's place, once the host says that
   * addressee is unavailable ({@code to TeamManager, or DutyTeamManager when unavailable}): the
   * {@code to} line's span and citation, for a refusal.
   */
  public record Substitute(String addressee, String role, SourceSpan span,
      Optional<Citation> citation) {}

  public Respondents {
    roles = List.copyOf(roles);
    substitutes = List.copyOf(substitutes);
  }

  /** Roles answering as the line joins them, with no substitute. */
  public Respondents(List<String> roles, boolean jointly, SourceSpan span,
      Optional<Citation> citation) {
    this(roles, jointly, span, citation, List.of());
  }

  /** Roles either of whom may answer. */
  public Respondents(List<String> roles, SourceSpan span, Optional<Citation> citation) {
    this(roles, false, span, citation);
  }

  /** The substitute of this addressee, if the stage names one. */
  public Optional<Substitute> substituteOf(String addressee) {
    for (Substitute s : substitutes) { // a loop: the engine asks on every answer
      if (s.addressee().equals(addressee)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The roles, joined as the policy joins them: "A and B" when each must answer, else "A or B". */
  public String joined() {
    if (roles.size() < 2) {
      return String.join("", roles);
    }
    return String.join(", ", roles.subList(0, roles.size() - 1))
        + (jointly ? " and " : " or ") + roles.get(roles.size() - 1);
  }
}
