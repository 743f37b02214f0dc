package org.escalon.compiler.diagnostics;

import org.escalon.model.SourceSpan;

/** A source range a diagnostic points at, with a few words on why; the primary one gets carets. */
public record Label(SourceSpan span, String message, boolean primary) {

  public static Label primary(SourceSpan span, String message) {
    return new Label(span, message, true);
  }

  public static Label secondary(SourceSpan span, String message) {
    return new Label(span, message, false);
  }
}
