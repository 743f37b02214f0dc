package org.escalon.compiler.syntax;

import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
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
    EscalonParser parser = new EscalonParser(tokens);
    parser.removeErrorListeners();
    SyntaxErrorListener errors = new SyntaxErrorListener(spans, diagnostics);
    parser.addErrorListener(errors);
    EscalonParser.FileContext tree = parser.file();
    if (errors.count() > 0) {
      return Optional.empty();
    }
    return Optional.of(new AstBuilder(path, new CommentCursor(tokens, spans)).build(tree));
  }
}
