package org.escalon.compiler.ast;

import org.escalon.model.SourceSpan;

/** How a stage is numbered or named in the source: {@code 1}, {@code 4}, {@code informal}. */
public record StageKey(String text, SourceSpan span) {

  public boolean isNumber() {
    return !text.isEmpty() && text.chars().allMatch(Character::isDigit);
  }
}
