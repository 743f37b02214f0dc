package org.escalon.compiler.generate;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;
import org.escalon.engine.Gradings;
import org.escalon.machine.Facts;
import org.escalon.model.Timespan;

/**
 * {@code Known}: the machine's compact state as the operational model asks about it ({@link
 * Facts}), so that what is decided only when an event is refused or waits (which right applies,
 * which requirement is unmet and in what words) is asked of the model's interpreter rather than
 * decided again in generated code. Only what the machine keeps can be known: a fact it does not
 * keep is one no rule of the protocol reads.
 */
final class FactsWriter {

  private final Plan plan;

  FactsWriter(Plan plan) {
    this.plan = plan;
  }

  TypeSpec write() {
    CodeBlock.Builder attributes = CodeBlock.builder().add("return switch (name) {\n$>");
    plan.attributeFields.forEach((attribute, field) -> attributes.add(plan.isYesNo(attribute)
        ? CodeBlock.of("case $S -> value.equals($L == YES ? $S : $L == NO ? $S : null);\n",
            attribute, field, "yes", field, "no")
        : CodeBlock.of("case $S -> $L != null && $L.key().equals(value);\n", attribute, field,
            field)));
    attributes.add("default -> false;\n$<};\n");
    TypeSpec.Builder known = TypeSpec.classBuilder(plan.type("Known"))
        .addModifiers(Modifier.PRIVATE, Modifier.FINAL).addSuperinterface(Facts.class);
    if (plan.tracksOccurrences) {
      // only how long ago an event happened depends on when the question is asked
      known.addField(java.time.Instant.class, "now", Modifier.PRIVATE, Modifier.FINAL)
          .addMethod(MethodSpec.constructorBuilder().addParameter(java.time.Instant.class, "now")
              .addStatement("this.now = now").build());
    }
    if (!plan.doneFields.isEmpty()) {
      known.addMethod(fact("done", boolean.class).addParameter(String.class, "step")
          .addCode(byKey("step", plan.doneFields)).build());
    }
    return known
        .addMethod(fact("attribute", boolean.class).addParameter(String.class, "name")
            .addParameter(String.class, "value").addCode(attributes.build()).build())
        .addMethod(fact("completed", boolean.class).addParameter(String.class, "key")
            .addCode(plan.tracksCompleted ? CodeBlock.of("return $T.of(key) != null && "
                + "$T.this.completed($T.of(key));\n", plan.type("Stage"), plan.machine,
                plan.type("Stage"))
                : CodeBlock.of("return false;\n")).build())
        .addMethod(fact("agreed", boolean.class).addParameter(String.class, "role")
            .addCode(byKey("role", plan.agreedFields)).build())
        .addMethod(fact("advised", boolean.class).addParameter(String.class, "role")
            .addCode(byKey("role", plan.advisedFields)).build())
        .addMethod(fact("occurrences", int.class).addParameter(String.class, "event")
            .addCode(plan.tracksOccurrences ? CodeBlock.of("return occurrences.getOrDefault("
                + "event, $T.of()).size();\n", List.class) : CodeBlock.of("return 0;\n")).build())
        .addMethod(fact("graded", boolean.class).addParameter(String.class, "scale")
            .addParameter(String.class, "grade").addParameter(int.class, "times")
            .addCode(plan.tracksGradings ? CodeBlock.of("return $T.graded(gradings, scale, grade, "
                + "times);\n", Gradings.class) : CodeBlock.of("return false;\n")).build())
        .addMethod(fact("elapsed", boolean.class).addParameter(Timespan.class, "duration")
            .addParameter(String.class, "event")
            .addCode(plan.tracksOccurrences ? CodeBlock.of("$T<$T> times = "
                + "occurrences.getOrDefault(event, $T.of());\nreturn !times.isEmpty() && "
                + "due(times.get(0), duration) <= nanos(now);\n", List.class,
                java.time.Instant.class, List.class) : CodeBlock.of("return false;\n")).build())
        .build();
  }

  /** {@code new Known(now)}, or {@code new Known()} when no fact depends on the time. */
  static CodeBlock known(Plan plan, String now) {
    return plan.tracksOccurrences ? CodeBlock.of("new $T($L)", plan.type("Known"), now)
        : CodeBlock.of("new $T()", plan.type("Known"));
  }

  private static MethodSpec.Builder fact(String name, Class<?> returns) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC)
        .addAnnotation(Override.class).returns(returns);
  }

  /** Whether the fact of the key's field holds: a switch on {@code parameter}. */
  private CodeBlock byKey(String parameter, Map<String, String> fields) {
    CodeBlock.Builder code = CodeBlock.builder().add("return switch ($L) {\n$>", parameter);
    fields.forEach((role, field) -> {
      String lacks = plan.lacks(field);
      code.add("case $S -> $L;\n", role, lacks.startsWith("!") ? lacks.substring(1)
          : lacks.replace(" == 0", " != 0"));
    });
    return code.add("default -> false;\n$<};\n").build();
  }
}
