package org.escalon.model;

import java.util.List;

/** A role of the protocol, with its display title and its equivalents in other agencies. */
public record Role(
    String name,
    String title,
    boolean external,
    List<Equivalent> equivalents,
    List<Citation> citations,
    SourceSpan span) {

  public Role {
    equivalents = List.copyOf(equivalents);
    citations = List.copyOf(citations);
  }

  /** What the role is called in another agency. */
  public record Equivalent(String agency, List<String> titles) {
    public Equivalent {
      titles = List.copyOf(titles);
    }
  }
}
