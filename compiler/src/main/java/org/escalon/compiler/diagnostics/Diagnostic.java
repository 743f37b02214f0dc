package org.escalon.compiler.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.model.SourceSpan;

/**
 * One finding about a protocol: a catalogued code, a message in lowercase without a full stop,
 * the source ranges it concerns, notes, and help that says how to fix it.
 */
public record Diagnostic(
    Code code, String message, List<SpanLabel> labels, List<String> notes, Optional<String> help) {

  public Diagnostic {
    labels = List.copyOf(labels);
    notes = List.copyOf(notes);
  }

  public Severity severity() {
    return code.severity();
  }

  /** Where the diagnostic points first: its primary label, or nowhere. */
  public SourceSpan span() {
    return labels.stream()
        .filter(SpanLabel::primary)
        .findFirst()
        .or(() -> labels.stream().findFirst())
        .map(SpanLabel::span)
        .orElse(SourceSpan.NONE);
  }

  public static Builder of(Code code, String message) {
    return new Builder(code, message);
  }

  /** Builds a diagnostic a piece at a time, as checks find out more. */
  public static final class Builder {
    private final Code code;
    private final String message;
    private final List<SpanLabel> labels = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String help;

    private Builder(Code code, String message) {
      this.code = code;
      this.message = message;
    }

    public Builder at(SourceSpan span, String label) {
      labels.add(SpanLabel.primary(span, label));
      return this;
    }

    public Builder also(SourceSpan span, String label) {
      labels.add(SpanLabel.secondary(span, label));
      return this;
    }

    public Builder note(String note) {
      notes.add(note);
      return this;
    }

    public Builder help(String text) {
      this.help = text;
      return this;
    }

    public Diagnostic build() {
      return new Diagnostic(code, message, labels, notes, Optional.ofNullable(help));
    }
  }
}
