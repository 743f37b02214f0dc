package org.escalon.model;

import java.util.List;

/** A role of the protocol, with its display title and its equivalents in other agencies. */
public record Role(
    String name,
    String title,
    boolean external,
    List<Equivalent> equivalents,
    List<Citation> citations,
    SourceSpan span,
    java.util.Optional<Lookup> lookup) {

  public Role {
    equivalents = List.copyOf(equivalents);
    citations = List.copyOf(citations);
  }

  /** A role whose holder the host knows without a directory. */
  public Role(String name, String title, boolean external, List<Equivalent> equivalents,
      List<Citation> citations, SourceSpan span) {
    this(name, title, external, equivalents, citations, span, java.util.Optional.empty());
  }

  /**
   * Who holds the role is looked up in a directory the host supplies ({@code looked up in
   * directory "single points of contact" per agency}): {@code directory} is its name, as the
   * host's {@code org.escalon.engine.Directory} knows it; {@code perAgency}: one holder in each
   * agency.
   */
  public record Lookup(String directory, boolean perAgency) {}

  /** What the role is called in another agency. */
  public record Equivalent(String agency, List<String> titles) {
    public Equivalent {
      titles = List.copyOf(titles);
    }
  }
}
