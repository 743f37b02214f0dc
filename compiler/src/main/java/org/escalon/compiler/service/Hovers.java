package org.escalon.compiler.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.model.SourceSpan;

/**
 * What an editor shows on hover, in Markdown: the diagnostics at the caret with their help and the
 * long explanation of their code ({@code escalon explain}), and the resolved meaning of the name
 * under the caret.
 */
public final class Hovers {

  private Hovers() {}

  /** The hover at a caret, with the span it concerns; empty when there is nothing to say. */
  public static Optional<Hover> at(Analysis analysis, Position caret) {
    List<String> parts = new ArrayList<>();
    SourceSpan span = null;
    for (Diagnostic d : analysis.diagnostics()) {
      if (contains(d.span(), caret)) {
        parts.add("**" + d.code() + "**: " + d.message()
            + d.help().map(h -> "\n\nhelp: " + h).orElse("")
            + "\n\n" + d.code().explanation().strip());
        span = span == null ? d.span() : span;
      }
    }
    Optional<Occurrence> name = analysis.index().at(caret);
    if (name.isPresent()) {
      parts.add(0, Meanings.of(name.get().symbol(), analysis.lastGood()));
      span = name.get().span();
    }
    if (parts.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Hover(String.join("\n\n---\n\n", parts), span));
  }

  static boolean contains(SourceSpan s, Position p) {
    if (!s.isKnown() || p.line() < s.line() || p.line() > s.endLine()) {
      return false;
    }
    return (p.line() > s.line() || p.column() >= s.column())
        && (p.line() < s.endLine() || p.column() <= s.endColumn());
  }

  /** A hover's Markdown and the span it is about. */
  public record Hover(String markdown, SourceSpan span) {}
}
