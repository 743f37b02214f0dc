package org.escalon.compiler.lsp;

import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.escalon.model.SourceSpan;

/** Between the compiler's 1-based spans and the protocol's 0-based ranges. */
final class Ranges {

  private Ranges() {}

  static Range of(SourceSpan span) {
    if (!span.isKnown()) {
      return new Range(new Position(0, 0), new Position(0, 0));
    }
    return new Range(new Position(span.line() - 1, span.column() - 1),
        new Position(span.endLine() - 1, Math.max(span.endColumn() - 1, 0)));
  }

  static org.escalon.compiler.service.Position caret(Position p) {
    return new org.escalon.compiler.service.Position(p.getLine() + 1, p.getCharacter() + 1);
  }

  /** The range of a whole text, for edits that replace it. */
  static Range whole(String text) {
    String[] lines = text.split("\n", -1);
    return new Range(new Position(0, 0),
        new Position(lines.length - 1, lines[lines.length - 1].length()));
  }
}
