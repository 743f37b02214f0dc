package org.escalon.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.escalon.compiler.generate.GeneratedFile;

/**
 * A folder of generated Java that the plugin owns, kept as the best generators keep theirs: a file
 * is written only when its text changes (so that the compiler, which looks at dates, compiles
 * nothing after a build with no change), and Java the last build wrote that this one did not (a
 * protocol removed or renamed) is deleted.
 */
final class OutputFolder {

  private final Path root;
  private final Set<Path> kept = new HashSet<>();
  private int written;

  OutputFolder(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** Writes a generated file unless it is there already with the same text. */
  void write(GeneratedFile file) throws IOException {
    Path path = file.path(root);
    kept.add(path);
    byte[] bytes = file.text().getBytes(StandardCharsets.UTF_8);
    if (Files.isRegularFile(path) && Arrays.equals(Files.readAllBytes(path), bytes)) {
      return;
    }
    Files.createDirectories(path.getParent());
    Files.write(path, bytes);
    written++;
  }

  /** How many files were written (new or changed). */
  int written() {
    return written;
  }

  /** Deletes the Java files not written or kept by this build, and folders left empty. */
  List<Path> removeStale() throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<Path> stale;
    try (Stream<Path> files = Files.walk(root)) {
      stale = files.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)
          && !kept.contains(p)).sorted().toList();
    }
    for (Path p : stale) {
      Files.delete(p);
    }
    try (Stream<Path> folders = Files.walk(root)) {
      for (Path folder : folders.filter(Files::isDirectory).filter(p -> !p.equals(root))
          .sorted(Comparator.reverseOrder()).toList()) {
        try (Stream<Path> inside = Files.list(folder)) {
          if (inside.findAny().isEmpty()) {
            Files.delete(folder);
          }
        }
      }
    }
    return stale;
  }
}
