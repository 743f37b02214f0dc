package org.escalon.compiler.generate;

import com.palantir.javapoet.CodeBlock;
import org.escalon.engine.CaseEvent;
import org.escalon.machine.Interpreter;

/**
 * A timescale set during the case, as code: the operational model judges whether the role may
 * set it and to how much (the engine's words), and the deadline is counted again from the start
 * of the stay, the value set standing for that role's timescales; the timescale that then counts
 * says whether the stay is soft ({@code Interpreter.soft}). A protocol with no such timescale
 * refuses the event as the model does.
 */
final class SetTimescaleWriter {

  private final Context cx;

  SetTimescaleWriter(Context cx) {
    this.cx = cx;
  }

  void write() {
    cx.useRules();
    CodeBlock.Builder body = CodeBlock.builder().addStatement("open(e)");
    if (!cx.plan.setsTime) {
      body.addStatement("role(e, e.by())")
          .addStatement("$T.Refusal r = RULES.nothingToSet(RULES.model().stages().get("
              + "stage.ordinal()))", Interpreter.class)
          .addStatement("throw refuse(e, r.reason(), r.span(), r.citation())");
    } else {
      cx.useFacts();
      // the model refuses an unknown role too, in the engine's words
      body.addStatement("$T.TimeSet<Long> set = RULES.setTime(stage.key(), e.by(), e.amount(), "
              + "$L,\nd -> due(enteredAt, d))", Interpreter.class,
              FactsWriter.known(cx.plan, "e.at()"))
          .addStatement("deadline = set.or(r -> refuse(e, r.reason(), r.span(), r.citation()))"
              + ".orElse(NONE)");
      if (cx.plan.soft) {
        body.addStatement("softStay = RULES.soft(RULES.model().stages().get(stage.ordinal()), "
            + "set.timescale())");
      }
      body.add(cx.history("deadlineSet(deadline(), set.timescale())"));
    }
    cx.add(cx.method("setTimescale", "A role sets the present stage's timescale during the case.")
        .addParameter(CaseEvent.SetTimescale.class, "e").addParameter(cx.batch, "b")
        .addCode(body.build()).build());
  }
}
