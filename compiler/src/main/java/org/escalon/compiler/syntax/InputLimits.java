package org.escalon.compiler.syntax;

import java.util.List;
import org.antlr.v4.runtime.Token;
import org.escalon.compiler.diagnostics.Code;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.compiler.diagnostics.Diagnostics;
import org.escalon.grammar.EscalonLexer;

/**
 * The language's limits, checked on the tokens before anything is parsed: a number above {@link
 * #LARGEST_NUMBER} (E0311), a text longer than {@link #LONGEST_TEXT} (E0312), and a condition or claim nested deeper than any policy writes (E0108).
 * Everything after the parser walks conditions and claims by recursion, so a bound here is what
 * keeps 1,300 brackets or 1,200 `or`s from overflowing the stack in the checker, the verifier or
 * the generated Java; checking tokens, not the tree, means the parser itself never sees them.
 */
final class InputLimits {

  /** The largest number the language accepts: 99,999 working days is about 380 years. */
  static final int LARGEST_NUMBER = 99_999;

  /**
   * The longest text, in characters: a long paragraph. At three bytes a character at most, two
   * texts joined stay under the 65,535 bytes a constant of the generated Java can hold.
   */
  static final int LONGEST_TEXT = 10_000;

  /** Brackets inside brackets, at most. */
  static final int DEEPEST_BRACKETS = 32;

  /**
   * Logical and temporal words ({@code and}, {@code or}, {@code not}, {@code always},
   * {@code eventually}, {@code never}) and brackets between two braces, at most: each one is a level
   * of the tree the tools walk.
   */
  static final int MOST_OPERATORS = 100;

  private InputLimits() {}

  /** Reports each limit passed (once per kind); returns how many were reported. */
  static int check(List<Token> tokens, Spans spans, Diagnostics diagnostics) {
    int reported = 0;
    boolean tooDeep = false;
    boolean tooMany = false;
    int brackets = 0;
    int operators = 0;
    for (Token t : tokens) {
      switch (t.getType()) {
        case EscalonLexer.INT -> {
          if (!fits(t.getText())) {
            diagnostics.add(Diagnostic.of(Code.E0311, "the number " + abbreviated(t.getText())
                    + " is larger than the language allows (at most "
                    + String.format(java.util.Locale.ROOT, "%,d", LARGEST_NUMBER) + ")")
                .at(spans.of(t), "too large")
                .help("write the number the policy gives; no timescale or count is this large")
                .build());
            reported++;
          }
        }
        case EscalonLexer.STRING -> {
          if (t.getText().length() - 2 > LONGEST_TEXT) {
            diagnostics.add(Diagnostic.of(Code.E0312, "this text is "
                    + String.format(java.util.Locale.ROOT, "%,d", t.getText().length() - 2)
                    + " characters long, longer than the language allows (at most "
                    + String.format(java.util.Locale.ROOT, "%,d", LONGEST_TEXT) + ")")
                .at(spans.of(t), "too long")
                .help("a title or citation names the policy's words; keep the full text in "
                    + "the policy document")
                .build());
            reported++;
          }
        }
        case EscalonLexer.LBRACE, EscalonLexer.RBRACE -> {
          brackets = 0;
          operators = 0;
        }
        case EscalonLexer.LPAREN, EscalonLexer.AND, EscalonLexer.OR, EscalonLexer.NOT,
            EscalonLexer.ALWAYS, EscalonLexer.EVENTUALLY, EscalonLexer.NEVER -> {
          if (t.getType() == EscalonLexer.LPAREN) {
            brackets++;
          }
          operators++;
          if (!tooDeep && brackets > DEEPEST_BRACKETS) {
            tooDeep = true;
            reported++;
            diagnostics.add(tooDeep(t, spans, "brackets are nested more than "
                + DEEPEST_BRACKETS + " deep"));
          } else if (!tooMany && operators > MOST_OPERATORS) {
            tooMany = true;
            reported++;
            diagnostics.add(tooDeep(t, spans, "more than " + MOST_OPERATORS
                + " `and`, `or`, `not`, temporal words and brackets in one block"));
          }
        }
        case EscalonLexer.RPAREN -> brackets = Math.max(0, brackets - 1);
        default -> { }
      }
    }
    return reported;
  }

  private static Diagnostic tooDeep(Token t, Spans spans, String what) {
    return Diagnostic.of(Code.E0108, "this condition or claim is too deeply nested: " + what)
        .at(spans.of(t), "the limit is passed here")
        .help("split it into simpler conditions or properties; no policy needs this many")
        .build();
  }

  private static boolean fits(String digits) {
    // leading zeros aside, five digits at most: 99,999 is the largest
    String d = digits.replaceFirst("^0+(?=.)", "");
    return d.length() <= 5 && Integer.parseInt(d) <= LARGEST_NUMBER;
  }

  private static String abbreviated(String digits) {
    return digits.length() <= 20 ? digits : digits.substring(0, 12) + "..." + " ("
        + digits.length() + " digits)";
  }
}
