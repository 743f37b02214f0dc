package org.escalon.compiler.service;

import java.util.List;

/**
 * The ladder as an outline: each stage in ladder order with its meaning, then the outcomes, then
 * the roles. What an editor lists as the document's symbols.
 */
public final class Outline {

  private Outline() {}

  public static List<Entry> of(Analysis analysis) {
    return analysis.index().symbols().stream()
        .filter(s -> s.kind() == SymbolKind.STAGE || s.kind() == SymbolKind.OUTCOME
            || s.kind() == SymbolKind.ROLE)
        .map(s -> new Entry(s, s.written() + s.title().map(t -> " \"" + t + "\"").orElse(""),
            Meanings.of(s, analysis.lastGood())))
        .toList();
  }

  /** One line of the outline: the name as written with its title, and what it means. */
  public record Entry(Symbol symbol, String label, String detail) {}
}
