package org.escalon.compiler.check;

import org.escalon.compiler.ast.ProtocolFile;
import org.escalon.compiler.diagnostics.Diagnostics;

/** The resolve-and-check phase: every check of a protocol, in an order that reads as a list. */
public final class Checker {

  private final Diagnostics diagnostics;

  public Checker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** Checks a protocol file; returns its symbol table for lowering. */
  public SymbolTable check(ProtocolFile file) {
    SymbolTable symbols = SymbolTable.build(file, diagnostics);
    Usage usage = new Usage();
    new HeaderChecker(diagnostics).check(file);
    new ReferenceChecker(symbols, diagnostics, usage).check(file);
    if (!diagnostics.hasErrors()) {
      // the ladder's shape is only meaningful once every name in it resolves
      new StructureChecker(symbols, diagnostics).check(file);
    }
    new Lints(symbols, diagnostics, usage).check(file);
    return symbols;
  }
}
