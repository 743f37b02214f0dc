package org.escalon.compiler.format;

import java.util.ArrayList;
import java.util.List;
import org.escalon.compiler.ast.Comment;

/**
 * A line that has to be broken so that the comments written inside it read back the same.
 *
 * <p>The parser moves the comments written between the words of a block's head (before its
 * opening brace) into the block, and those written inside a {@code scale}'s braces after the scale.
 * When two or more of them stood at the end of a line, they cannot all end one printed line
 * again: the second would become part of the first. Such a head, or such a scale, is broken after
 * as many of its words as it takes, each of those comments ending a line, the last one ending
 * the last word. This is the only place where the printer breaks a statement over lines; a tree
 * with no such comments never needs it.
 */
final class SplitLine {

  private SplitLine() {}

  /**
   * How many of the statements from {@code from} on are comments that must be printed inside the
   * line before them: all of the comments up to the last one that ends a line, if that is not the
   * first of them; else none.
   */
  static int commentsInside(List<?> statements, int from) {
    int inside = 0;
    for (int j = from; j < statements.size() && statements.get(j) instanceof Comment c; j++) {
      int position = j - from;
      if (position > 0 && c.trailing()) {
        inside = position + 1;
      }
    }
    return inside;
  }

  /** The number of lines the comments need: one for each that ends a line, and one before. */
  static int linesNeeded(List<?> comments) {
    return groups(comments).size();
  }

  /**
   * The words of a printed line. Quoted strings are one word; a comma and a range's {@code ..}
   * are words of their own; a citation's {@code source} stays with the word before it, since a
   * citation must begin on the line of the statement it cites.
   */
  static List<String> words(String printed) {
    // a statement split over lines keeps its citation one space after the word before it
    String line = AstPrinter.withoutColumns(printed);
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        word.append(ch);
        if (ch == '\\' && i + 1 < line.length()) {
          word.append(line.charAt(++i));
        } else if (ch == '"') {
          quoted = false;
        }
      } else if (ch == '"') {
        word.append(ch);
        quoted = true;
      } else if (ch == ' ') {
        flush(word, out);
      } else if (ch == ',') {
        flush(word, out);
        out.add(",");
      } else if (line.startsWith("..", i)) {
        flush(word, out);
        out.add("..");
        i++;
      } else {
        word.append(ch);
      }
    }
    flush(word, out);
    return out;
  }

  private static void flush(StringBuilder word, List<String> out) {
    if (word.length() == 0) {
      return;
    }
    String w = word.toString();
    word.setLength(0);
    if (w.equals("source") && !out.isEmpty()) {
      out.set(out.size() - 1, out.get(out.size() - 1) + " source");
    } else {
      out.add(w);
    }
  }

  /** Words joined back: by a space, but none before a comma and none around {@code ..}. */
  static String join(List<String> words) {
    StringBuilder out = new StringBuilder();
    String previous = null;
    for (String w : words) {
      boolean space = previous != null && !w.equals(",") && !w.equals("..")
          && !previous.equals("..");
      out.append(space ? " " : "").append(w);
      previous = w;
    }
    return out.toString();
  }

  /**
   * Prints {@code words} with the {@code comments} among them: each group of comments (one that
   * ends a line and those on lines of their own after it) after a word, the last group after the
   * last word, the one before after the word before, and so on. The first line is at {@code
   * depth}, the others one deeper.
   */
  static void print(List<String> words, List<?> comments, int depth, AstPrinter.Layout out) {
    List<List<Comment>> groups = groups(comments);
    int firstGap = words.size() - groups.size();
    for (int g = 0; g < -firstGap; g++) {
      // More comments than words: only a tree the parser did not build. Keep them, before.
      groups.get(g).forEach(c -> out.comment(depth, c));
    }
    List<String> line = new ArrayList<>();
    boolean first = true;
    for (int k = 0; k < words.size(); k++) {
      line.add(words.get(k));
      if (k >= firstGap) {
        out.line(first ? depth : depth + 1, join(line));
        groups.get(k - firstGap).forEach(c -> out.comment(depth + 1, c));
        line.clear();
        first = false;
      }
    }
  }

  /** The comments, split before each one that ends a line. */
  private static List<List<Comment>> groups(List<?> comments) {
    List<List<Comment>> out = new ArrayList<>();
    for (Object o : comments) {
      Comment c = (Comment) o;
      if (out.isEmpty() || c.trailing()) {
        out.add(new ArrayList<>());
      }
      out.get(out.size() - 1).add(c);
    }
    return out;
  }
}
