package org.escalon.compiler.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import org.escalon.machine.Guard;
import org.escalon.machine.Interpreter;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.OutcomeRule;
import org.escalon.machine.Requirement;
import org.escalon.machine.StageRule;

/**
 * The protocol's requirements ({@code requires}): whether a stage or outcome may be entered now
 * is printed from the model's requirement guards (it is asked on every move); which requirement
 * is unmet and in what words (asked when a move waits or is refused) is asked of the model's
 * interpreter on the machine's facts ({@code Known}).
 */
final class RequirementsWriter {

  private final Context cx;
  private final ClassName unmet = ClassName.get(Interpreter.Unmet.class);

  RequirementsWriter(Context cx) {
    this.cx = cx;
  }

  ClassName unmetType() {
    return unmet;
  }

  /** Whether any stage or outcome has requirements, so that {@code unmetAt} exists. */
  boolean any() {
    return cx.plan.waits;
  }

  void write() {
    if (cx.plan.tracksCompleted) {
      cx.add(cx.method("completed", "Whether stage {@code s} has been completed (entered and "
              + "left without being resolved).").addParameter(cx.plan.type("Stage"), "s")
          .returns(boolean.class)
          .addStatement("return ($L & ($L)) != 0", cx.plan.completedField(), cx.plan.stageBit())
          .build());
    }
    if (!any()) {
      return;
    }
    cx.useRules();
    cx.useFacts();
    CodeBlock.Builder met = CodeBlock.builder();
    OperationalModel model = cx.plan.operational;
    for (StageRule s : model.stages()) {
      met.add(holds(cx.literals.stage(s.key()), s.requires()));
    }
    for (OutcomeRule o : model.outcomes()) {
      met.add(holds(cx.literals.outcome(o.name()), o.requires()));
    }
    cx.add(cx.method("met", "Whether every requirement of {@code p} holds, so the escalation "
            + "may enter it now.").addParameter(cx.plan.type("Place"), "p").returns(boolean.class)
        .addCode(met.addStatement("return true").build()).build());
    cx.add(cx.method("unmetAt", "The first requirement of {@code p} not met yet, and why, as "
            + "the model says it; null when all hold.")
        .addParameter(cx.plan.type("Place"), "p").returns(unmet)
        .addStatement("return RULES.unmet(RULES.model().requires(targetOf(p)), $L)"
            + ".orElse(null)", FactsWriter.known(cx.plan, "lastEventAt()")).build());
    cx.add(cx.method("waitReason", "Why the escalation waits to enter {@code target}, in "
            + "words.").addParameter(cx.plan.type("Place"), "target").returns(String.class)
        .addStatement("$T unmet = unmetAt(target)", unmet)
        .addStatement("return unmet == null ? $S : unmet.reason()",
            "its preconditions do not hold")
        .build());
  }

  /** {@code if (p == X) return ...;}: the requirements of one place, when it has some. */
  private CodeBlock holds(CodeBlock place, List<Requirement> requires) {
    if (requires.isEmpty()) {
      return CodeBlock.of("");
    }
    List<CodeBlock> all = requires.stream().map(r -> {
      CodeBlock g = cx.conditions.guard(r.guard());
      boolean binary = r.guard() instanceof Guard.And || r.guard() instanceof Guard.Or;
      return binary && requires.size() > 1 ? CodeBlock.of("($L)", g) : g;
    }).toList();
    return CodeBlock.builder().beginControlFlow("if (p == $L)", place)
        .addStatement("return $>$>$L$<$<", CodeBlock.join(all, "\n&& "))
        .endControlFlow().build();
  }

  private boolean requireMetWritten;

  /** {@code requireMet(e, unmet, what)}: refuses the event while a requirement is not met. */
  void requireMet() {
    if (requireMetWritten) {
      return;
    }
    requireMetWritten = true;
    cx.add(cx.method("requireMet", "Refuses {@code e}, which would {@code what}, while a "
            + "requirement is not met.").addModifiers(Modifier.STATIC)
        .addParameter(Context.EVENT, "e").addParameter(unmet, "unmet")
        .addParameter(String.class, "what")
        .beginControlFlow("if (unmet != null)")
        .addStatement("throw refuse(e, $S + what + $S + unmet.reason(),$W"
            + "unmet.requirement().span(),$W$T.empty())", "cannot ", ": ", Optional.class)
        .endControlFlow().build());
  }
}
