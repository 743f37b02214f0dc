package org.escalon.compiler.syntax;

import java.util.Set;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.escalon.grammar.EscalonLexer;
import org.escalon.grammar.EscalonParser;

/**
 * Recovers from a syntax error one statement at a time, so that one mistake gives one error and
 * the valid lines after it give none.
 *
 * <p>ANTLR's default strategy repairs a single token in place (deleting or inventing one) and
 * otherwise skips tokens until one that could follow the rule it was in; on a protocol that
 * leaves it part-way through a statement, and every following line then reports an echo of the
 * first mistake. Here an error unwinds to the statement it is in, and the rest of that statement
 * is skipped up to the first line that starts a statement of the same block (or the `}` that
 * closes the block), stepping over any `{ ... }` the skipped text opens. Statements may span
 * lines, but a statement that starts on a new line is what authors write after a mistaken one.
 */
final class StatementRecovery extends DefaultErrorStrategy {

  /** The rules whose instances are one statement of a block: recovery resumes after one. */
  private static final Set<Integer> STATEMENTS = Set.of(
      EscalonParser.RULE_protocolStatement, EscalonParser.RULE_stageStatement,
      EscalonParser.RULE_roleStatement, EscalonParser.RULE_formStatement,
      EscalonParser.RULE_extensionStatement, EscalonParser.RULE_triggerStatement,
      EscalonParser.RULE_limitStatement, EscalonParser.RULE_propertyStatement,
      EscalonParser.RULE_phaseStatement);

  /** No single-token repair: it guesses, and a wrong guess is what makes errors cascade. */
  @Override
  public Token recoverInline(Parser recognizer) throws RecognitionException {
    throw new InputMismatchException(recognizer);
  }

  /**
   * Unwinds to the innermost statement, then skips the rest of it. Outside any statement (the
   * header of the file, or its end) it stops where the default strategy would.
   */
  @Override
  public void recover(Parser recognizer, RecognitionException e) throws RecognitionException {
    ParserRuleContext ctx = recognizer.getContext();
    if (!STATEMENTS.contains(ctx.getRuleIndex()) && hasStatementAbove(ctx)) {
      throw e;
    }
    if (!STATEMENTS.contains(ctx.getRuleIndex())) {
      super.recover(recognizer, e);
      return;
    }
    IntervalSet starts = recognizer.getATN().nextTokens(
        recognizer.getATN().ruleToStartState[ctx.getRuleIndex()]);
    int before = recognizer.getInputStream().index();
    Token offending = e.getOffendingToken() == null ? recognizer.getCurrentToken()
        : e.getOffendingToken();
    skipStatement(recognizer, starts, ctx.start, missingOpenBrace(recognizer, e, offending) ? 1 : 0);
    if (recognizer.getInputStream().index() == before && lastErrorIndex == before) {
      recognizer.consume();
    }
    lastErrorIndex = before;
    endErrorCondition(recognizer);
  }

  /**
   * Before each statement of a block: a token that cannot start one is reported and the line it
   * is on skipped, rather than skipping token by token until something happens to fit.
   */
  @Override
  public void sync(Parser recognizer) throws RecognitionException {
    if (inErrorRecoveryMode(recognizer)) {
      return;
    }
    ATNState state = recognizer.getInterpreter().atn.states.get(recognizer.getState());
    boolean loop = switch (state.getStateType()) {
      case ATNState.STAR_LOOP_ENTRY, ATNState.STAR_LOOP_BACK, ATNState.PLUS_LOOP_BACK -> true;
      default -> false;
    };
    if (!loop) {
      super.sync(recognizer);
      return;
    }
    TokenStream input = recognizer.getInputStream();
    IntervalSet acceptable = recognizer.getATN().nextTokens(state);
    while (!acceptable.contains(input.LA(1)) && !acceptable.contains(Token.EPSILON)
        && input.LA(1) != Token.EOF) {
      Token bad = input.LT(1);
      recognizer.notifyErrorListeners(bad, "unexpected", null);
      int before = input.index();
      skipStatement(recognizer, acceptable, bad, 0);
      if (input.index() == before) {
        recognizer.consume();
      }
    }
  }

  private static boolean hasStatementAbove(ParserRuleContext ctx) {
    for (ParserRuleContext c = ctx.getParent(); c != null; c = c.getParent()) {
      if (STATEMENTS.contains(c.getRuleIndex())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Consumes tokens up to the first one that begins a later line than {@code from} and can start
   * a statement here, or up to a `}` this text did not open, or to the end of the file;
   * {@code open} blocks are taken as already open.
   */
  private static void skipStatement(Parser recognizer, IntervalSet starts, Token from,
      int open) {
    TokenStream input = recognizer.getInputStream();
    int depth = open;
    while (true) {
      Token next = input.LT(1);
      int type = next.getType();
      if (type == Token.EOF) {
        return;
      }
      if (depth == 0 && type == EscalonLexer.RBRACE) {
        return;
      }
      if (depth == 0 && next.getLine() > from.getLine() && startsLine(input)
          && starts.contains(type)) {
        return;
      }
      if (type == EscalonLexer.LBRACE) {
        depth++;
      } else if (type == EscalonLexer.RBRACE) {
        depth--;
      }
      recognizer.consume();
    }
  }

  /**
   * A heading whose `{` was forgotten: the lines after it are still its body, up to its `}`, and
   * are skipped with it rather than read as statements of the block around it.
   */
  private static boolean missingOpenBrace(Parser recognizer, RecognitionException e,
      Token offending) {
    IntervalSet expected = e.getExpectedTokens();
    Token before = recognizer.getInputStream().LT(-1);
    return expected != null && expected.contains(EscalonLexer.LBRACE) && before != null
        && before.getLine() < offending.getLine();
  }

  private static boolean startsLine(TokenStream input) {
    Token previous = input.LT(-1);
    return previous == null || previous.getLine() < input.LT(1).getLine();
  }
}
