package org.escalon.compiler.diagnostics;

import java.util.List;

/** The text of a protocol file, split into lines so renderers can quote them. */
public record SourceText(String path, String text, List<String> lines) {

  public SourceText {
    lines = List.copyOf(lines);
  }

  public static SourceText of(String path, String text) {
    return new SourceText(path, text, List.of(text.split("\r?\n", -1)));
  }

  /** The 1-based line, or an empty string past the end. */
  public String line(int number) {
    return number >= 1 && number <= lines.size() ? lines.get(number - 1) : "";
  }
}
