package org.escalon.compiler.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where a command's result goes: a file when one is named, otherwise the terminal. */
final class Output {

  private Output() {}

  static void write(String text, Path file, PrintWriter out) {
    if (file == null) {
      out.print(text);
      out.flush();
      return;
    }
    Path folder = file.toAbsolutePath().getParent();
    if (folder != null && !Files.isDirectory(folder)) {
      // checked first: the exception would name only the file, not what is wrong with it
      throw new UsageError("cannot write `" + file + "`: there is no folder `"
          + (file.getParent() != null ? file.getParent() : folder) + "`; make it first");
    }
    if (Files.isDirectory(file)) {
      throw new UsageError("cannot write `" + file + "`: it is a folder; name a file in it");
    }
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageError("cannot write `" + file + "`: " + e.getMessage());
    }
  }
}
