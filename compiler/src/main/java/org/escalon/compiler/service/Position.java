package org.escalon.compiler.service;

/** A caret in a document: 1-based line and column, as the compiler's spans count them. */
public record Position(int line, int column) {

  public Position {
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("lines and columns count from 1: " + line + ":" + column);
    }
  }
}
