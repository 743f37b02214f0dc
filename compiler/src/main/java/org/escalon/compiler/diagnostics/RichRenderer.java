package org.escalon.compiler.diagnostics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.escalon.model.SourceSpan;

/**
 * Renders a diagnostic for people: a title, where it is, the source lines with a caret underline
 * under what is wrong ({@code ^^^}) and a dash underline under what is related ({@code ---}), then
 * notes and help.
 *
 * <pre>
 * error[E0201]: unknown role `TeamManger`
 *   --> kent.esc:12:8
 *    |
 * 12 |     to TeamManger
 *    |        ^^^^^^^^^^ not declared in this protocol
 *    |
 *    = help: did you mean `TeamManager`?
 * </pre>
 */
public final class RichRenderer {

  public String render(Diagnostic d, SourceText file) {
    SourceText source = inItsFile(d, file);
    StringBuilder out = new StringBuilder();
    out.append(d.severity().label()).append('[').append(d.code().name()).append("]: ")
        .append(d.message()).append('\n');
    List<SpanLabel> labels = new ArrayList<>(d.labels());
    labels.removeIf(l -> !l.span().isKnown());
    labels.sort(Comparator.comparingInt((SpanLabel l) -> l.span().line())
        .thenComparingInt(l -> l.span().column()));
    int gutter = labels.stream().mapToInt(l -> l.span().line()).max().orElse(0);
    String pad = " ".repeat(Integer.toString(gutter).length());
    SourceSpan main = d.span();
    if (main.isKnown()) {
      out.append(pad).append("--> ").append(source.path()).append(':').append(main.line())
          .append(':').append(main.column()).append('\n');
    } else {
      out.append(pad).append("--> ").append(source.path()).append('\n');
    }
    if (!labels.isEmpty()) {
      out.append(pad).append(" |\n");
      int previousLine = -1;
      for (SpanLabel label : labels) {
        int line = label.span().line();
        if (previousLine != -1 && line > previousLine + 1) {
          out.append(pad).append(" ...\n");
        }
        String text = expandTabs(source.line(line));
        if (line != previousLine) {
          out.append(String.format("%" + pad.length() + "d", line)).append(" | ").append(text)
              .append('\n');
        }
        out.append(pad).append(" | ").append(underline(label, text)).append('\n');
        previousLine = line;
      }
    }
    if (!d.notes().isEmpty() || d.help().isPresent()) {
      out.append(pad).append(" |\n");
    }
    for (String note : d.notes()) {
      out.append(pad).append(" = note: ").append(note).append('\n');
    }
    d.help().ifPresent(h -> out.append(pad).append(" = help: ").append(h).append('\n'));
    return out.toString();
  }

  /**
   * The text the diagnostic points into: the file being checked, or, for a protocol built on
   * another, the base file a declaration came from (read again to quote its lines).
   */
  static SourceText inItsFile(Diagnostic d, SourceText file) {
    SourceSpan main = d.span();
    if (!main.isKnown() || !elsewhere(main.file(), file.path())) {
      return file;
    }
    try {
      return SourceText.of(main.file(), java.nio.file.Files.readString(
          java.nio.file.Path.of(main.file())));
    } catch (java.io.IOException | RuntimeException e) {
      return SourceText.of(main.file(), "");
    }
  }

  /** Whether a span's file is another file than the one checked (a base), and can be read. */
  static boolean elsewhere(String spanFile, String checked) {
    if (spanFile == null || spanFile.isEmpty() || spanFile.equals(checked)) {
      return false;
    }
    try {
      java.nio.file.Path file = java.nio.file.Path.of(spanFile);
      return java.nio.file.Files.isRegularFile(file) && !file.toAbsolutePath().normalize()
          .equals(java.nio.file.Path.of(checked).toAbsolutePath().normalize());
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static String underline(SpanLabel label, String lineText) {
    SourceSpan span = label.span();
    int start = Math.max(1, span.column());
    int end = span.endLine() == span.line() ? span.endColumn() : lineText.length() + 1;
    int width = Math.max(1, end - start);
    char mark = label.primary() ? '^' : '-';
    String marks = " ".repeat(start - 1) + String.valueOf(mark).repeat(width);
    return label.message().isEmpty() ? marks : marks + " " + label.message();
  }

  // A tab counts as one column in the parser's positions, so it must print as one column too.
  private static String expandTabs(String text) {
    return text.replace('\t', ' ');
  }
}
