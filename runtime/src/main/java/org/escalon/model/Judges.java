package org.escalon.model;

import java.util.List;
import java.util.Optional;

/**
 * Who judges whether a stage is resolved ({@code judged by IRO}), in place of the roles it is
 * escalated to: they give the stage's answer. {@code jointly}: each must judge it resolved
 * ({@code judged by CPChair and HeadOfQA}); else either may.
 */
public record Judges(List<String> roles, boolean jointly, Optional<Citation> citation,
    SourceSpan span) {

  public Judges {
    roles = List.copyOf(roles);
  }
}
