package org.escalon.compiler.syntax;

import java.util.List;
import java.util.Optional;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.escalon.compiler.ast.ProtocolFile;
import org.escalon.compiler.diagnostics.Diagnostics;
import org.escalon.grammar.EscalonLexer;
import org.escalon.grammar.EscalonParser;

/** The one façade over ANTLR: protocol text in, an AST or syntax diagnostics out. */
public final class SourceParser {

  /**
   * Parses a protocol file. Reports every syntax error it can recover from; returns an AST only
   * when there were none.
   */
  public Optional<ProtocolFile> parse(String path, String text, Diagnostics diagnostics) {
    Spans spans = new Spans(path);
    EscalonLexer lexer = new EscalonLexer(CharStreams.fromString(text, path));
    lexer.removeErrorListeners();
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    if (InputLimits.check(tokens.getTokens(), spans, diagnostics) > 0) {
      return Optional.empty();
    }
    List<Token> visible = tokens.getTokens().stream()
        .filter(t -> t.getChannel() == Token.DEFAULT_CHANNEL).toList();
    Optional<Token> unclosed = UnclosedBraces.find(visible);
    if (unclosed.isPresent()) {
      diagnostics.add(new CommonMistakes(spans).unclosed(unclosed.get(),
          visible.get(Math.max(0, visible.size() - 2)), blockOf(visible, unclosed.get())));
      return Optional.empty();
    }
    Optional<EscalonParser.FileContext> fast = parseFast(tokens);
    if (fast.isPresent()) {
      return Optional.of(new AstBuilder(path, new CommentCursor(tokens, spans)).build(fast.get()));
    }
    tokens.seek(0);
    EscalonParser parser = new EscalonParser(tokens);
    parser.setErrorHandler(new StatementRecovery());
    parser.removeErrorListeners();
    SyntaxErrorListener errors = new SyntaxErrorListener(spans, diagnostics);
    parser.addErrorListener(errors);
    EscalonParser.FileContext tree = parser.file();
    if (errors.count() > 0) {
      return Optional.empty();
    }
    return Optional.of(new AstBuilder(path, new CommentCursor(tokens, spans)).build(tree));
  }

  /** "stage 2", "the protocol", ...: the words on the line before the brace, as written. */
  private static String blockOf(List<Token> visible, Token brace) {
    StringBuilder words = new StringBuilder();
    for (Token t : visible) {
      if (t.getLine() == brace.getLine() && t.getTokenIndex() < brace.getTokenIndex()
          && t.getType() != EscalonLexer.STRING) {
        words.append(words.isEmpty() ? "" : " ").append(t.getText());
      }
    }
    return words.isEmpty() ? "this block" : "`" + words + "`";
  }

  /**
   * ANTLR's two-stage parse: the faster SLL prediction first, giving up at the first error; a
   * file it parses has the same tree as with full LL. Only a file it cannot parse is parsed again
   * with full LL and the error listener, so that syntax errors are found and worded as before.
   * The editor service re-parses on every keystroke; this keeps a keystroke within its budget.
   */
  private static Optional<EscalonParser.FileContext> parseFast(CommonTokenStream tokens) {
    EscalonParser parser = new EscalonParser(tokens);
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    try {
      return Optional.of(parser.file());
    } catch (ParseCancellationException e) {
      return Optional.empty();
    }
  }
}
