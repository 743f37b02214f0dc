package org.escalon.compiler.service;

import org.escalon.model.SourceSpan;

/** One place a declared name is written: its declaration, or a use of it. */
public record Occurrence(Symbol symbol, SourceSpan span, boolean declaration) {

  /** Whether a 1-based line and column falls on this occurrence (its end included, for a caret). */
  public boolean covers(int line, int column) {
    return span.line() == line && span.endLine() == line
        && column >= span.column() && column <= span.endColumn();
  }
}
