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

  public String render(Diagnostic d, SourceText source) {
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
