package org.escalon.compiler.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.escalon.grammar.EscalonLexer;
import org.escalon.grammar.EscalonParser;

/** Says what the parser expected in the words of the language rather than token names. */
final class Expectations {

  private static final int MAX_LISTED = 5;

  /** What to say when many tokens would do, by the grammar rule being parsed. */
  private static final Map<Integer, String> RULE_PHRASES = Map.ofEntries(
      Map.entry(EscalonParser.RULE_protocol,
          "a declaration such as `role`, `stage` or `outcome`, or `}`"),
      Map.entry(EscalonParser.RULE_protocolStatement,
          "a declaration such as `role`, `stage` or `outcome`, or `}`"),
      Map.entry(EscalonParser.RULE_stageStatement,
          "a stage statement such as `to`, `copy`, `respond within` or `when`, or `}`"),
      Map.entry(EscalonParser.RULE_duration, "a timescale such as `5 working days`"),
      Map.entry(EscalonParser.RULE_amount, "a timescale such as `5 working days`"),
      Map.entry(EscalonParser.RULE_extensionStatement,
          "an extension statement such as `requested by`, `granted by` or `up to`, or `}`"),
      Map.entry(EscalonParser.RULE_triggerStatement, "`when`, `raise at` or `}`"),
      Map.entry(EscalonParser.RULE_history, "a rule over the case history"),
      Map.entry(EscalonParser.RULE_limitStatement, "`total`, `source` or `}`"),
      Map.entry(EscalonParser.RULE_phaseStatement, "stages such as `stage 3..5`, `source` or `}`"),
      Map.entry(EscalonParser.RULE_propertyStatement, "a claim such as `every path reaches ...`"),
      Map.entry(EscalonParser.RULE_claim, "a claim such as `resolved` or `stage 4`"),
      Map.entry(EscalonParser.RULE_claimUnary, "a claim such as `resolved` or `stage 4`"),
      Map.entry(EscalonParser.RULE_condition, "a condition on the case"),
      Map.entry(EscalonParser.RULE_fieldType,
          "a field type: `text`, `date`, `number`, `yes-no`, `stage`, `role` or `one of ...`"),
      Map.entry(EscalonParser.RULE_formStatement, "`field`, `source` or `}`"),
      Map.entry(EscalonParser.RULE_roleStatement, "`in`, `source` or `}`"),
      Map.entry(EscalonParser.RULE_rightKind, "`start at`, `bypass to` or `refer to`"),
      Map.entry(EscalonParser.RULE_rightTargets, "`any stage`, a stage or an outcome"),
      Map.entry(EscalonParser.RULE_stageRef, "a stage such as `stage 2`"),
      Map.entry(EscalonParser.RULE_stageRefs, "a stage such as `stage 2`"),
      Map.entry(EscalonParser.RULE_target, "a stage such as `stage 2`, `resolved` or an outcome"),
      Map.entry(EscalonParser.RULE_requirement,
          "`completed stage ...`, `agreement of ...`, `advice of ...` or a condition"));

  private Expectations() {}

  static String describe(Parser parser, IntervalSet expected) {
    List<Integer> types = expected.toList();
    if (types.size() > MAX_LISTED) {
      for (ParserRuleContext ctx = parser.getContext(); ctx != null; ctx = ctx.getParent()) {
        String phrase = RULE_PHRASES.get(Places.ruleFor(ctx));
        if (phrase != null) {
          return phrase;
        }
      }
    }
    List<String> words = new ArrayList<>();
    for (int type : types) {
      words.add(tokenPhrase(type));
    }
    if (words.isEmpty()) {
      return "something else";
    }
    if (words.size() == 1) {
      return words.get(0);
    }
    return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
  }

  static String tokenPhrase(int type) {
    return switch (type) {
      case EscalonLexer.IDENT -> "a name";
      case EscalonLexer.STRING -> "a quoted text";
      case EscalonLexer.INT -> "a number";
      case EscalonLexer.NUMBERED_KEY -> "a stage number such as `3A`";
      case EscalonLexer.DATE -> "a date such as `2026-09-01`";
      case EscalonLexer.MONTHDAY -> "a month and day such as `12-27`";
      case Token.EOF -> "the end of the file";
      default -> {
        String literal = EscalonLexer.VOCABULARY.getLiteralName(type);
        yield literal == null ? EscalonLexer.VOCABULARY.getDisplayName(type)
            : "`" + literal.substring(1, literal.length() - 1) + "`";
      }
    };
  }

  static String show(Token found) {
    return switch (found.getType()) {
      case Token.EOF -> "the end of the file";
      case EscalonLexer.STRING -> "the text " + found.getText();
      default -> "`" + found.getText() + "`";
    };
  }

  static boolean isKeyword(int type) {
    String literal = EscalonLexer.VOCABULARY.getLiteralName(type);
    return literal != null && Character.isLetter(literal.charAt(1));
  }
}
