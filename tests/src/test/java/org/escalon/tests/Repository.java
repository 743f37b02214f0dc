package org.escalon.tests;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.escalon.compiler.cli.EscalonCommand;

/** Where the repository's protocols, docs and test cases are, and a way to run the CLI in-process. */
final class Repository {

  private Repository() {}

  static Path root() {
    return Path.of(System.getProperty("escalon.root", "..")).toAbsolutePath().normalize();
  }

  static List<Path> protocols() {
    try (Stream<Path> files = Files.list(root().resolve("protocols"))) {
      return files.filter(p -> p.toString().endsWith(".esc")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a CLI run printed and returned. */
  record Run(int exitCode, String out, String err) {}

  static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = EscalonCommand.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(code, out.toString(), err.toString());
  }
}
