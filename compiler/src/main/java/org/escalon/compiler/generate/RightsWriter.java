package org.escalon.compiler.generate;

import com.palantir.javapoet.CodeBlock;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import org.escalon.machine.RightsTable;
import org.escalon.model.Right;

/**
 * The protocol's rights: which right, if any, lets a role start at, bypass to or refer to a
 * target now is asked of the model's rights table (its conditions on the machine's facts), the
 * one place that decides it; the refusal cites the right that names the target, else the role's
 * first, in the engine's words.
 */
final class RightsWriter {

  private final Context cx;

  RightsWriter(Context cx) {
    this.cx = cx;
  }

  void write() {
    cx.add(cx.method("reason", "Refuses {@code e} if {@code right} requires a reason and "
              + "none is given.").addModifiers(Modifier.STATIC)
          .addParameter(Context.EVENT, "e").addParameter(Right.class, "right")
          .addParameter(com.palantir.javapoet.ParameterizedTypeName.get(Optional.class,
              String.class), "reason")
          .beginControlFlow("if (right.reasonRequired() && reason.map(String::isBlank)"
              + ".orElse(true))")
          .addStatement("throw refuse(e, $S + right.role() + $S + word(right.kind()) + $S,$W"
                  + "right.span(),$Wright.citation())", "a reason is required: ", " may ",
              " only with reason")
          .endControlFlow().build());
    cx.add(cx.method("word", "How a right of this kind is said.").addModifiers(Modifier.STATIC)
        .returns(String.class).addParameter(Right.Kind.class, "kind")
        .addCode("return switch (kind) {\n$>case START -> $S;\ncase BYPASS -> $S;\n"
            + "case REFER -> $S;\n$<};\n", "start at", "bypass to", "refer to").build());
    if (cx.plan.protocol.rights().isEmpty()) {
      cx.add(cx.method("right", "The protocol gives no rights: {@code by} may not do this.")
          .addModifiers(Modifier.STATIC).returns(Right.class)
          .addParameter(Context.EVENT, "e").addParameter(Right.Kind.class, "kind")
          .addParameter(String.class, "by").addParameter(cx.plan.type("Place"), "target")
          .addParameter(String.class, "refusal")
          .addCode(cx.refuseUnknown("e", CodeBlock.of("by + $S + refusal + $S + by + $S", " ",
              ": the protocol gives ", " no such right"))).build());
      return;
    }
    cx.useRules();
    cx.useFacts();
    cx.add(cx.method("right", "The right of this kind that lets {@code by} act on {@code target} "
            + "now, as the model's rights table finds it; refuses {@code e} with {@code "
            + "refusal} otherwise.")
        .returns(Right.class).addParameter(Context.EVENT, "e")
        .addParameter(Right.Kind.class, "kind").addParameter(String.class, "by")
        .addParameter(cx.plan.type("Place"), "target").addParameter(String.class, "refusal")
        // from the stage it is at: `any later stage` reaches only a stage after it
        // at the raise's instant a right limited to the raise may be used (RightsTable.find)
        .addStatement("$T.Lookup found = RULES.right(kind, by, targetOf(target),\n$>$>"
                + "$T.ofNullable(stage).map($T::key), $L, $L)$<$<", RightsTable.class,
            Optional.class, cx.plan.type("Stage"), FactsWriter.known(cx.plan, "e.at()"),
            cx.plan.protocol.rights().stream().anyMatch(Right::atRaise)
                ? "e.at().equals(raisedAt)" : "false")
        .beginControlFlow("if (found.applies().isPresent())")
        .addStatement("return found.applies().get()").endControlFlow()
        .addStatement("$T nearest = found.nearest().orElse(null)", Right.class)
        .beginControlFlow("if (nearest == null)")
        .addCode(cx.refuseUnknown("e", CodeBlock.of("by + $S + refusal + $S + by + $S", " ",
            ": the protocol gives ", " no such right")))
        .endControlFlow()
        .addStatement("String targets = $T.reach(nearest, $T.ofNullable(stage).map($T::key))",
            RightsTable.class, Optional.class, cx.plan.type("Stage"))
        .addStatement("throw refuse(e, by + $S + refusal + $S + by + $S + word(kind) + $S + "
                + "targets\n$>$>+ (nearest.when().isPresent() ? $S : $S), nearest.span(), "
                + "nearest.citation())$<$<", " ", ": ", " may ", " only ",
            " and only when its condition holds", "")
        .build());
  }
}
