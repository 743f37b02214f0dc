package org.escalon.compiler.diagnostics;

import org.escalon.model.SourceSpan;

/** Renders a diagnostic on one line, {@code file:line:col: error[E0201]: message}, for editors and grep. */
public final class ShortRenderer {

  public String render(Diagnostic d, String path) {
    SourceSpan span = d.span();
    // a declaration a protocol took from its base is located in the base's file
    if (span.isKnown() && RichRenderer.elsewhere(span.file(), path)) {
      path = span.file();
    }
    String where = span.isKnown() ? path + ":" + span.line() + ":" + span.column() : path;
    return where + ": " + d.severity().label() + "[" + d.code().name() + "]: " + d.message();
  }
}
