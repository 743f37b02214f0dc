package org.escalon.compiler.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The codifier's interpretations, taken from the protocol's comments: a comment that begins
 * `# read as:` (the marked form the language reference defines) or that says "read as" in its
 * words. Consecutive comment lines are one comment; it belongs to the statement on the line after
 * it, or to the statement it ends when it stands at the end of a line. A line that begins
 * `# read as:` starts a comment of its own, so a section heading just above it ("# ---- the
 * ladder ----") is not read into the interpretation.
 */
final class Interpretations {

  /** One interpretation: its words and the protocol line it is about. */
  record Interpretation(String text, int line) {}

  private Interpretations() {}

  static List<Interpretation> in(String source) {
    List<Interpretation> found = new ArrayList<>();
    String[] lines = source.split("\n", -1);
    List<StringBuilder> blocks = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int hash = commentStart(line);
      if (hash < 0) {
        if (!line.isBlank()) {
          for (StringBuilder block : blocks) {
            add(found, block.toString(), i + 1);
          }
        }
        blocks.clear();
        continue;
      }
      String words = line.substring(hash + 1).strip();
      if (!line.substring(0, hash).isBlank()) {
        add(found, words, i + 1);
        blocks.clear();
      } else if (blocks.isEmpty() || marked(words)) {
        blocks.add(new StringBuilder(words));
      } else {
        blocks.get(blocks.size() - 1).append(' ').append(words);
      }
    }
    return found;
  }

  private static boolean marked(String comment) {
    return comment.toLowerCase(Locale.ROOT).startsWith("read as:");
  }

  private static void add(List<Interpretation> found, String comment, int line) {
    String lower = comment.toLowerCase(Locale.ROOT);
    if (marked(comment)) {
      found.add(new Interpretation(comment.substring("read as:".length()).strip(), line));
    } else if (lower.contains("read as") || lower.contains("interpreted as")
        || lower.contains("taken to be") || lower.contains("taken as")) {
      found.add(new Interpretation(comment, line));
    }
  }

  /** Where a `#` comment starts on a line, outside any quoted text; -1 if it has none. */
  private static int commentStart(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && quoted) {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == '#' && !quoted) {
        return i;
      }
    }
    return -1;
  }
}
