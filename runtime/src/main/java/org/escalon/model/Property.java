package org.escalon.model;

import java.util.List;

/** A named statement that must hold on every path through the protocol. */
public record Property(String title, Claim claim, List<Citation> citations, SourceSpan span) {

  public Property {
    citations = List.copyOf(citations);
  }
}
