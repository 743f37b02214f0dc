package org.escalon.compiler.syntax;

import java.util.HashSet;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.escalon.compiler.diagnostics.Code;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.compiler.diagnostics.Diagnostics;
import org.escalon.grammar.EscalonLexer;
import org.escalon.grammar.EscalonParser;

/**
 * Turns ANTLR's syntax errors into diagnostics a policy officer can read: what was expected, in
 * the words of the language ("a timescale such as `5 working days`"), and what was found. Keeps
 * the first error of each line, since the ones after it on that line are usually echoes.
 */
final class SyntaxErrorListener extends BaseErrorListener {

  private static final java.util.Set<Integer> TEMPORAL = java.util.Set.of(EscalonLexer.ALWAYS,
      EscalonLexer.EVENTUALLY, EscalonLexer.NEVER, EscalonLexer.EVERY);

  private final Spans spans;
  private final Diagnostics diagnostics;
  private final CommonMistakes mistakes;
  private final Set<Integer> linesReported = new HashSet<>();
  private int count;

  SyntaxErrorListener(Spans spans, Diagnostics diagnostics) {
    this.spans = spans;
    this.diagnostics = diagnostics;
    this.mistakes = new CommonMistakes(spans);
  }

  int count() {
    return count;
  }

  @Override
  public void syntaxError(
      Recognizer<?, ?> recognizer,
      Object offendingSymbol,
      int line,
      int charPositionInLine,
      String msg,
      RecognitionException e) {
    if (!(offendingSymbol instanceof Token found) || !(recognizer instanceof Parser parser)) {
      return;
    }
    count++;
    if (!linesReported.add(found.getLine())) {
      return;
    }
    diagnostics.add(describe(parser, found));
  }

  private Diagnostic describe(Parser parser, Token found) {
    IntervalSet expected = parser.getExpectedTokens();
    String wanted = Expectations.describe(parser, expected);
    String where = Places.describe(parser.getContext());
    int type = found.getType();
    java.util.Optional<Diagnostic> known = mistakes.recognise(parser, found, expected, where);
    if (known.isPresent()) {
      return known.get();
    }
    if (type == EscalonLexer.UNTERMINATED_STRING) {
      return Diagnostic.of(Code.E0102, "this text has no closing quote")
          .at(spans.of(found), "the text starts here")
          .help("end the text with `\"` on the same line")
          .build();
    }
    if (type == EscalonLexer.UNKNOWN_CHAR) {
      return Diagnostic.of(Code.E0103, "`" + found.getText() + "` is not part of the language")
          .at(spans.of(found), "not expected here")
          .note("expected " + wanted + " " + where)
          .help("remove it, or put it inside quotes if it belongs to a title or a citation")
          .build();
    }
    if (type == Token.EOF) {
      if (found.getTokenIndex() == firstTokenIndex(parser)
          || parser.getContext() instanceof EscalonParser.FileContext) {
        return notAProtocol(found);
      }
      return Diagnostic.of(Code.E0105, "the file ends before the protocol is complete")
          .at(spans.of(found), "expected " + wanted + " before the end")
          .help("check that every `{` has its `}`")
          .build();
    }
    if (TEMPORAL.contains(type) && expected.contains(EscalonLexer.IDENT)) {
      return Diagnostic.of(Code.E0101, "expected a claim, found `" + found.getText() + "`")
          .at(spans.of(found), "a temporal word cannot stand here without brackets")
          .note("`" + found.getText() + "` takes everything after it, so after `and`, `or`, `not` "
              + "or `only after` it must be in brackets")
          .help("write `(" + found.getText() + " ...)`")
          .build();
    }
    if (Expectations.isKeyword(type) && expected.contains(EscalonLexer.IDENT)) {
      return Diagnostic.of(Code.E0104, "`" + found.getText() + "` is a word of the language and cannot be a name")
          .at(spans.of(found), "reserved word")
          .note(where)
          .help("choose another name, such as `" + found.getText() + "_1` or a CamelCase one")
          .build();
    }
    if (found.getTokenIndex() == firstTokenIndex(parser) && type != EscalonLexer.PROTOCOL) {
      return notAProtocol(found);
    }
    return Diagnostic.of(Code.E0101, "expected " + wanted + ", found " + Expectations.show(found))
        .at(spans.of(found), "unexpected here")
        .note(where)
        .build();
  }

  private Diagnostic notAProtocol(Token found) {
    return Diagnostic.of(Code.E0106, "a protocol file starts with `protocol \"Name\" {`")
        .at(spans.of(found), found.getType() == Token.EOF ? "no protocol in the file" : "found this instead")
        .help("begin the file with `protocol \"Name of the procedure\" {` and end it with `}`")
        .build();
  }

  private static int firstTokenIndex(Parser parser) {
    for (int i = 0; ; i++) {
      Token t = parser.getTokenStream().get(i);
      if (t.getChannel() == Token.DEFAULT_CHANNEL || t.getType() == Token.EOF) {
        return t.getTokenIndex();
      }
    }
  }
}
