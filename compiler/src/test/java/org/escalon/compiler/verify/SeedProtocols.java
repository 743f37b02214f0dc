package org.escalon.compiler.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.escalon.compiler.Compilation;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.model.Protocol;

/** The repository's protocols and the language reference's examples, compiled, for the tests. */
final class SeedProtocols {

  private static final Path ROOT = Path.of("..");
  private static final Pattern BLOCK =
      Pattern.compile("^```esc\\s*\\n(.*?)^```", Pattern.MULTILINE | Pattern.DOTALL);
  private static List<Protocol> seeds;
  private static List<Protocol> examples;

  private SeedProtocols() {}

  /** The six codified policies of protocols/, in file order. */
  static synchronized List<Protocol> all() {
    if (seeds == null) {
      try (Stream<Path> files = Files.list(ROOT.resolve("protocols"))) {
        seeds = files.filter(p -> p.toString().endsWith(".esc")).sorted()
            .map(p -> compile(p.getFileName().toString(), read(p))).toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return seeds;
  }

  static Protocol named(String file) {
    return compile(file, read(ROOT.resolve("protocols").resolve(file)));
  }

  /** Every protocol example of docs/language.md that checks. */
  static synchronized List<Protocol> examples() {
    if (examples == null) {
      List<Protocol> found = new ArrayList<>();
      Matcher m = BLOCK.matcher(read(ROOT.resolve("docs/language.md")));
      while (m.find()) {
        // named as if beside the reference, so that an example built on another (`based on
        // "examples/...") finds its base
        found.add(compile(ROOT.resolve("docs/example.esc").toString(), m.group(1)));
      }
      examples = List.copyOf(found);
    }
    return examples;
  }

  static Protocol compile(String name, String text) {
    Compilation c = new EscalonCompiler().compile(SourceText.of(name, text));
    if (!c.succeeded()) {
      throw new IllegalStateException(name + ": " + c.diagnostics().sorted());
    }
    return c.protocol().orElseThrow();
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
