package org.escalon.compiler.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One generated Java source: its package, its top-level class and its text (UTF-8, Unix line
 * ends, identical for identical input).
 */
public record GeneratedFile(String packageName, String className, String text) {

  /** The class's binary name, such as {@code org.example.KentIro}. */
  public String qualifiedName() {
    return packageName.isEmpty() ? className : packageName + "." + className;
  }

  /** Where the file goes below a source root: its package as folders. */
  public Path path(Path root) {
    Path folder = root;
    for (String part : packageName.split("\\.")) {
      folder = folder.resolve(part);
    }
    return folder.resolve(className + ".java");
  }

  /** Writes the file below a source root, creating the folders; returns where it went. */
  public Path writeTo(Path root) throws IOException {
    Path file = path(root);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
