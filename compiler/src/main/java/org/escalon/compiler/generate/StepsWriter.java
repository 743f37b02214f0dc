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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.lang.model.element.Modifier;
import org.escalon.model.Citation;
import org.escalon.model.Condition;
import org.escalon.model.Manner;
import org.escalon.model.Outcome;
import org.escalon.model.SourceSpan;
import org.escalon.model.Stage;
import org.escalon.model.Step;

/**
 * The side effects a stage or an outcome asks of the host. Each step the protocol declares is one
 * constant (a {@code Step}: the listener call with its arguments, bound once to every place), so
 * a step of an {@code at every stage} block is written once however many stages take it; the
 * steps such a block gives several stages are told by one method those stages share. The
 * {@code announce} methods hand them to a batch on entering, each only while its condition holds,
 * in the protocol's order.
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
    CONCLUDE("concluding", "concluded"),
    /** A step the protocol declares, looked up in the model by where it is written. */
    DECLARED("told", "");

    final String factory;
    final String callback;

    Call(String factory, String callback) {
      this.factory = factory;
      this.callback = callback;
    }
  }

  /** The steps several stages share, told by one method: its name and the steps' spans. */
  private record Shared(String method, List<String> stages, List<Step> steps) {}

  private final Plan plan;
  private final Literals literals;
  private final ConditionWriter conditions;
  private final JavaNames constantNames;
  private final JavaNames methodNames;
  private final List<FieldSpec> fields = new ArrayList<>();
  private final Map<String, String> declared = new LinkedHashMap<>();
  private final Map<Call, Boolean> used = new LinkedHashMap<>();
  private final Map<String, String> conclusions = new LinkedHashMap<>();
  private final List<MethodSpec> sharedMethods = new ArrayList<>();
  private final TypeName effect;
  private final ClassName stepType;

  StepsWriter(Plan plan, Literals literals, ConditionWriter conditions, JavaNames constantNames,
      JavaNames methodNames) {
    this.plan = plan;
    this.literals = literals;
    this.conditions = conditions;
    this.constantNames = constantNames;
    this.methodNames = methodNames;
    this.effect = ParameterizedTypeName.get(ClassName.get(Consumer.class), plan.type("Listener"));
    this.stepType = plan.type("Step");
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

  /** The methods that tell steps several stages share. */
  List<MethodSpec> sharedMethods() {
    return sharedMethods;
  }

  /** {@code announce(Stage, Batch)}: the steps of each stage, as entering it asks. */
  MethodSpec announceStages(TypeName batch) {
    List<Shared> shared = shared(batch);
    CodeBlock.Builder body = CodeBlock.builder();
    boolean any = false;
    for (Stage s : plan.protocol.stages()) {
      CodeBlock.Builder steps = CodeBlock.builder();
      List<Step> all = s.steps();
      List<Step> own = new ArrayList<>();
      for (int i = 0; i < all.size(); i++) {
        Shared group = startsHere(shared, s.key(), all, i);
        if (group != null) {
          steps.add(tell(own, "s")).addStatement("$L(s, b)", group.method());
          own.clear();
          i += group.steps().size() - 1;
        } else {
          own.add(all.get(i));
        }
      }
      steps.add(tell(own, "s"));
      CodeBlock code = steps.build();
      if (!code.isEmpty()) {
        if (!any) {
          body.beginControlFlow("switch (s)");
          any = true;
        }
        body.add("case $L -> {\n$>", plan.stages.get(s.key())).add(code).add("$<}\n");
      }
    }
    if (any) {
      body.endControlFlow();
    }
    return MethodSpec.methodBuilder("announce").addModifiers(Modifier.PRIVATE)
        .addComment("what entering stage s asks of the host, in the protocol's order")
        .addParameter(plan.type("Stage"), "s").addParameter(batch, "b").addCode(body.build())
        .build();
  }

  /** The group of shared steps that starts at step {@code i} of a stage, if any. */
  private static Shared startsHere(List<Shared> shared, String stage, List<Step> steps, int i) {
    for (Shared group : shared) {
      if (group.stages().contains(stage) && i + group.steps().size() <= steps.size()
          && spans(steps.subList(i, i + group.steps().size())).equals(spans(group.steps()))) {
        return group;
      }
    }
    return null;
  }

  /**
   * The runs of steps that two or more stages share (one declaration, as {@code at every stage}
   * writes them), grouped by the stages that take them, each written as one method. A group is
   * shared only when every stage that takes it has its steps together, in the same order.
   */
  private List<Shared> shared(TypeName batch) {
    Map<SourceSpan, List<String>> where = new LinkedHashMap<>();
    for (Stage stage : plan.protocol.stages()) {
      for (Step step : stage.steps()) {
        if (step.span().isKnown() && !(step instanceof Step.Remind)) {
          where.computeIfAbsent(step.span(), k -> new ArrayList<>()).add(stage.key());
        }
      }
    }
    Map<List<String>, List<Step>> byStages = new LinkedHashMap<>();
    for (Stage stage : plan.protocol.stages()) {
      for (Step step : stage.steps()) {
        List<String> stages = where.get(step.span());
        if (stages != null && stages.size() > 1 && stages.get(0).equals(stage.key())
            && stages.stream().distinct().count() == stages.size()) {
          byStages.computeIfAbsent(stages, k -> new ArrayList<>()).add(step);
        }
      }
    }
    List<Shared> groups = new ArrayList<>();
    byStages.forEach((stages, steps) -> {
      boolean together = stages.stream().allMatch(key -> {
        List<SourceSpan> own = spans(plan.protocol.stage(key).orElseThrow().steps());
        return java.util.Collections.indexOfSubList(own, spans(steps)) >= 0;
      });
      if (together) {
        groups.add(new Shared(methodName(stages), stages, steps));
      }
    });
    for (Shared group : groups) {
      CodeBlock code = tell(group.steps(), "s");
      sharedMethods.add(MethodSpec.methodBuilder(group.method()).addModifiers(Modifier.PRIVATE)
          .addComment("$L", Javadocs.lineComment(describeStages(group.stages())))
          .addParameter(plan.type("Stage"), "s").addParameter(batch, "b")
          .addCode(code).build());
    }
    return groups;
  }

  private String methodName(List<String> stages) {
    if (stages.size() == plan.protocol.stages().size()) {
      return methodNames.member("at every stage", "", "atEveryStage");
    }
    List<String> ladder = plan.protocol.stages().stream().map(Stage::key).toList();
    int first = ladder.indexOf(stages.get(0));
    boolean range = stages.equals(ladder.subList(first, first + stages.size()));
    return range
        ? methodNames.member("at stages", stages.get(0) + " to " + stages.get(stages.size() - 1),
            "atStages")
        : methodNames.member("at stages", String.join(" and ", stages), "atStages");
  }

  private String describeStages(List<String> stages) {
    return stages.size() == plan.protocol.stages().size() ? "what every stage asks of the host"
        : "what stages " + String.join(", ", stages) + " ask of the host";
  }

  private static List<SourceSpan> spans(List<Step> steps) {
    return steps.stream().map(Step::span).toList();
  }

  /**
   * {@code b.tell(STEP.at(place))} for each step, under its condition if it has one, nothing for
   * reminders; a step whose condition is the opposite of the one before it is its {@code else}.
   */
  private CodeBlock tell(List<Step> steps, String place) {
    CodeBlock.Builder code = CodeBlock.builder();
    List<Step> told = steps.stream().filter(step -> !(step instanceof Step.Remind)).toList();
    for (int i = 0; i < told.size(); i++) {
      Step step = told.get(i);
      String name = constant(step).orElseThrow();
      if (step.when().isEmpty()) {
        code.addStatement("b.tell($L.at($L))", name, place);
        continue;
      }
      code.beginControlFlow("if ($L)", conditions.condition(step.when().get()))
          .addStatement("b.tell($L.at($L))", name, place);
      if (i + 1 < told.size() && opposite(step.when().get(), told.get(i + 1).when())) {
        code.nextControlFlow("else")
            .addStatement("b.tell($L.at($L))", constant(told.get(++i)).orElseThrow(), place);
      }
      code.endControlFlow();
    }
    return code.build();
  }

  private static boolean opposite(Condition c, Optional<Condition> next) {
    return next.isPresent() && (next.get().equals(new Condition.Not(c))
        || c.equals(new Condition.Not(next.get())));
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
      body.add("case $L -> {\n$>", constant).add(tell(o.steps(), "o")).add("$<}\n");
      String name = constantNames.constant(constant + " concluded", "STEP");
      use(Call.CONCLUDE);
      fields.add(FieldSpec.builder(effect, name, Modifier.PRIVATE, Modifier.STATIC,
          Modifier.FINAL)
          .initializer("$L($L,$W$L)", Call.CONCLUDE.factory, literals.outcome(o.name()),
              literals.source(o.citations().stream().findFirst()))
          .build());
      conclusions.put(o.name(), name);
    }
    body.endControlFlow();
    return MethodSpec.methodBuilder("announce").addModifiers(Modifier.PRIVATE)
        .addComment("what ending in outcome o asks of the host")
        .addParameter(plan.type("Outcome"), "o").addParameter(batch, "b").addCode(body.build())
        .build();
  }

  /**
   * The name of the constant of a step, declared on first use; none for a reminder. A step the
   * model holds at its own line and column is read from the model ({@code told(line, column)}),
   * so its texts are written once, in the model class; any other is written out.
   */
  private Optional<String> constant(Step step) {
    if (step instanceof Step.Remind) {
      return Optional.empty();
    }
    return Optional.of(declare(step.getClass().getSimpleName() + ": " + describe(step) + " "
        + step.citation(), name(step), declared(step) ? told(step) : call(step).orElseThrow()));
  }

  /** Whether the first step the protocol declares where this one is written is this one. */
  private boolean declared(Step step) {
    return step.span().isKnown() && java.util.stream.Stream.concat(
            plan.protocol.stages().stream().flatMap(x -> x.steps().stream()),
            plan.protocol.outcomes().stream().flatMap(o -> o.steps().stream()))
        .filter(x -> x.span().line() == step.span().line()
            && x.span().column() == step.span().column())
        .findFirst().filter(step::equals).isPresent();
  }

  private CodeBlock told(Step step) {
    use(Call.DECLARED);
    return CodeBlock.of("told($L, $L)", step.span().line(), step.span().column());
  }

  /** A constant for a step's listener call; steps that tell the same thing share one. */
  private String declare(String same, String name, CodeBlock call) {
    return declared.computeIfAbsent(same, key -> {
      String constant = constantNames.constant(name, "STEP");
      fields.add(FieldSpec.builder(stepType, constant, Modifier.PRIVATE, Modifier.STATIC,
          Modifier.FINAL).initializer(call).build());
      return constant;
    });
  }

  /** The factory call that makes a step; none for reminders, set up on entering. */
  private Optional<CodeBlock> call(Step step) {
    CodeBlock source = literals.source(step.citation());
    if (step instanceof Step.EscalateTo s) {
      use(Call.ESCALATE);
      return Optional.of(CodeBlock.of("$L($L,$W$L,$W$L)", Call.ESCALATE.factory,
          literals.roles(s.roles()), s.bothAgencies(), source));
    } else if (step instanceof Step.Copy s) {
      use(Call.COPY);
      return Optional.of(CodeBlock.of("$L($L,$W$L)", Call.COPY.factory,
          literals.roles(s.roles()), source));
    } else if (step instanceof Step.Inform s) {
      Call call = switch (s.kind()) {
        case NOTIFY -> Call.NOTIFY;
        case ADVISE -> Call.ADVISE;
        case CONSULT -> Call.CONSULT;
      };
      use(call);
      return Optional.of(CodeBlock.of("$L($L,$W$L,$W$L,$W$L,$W$L)", call.factory,
          literals.roles(s.roles()), optionalString(s.what()), optionalRole(s.by()),
          manner(s.manner()), source));
    } else if (step instanceof Step.Act s) {
      use(Call.ACT);
      return Optional.of(CodeBlock.of("$L($L,$W$L,$W$L,$W$L)", Call.ACT.factory,
          Literals.string(s.what()), optionalRole(s.by()), manner(s.manner()), source));
    } else if (step instanceof Step.Keep s) {
      return Optional.of(record(s.form().or(s::note).orElse(""), literals.roles(s.sentTo()),
          optionalRole(s.by()), manner(s.manner()), source));
    }
    return Optional.empty();
  }

  /** The constant of a record the extension rules ask for: a form, or a note in words. */
  String recordConstant(String record, CodeBlock sentTo, CodeBlock source) {
    return declare("extension: record " + record + " " + sentTo + " " + source,
        "record " + first(record), record(record, sentTo, optionalRole(Optional.empty()),
            manner(Manner.REQUIRED), source));
  }

  /** Records a form the protocol declares, or else a note in words. */
  private CodeBlock record(String record, CodeBlock sentTo, CodeBlock by, CodeBlock how,
      CodeBlock source) {
    if (plan.forms.containsKey(record)) {
      use(Call.RECORD_FORM);
      return CodeBlock.of("$L($T.$L,$W$L,$W$L,$W$L,$W$L)", Call.RECORD_FORM.factory,
          plan.formType.orElseThrow(), plan.forms.get(record), sentTo, by, how, source);
    }
    use(Call.RECORD_NOTE);
    return CodeBlock.of("$L($L,$W$L,$W$L,$W$L,$W$L)", Call.RECORD_NOTE.factory,
        Literals.string(record), sentTo, by, how, source);
  }

  /** How a step is done, as a value: the shared constant for a required step by any channel. */
  static CodeBlock manner(Manner manner) {
    if (manner.isPlain()) {
      return CodeBlock.of("$T.REQUIRED", Manner.class);
    }
    CodeBlock channels = manner.channels().stream()
        .map(c -> CodeBlock.of("$T.$L", Manner.Channel.class, c.name()))
        .collect(CodeBlock.joining(", "));
    return CodeBlock.of("new $T($T.of($L), $L)", Manner.class, List.class, channels,
        manner.required());
  }

  private CodeBlock optionalString(Optional<String> value) {
    return value.map(v -> CodeBlock.of("$T.of($L)", Literals.OPTIONAL, Literals.string(v)))
        .orElse(CodeBlock.of("$T.empty()", Literals.OPTIONAL));
  }

  CodeBlock optionalRole(Optional<String> role) {
    return role.filter(plan.roles::containsKey)
        .map(r -> CodeBlock.of("$T.of($L)", Literals.OPTIONAL, literals.role(r)))
        .orElse(CodeBlock.of("$T.empty()", Literals.OPTIONAL));
  }

  /** The private {@code Step} type, if some step constant needs it. */
  Optional<TypeSpec> stepType() {
    if (used.keySet().stream().allMatch(c -> c == Call.REMIND || c == Call.CONCLUDE)) {
      return Optional.empty();
    }
    TypeName consumers = ParameterizedTypeName.get(Literals.LIST, effect);
    TypeName call = ParameterizedTypeName.get(ClassName.get(Function.class), plan.type("Place"),
        effect);
    return Optional.of(TypeSpec.classBuilder(stepType)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addField(consumers, "atStage", Modifier.PRIVATE, Modifier.FINAL)
        .addField(consumers, "atOutcome", Modifier.PRIVATE, Modifier.FINAL)
        .addMethod(MethodSpec.constructorBuilder().addParameter(call, "at")
            .addComment("the listener's call made once for each place, so that telling it "
                + "allocates nothing")
            .addStatement("atStage = $T.stream($T.values()).map(at).toList()",
                java.util.Arrays.class, plan.type("Stage"))
            .addStatement("atOutcome = $T.stream($T.values()).map(at).toList()",
                java.util.Arrays.class, plan.type("Outcome"))
            .build())
        .addMethod(MethodSpec.methodBuilder("at").returns(effect)
            .addParameter(plan.type("Stage"), "s").addStatement("return atStage.get(s.ordinal())")
            .build())
        .addMethod(MethodSpec.methodBuilder("at").returns(effect)
            .addParameter(plan.type("Outcome"), "o")
            .addStatement("return atOutcome.get(o.ordinal())").build())
        .build());
  }

  /** The factory methods of the listener calls that some constant or rule makes. */
  List<MethodSpec> factories() {
    List<MethodSpec> methods = new ArrayList<>();
    if (used.containsKey(Call.DECLARED)) {
      methods.add(toldMethod());
    }
    TypeName roles = ParameterizedTypeName.get(Literals.LIST, plan.type("Role"));
    TypeName source = ParameterizedTypeName.get(Literals.OPTIONAL, Literals.CITATION);
    TypeName what = ParameterizedTypeName.get(Literals.OPTIONAL, ClassName.get(String.class));
    TypeName by = ParameterizedTypeName.get(Literals.OPTIONAL, plan.type("Role"));
    for (Call call : Call.values()) {
      if (!used.containsKey(call) || call == Call.DECLARED) {
        continue;
      }
      boolean bound = call != Call.REMIND && call != Call.CONCLUDE;
      MethodSpec.Builder m = MethodSpec.methodBuilder(call.factory)
          .addModifiers(Modifier.PRIVATE, Modifier.STATIC).returns(bound ? stepType : effect);
      List<String> args = new ArrayList<>();
      switch (call) {
        case ESCALATE -> {
          m.addParameter(roles, "roles").addParameter(TypeName.BOOLEAN, "bothAgencies")
              .addParameter(source, "source");
          args.addAll(List.of("at", "roles", "bothAgencies", "source"));
        }
        case COPY -> {
          m.addParameter(roles, "roles").addParameter(source, "source");
          args.addAll(List.of("at", "roles", "source"));
        }
        case NOTIFY, ADVISE, CONSULT -> {
          m.addParameter(roles, "roles").addParameter(what, "what").addParameter(by, "by")
              .addParameter(Manner.class, "how").addParameter(source, "source");
          args.addAll(List.of("at", "roles", "what", "by", "how", "source"));
        }
        case ACT -> {
          m.addParameter(String.class, "what").addParameter(by, "by")
              .addParameter(Manner.class, "how").addParameter(source, "source");
          args.addAll(List.of("at", "what", "by", "how", "source"));
        }
        case RECORD_FORM -> {
          m.addParameter(plan.formType.orElseThrow(), "form").addParameter(roles, "sentTo")
              .addParameter(by, "by").addParameter(Manner.class, "how")
              .addParameter(source, "source");
          args.addAll(List.of("at", "form", "sentTo", "by", "how", "source"));
        }
        case RECORD_NOTE -> {
          m.addParameter(String.class, "note").addParameter(roles, "sentTo")
              .addParameter(by, "by").addParameter(Manner.class, "how")
              .addParameter(source, "source");
          args.addAll(List.of("at", "note", "sentTo", "by", "how", "source"));
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
      if (bound) {
        m.addStatement("return new $T(at -> l -> l.$L($L))", stepType, call.callback,
            String.join(", ", args));
      } else {
        m.addStatement("return l -> l.$L($L)", call.callback, String.join(", ", args));
      }
      methods.add(m.build());
    }
    return methods;
  }

  /**
   * {@code told(line, column)}: the step the model holds at that place, as the listener call it
   * makes ({@link org.escalon.engine.StepCalls} decides which), bound to every place.
   */
  private MethodSpec toldMethod() {
    CodeBlock form = plan.formType.map(f -> CodeBlock.of("$T::of", f))
        .orElse(CodeBlock.of("form -> null"));
    return MethodSpec.methodBuilder("told").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .returns(stepType).addParameter(int.class, "line").addParameter(int.class, "column")
        .addComment("the step the protocol declares at line:column, as the host's listener "
            + "hears it")
        .addStatement("$T declared = $T.declaredAt(MODEL, line, column)", Step.class,
            org.escalon.engine.StepCalls.class)
        .addStatement("return new $T(at -> $T.call(declared, at, $T::of, $L)::accept)", stepType,
            org.escalon.engine.StepCalls.class, plan.type("Role"), form)
        .build();
  }

  /** A constant's name: what the step does and the first words of what it says. */
  private static String name(Step step) {
    if (step instanceof Step.EscalateTo s) {
      return "escalate to " + first(String.join(" ", s.roles()));
    } else if (step instanceof Step.Copy s) {
      return "copy " + first(String.join(" ", s.roles()));
    } else if (step instanceof Step.Inform s) {
      return s.kind().name().toLowerCase(Locale.ROOT) + " " + first(String.join(" ", s.roles()));
    } else if (step instanceof Step.Act s) {
      return "act " + first(s.what());
    } else if (step instanceof Step.Keep s) {
      return "record " + first(s.form().or(s::note).orElse(""));
    }
    return "step";
  }

  /** The first four words of a text, for a name. */
  private static String first(String text) {
    List<String> words = JavaNames.words(text);
    return String.join(" ", words.subList(0, Math.min(4, words.size())));
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
          + s.what().map(w -> " \"" + w + "\"").orElse("") + s.by().map(b -> " by " + b).orElse("")
          + manner(s);
    } else if (step instanceof Step.Act s) {
      return "action \"" + s.what() + "\"" + s.by().map(b -> " by " + b).orElse("") + manner(s);
    } else if (step instanceof Step.Keep s) {
      return "record " + s.form().orElse("\"" + s.note().orElse("") + "\"")
          + s.by().map(b -> " by " + b).orElse("")
          + (s.sentTo().isEmpty() ? "" : " sent to " + String.join(", ", s.sentTo())) + manner(s);
    }
    return step.toString();
  }

  /** {@code via telephone as good practice} after a step, as written; nothing for a plain one. */
  private static String manner(Step step) {
    String written = step.manner().written();
    return written.isEmpty() ? "" : " " + written;
  }

  /** The first citation, for an effect that cites one paragraph. */
  static Optional<Citation> first(List<Citation> citations) {
    return citations.stream().findFirst();
  }
}
