package org.escalon.compiler.serve;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder the workspace was started on: the only place it reads and writes. A path from the
 * page is relative to it, names a {@code .esc} or {@code .scenario} file, and must stay inside it
 * once resolved (no {@code ..}, no absolute path, no link leading out).
 */
final class Workspace {

  private final Path root;
  private final String first;

  /** @param first the file to open first, relative to the root (empty for none) */
  Workspace(Path root, String first) throws IOException {
    this.root = root.toRealPath();
    this.first = first;
  }

  Path root() {
    return root;
  }

  String first() {
    return first;
  }

  /** The protocol files under the root, relative to it, sorted. */
  List<String> protocols() throws IOException {
    try (Stream<Path> files = Files.walk(root, 4)) {
      return files.filter(p -> p.toString().endsWith(".esc") && Files.isRegularFile(p))
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(Workspace::isSource).sorted().toList();
    }
  }

  // build output and tools' folders hold copies, not the protocols being written
  private static boolean isSource(String relative) {
    for (String part : relative.split("/")) {
      if (part.equals("target") || part.equals("node_modules") || part.startsWith(".")) {
        return false;
      }
    }
    return true;
  }

  String read(String relative) throws IOException {
    Path p = resolve(relative);
    if (!Files.isRegularFile(p)) {
      throw new Refused(404, "no file `" + relative + "` in the workspace");
    }
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  void write(String relative, String text) throws IOException {
    Path p = resolve(relative);
    if (!Files.isDirectory(p.getParent())) {
      throw new Refused(404, "no folder for `" + relative + "` in the workspace");
    }
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  /** The file a page's path names, if it is one the workspace may read or write. */
  Path resolve(String relative) throws IOException {
    if (relative == null || relative.isBlank() || relative.contains("\0")
        || !(relative.endsWith(".esc") || relative.endsWith(".scenario"))) {
      throw new Refused(403, "only .esc and .scenario files in the workspace can be read or "
          + "written");
    }
    Path p = root.resolve(relative).normalize();
    if (Path.of(relative).isAbsolute() || !p.startsWith(root)) {
      throw new Refused(403, "`" + relative + "` is outside the workspace folder");
    }
    // a link inside the folder may still lead out of it
    Path parent = p.getParent().toRealPath();
    if (!parent.startsWith(root) || (Files.exists(p, LinkOption.NOFOLLOW_LINKS)
        && !p.toRealPath().startsWith(root))) {
      throw new Refused(403, "`" + relative + "` is outside the workspace folder");
    }
    return p;
  }

  /** A request the workspace refuses, with the HTTP status that says why. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    Refused(int status, String message) {
      super(message);
      this.status = status;
    }
  }
}
