package org.escalon.compiler.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.lang.model.element.Modifier;
import org.escalon.model.Citation;
import org.escalon.model.Outcome;
import org.escalon.model.Stage;
import org.escalon.model.Step;

/**
 * The side effects a stage or an outcome asks of the host, as constants built once (one per step:
 * the listener call with its arguments), and the {@code announce} methods that hand them to a
 * batch on entering, each only while its condition holds, in the protocol's order.
 */
final class StepsWriter {

  /** The listener calls, and the factory method that makes a constant for each. */
  enum Call {
    ESCALATE("escalating", "escalate"),
    COPY("copying", "copy"),
    NOTIFY("notifying", "notifyRoles"),
    ADVISE("advising", "advise"),
    CONSULT("consulting", "consult"),
    ACT("acting", "act"),
    RECORD_FORM("recordingForm", "recordForm"),
    RECORD_NOTE("recordingNote", "recordNote"),
    REMIND("reminding", "remind"),
    CONCLUDE("concluding", "concluded");

    final String factory;
    final String callback;

    Call(String factory, String callback) {
      this.factory = factory;
      this.callback = callback;
    }
  }

  private final Plan plan;
  private final Literals literals;
  private final ConditionWriter conditions;
  private final JavaNames constantNames;
  private final List<FieldSpec> fields = new ArrayList<>();
  private final Map<Call, Boolean> used = new LinkedHashMap<>();
  private final Map<String, String> conclusions = new LinkedHashMap<>();
  private final TypeName effect;

  StepsWriter(Plan plan, Literals literals, ConditionWriter conditions, JavaNames constantNames) {
    this.plan = plan;
    this.literals = literals;
    this.conditions = conditions;
    this.constantNames = constantNames;
    this.effect = ParameterizedTypeName.get(ClassName.get(Consumer.class), plan.type("Listener"));
  }

  /** The type of an effect waiting in a batch. */
  TypeName effectType() {
    return effect;
  }

  /** Marks a listener call as made somewhere, so that its factory method is generated. */
  void use(Call call) {
    used.put(call, true);
  }

  List<FieldSpec> constants() {
    return fields;
  }

  /** {@code announce(Stage, Batch)}: the steps of each stage, as entering it asks. */
  MethodSpec announceStages(TypeName batch) {
    CodeBlock.Builder body = CodeBlock.builder();
    boolean any = false;
    for (Stage s : plan.protocol.stages()) {
      CodeBlock steps = steps(plan.stages.get(s.key()), literals.stage(s.key()), s.steps(),
          Optional.empty(), "stage " + s.key());
      if (!steps.isEmpty()) {
        if (!any) {
          body.beginControlFlow("switch (s)");
          any = true;
        }
        body.add("case $L -> {\n$>", plan.stages.get(s.key())).add(steps).add("$<}\n");
      }
    }
    if (any) {
      body.endControlFlow();
    }
    return MethodSpec.methodBuilder("announce").addModifiers(Modifier.PRIVATE)
        .addJavadoc("Tells the host, once the call is accepted, what entering stage {@code s} "
            + "asks for: its\nsteps whose conditions hold, in the protocol's order.\n")
        .addParameter(plan.type("Stage"), "s").addParameter(batch, "b").addCode(body.build())
        .build();
  }

  /** The constant that tells the host an escalation ended in this outcome. */
  String conclusion(String outcome) {
    return conclusions.get(outcome);
  }

  /** {@code announce(Outcome, Batch)}: an outcome's steps; the conclusion is a constant too. */
  MethodSpec announceOutcomes(TypeName batch) {
    CodeBlock.Builder body = CodeBlock.builder().beginControlFlow("switch (o)");
    for (Outcome o : plan.protocol.outcomes()) {
      String constant = plan.outcomes.get(o.name());
      CodeBlock steps = steps(constant, literals.outcome(o.name()), o.steps(),
          Optional.of(o), o.name());
      body.add("case $L -> {\n$>", constant).add(steps).add("$<}\n");
    }
    body.endControlFlow();
    return MethodSpec.methodBuilder("announce").addModifiers(Modifier.PRIVATE)
        .addJavadoc("Tells the host, once the call is accepted, what outcome {@code o} asks for: "
            + "its steps\nwhose conditions hold.\n")
        .addParameter(plan.type("Outcome"), "o").addParameter(batch, "b").addCode(body.build())
        .build();
  }

