package org.escalon.compiler.service;

import java.util.Optional;
import org.escalon.model.SourceSpan;

/**
 * A declared name: its kind, its text, its title in words if it has one, and where it is declared
 * (the name itself, not the whole block).
 */
public record Symbol(SymbolKind kind, String name, Optional<String> title, SourceSpan declared) {

  /** How the protocol writes a reference to it: {@code stage 2}, {@code TeamManager}. */
  public String written() {
    return kind == SymbolKind.STAGE ? "stage " + name : name;
  }
}
