package org.escalon.compiler.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.escalon.compiler.Compilation;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.model.Protocol;

/**
 * The one protocol a command draws, exports or reports on: read and compiled, with its
 * diagnostics printed only if it has errors (the warnings are {@code check}'s business); and where
 * the command's output goes.
 */
final class ProtocolInput {

  private ProtocolInput() {}

  /** The protocol in {@code file}, or a failure once its diagnostics have been printed. */
  static Protocol compile(Path file, PrintWriter err) {
    if (Files.isDirectory(file)) {
      throw Failure.usage("`" + file + "` is a folder; give one protocol file (.esc)");
    }
    Inputs.Input input = Inputs.read(List.of(file)).get(0);
    Reporter reporter = new Reporter(Reporter.Format.rich, err);
    if (!input.readable()) {
      reporter.report(input.problem(), input.source());
      throw Failure.input("");
    }
    Compilation result = new EscalonCompiler().compile(input.source());
    if (!result.succeeded()) {
      reporter.report(result.diagnostics(), input.source());
      throw Failure.input("`" + file + "` has errors; run `escalon check " + file
          + "` after fixing them");
    }
    return result.protocol().orElseThrow();
  }

  /** Writes text to a file, or to standard output when there is no file. */
  static void write(String text, Path output, PrintWriter out) {
    if (output == null) {
      out.print(text);
      out.flush();
      return;
    }
    try {
      Path parent = output.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(output, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw Failure.input("cannot write `" + output + "`: " + e.getMessage());
    }
  }
}
