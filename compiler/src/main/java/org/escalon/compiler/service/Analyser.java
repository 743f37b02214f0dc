package org.escalon.compiler.service;

import java.util.Optional;
import org.escalon.compiler.ast.ProtocolFile;
import org.escalon.compiler.check.Checker;
import org.escalon.compiler.check.SymbolTable;
import org.escalon.compiler.diagnostics.Diagnostics;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.compiler.diagram.SvgRenderer;
import org.escalon.compiler.lower.Lowering;
import org.escalon.compiler.syntax.SourceParser;
import org.escalon.compiler.verify.LimitChecker;
import org.escalon.model.Protocol;

/**
 * The check run on every change: the compiler's phases as {@code EscalonCompiler} runs them (parse,
 * check, lower, the verifier's quick limit checks), keeping what an editor needs besides the model:
 * the symbol table for the name index, and the previous good model when this version is broken.
 */
final class Analyser {

  Analysis analyse(int version, SourceText source, Optional<Analysis> previous) {
    Diagnostics diagnostics = new Diagnostics();
    Optional<ProtocolFile> ast =
        new SourceParser().parse(source.path(), source.text(), diagnostics);
    Optional<Protocol> protocol = Optional.empty();
    NameIndex index = previous.map(Analysis::index).orElse(NameIndex.EMPTY);
    if (ast.isPresent()) {
      SymbolTable symbols = new Checker(diagnostics).check(ast.get());
      index = NameIndex.of(ast.get(), symbols);
      if (!diagnostics.hasErrors()) {
        Protocol lowered = new Lowering(symbols).lower(ast.get());
        new LimitChecker(diagnostics).check(lowered);
        protocol = Optional.of(lowered);
      }
    }
    Optional<Protocol> lastGood = protocol.or(() -> previous.flatMap(Analysis::lastGood));
    // A broken version keeps the ladder drawn from the last good one: nothing to redraw.
    Optional<String> ladder = protocol.isPresent()
        ? protocol.map(p -> new SvgRenderer().render(p))
        : previous.flatMap(Analysis::ladder);
    return new Analysis(version, source, ast, protocol, diagnostics.sorted(), index, lastGood,
        ladder);
  }
}