  private CodeBlock steps(String place, CodeBlock placeCode, List<Step> steps,
      Optional<Outcome> concludes, String where) {
    CodeBlock.Builder code = CodeBlock.builder();
    for (Step step : steps) {
      Optional<CodeBlock> call = call(placeCode, step);
      if (call.isEmpty()) {
        continue;
      }
      String name = constantNames.constant(place + " " + kind(step), "STEP");
      fields.add(FieldSpec.builder(effect, name, Modifier.PRIVATE, Modifier.STATIC,
          Modifier.FINAL)
          .addJavadoc("$L\n$L", Javadocs.wrap("At " + Javadocs.text(where) + ": "
              + Javadocs.text(describe(step)) + "."), Javadocs.policy(step.citation()))
          .initializer(call.get()).build());
      if (step.when().isPresent()) {
        code.beginControlFlow("if ($L)", conditions.condition(step.when().get()))
            .addStatement("b.tell($L)", name).endControlFlow();
      } else {
        code.addStatement("b.tell($L)", name);
      }
    }
    if (concludes.isPresent()) {
      Outcome o = concludes.get();
      String name = constantNames.constant(place + " concluded", "STEP");
      use(Call.CONCLUDE);
      fields.add(FieldSpec.builder(effect, name, Modifier.PRIVATE, Modifier.STATIC,
          Modifier.FINAL)
          .addJavadoc("The escalation has ended in $L.\n$L", Javadocs.text(o.name()),
              Javadocs.policy(o.citations().stream().findFirst()))
          .initializer("$L($L, $L)", Call.CONCLUDE.factory, placeCode,
              literals.source(o.citations().stream().findFirst()))
          .build());
      conclusions.put(o.name(), name);
    }
    return code.build();
  }

  /** The factory call that makes a step's effect; none for reminders, set up on entering. */
  private Optional<CodeBlock> call(CodeBlock at, Step step) {
    CodeBlock source = literals.source(step.citation());
    if (step instanceof Step.EscalateTo s) {
      use(Call.ESCALATE);
      return Optional.of(CodeBlock.of("$L($L,$W$L,$W$L,$W$L)", Call.ESCALATE.factory, at,
          literals.roles(s.roles()), s.bothAgencies(), source));
    } else if (step instanceof Step.Copy s) {
      use(Call.COPY);
      return Optional.of(CodeBlock.of("$L($L,$W$L,$W$L)", Call.COPY.factory, at,
          literals.roles(s.roles()), source));
    } else if (step instanceof Step.Inform s) {
      Call call = switch (s.kind()) {
        case NOTIFY -> Call.NOTIFY;
        case ADVISE -> Call.ADVISE;
        case CONSULT -> Call.CONSULT;
      };
      use(call);
      return Optional.of(CodeBlock.of("$L($L,$W$L,$W$L,$W$L,$W$L)", call.factory, at,
          literals.roles(s.roles()), optionalString(s.what()), optionalRole(s.by()), source));
    } else if (step instanceof Step.Act s) {
      use(Call.ACT);
      return Optional.of(CodeBlock.of("$L($L,$W$S,$W$L,$W$L)", Call.ACT.factory, at, s.what(),
          optionalRole(s.by()), source));
    } else if (step instanceof Step.Keep s) {
      return Optional.of(record(at, s.form().or(s::note).orElse(""), literals.roles(s.sentTo()),
          source));
    }
    return Optional.empty();
  }

  /** Records a form the protocol declares, or else a note in words. */
  CodeBlock record(CodeBlock at, String record, CodeBlock sentTo, CodeBlock source) {
    if (plan.forms.containsKey(record)) {
      use(Call.RECORD_FORM);
      return CodeBlock.of("$L($L,$W$T.$L,$W$L,$W$L)", Call.RECORD_FORM.factory, at,
          plan.formType.orElseThrow(), plan.forms.get(record), sentTo, source);
    }
    use(Call.RECORD_NOTE);
    return CodeBlock.of("$L($L,$W$S,$W$L,$W$L)", Call.RECORD_NOTE.factory, at, record, sentTo,
        source);
  }

  CodeBlock optionalString(Optional<String> value) {
    return value.map(v -> CodeBlock.of("$T.of($S)", Literals.OPTIONAL, v))
        .orElse(CodeBlock.of("$T.empty()", Literals.OPTIONAL));
  }

  CodeBlock optionalRole(Optional<String> role) {
    return role.filter(plan.roles::containsKey)
        .map(r -> CodeBlock.of("$T.of($L)", Literals.OPTIONAL, literals.role(r)))
        .orElse(CodeBlock.of("$T.empty()", Literals.OPTIONAL));
  }

