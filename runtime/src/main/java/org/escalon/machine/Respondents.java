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
    Optional<Citation> citation) {

  public Respondents {
    roles = List.copyOf(roles);
  }

  /** Roles either of whom may answer. */
  public Respondents(List<String> roles, SourceSpan span, Optional<Citation> citation) {
    this(roles, false, span, citation);
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
