package org.escalon.model;

import java.util.List;
import java.util.Optional;

/** An ordered grading scale, such as inadequate, requires improvement, good, outstanding. */
public record Scale(String name, String title, List<Grade> grades, SourceSpan span) {

  public Scale {
    grades = List.copyOf(grades);
  }

  /** One grade, with the score the policy gives it if any. */
  public record Grade(String name, Optional<Integer> score) {}
}
