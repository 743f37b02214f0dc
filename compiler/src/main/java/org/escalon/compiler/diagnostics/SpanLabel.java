package org.escalon.compiler.diagnostics;

import org.escalon.model.SourceSpan;

/** A source range a diagnostic points at, with a few words on why; the primary one gets carets. */
public record SpanLabel(SourceSpan span, String message, boolean primary) {

  public static SpanLabel primary(SourceSpan span, String message) {
    return new SpanLabel(span, message, true);
  }

  public static SpanLabel secondary(SourceSpan span, String message) {
    return new SpanLabel(span, message, false);
  }
}
