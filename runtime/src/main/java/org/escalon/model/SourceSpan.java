package org.escalon.model;

/**
 * A range of a protocol file: 1-based lines and columns, the end column exclusive.
 *
 * <p>Spans travel from the parser into the model and generated code, so that a rejection at run
 * time can still point at the line of the protocol that made the rule.
 */
public record SourceSpan(String file, int line, int column, int endLine, int endColumn) {

  /** A span for things that have no place in a file (built-in outcomes, synthesised values). */
  public static final SourceSpan NONE = new SourceSpan("", 0, 0, 0, 0);

  public boolean isKnown() {
    return line > 0;
  }

  /** The smallest span that covers this one and {@code other}. */
  public SourceSpan to(SourceSpan other) {
    if (!isKnown()) {
      return other;
    }
    if (!other.isKnown()) {
      return this;
    }
    return new SourceSpan(file, line, column, other.endLine, other.endColumn);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
