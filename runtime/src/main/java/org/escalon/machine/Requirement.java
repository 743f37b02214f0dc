package org.escalon.machine;

import java.util.List;
import org.escalon.model.SourceSpan;

/**
 * One {@code requires} of a stage, an outcome or an extension: a guard and where it is written.
 * An extension's may be asked only of a request by some roles ({@code askedOf}, {@code requires
 * ... when requested by A or B}); empty: of every request, and of every move elsewhere.
 */
public record Requirement(Guard guard, SourceSpan span, List<String> askedOf) {

  public Requirement {
    askedOf = List.copyOf(askedOf);
  }

  public Requirement(Guard guard, SourceSpan span) {
    this(guard, span, List.of());
  }

  /** Whether a request by {@code by} needs this requirement. */
  public boolean askedOf(String by) {
    return askedOf.isEmpty() || askedOf.contains(by);
  }
}
