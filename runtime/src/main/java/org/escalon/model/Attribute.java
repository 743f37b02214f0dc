package org.escalon.model;

import java.util.List;

/** A declared fact about a case: yes/no when it has no choices, one of its choices otherwise. */
public record Attribute(String name, String title, List<String> choices, SourceSpan span) {

  public Attribute {
    choices = List.copyOf(choices);
  }

  public boolean isYesNo() {
    return choices.isEmpty();
  }
}
