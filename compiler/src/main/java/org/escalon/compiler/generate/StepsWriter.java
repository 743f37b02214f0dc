package org.escalon.compiler.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.lang.model.element.Modifier;
import org.escalon.engine.StepCalls;
import org.escalon.machine.Guard;
import org.escalon.machine.OutcomeRule;
import org.escalon.machine.StageRule;

/**
 * The side effects a stage or an outcome asks of the host. The steps the protocol declares are
 * data: a table per kind of place, read from the operational model's duties when the machine's
 * class is loaded, each step the listener call it makes ({@code StepCalls} decides which) bound
 * once to every place it belongs to, so an {@code at every stage} block is written nowhere in the
 * machine however many stages take it. {@code tell} hands a place's steps to the batch whole,
 * with the conditions that hold (printed as Java in {@code holding}, one bit each), and the batch
 * tells the host those taken always or under a condition that held; the news of a conclusion is a
 * table too.
 */
final class StepsWriter {

  private final Plan plan;
  private final Literals literals;
  private final ConditionWriter conditions;
  private final JavaNames constantNames;
  private final List<FieldSpec> fields = new ArrayList<>();
  private boolean reminds;
  private final Map<String, String> tables = new LinkedHashMap<>();
  private final TypeName effect;

  StepsWriter(Plan plan, Literals literals, ConditionWriter conditions, JavaNames constantNames) {
    this.plan = plan;
    this.literals = literals;
    this.conditions = conditions;
    this.constantNames = constantNames;
    this.effect = ParameterizedTypeName.get(ClassName.get(Consumer.class), plan.type("Listener"));
  }

  /** Marks the reminders as told somewhere, so that {@code reminding} is generated. */
  void useReminding() {
    reminds = true;
  }

  List<FieldSpec> constants() {
    return fields;
  }

  /**
   * {@code ENTERING}: what entering each stage asks of the host, a table read from the model's
   * duties ({@code StepCalls.told}: the steps of an {@code at every stage} block are the same
   * duties in every stage), in the engine's order; {@code tell(ENTERING.get(s.ordinal()), b)}
   * tells them.
   */
  String entering(Context cx) {
    return table(cx, "entering", plan.type("Stage"), "stages", StageRule.class);
  }

  /** {@code ENDING}: what ending in each outcome asks of the host, as {@link #entering}. */
  String ending(Context cx) {
    return table(cx, "ending", plan.type("Outcome"), "outcomes", OutcomeRule.class);
  }

  /**
   * {@code CONCLUDED}: the host's news that the escalation ended in each outcome, citing the
   * outcome's first paragraph.
   */
  String concluded(Context cx) {
    String constant = tables.get("concluded");
    if (constant != null) {
      return constant;
    }
    constant = constantNames.constant("concluded", "CONCLUDED");
    tables.put("concluded", constant);
    cx.useRules();
    fields.add(FieldSpec.builder(ParameterizedTypeName.get(Literals.LIST, effect), constant,
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.concluded(RULES.model(),$W$T.values())", StepCalls.class,
            plan.type("Outcome")).build());
    return constant;
  }

  /**
   * The constant {@code name}: the steps of each place of this kind, as listener calls bound to
   * it once, read from the model's {@code rules} by {@code StepCalls.told}; with {@code tell} and
   * {@code holds}, declared once.
   */
  private String table(Context cx, String name, ClassName place, String rules, Class<?> rule) {
    if (tables.containsKey(name)) {
      return tables.get(name);
    }
    cx.useRules();
    TypeName told = ParameterizedTypeName.get(ClassName.get(org.escalon.engine.StepCall.class),
        plan.type("Listener"));
    TypeName steps = ParameterizedTypeName.get(Literals.LIST, told);
    String constant = constantNames.constant(name, "STEPS");
    tables.put(name, constant);
    fields.add(FieldSpec.builder(ParameterizedTypeName.get(Literals.LIST, steps), constant,
            Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("$T.told(RULES.model(),$WRULES.model().$L(),$W$T::duties,$W$T.values(),$W"
            + "$T::of,$W$L)", StepCalls.class, rules, rule, place, plan.type("Role"),
            plan.formType.map(f -> CodeBlock.of("$T::of", f))
                .orElse(CodeBlock.of("name -> null")))
        .build());
    if (cx.written.stream().anyMatch(m -> m.name().equals("tell"))) {
      return constant;
    }
    List<Guard> conditions = StepCalls.conditions(plan.operational);
    if (conditions.size() <= Long.SIZE) {
      // the batch keeps a place's steps whole, with the conditions that hold now as bits
      cx.add(cx.method("tell", "tells the steps, with the conditions that hold now")
          .addParameter(steps, "steps").addParameter(cx.batch, "b")
          .addStatement("b.tell(steps, $L)", conditions.isEmpty() ? "0" : "holding()").build());
      if (!conditions.isEmpty()) {
        // a condition that always holds is its bit; one that never holds, none
        List<CodeBlock> bits = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
          CodeBlock holds = this.conditions.guard(conditions.get(i));
          CodeBlock bit = CodeBlock.of(i == 0 ? "1L" : "1L << " + i);
          if (!holds.toString().equals("false")) {
            bits.add(holds.toString().equals("true") ? bit
                : CodeBlock.of("($L ? $L : 0)", holds, bit));
          }
        }
        cx.add(cx.method("holding", "which conditions the protocol takes steps under hold now: "
                + "bit i for condition i,\nnumbered as StepCalls.conditions lists them")
            .returns(long.class).addStatement("return $L", bits.isEmpty() ? CodeBlock.of("0")
                : CodeBlock.join(bits, "\n| ")).build());
      }
      return constant;
    }
    MethodSpec.Builder tell = cx.method("tell", "tells each step while its condition holds")
        .addParameter(steps, "steps").addParameter(cx.batch, "b")
        .beginControlFlow("for ($T step : steps)", told);
    tell.beginControlFlow("if (holds(step.condition()))").addStatement("b.tell(step.call())")
        .endControlFlow();
    CodeBlock.Builder cases = CodeBlock.builder()
        .add("case $T.ALWAYS -> true;\n", StepCalls.class);
    for (int i = 0; i < conditions.size(); i++) {
      cases.add("case $L -> $L;\n", i, this.conditions.guard(conditions.get(i)));
    }
    cx.add(cx.method("holds", "the conditions the protocol takes steps under, numbered as "
            + "StepCalls.conditions lists them")
        .returns(boolean.class).addParameter(int.class, "condition")
        .addCode("return switch (condition) {\n$>$L", cases.build())
        .addCode("default -> throw new $T($S + condition);\n$<};\n",
            IllegalArgumentException.class, "no condition ")
        .build());
    cx.add(tell.endControlFlow().build());
    return constant;
  }

  /** {@code reminding(stage, roles, copying)}, if some rule tells a reminder. */
  List<MethodSpec> factories() {
    if (!reminds) {
      return List.of();
    }
    TypeName roles = ParameterizedTypeName.get(Literals.LIST, plan.type("Role"));
    return List.of(MethodSpec.methodBuilder("reminding")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(effect)
        .addParameter(plan.type("Stage"), "stage").addParameter(roles, "roles")
        .addParameter(roles, "copying")
        .addStatement("return l -> l.remind(stage, roles, copying)").build());
  }
}
