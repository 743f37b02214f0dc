package org.escalon.compiler.diagram;

import java.util.ArrayList;
import java.util.List;

/** Breaks text into lines of at most a given width at spaces, for labels that have no layout engine. */
public final class Lines {

  private Lines() {}

  /** The words of {@code text} in lines of at most {@code width} characters (a longer word stands alone). */
  public static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.trim().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }

  /** Each text wrapped, the lines of all of them in order. */
  public static List<String> wrapAll(List<String> texts, int width) {
    List<String> lines = new ArrayList<>();
    for (String text : texts) {
      lines.addAll(wrap(text, width));
    }
    return lines;
  }
}
