package org.escalon.machine;

import java.util.List;
import java.util.Optional;
import org.escalon.model.Citation;
import org.escalon.model.SourceSpan;

/**
 * Who answers a stage: the roles it is escalated to ({@code to ...}), and where the first
 * {@code to} line is written and what it cites (else the stage's citation), for a refusal of
 * anyone else.
 */
public record Respondents(List<String> roles, SourceSpan span, Optional<Citation> citation) {

  public Respondents {
    roles = List.copyOf(roles);
  }
}
