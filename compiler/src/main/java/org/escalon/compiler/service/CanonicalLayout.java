package org.escalon.compiler.service;

import java.util.Optional;
import org.escalon.compiler.diagnostics.Diagnostics;
import org.escalon.compiler.format.AstPrinter;
import org.escalon.compiler.syntax.SourceParser;

/** The {@code escalon fmt} layout of a text, for the editors' "format" (LSP and the workspace). */
public final class CanonicalLayout {

  private CanonicalLayout() {}

  /** The text laid out canonically; empty if it does not parse (there is nothing to lay out). */
  public static Optional<String> of(String path, String text) {
    return new SourceParser().parse(path, text, new Diagnostics())
        .map(ast -> new AstPrinter().print(ast));
  }
}
