package org.escalon.compiler.generate;

import java.util.List;
import java.util.Optional;
import org.escalon.model.Citation;

/**
 * Puts protocol text into Javadoc safely: a comment must not end early ({@code *}{@code /}), must
 * not meet a Unicode escape (javac reads {@code \}{@code u000a} in a comment as a line break, even
 * in a Javadoc comment), and must not start a tag or HTML by accident. The text still reads the
 * same in the rendered documentation.
 */
final class Javadocs {

  private Javadocs() {}

  /** The text as Javadoc prose, on one line. */
  static String text(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("&#92;");
        case '*' -> out.append("&#42;");
        case '@' -> out.append("&#64;");
        case '{' -> out.append("&#123;");
        case '}' -> out.append("&#125;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        default -> out.append(Character.isISOControl(c) || Character.getType(c)
            == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR
            ? ' ' : c);
      }
    }
    return out.toString();
  }

  /**
   * The text for a line comment: every backslash doubled, so that none can start a Unicode
   * escape, and line breaks as spaces.
   */
  static String lineComment(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '\\') {
        out.append("\\\\");
      } else {
        out.append(Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
            || Character.getType(c) == Character.PARAGRAPH_SEPARATOR ? ' ' : c);
      }
    }
    return out.toString();
  }

  /** Breaks lines longer than 88 characters at spaces, so that comments read like code's. */
  static String wrap(String text) {
    return wrap(text, 88);
  }

  /** Breaks lines longer than {@code width} characters at spaces. */
  static String wrap(String text, int width) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String rest = line;
      while (rest.length() > width) {
        int cut = rest.lastIndexOf(' ', width);
        if (cut <= 0) {
          cut = rest.indexOf(' ', width);
          if (cut < 0) {
            break;
          }
        }
        out.append(rest, 0, cut).append('\n');
        rest = rest.substring(cut + 1);
      }
      out.append(rest).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }

  /**
   * "Policy: text (file:line)." for each citation, each its own paragraph, the file named without
   * its folder; empty if there is none.
   */
  static String policy(List<Citation> citations) {
    StringBuilder out = new StringBuilder();
    for (Citation c : citations) {
      out.append("\n<p>Policy: ").append(text(c.text()));
      if (c.span().isKnown()) {
        String file = c.span().file();
        file = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        out.append(" (").append(text(file)).append(':').append(c.span().line())
            .append(')');
      }
      out.append('\n');
    }
    return wrap(out.toString());
  }

  /**
   * A private member's documentation as the lines of a line comment: what it says, without the
   * policy paragraphs (the public members and the model cite them) or Javadoc markup.
   */
  static List<String> comment(String doc) {
    int policy = doc.indexOf("<p>Policy:");
    String text = (policy < 0 ? doc : doc.substring(0, policy)).replace('\n', ' ')
        .replaceAll("\\{@(?:code|link) #?([^}]*)}", "$1").replaceAll(" +", " ").strip();
    return text.isEmpty() ? List.of() : List.of(wrap(text, 92).split("\n"));
  }

  static String policy(Optional<Citation> citation) {
    return policy(citation.stream().toList());
  }
}
