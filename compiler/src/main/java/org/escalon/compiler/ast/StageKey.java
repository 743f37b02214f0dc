package org.escalon.compiler.ast;

import java.util.Locale;
import java.util.Optional;
import org.escalon.model.SourceSpan;

/**
 * How a stage is numbered or named in the source: {@code 1}, {@code 4}, {@code 3A}, {@code 4b},
 * {@code informal}.
 */
public record StageKey(String text, SourceSpan span) {

  /** Policies number their stages with at most this many digits; longer runs are not ordered. */
  private static final int MOST_DIGITS = 8;

  /**
   * Where a numbered key stands in the policy's numbering: its number, then the letters after
   * it, compared without case ({@code 3 < 3A < 3b < 4}); empty for a named key.
   */
  public Optional<Numbering> numbering() {
    int digits = 0;
    while (digits < text.length() && Character.isDigit(text.charAt(digits))) {
      digits++;
    }
    if (digits == 0 || digits > MOST_DIGITS) {
      return Optional.empty();
    }
    return Optional.of(new Numbering(Integer.parseInt(text.substring(0, digits)),
        text.substring(digits).toLowerCase(Locale.ROOT)));
  }

  /** A stage number as a policy writes it: {@code 4} and {@code "b"} for {@code 4b}. */
  public record Numbering(int number, String suffix) implements Comparable<Numbering> {
    @Override
    public int compareTo(Numbering other) {
      int byNumber = Integer.compare(number, other.number);
      return byNumber != 0 ? byNumber : suffix.compareTo(other.suffix);
    }
  }
}
