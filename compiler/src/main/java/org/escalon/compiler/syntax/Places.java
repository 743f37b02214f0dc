package org.escalon.compiler.syntax;

import java.util.Map;
import java.util.function.Function;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.escalon.grammar.EscalonLexer;
import org.escalon.grammar.EscalonParser;

/**
 * Names the block a syntax error is in ("inside stage 2", "in the right of `IRO`", "inside the
 * limit ..."), so that a message never says a stage statement was expected at the top of the
 * file, or a declaration inside a stage.
 */
final class Places {

  /**
   * The blocks that a newcomer thinks in, innermost first when nested. Labelled alternatives of
   * `protocolStatement` share its rule index, so they are told apart by their context class.
   */
  private static final Map<Class<?>, Function<ParserRuleContext, String>> BLOCKS = Map.ofEntries(
      Map.entry(EscalonParser.StageDeclContext.class, c -> {
        EscalonParser.StageDeclContext s = (EscalonParser.StageDeclContext) c;
        return opened(s.LBRACE()) ? "inside stage " + s.stageKey().getText()
            : "in the heading of a stage";
      }),
      Map.entry(EscalonParser.OutcomeDeclContext.class, c -> {
        EscalonParser.OutcomeDeclContext o = (EscalonParser.OutcomeDeclContext) c;
        return opened(o.LBRACE()) ? "inside the outcome `" + o.outcomeName().getText() + "`"
            : "in the heading of an outcome";
      }),
      Map.entry(EscalonParser.ObligationDeclContext.class,
          c -> "inside an `at stage ...` block"),
      Map.entry(EscalonParser.RightDeclContext.class,
          c -> "in the right of `" + ((EscalonParser.RightDeclContext) c).name().getText() + "`"),
      Map.entry(EscalonParser.LimitDeclContext.class, c -> "inside the limit "
          + text(((EscalonParser.LimitDeclContext) c).STRING())),
      Map.entry(EscalonParser.PhaseDeclContext.class, c -> "inside the phase `"
          + ((EscalonParser.PhaseDeclContext) c).name().getText() + "`"),
      Map.entry(EscalonParser.PropertyDeclContext.class, c -> "inside the property "
          + text(((EscalonParser.PropertyDeclContext) c).STRING())),
      Map.entry(EscalonParser.ExtensionDeclContext.class, c -> "inside the `extension` block"),
      Map.entry(EscalonParser.StageExtensionStatementContext.class,
          c -> "inside the stage's `extension` block"),
      Map.entry(EscalonParser.TriggerDeclContext.class, c -> "inside the trigger `"
          + ((EscalonParser.TriggerDeclContext) c).name().getText() + "`"),
      Map.entry(EscalonParser.RoleDeclContext.class, c -> {
        EscalonParser.NameContext name = ((EscalonParser.RoleDeclContext) c).name();
        return name == null || name.getText().isEmpty() ? "in a role's declaration"
            : "in the role `" + name.getText() + "`";
      }),
      Map.entry(EscalonParser.FormDeclContext.class, c -> "inside the form `"
          + ((EscalonParser.FormDeclContext) c).name().getText() + "`"));

  /** The rule whose statements a block holds, for saying what may come next in it. */
  private static final Map<Class<?>, Integer> BODIES = Map.of(
      EscalonParser.StageDeclContext.class, EscalonParser.RULE_stageStatement,
      EscalonParser.OutcomeDeclContext.class, EscalonParser.RULE_stageStatement,
      EscalonParser.ObligationDeclContext.class, EscalonParser.RULE_stageStatement,
      EscalonParser.LimitDeclContext.class, EscalonParser.RULE_limitStatement,
      EscalonParser.PhaseDeclContext.class, EscalonParser.RULE_phaseStatement,
      EscalonParser.PropertyDeclContext.class, EscalonParser.RULE_propertyStatement,
      EscalonParser.ExtensionDeclContext.class, EscalonParser.RULE_extensionStatement,
      EscalonParser.StageExtensionStatementContext.class, EscalonParser.RULE_extensionStatement,
      EscalonParser.TriggerDeclContext.class, EscalonParser.RULE_triggerStatement,
      EscalonParser.FormDeclContext.class, EscalonParser.RULE_formStatement);

  private Places() {}

  static String describe(ParserRuleContext ctx) {
    for (ParserRuleContext c = ctx; c != null; c = c.getParent()) {
      Function<ParserRuleContext, String> place = BLOCKS.get(c.getClass());
      if (place != null) {
        return place.apply(c);
      }
    }
    return "at the top level of the protocol";
  }

  /**
   * The rule to describe expectations by: the statements of the block the parser is in when it
   * stands between two of them, otherwise the rule itself.
   */
  static int ruleFor(ParserRuleContext ctx) {
    Integer body = BODIES.get(ctx.getClass());
    return body != null && inBody(ctx) ? body : ctx.getRuleIndex();
  }

  /** Whether the block's `{` has been read and its `}` not yet. */
  private static boolean inBody(ParserRuleContext ctx) {
    boolean open = false;
    for (int i = 0; i < ctx.getChildCount(); i++) {
      if (ctx.getChild(i) instanceof TerminalNode t) {
        int type = t.getSymbol().getType();
        open = type == EscalonLexer.LBRACE || (open && type != EscalonLexer.RBRACE);
      }
    }
    return open;
  }

  private static boolean opened(TerminalNode brace) {
    return brace != null && brace.getSymbol().getTokenIndex() >= 0;
  }

  private static String text(TerminalNode string) {
    return string == null ? "" : string.getText();
  }
}
