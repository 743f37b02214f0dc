package org.escalon.compiler.generate;

import com.palantir.javapoet.CodeBlock;
import org.escalon.model.Condition;
import org.escalon.model.HistoryRule;

/**
 * Compiles the protocol's conditions on a case and the rules of its triggers to Java boolean
 * expressions over the machine's fields, with the engine's meaning: an attribute not set yet is
 * neither yes nor no nor any choice.
 */
final class ConditionWriter {

  private final Plan plan;
  private final Literals literals;

  ConditionWriter(Plan plan, Literals literals) {
    this.plan = plan;
    this.literals = literals;
  }

  CodeBlock condition(Condition c) {
    if (c instanceof Condition.Holds h) {
      return is(h.attribute(), "yes");
    } else if (c instanceof Condition.Is i) {
      return is(i.attribute(), i.value());
    } else if (c instanceof Condition.Not n) {
      CodeBlock operand = condition(n.operand());
      String text = operand.toString();
      if (text.matches("\\w+ [=!]= \\w+")) {
        // not (x is v): x != v, as one writes it (an attribute not set is neither)
        return CodeBlock.of("$L", text.contains(" == ") ? text.replace(" == ", " != ")
            : text.replace(" != ", " == "));
      }
      return text.equals("false") ? CodeBlock.of("true") : CodeBlock.of("!($L)", operand);
    } else if (c instanceof Condition.And a) {
      return CodeBlock.of("$L && $L", grouped(a.left()), grouped(a.right()));
    } else if (c instanceof Condition.Or o) {
      return CodeBlock.of("$L || $L", grouped(o.left()), grouped(o.right()));
    }
    throw new IllegalArgumentException("unknown condition " + c);
  }

  private CodeBlock grouped(Condition c) {
    boolean binary = c instanceof Condition.And || c instanceof Condition.Or;
    return binary ? CodeBlock.of("($L)", condition(c)) : condition(c);
  }

  /** The attribute has this value: yes, no, or one of its choices. */
  private CodeBlock is(String attribute, String value) {
    String field = plan.attributeFields.get(attribute);
    if (field == null) {
      return CodeBlock.of("false");
    }
    if (plan.isYesNo(attribute)) {
      if (value.equals("yes") || value.equals("no")) {
        return CodeBlock.of("$L == $L", field, value.equals("yes") ? "YES" : "NO");
      }
      return CodeBlock.of("false");
    }
    String constant = plan.choices.get(attribute).get(value);
    return constant == null ? CodeBlock.of("false")
        : CodeBlock.of("$L == $T.$L", field, plan.choiceTypes.get(attribute), constant);
  }

  /** A trigger's rule, read when event {@code e} may fire it. */
  CodeBlock history(HistoryRule rule) {
    if (rule instanceof HistoryRule.Graded g) {
      return CodeBlock.of("graded($S, $S, $L)", g.scale(), g.grade(), g.times());
    } else if (rule instanceof HistoryRule.Count c) {
      return CodeBlock.of("occurrences($S) >= $L", c.event(), c.atLeast());
    } else if (rule instanceof HistoryRule.Since s) {
      return CodeBlock.of("since($S, $L, e.at())", s.event(), literals.duration(s.duration()));
    } else if (rule instanceof HistoryRule.Holds h) {
      return is(h.attribute(), "yes");
    } else if (rule instanceof HistoryRule.And a) {
      return CodeBlock.of("$L && $L", groupedHistory(a.left()), groupedHistory(a.right()));
    } else if (rule instanceof HistoryRule.Or o) {
      return CodeBlock.of("$L || $L", groupedHistory(o.left()), groupedHistory(o.right()));
    }
    throw new IllegalArgumentException("unknown rule " + rule);
  }

  private CodeBlock groupedHistory(HistoryRule r) {
    boolean binary = r instanceof HistoryRule.And || r instanceof HistoryRule.Or;
    return binary ? CodeBlock.of("($L)", history(r)) : history(r);
  }
}
