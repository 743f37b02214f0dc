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
        return is(a.name(), a.value());
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
        String text = n.operand().accept(this).toString();
        if (text.matches("\\w+ [=!]= \\w+")) {
          // not (x is v): x != v, as one writes it (an attribute not set is neither)
          return CodeBlock.of("$L", text.contains(" == ") ? text.replace(" == ", " != ")
              : text.replace(" != ", " == "));
        }
        return text.equals("false") ? CodeBlock.of("true") : CodeBlock.of("!($L)", text);
      }

      @Override
      public CodeBlock and(Guard.And a) {
        return CodeBlock.of("$L && $L", grouped(a.left(), Guard.And.class, this),
            grouped(a.right(), Guard.And.class, this));
      }

      @Override
      public CodeBlock or(Guard.Or o) {
        return CodeBlock.of("$L || $L", grouped(o.left(), Guard.Or.class, this),
            grouped(o.right(), Guard.Or.class, this));
      }
    });
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
}
