package org.escalon.compiler.generate;

import java.util.regex.Pattern;

/**
 * Lays the generated source out as a person would where JavaPoet does not. JavaPoet puts a blank
 * line between every two members, where hand-written code lists enum constants and one-line
 * fields together: a blank line goes when the line before it ends an enum constant (a line ending
 * in a comma never ends a statement or a member otherwise) or when both lines around it declare
 * one field each, on one line and undocumented, or between two constants however long. A
 * Javadoc of one sentence that fits is written on one line. And JavaPoet breaks long lines only where told:
 * a line longer than 100 columns is broken after a comma or before an operator outside string
 * literals (a comment at a space), and the rest indented four more.
 */
final class SourceLayout {

  private static final Pattern FIELD = Pattern.compile(
      "^ +(private |public |protected )?(static )?(final )?\\w[\\w.<>, ?\\[\\]]* \\w+( = [^;]*)?;$");

  /** The first line of a constant: its multi-line declarations are listed together too. */
  private static final Pattern CONSTANT = Pattern.compile(
      "^ +private static final [\\w.<>, ?\\[\\]]+ [A-Z][A-Z0-9_]* = .*$");

  /** An enum constant alone on its line, with no arguments. */
  private static final Pattern BARE_CONSTANT = Pattern.compile("^ +[A-Z][A-Z0-9_]*[,;]$");

  private static final int COLUMNS = 100;

  private SourceLayout() {}

  static String compact(String source) {
    String[] lines = source.split("\n", -1);
    StringBuilder out = new StringBuilder(source.length());
    int declared = 0;
    for (int i = 0; i < lines.length; i++) {
      boolean blank = lines[i].isEmpty() && i > 0 && i + 1 < lines.length;
      if (blank) {
        boolean together = lines[i - 1].endsWith(",") && !lines[i + 1].strip().startsWith("/*")
            || FIELD.matcher(lines[i - 1]).matches() && FIELD.matcher(lines[i + 1]).matches()
            || lines[i - 1].endsWith(";") && CONSTANT.matcher(lines[declared]).matches()
                && CONSTANT.matcher(lines[i + 1]).matches();
        declared = i + 1;
        if (together) {
          continue;
        }
      }
      if (i + 2 < lines.length && lines[i].strip().equals("/**")
          && lines[i + 1].strip().startsWith("* ") && !lines[i + 1].strip().startsWith("* @")
          && lines[i + 2].strip().equals("*/")) {
        // a one-sentence Javadoc on one line, as one writes it by hand, where it fits
        String one = lines[i].replace("/**", "/** " + lines[i + 1].strip().substring(2) + " */");
        if (one.length() <= COLUMNS) {
          out.append(one).append('\n');
          i += 2;
          continue;
        }
      }
      if (BARE_CONSTANT.matcher(lines[i]).matches() && lines[i].endsWith(",")) {
        // undocumented enum constants, listed on as few lines as fit, as one writes them
        // (JavaPoet puts a blank line between them)
        StringBuilder run = new StringBuilder(lines[i]);
        int next = i + 1;
        while (next < lines.length && lines[next].isEmpty()) {
          next++;
        }
        while (next < lines.length && BARE_CONSTANT.matcher(lines[next]).matches()
            && run.charAt(run.length() - 1) == ','
            && run.length() + 1 + lines[next].strip().length() <= COLUMNS) {
          run.append(' ').append(lines[next].strip());
          i = next++;
          while (next < lines.length && lines[next].isEmpty()) {
            next++;
          }
        }
        out.append(run).append('\n');
        continue;
      }
      out.append(wrap(lines[i].stripTrailing()));
      if (i + 1 < lines.length) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** The line, broken into lines of at most 100 columns where it can be. */
  static String wrap(String line) {
    if (line.length() <= COLUMNS) {
      return line;
    }
    String indent = line.substring(0, line.length() - line.stripLeading().length());
    String body = line.stripLeading();
    boolean comment = body.startsWith("//") || body.startsWith("*") || body.startsWith("/*");
    int cut = comment ? commentBreak(line) : codeBreak(line);
    if (cut < 0) {
      return line;
    }
    String head = line.substring(0, cut).stripTrailing();
    String rest = line.substring(cut).strip();
    String next = comment
        ? indent + (body.startsWith("//") ? "// " : body.startsWith("*") ? "* " : " * ") + rest
        : indent + "    " + rest;
    return head + "\n" + wrap(next);
  }

  private static int commentBreak(String line) {
    int start = line.length() - line.stripLeading().length() + 3;
    int cut = line.lastIndexOf(' ', COLUMNS);
    return cut > start ? cut : -1;
  }

  /** Where to break code: after the last comma, or before the last operator, that fits. */
  private static int codeBreak(String line) {
    int best = -1;
    int open = -1;
    boolean inString = false;
    boolean inChar = false;
    int start = line.length() - line.stripLeading().length() + 8;
    for (int i = 0; i < line.length() && i < COLUMNS; i++) {
      char c = line.charAt(i);
      if ((inString || inChar) && c == '\\') {
        i++;
        continue;
      }
      if (!inChar && c == '"') {
        inString = !inString;
      } else if (!inString && c == '\'') {
        inChar = !inChar;
      } else if (!inString && !inChar && i > start) {
        if (c == ',' && i + 1 < line.length() && line.charAt(i + 1) == ' ') {
          best = i + 1;
        } else if (c == ' ' && operatorAt(line, i + 1)) {
          best = i + 1;
        } else if ((c == '(' && i + 1 < line.length() && line.charAt(i + 1) != ')')
            || c == '=' && line.startsWith("= ", i)) {
          open = i + 1;
        }
      }
    }
    return best >= 0 ? best : open;
  }

  private static boolean operatorAt(String line, int i) {
    for (String op : new String[] {"+ ", "? ", ": ", "&& ", "|| "}) {
      if (line.startsWith(op, i)) {
        return true;
      }
    }
    return false;
  }
}
