package org.escalon.compiler.format;

import java.util.ArrayList;
import java.util.List;
import org.escalon.compiler.ast.Comment;
import org.escalon.compiler.ast.Decl;
import org.escalon.compiler.syntax.Strings;

/**
 * The layout of a {@code scale} declaration. A scale is printed on one line, but the parser puts
 * the comments written inside a scale's braces after the scale; when two of those stood at the
 * end of a line, they cannot all end the scale's line again. Such a scale is broken over as many
 * lines as it takes, each of those comments ending a line of the scale, so that the text reads
 * back as the same tree.
 */
final class ScaleLayout {

  private final Decl.ScaleDecl scale;
  private final List<List<Comment>> groups;

  /**
   * @param comments the comments that follow {@code scale} and are printed inside it, as counted
   *     by {@link #commentsInside}
   */
  ScaleLayout(Decl.ScaleDecl scale, List<Decl> comments) {
    this.scale = scale;
    this.groups = groups(comments);
  }

  /**
   * How many of the comments after the scale at {@code index} must be printed inside it: all of
   * them up to the last one that ends a line, if that is not the first; else none.
   */
  static int commentsInside(List<Decl> decls, int index) {
    int inside = 0;
    for (int j = index + 1; j < decls.size() && decls.get(j) instanceof Comment c; j++) {
      int position = j - index - 1;
      if (position > 0 && c.trailing()) {
        inside = position + 1;
      }
    }
    return inside;
  }

  /** The words of a scale declaration, with or without a comma after its last value. */
  static List<String> tokens(Decl.ScaleDecl s, boolean trailingComma) {
    List<String> out = new ArrayList<>();
    out.add("scale");
    out.add(s.name().text());
    s.title().ifPresent(t -> out.add(AstPrinter.quote(t)));
    out.add("{");
    List<Decl.ScaleValue> values = s.values();
    for (int k = 0; k < values.size(); k++) {
      Decl.ScaleValue v = values.get(k);
      out.add(v.name().text());
      v.score().ifPresent(score -> {
        out.add("=");
        out.add(Integer.toString(score));
      });
      if (k < values.size() - 1 || trailingComma) {
        out.add(",");
      }
    }
    out.add("}");
    s.citation().ifPresent(c -> {
      out.add("source");
      out.add(Strings.quote(c.text()));
    });
    return out;
  }

  /** Words joined by spaces, with a comma against the word before it. */
  static String join(List<String> tokens) {
    StringBuilder out = new StringBuilder();
    for (String t : tokens) {
      if (out.length() > 0 && !t.equals(",")) {
        out.append(' ');
      }
      out.append(t);
    }
    return out.toString();
  }

  /**
   * Prints the scale so that each group of comments follows a word of it: the last group after
   * the last word, the one before after the word before, and so on.
   */
  void print(int depth, AstPrinter.Layout out) {
    List<String> tokens = tokens(scale, false);
    if (groups.size() > tokens.size()) {
      tokens = tokens(scale, true);
    }
    int firstGap = tokens.size() - groups.size();
    for (int g = 0; g < -firstGap; g++) {
      // More comments than words: only a tree the parser did not build. Keep them, before.
      groups.get(g).forEach(c -> out.comment(depth, c));
    }
    List<String> line = new ArrayList<>();
    boolean first = true;
    for (int k = 0; k < tokens.size(); k++) {
      line.add(tokens.get(k));
      if (k >= firstGap) {
        out.line(first ? depth : depth + 1, join(line));
        groups.get(k - firstGap).forEach(c -> out.comment(depth + 1, c));
        line.clear();
        first = false;
      }
    }
  }

  /** Comments split before each one that ends a line. */
  private static List<List<Comment>> groups(List<Decl> comments) {
    List<List<Comment>> out = new ArrayList<>();
    for (Decl d : comments) {
      Comment c = (Comment) d;
      if (out.isEmpty() || c.trailing()) {
        out.add(new ArrayList<>());
      }
      out.get(out.size() - 1).add(c);
    }
    return out;
  }
}
