package org.escalon.compiler.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import org.escalon.engine.Batch;
import org.escalon.engine.CaseEvent;
import org.escalon.model.Citation;
import org.escalon.model.SourceSpan;

/**
 * What the writers of one generated machine share: the plan, the literals and conditions, the
 * steps, the member names taken so far, and the methods and constants written, in the order
 * they will appear in the class.
 */
final class Context {

  static final ClassName EVENT = ClassName.get(CaseEvent.class);

  final Plan plan;
  final JavaNames constants;
  final JavaNames methods;
  final Literals literals;
  final ConditionWriter conditions;
  final StepsWriter steps;
  final TypeName batch;
  final List<MethodSpec> written = new ArrayList<>();
  final List<FieldSpec> fields = new ArrayList<>();

  Context(Plan plan) {
    this.plan = plan;
    this.constants = new JavaNames("MODEL", "CALENDAR", "FILE", "NONE", "RULES",
        "YES", "NO");
    this.methods = new JavaNames("accept", "passTime", "handle", "announce", "enter", "go",
        "conclude", "end", "await", "complete", "open", "ended", "endedIn", "role", "stage",
        "outcome", "target", "describe", "refuse", "due", "nanos", "instant", "span", "source",
        "where", "unmetAt", "requireMet", "waitReason", "met", "completed", "right", "reason",
        "exceeds", "graded", "occurrences", "since", "lastOccurrence", "roles", "conclusion",
        "deadlineOf", "onResolved", "onUnsatisfactory", "onNoResponse", "onwards", "arrive", "view",
        "fireTriggers", "retryWaiting", "raiseByTrigger", "untilResolved", "remind",
        "requestExtension", "grantExtension", "declineExtension", "earliest", "word", "setAttribute", "deadlinePassed", "reminderDue", "lastEventAt", "lastAt", "missing", "answeredBy",
        "yesNo", "yesOrNo", "migrated", "told", "roles", "targetOf", "unmetForExtension", "tell",
        "holds", "holding", "concluding", "reminding", "pendingExtension", "escalate", "softOf",
        "stepDone", "stepDeadlinePassed", "unavailable");
    plan.factBits.values().forEach(constants::reserve);
    this.literals = new Literals(plan, constants);
    this.conditions = new ConditionWriter(plan, literals);
    this.steps = new StepsWriter(plan, literals, conditions, constants);
    this.batch = ParameterizedTypeName.get(ClassName.get(Batch.class), plan.type("Listener"));
  }

  /** Helpers whose name and parameters say all a comment would. */
  private static final java.util.Set<String> SELF_EVIDENT = java.util.Set.of("ended", "endedIn",
      "role", "stage", "outcome", "where", "span", "lastAt", "met", "conclude", "conclusion",
      "complete", "await", "right", "accept", "completed", "onResolved", "onUnsatisfactory",
      "onNoResponse", "requireMet", "waitReason", "agree", "advise", "grade", "occur",
      "setTimescale");

  /**
   * A private method, its documentation a short comment at the top of its body, unless its name
   * says it all.
   */
  MethodSpec.Builder method(String name, String doc, Object... args) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE);
    if (SELF_EVIDENT.contains(name)) {
      return m;
    }
    for (String line : Javadocs.comment(CodeBlock.of(doc, args).toString())) {
      m.addComment("$L", line);
    }
    return m;
  }

  /**
   * Declares {@code RULES}, the interpreter of the protocol's operational model, for the rules
   * the machine asks it (who answers a stage, who may withdraw) rather than deciding them again.
   */
  void useRules() {
    if (fields.stream().noneMatch(f -> f.name().equals("RULES"))) {
      fields.add(FieldSpec.builder(org.escalon.machine.Interpreter.class, "RULES",
              Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("new $T($T.of(MODEL))", org.escalon.machine.Interpreter.class,
              org.escalon.machine.OperationalModel.class).build());
    }
  }

  /** Whether the machine's facts are asked of ({@code Known}, see {@link FactsWriter}). */
  boolean factsUsed;

  void useFacts() {
    factsUsed = true;
  }

  void add(MethodSpec method) {
    written.add(method);
  }

  /** {@code throw refuse(e, <rule>, <span>, <citation>);}, the rule given as Java code. */
  CodeBlock refuse(String event, CodeBlock rule, SourceSpan span, Optional<Citation> citation) {
    return CodeBlock.of("throw refuse($L, $L,$W$L,$W$L);\n", event, rule, literals.span(span),
        literals.source(citation));
  }

  /** The same, with the protocol's own span and no citation, as the engine refuses unknowns. */
  CodeBlock refuseUnknown(String event, CodeBlock rule) {
    return CodeBlock.of("throw refuse($L, $L,$WMODEL.span(), $T.empty());\n", event, rule,
        Literals.OPTIONAL);
  }

  /** A recording batch's history hears of it: {@code if (b.recording()) b.history().call;}. */
  CodeBlock history(String format, Object... args) {
    return CodeBlock.builder().beginControlFlow("if (b.recording())")
        .addStatement("b.history()." + format, args).endControlFlow().build();
  }

  /** Javadoc paragraphs citing the protocol's own sources. */
  String policy() {
    return Javadocs.policy(plan.protocol.header().sources());
  }
}
