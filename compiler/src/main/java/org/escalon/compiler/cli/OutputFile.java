package org.escalon.compiler.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code -o FILE} option of the commands that draw or export: a file, else standard output. */
final class OutputFile {

  @Option(names = {"-o", "--output"}, paramLabel = "OUT",
      description = "write to this file instead of standard output")
  Path path;

  void write(String text, PrintWriter out) {
    ProtocolInput.write(text, path, out);
  }
}
