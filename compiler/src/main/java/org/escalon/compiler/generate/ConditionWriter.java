package org.escalon.compiler.generate;

import com.palantir.javapoet.CodeBlock;
import org.escalon.machine.Guard;
import org.escalon.machine.OperationalModel;
import org.escalon.model.Condition;
import org.escalon.model.HistoryRule;

/**
 * Prints the operational model's guards as Java boolean expressions over the machine's fields,
 * through {@link Guard.Visitor} (a new kind of guard does not compile here until it is printed),
 * with the engine's meaning: an attribute not set yet is neither yes nor no nor any choice. The
 * lowered model's conditions and trigger rules are printed as the guards the model makes of them.
 */
final class ConditionWriter {

  private final Plan plan;
  private final Literals literals;

  ConditionWriter(Plan plan, Literals literals) {
    this.plan = plan;
    this.literals = literals;
  }

  CodeBlock condition(Condition c) {
    return guard(OperationalModel.guard(c));
  }

  /** A trigger's rule, read when event {@code e} may fire it. */
  CodeBlock history(HistoryRule rule) {
    return guard(OperationalModel.guard(rule));
  }

  CodeBlock guard(Guard g) {
    return g.accept(new Guard.Visitor<>() {
      @Override
      public CodeBlock always() {
        return CodeBlock.of("true");
      }

      @Override
      public CodeBlock attribute(Guard.Attribute a) {
        return is(a.name(), a.value(), true);
      }

      @Override
      public CodeBlock completed(Guard.Completed c) {
        return CodeBlock.of("completed($L)", literals.stage(c.stage()));
      }

      @Override
      public CodeBlock agreed(Guard.Agreed a) {
        return fact(plan.agreedFields.get(a.role()));
      }

      @Override
      public CodeBlock advised(Guard.Advised a) {
        return fact(plan.advisedFields.get(a.role()));
      }

      @Override
      public CodeBlock done(Guard.Done d) {
        return fact(plan.doneFields.get(d.step()));
      }

      @Override
      public CodeBlock occurred(Guard.Occurred o) {
        return CodeBlock.of("occurrences($S) >= $L", o.event(), o.atLeast());
      }

      @Override
      public CodeBlock graded(Guard.Graded r) {
        return CodeBlock.of("$T.graded(gradings, $S, $S, $L)", org.escalon.engine.Gradings.class,
            r.scale(), r.grade(), r.times());
      }

      @Override
      public CodeBlock elapsed(Guard.Elapsed r) {
        return CodeBlock.of("since($S, $L, e.at())", r.event(), literals.duration(r.duration()));
      }

      @Override
      public CodeBlock not(Guard.Not n) {
        if (n.operand() instanceof Guard.Attribute a) {
          return is(a.name(), a.value(), false);
        }
        CodeBlock operand = n.operand().accept(this);
        String text = operand.toString();
        if (text.equals("true") || text.equals("false")) {
          return CodeBlock.of("$L", text.equals("false"));
        }
        if (text.matches("\\(facts & \\w+\\) != 0")) {
          return CodeBlock.of("$L", text.replace(" != 0", " == 0"));
        }
        return CodeBlock.of(text.matches("\\w+") ? "!$L" : "!($L)", operand);
      }

      @Override
      public CodeBlock and(Guard.And a) {
        if (opposite(a.left(), a.right())) {
          return CodeBlock.of("false");
        }
        return CodeBlock.of("$L && $L", grouped(a.left(), Guard.And.class, this),
            grouped(a.right(), Guard.And.class, this));
      }

      @Override
      public CodeBlock or(Guard.Or o) {
        if (opposite(o.left(), o.right())) {
          return CodeBlock.of("true");
        }
        return CodeBlock.of("$L || $L", grouped(o.left(), Guard.Or.class, this),
            grouped(o.right(), Guard.Or.class, this));
      }
    });
  }

  /**
   * Whether one guard is the other negated: {@code x or not x} is printed as {@code true} and
   * {@code x and not x} as {@code false}, not as a test of {@code x} both ways round.
   */
  private static boolean opposite(Guard left, Guard right) {
    return left.equals(new Guard.Not(right)) || right.equals(new Guard.Not(left));
  }

  /** An operand of an {@code and} or an {@code or}: in brackets unless of the same kind. */
  private static CodeBlock grouped(Guard g, Class<? extends Guard> within,
      Guard.Visitor<CodeBlock> printer) {
    boolean binary = (g instanceof Guard.And || g instanceof Guard.Or) && !within.isInstance(g);
    return binary ? CodeBlock.of("($L)", g.accept(printer)) : g.accept(printer);
  }

  /** An agreement or advice the machine keeps; one it does not keep was never given. */
  private CodeBlock fact(String field) {
    if (field == null) {
      return CodeBlock.of("false");
    }
    String lacks = plan.lacks(field);
    return CodeBlock.of("$L", lacks.startsWith("!") ? lacks.substring(1)
        : lacks.replace(" == 0", " != 0"));
  }

  /**
   * The attribute has this value ({@code holds}) or has not: yes, no, or one of its choices. An
   * attribute not set yet has neither, so {@code not (x is v)} is {@code x != v}.
   */
  private CodeBlock is(String attribute, String value, boolean holds) {
    String field = plan.attributeFields.get(attribute);
    String constant = field == null ? null : plan.isYesNo(attribute)
        ? (value.equals("yes") ? "YES" : value.equals("no") ? "NO" : null)
        : plan.choices.get(attribute).get(value);
    if (constant == null) {
      return CodeBlock.of("$L", !holds);
    }
    String test = holds ? "==" : "!=";
    return plan.isYesNo(attribute) ? CodeBlock.of("$L $L $L", field, test, constant)
        : CodeBlock.of("$L $L $T.$L", field, test, plan.choiceTypes.get(attribute), constant);
  }
}
