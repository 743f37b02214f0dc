package org.escalon.compiler.syntax;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.Token;
import org.escalon.grammar.EscalonLexer;

/**
 * Finds the `{` a missing `}` leaves open. The parser only notices at the end of the file, and
 * by then every later block has been read as part of the open one; the author's indentation says
 * which block it was: the block whose `{` is followed by a line indented no deeper than its own
 * that is not its `}`.
 */
final class UnclosedBraces {

  private UnclosedBraces() {}

  /** The open brace to blame, when the file has more `{` than `}`. */
  static Optional<Token> find(List<Token> tokens) {
    Deque<Token> open = new ArrayDeque<>();
    for (Token t : tokens) {
      if (t.getType() == EscalonLexer.LBRACE) {
        open.push(t);
      } else if (t.getType() == EscalonLexer.RBRACE && !open.isEmpty()) {
        open.pop();
      }
    }
    if (open.isEmpty()) {
      return Optional.empty();
    }
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.getType() == EscalonLexer.LBRACE && !closesOnItsLine(tokens, i)
          && !closedAtItsIndent(tokens, i)) {
        return Optional.of(t);
      }
    }
    return Optional.of(open.peek());
  }

  private static boolean closesOnItsLine(List<Token> tokens, int brace) {
    int depth = 0;
    int line = tokens.get(brace).getLine();
    for (int i = brace; i < tokens.size() && tokens.get(i).getLine() == line; i++) {
      int type = tokens.get(i).getType();
      depth += type == EscalonLexer.LBRACE ? 1 : type == EscalonLexer.RBRACE ? -1 : 0;
      if (depth == 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether the first later line indented no deeper than the brace's own starts with `}`. */
  private static boolean closedAtItsIndent(List<Token> tokens, int brace) {
    int indent = indentOfLine(tokens, brace);
    for (int i = brace + 1; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      boolean startsLine = tokens.get(i - 1).getLine() < t.getLine();
      if (t.getType() == Token.EOF) {
        return false;
      }
      if (startsLine && t.getCharPositionInLine() <= indent) {
        return t.getType() == EscalonLexer.RBRACE;
      }
    }
    return false;
  }

  private static int indentOfLine(List<Token> tokens, int index) {
    int line = tokens.get(index).getLine();
    int first = index;
    while (first > 0 && tokens.get(first - 1).getLine() == line) {
      first--;
    }
    return tokens.get(first).getCharPositionInLine();
  }
}
