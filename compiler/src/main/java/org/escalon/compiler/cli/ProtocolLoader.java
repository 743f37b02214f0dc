package org.escalon.compiler.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.escalon.compiler.Compilation;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.model.Protocol;

/** Reads and compiles the one protocol a command works on, reporting what stops it. */
final class ProtocolLoader {

  private ProtocolLoader() {}

  /** The protocol, or empty after its problems were reported (warnings are reported too). */
  static Optional<Protocol> load(Path file, Reporter reporter) {
    return compile(file, reporter).flatMap(Compilation::protocol);
  }

  /** The whole compilation (source, AST and model), or empty after its problems were reported. */
  static Optional<Compilation> compile(Path file, Reporter reporter) {
    Inputs.Input input = Inputs.read(List.of(file)).get(0);
    if (!input.readable()) {
      reporter.report(input.problem(), input.source());
      return Optional.empty();
    }
    Compilation result = new EscalonCompiler().compile(input.source());
    if (!result.succeeded()) {
      reporter.report(result.diagnostics(), input.source());
      return Optional.empty();
    }
    return Optional.of(result);
  }
}
