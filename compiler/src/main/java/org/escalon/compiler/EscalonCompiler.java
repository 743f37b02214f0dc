package org.escalon.compiler;

import java.util.Optional;
import org.escalon.compiler.ast.ProtocolFile;
import org.escalon.compiler.check.Checker;
import org.escalon.compiler.derive.Derivation;
import org.escalon.compiler.check.SymbolTable;
import org.escalon.compiler.diagnostics.Diagnostics;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.compiler.lower.Lowering;
import org.escalon.compiler.syntax.SourceParser;
import org.escalon.compiler.verify.EndlessPaths;
import org.escalon.compiler.verify.LimitChecker;
import org.escalon.model.Protocol;

/**
 * The compiler's driver: one line per phase. Each phase collects every error it finds; the next
 * phase runs only if there were none.
 */
public final class EscalonCompiler {

  /** Parses, checks and lowers one protocol file to the runtime's model. */
  public Compilation compile(SourceText source) {
    Diagnostics diagnostics = new Diagnostics();
    Optional<ProtocolFile> ast = new SourceParser().parse(source.path(), source.text(), diagnostics);
    if (ast.isEmpty()) {
      return new Compilation(source, ast, Optional.empty(), diagnostics);
    }
    // a protocol built on another is its base with its changes applied: one ordinary file
    Optional<ProtocolFile> whole = new Derivation(diagnostics).resolve(ast.get(), source.path());
    if (whole.isEmpty()) {
      return new Compilation(source, ast, Optional.empty(), diagnostics);
    }
    SymbolTable symbols = new Checker(diagnostics).check(whole.get());
    if (diagnostics.hasErrors()) {
      return new Compilation(source, ast, Optional.empty(), diagnostics);
    }
    Protocol protocol = new Lowering(symbols).lower(whole.get());
    new LimitChecker(diagnostics).check(protocol);
    new EndlessPaths(diagnostics).check(protocol);
    new org.escalon.compiler.check.StepDeadlineIds(diagnostics).check(protocol);
    return new Compilation(source, ast, Optional.of(protocol), diagnostics);
  }
}
