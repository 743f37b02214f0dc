package org.escalon.compiler.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.escalon.compiler.Compilation;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;

/**
 * Compiles protocol files and writes the Java of those that check into a source folder, one
 * class per protocol (plus its model), named after the file: what {@code escalon compile} and
 * the Maven plugin share. Callers report the diagnostics their own way.
 */
public final class SourcesWriter {

  /** What one file gave: its compilation, and the Java files written if it checked. */
  public record Result(Compilation compilation, List<Path> written) {
    public boolean succeeded() {
      return compilation.succeeded();
    }
  }

  private final Path out;
  private final String packageName;

  /** Writes below {@code out}, in {@code packageName}; throws if that is no package name. */
  public SourcesWriter(Path out, String packageName) {
    if (!JavaGenerator.isPackageName(packageName)) {
      throw new IllegalArgumentException("`" + packageName + "` is not a Java package name");
    }
    this.out = out;
    this.packageName = packageName;
  }

  /**
   * Two files that would give the same class, by their paths; empty if every file has a class of
   * its own (a folder of protocols never clashes, two folders may).
   */
  public static Optional<String> clash(List<Path> files) {
    Map<String, Path> seen = new LinkedHashMap<>();
    for (Path file : files) {
      String name = JavaGenerator.className(file.getFileName().toString());
      Path before = seen.putIfAbsent(name, file);
      if (before != null) {
        return Optional.of("`" + before + "` and `" + file + "` would both be the class `" + name
            + "`: rename one, or generate them into different packages");
      }
    }
    return Optional.empty();
  }

  /** Compiles one protocol and, if it checks, writes its Java. */
  public Result write(SourceText source) throws IOException {
    Compilation compilation = new EscalonCompiler().compile(source);
    List<Path> written = new ArrayList<>();
    if (compilation.succeeded()) {
      String fileName = Path.of(source.path()).getFileName().toString();
      for (GeneratedFile file : new JavaGenerator().generate(compilation.protocol().orElseThrow(),
          packageName, JavaGenerator.className(fileName))) {
        written.add(file.writeTo(out));
      }
    }
    return new Result(compilation, written);
  }
}
