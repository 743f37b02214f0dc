package org.escalon.compiler.generate;

import com.palantir.javapoet.CodeBlock;
import org.escalon.engine.CaseEvent;
import org.escalon.machine.Interpreter;

/**
 * A timescale set during the case, as code: the operational model judges whether the role may
 * set it and to how much (the engine's words), and the deadline is counted again from the start
 * of the stay, the value set standing for that role's timescales. A protocol with no such
 * timescale refuses the event as the model does.
 */
final class SetTimescaleWriter {

  private final Context cx;

  SetTimescaleWriter(Context cx) {
    this.cx = cx;
  }

  void write() {
    cx.useRules();
    CodeBlock.Builder body = CodeBlock.builder().addStatement("open(e)")
        .addStatement("role(e, e.by())");
    if (!cx.plan.setsTime) {
      body.addStatement("$T.Refusal r = RULES.nothingToSet(RULES.model().stages().get("
              + "stage.ordinal()))", Interpreter.class)
          .addStatement("throw refuse(e, r.reason(), r.span(), r.citation())");
    } else {
      cx.useFacts();
      body.add("$T.TimeSet<Long> set = RULES.setTime(RULES.model().stages().get(stage.ordinal()),"
              + "\n$>$>e.by(), e.amount(), new $T(e.at()), d -> due(enteredAt, d));\n$<$<",
              Interpreter.class, cx.plan.type("Known"))
          .add("set.refused().ifPresent(r -> { throw refuse(e, r.reason(), r.span(), "
              + "r.citation()); });\n")
          .addStatement("deadline = set.deadline().orElse(NONE)")
          .add(cx.history("deadlineSet(deadline())"));
    }
    cx.add(cx.method("setTimescale", "A role sets the present stage's timescale during the case.")
        .addParameter(CaseEvent.SetTimescale.class, "e").addParameter(cx.batch, "b")
        .addCode(body.build()).build());
  }
}