  /** The factory methods of the listener calls that some constant or rule makes. */
  List<MethodSpec> factories() {
    List<MethodSpec> methods = new ArrayList<>();
    TypeName place = plan.type("Place");
    TypeName roles = ParameterizedTypeName.get(Literals.LIST, plan.type("Role"));
    TypeName source = ParameterizedTypeName.get(Literals.OPTIONAL, Literals.CITATION);
    TypeName what = ParameterizedTypeName.get(Literals.OPTIONAL, ClassName.get(String.class));
    TypeName by = ParameterizedTypeName.get(Literals.OPTIONAL, plan.type("Role"));
    for (Call call : Call.values()) {
      if (!used.containsKey(call)) {
        continue;
      }
      MethodSpec.Builder m = MethodSpec.methodBuilder(call.factory)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(effect)
          .addJavadoc("The listener's {@code $L} call with these arguments, for later.\n",
              call.callback);
      List<String> args = new ArrayList<>();
      switch (call) {
        case ESCALATE -> {
          m.addParameter(place, "at").addParameter(roles, "roles")
              .addParameter(TypeName.BOOLEAN, "bothAgencies").addParameter(source, "source");
          args.addAll(List.of("at", "roles", "bothAgencies", "source"));
        }
        case COPY -> {
          m.addParameter(place, "at").addParameter(roles, "roles").addParameter(source, "source");
          args.addAll(List.of("at", "roles", "source"));
        }
        case NOTIFY, ADVISE, CONSULT -> {
          m.addParameter(place, "at").addParameter(roles, "roles").addParameter(what, "what")
              .addParameter(by, "by").addParameter(source, "source");
          args.addAll(List.of("at", "roles", "what", "by", "source"));
        }
        case ACT -> {
          m.addParameter(place, "at").addParameter(String.class, "what").addParameter(by, "by")
              .addParameter(source, "source");
          args.addAll(List.of("at", "what", "by", "source"));
        }
        case RECORD_FORM -> {
          m.addParameter(place, "at").addParameter(plan.formType.orElseThrow(), "form")
              .addParameter(roles, "sentTo").addParameter(source, "source");
          args.addAll(List.of("at", "form", "sentTo", "source"));
        }
        case RECORD_NOTE -> {
          m.addParameter(place, "at").addParameter(String.class, "note")
              .addParameter(roles, "sentTo").addParameter(source, "source");
          args.addAll(List.of("at", "note", "sentTo", "source"));
        }
        case REMIND -> {
          m.addParameter(plan.type("Stage"), "stage").addParameter(roles, "roles")
              .addParameter(roles, "copying");
          args.addAll(List.of("stage", "roles", "copying"));
        }
        case CONCLUDE -> {
          m.addParameter(plan.type("Outcome"), "outcome").addParameter(source, "source");
          args.addAll(List.of("outcome", "source"));
        }
        default -> throw new IllegalStateException();
      }
      m.addStatement("return l -> l.$L($L)", call.callback, String.join(", ", args));
      methods.add(m.build());
    }
    return methods;
  }

  private static String kind(Step step) {
    if (step instanceof Step.Inform s) {
      return s.kind().name().toLowerCase(Locale.ROOT);
    }
    if (step instanceof Step.EscalateTo) {
      return "escalate";
    }
    if (step instanceof Step.Copy) {
      return "copy";
    }
    return step instanceof Step.Act ? "act" : "record";
  }

  /** A step in words, as the protocol says it. */
  static String describe(Step step) {
    if (step instanceof Step.EscalateTo s) {
      return "escalate to " + String.join(" and ", s.roles())
          + (s.bothAgencies() ? " in both agencies" : "");
    } else if (step instanceof Step.Copy s) {
      return "copy " + String.join(", ", s.roles());
    } else if (step instanceof Step.Inform s) {
      return s.kind().name().toLowerCase(Locale.ROOT) + " " + String.join(", ", s.roles())
          + s.what().map(w -> " \"" + w + "\"").orElse("") + s.by().map(b -> " by " + b).orElse("");
    } else if (step instanceof Step.Act s) {
      return "action \"" + s.what() + "\"" + s.by().map(b -> " by " + b).orElse("");
    } else if (step instanceof Step.Keep s) {
      return "record " + s.form().orElse("\"" + s.note().orElse("") + "\"")
          + (s.sentTo().isEmpty() ? "" : " sent to " + String.join(", ", s.sentTo()));
    }
    return step.toString();
  }

  /** The first citation, for an effect that cites one paragraph. */
  static Optional<Citation> first(List<Citation> citations) {
    return citations.stream().findFirst();
  }
}
