package org.escalon.compiler.syntax;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.Token;
import org.escalon.compiler.ast.Comment;
import org.escalon.grammar.EscalonLexer;

/**
 * Hands out the file's comments in order, each exactly once, so the AST builder can place them
 * as statements of the block they stand in.
 */
final class CommentCursor {

  private final List<Token> comments = new ArrayList<>();
  private final BufferedTokenStream tokens;
  private final Spans spans;
  private int next;

  CommentCursor(BufferedTokenStream tokens, Spans spans) {
    this.tokens = tokens;
    this.spans = spans;
    for (Token t : tokens.getTokens()) {
      if (t.getType() == EscalonLexer.COMMENT) {
        comments.add(t);
      }
    }
  }

  /** The comments not yet taken that stand before the token at {@code tokenIndex}. */
  List<Comment> takeBefore(int tokenIndex) {
    List<Comment> out = new ArrayList<>();
    while (next < comments.size() && comments.get(next).getTokenIndex() < tokenIndex) {
      out.add(comment(comments.get(next++)));
    }
    return out;
  }

  /** The comments not yet taken inside a one-line statement, to be moved before it. */
  List<Comment> takeInside(int startIndex, int stopIndex) {
    List<Comment> out = new ArrayList<>();
    while (next < comments.size()
        && comments.get(next).getTokenIndex() > startIndex
        && comments.get(next).getTokenIndex() < stopIndex) {
      Token t = comments.get(next++);
      out.add(new Comment(text(t), false, spans.of(t)));
    }
    return out;
  }

  private Comment comment(Token t) {
    return new Comment(text(t), isTrailing(t), spans.of(t));
  }

  // A comment is trailing when a token of the program stands before it on the same line.
  private boolean isTrailing(Token comment) {
    for (int i = comment.getTokenIndex() - 1; i >= 0; i--) {
      Token before = tokens.get(i);
      if (before.getChannel() == Token.DEFAULT_CHANNEL) {
        return before.getLine() == comment.getLine();
      }
      if (before.getType() == EscalonLexer.COMMENT) {
        return false;
      }
    }
    return false;
  }

  private static String text(Token t) {
    String body = t.getText().substring(1);
    return body.startsWith(" ") ? body.substring(1).stripTrailing() : body.stripTrailing();
  }
}
