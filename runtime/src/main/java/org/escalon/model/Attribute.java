package org.escalon.model;

import java.util.List;
import java.util.Optional;

/**
 * A declared fact about a case: yes/no when it has no choices, one of its choices otherwise. A
 * {@link Decision} is a yes/no fact a named role decides ({@code decision justified by
 * ServiceManager}), during one stage when declared in it, at any time (before the raise too) when
 * declared in the protocol: only that role sets it, by a {@code Decide} event; until then it does
 * not hold.
 */
public record Attribute(String name, String title, List<String> choices, SourceSpan span,
    Optional<Decision> decision) {

  public Attribute {
    choices = List.copyOf(choices);
  }

  /** A fact of the case the host sets whenever it changes. */
  public Attribute(String name, String title, List<String> choices, SourceSpan span) {
    this(name, title, choices, span, Optional.empty());
  }

  /**
   * Who decides the fact ({@code by}: any one of them), at which stage (none: the protocol's
   * decision, taken at any time), citing what.
   */
  public record Decision(Optional<String> stage, List<String> by, List<Citation> citations) {
    public Decision {
      by = List.copyOf(by);
      citations = List.copyOf(citations);
    }
  }

  public boolean isYesNo() {
    return choices.isEmpty();
  }
}
