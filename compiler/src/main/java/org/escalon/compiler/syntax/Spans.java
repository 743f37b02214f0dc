package org.escalon.compiler.syntax;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.escalon.model.SourceSpan;

/** Source spans of tokens and rules, 1-based, with an exclusive end column. */
final class Spans {

  private final String file;

  Spans(String file) {
    this.file = file;
  }

  SourceSpan of(Token t) {
    int column = t.getCharPositionInLine() + 1;
    String text = t.getType() == Token.EOF ? "" : t.getText();
    int newline = text.lastIndexOf('\n');
    if (newline >= 0) {
      int lines = (int) text.chars().filter(ch -> ch == '\n').count();
      return new SourceSpan(file, t.getLine(), column, t.getLine() + lines, text.length() - newline);
    }
    return new SourceSpan(file, t.getLine(), column, t.getLine(), column + Math.max(1, text.length()));
  }

  SourceSpan of(ParserRuleContext c) {
    Token stop = c.stop == null || c.stop.getTokenIndex() < c.start.getTokenIndex() ? c.start : c.stop;
    return of(c.start).to(of(stop));
  }
}
