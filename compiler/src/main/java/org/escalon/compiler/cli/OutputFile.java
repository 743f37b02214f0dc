package org.escalon.compiler.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.escalon.model.Protocol;
import picocli.CommandLine.Option;

/**
 * What the commands that draw, export or report share: the {@code -o FILE} option (a file, else
 * standard output), and loading the one protocol they are given.
 */
final class OutputFile {

  @Option(names = {"-o", "--output"}, paramLabel = "OUT",
      description = "write to this file instead of standard output")
  Path path;

  void write(String text, PrintWriter out) {
    Output.write(text, path, out);
  }

  /** The protocol in {@code file}; empty once its errors have been reported. */
  static Optional<Protocol> load(Path file, PrintWriter err) {
    if (Files.isDirectory(file)) {
      throw new UsageError("`" + file + "` is a folder; give one protocol file (.esc)");
    }
    Optional<Protocol> protocol = ProtocolLoader.load(file, new Reporter(Reporter.Format.rich, err));
    err.flush();
    return protocol;
  }
}
