package org.escalon.compiler.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.RefusedEvent;
import org.escalon.machine.StageRule;
import org.escalon.model.Citation;
import org.escalon.model.Timespan;
import org.escalon.model.ExtensionRule;
import org.escalon.model.Manner;
import org.escalon.model.Stage;

/**
 * Requests for more time and grants of it, as code: the rule of the stage the escalation is at
 * (its own, else the protocol's), then that rule's checks in the engine's order, each refusal
 * citing the rule; a grant extends the current window from its last day.
 */
final class ExtensionsWriter {

  private final Context cx;

  ExtensionsWriter(Context cx) {
    this.cx = cx;
  }

  void write() {
    cx.add(cx.method("pendingExtension", "The more time asked for and not answered yet: the "
            + "last request's, logged when\nit was accepted; null if none waits.")
        .returns(Timespan.class)
        .beginControlFlow("if ($L)", cx.plan.lacks(Plan.EXTENSION_ASKED))
        .addStatement("return null").endControlFlow()
        .beginControlFlow("for (int i = log.size() - 1; i >= 0; i--)")
        .beginControlFlow("if (log.get(i) instanceof $T r)", CaseEvent.RequestExtension.class)
        .addStatement("return r.amount()").endControlFlow().endControlFlow()
        .addStatement("return null").build());
    Map<ExtensionRule, String> names = new LinkedHashMap<>();
    Map<ExtensionRule, CodeBlock> paths = new LinkedHashMap<>();
    cx.plan.protocol.extension().ifPresent(r -> {
      names.put(r, "protocol");
      paths.put(r, CodeBlock.of("MODEL.extension().orElseThrow()"));
    });
    List<Stage> stages = cx.plan.protocol.stages();
    for (int i = 0; i < stages.size(); i++) {
      int at = i;
      stages.get(i).extension().ifPresent(r -> {
        names.put(r, "stage " + stages.get(at).key());
        paths.putIfAbsent(r, CodeBlock.of("MODEL.stages().get($L).extension().orElseThrow()", at));
      });
    }
    // with the protocol's rule alone, its methods handle the events themselves
    boolean direct = names.size() == 1 && cx.plan.protocol.extension().isPresent();
    Map<ExtensionRule, String[]> methods = new LinkedHashMap<>();
    names.forEach((rule, name) -> methods.put(rule, rule(rule, name, paths.get(rule), direct)));
    if (direct) {
      return;
    }
    Class<?>[] events = {CaseEvent.RequestExtension.class, CaseEvent.GrantExtension.class,
        CaseEvent.DeclineExtension.class};
    String[] handlers = {"requestExtension", "grantExtension", "declineExtension"};
    String[] docs = {"Asks for more time at the present stage, by its rule.",
        "Grants the request for more time waiting for an answer, by the rule of the present "
            + "stage.",
        "Declines the request for more time waiting for an answer: the deadline stays."};
    for (int which = 0; which < 3; which++) {
      int grant = which;
      CodeBlock.Builder body = CodeBlock.builder().addStatement("open(e)");
      List<Stage> own = cx.plan.protocol.stages().stream()
          .filter(s -> s.extension().isPresent()).toList();
      CodeBlock fallback = cx.plan.protocol.extension()
          .map(r -> CodeBlock.of("$L(e, b);\n", methods.get(r)[grant]))
          .orElse(CodeBlock.of("throw refuse(e, $S + stage.key(), where(stage), $T.empty());\n",
              "the protocol allows no extension at stage ", Optional.class));
      if (own.isEmpty()) {
        body.add(fallback);
      } else {
        body.beginControlFlow("switch (stage)");
        for (Stage s : own) {
          body.add("case $L -> $L(e, b);\n", cx.plan.stages.get(s.key()),
              methods.get(s.extension().get())[grant]);
        }
        body.add("default -> $L", fallback).endControlFlow();
      }
      cx.add(cx.method(handlers[which], docs[which])
          .addParameter(events[which], "e")
          .addParameter(cx.batch, "b").addCode(body.build()).build());
    }
  }

  /**
   * Writes the request, grant and decline methods of one rule; returns their names. {@code
   * direct}: they are the handlers of the events, and refuse them when nothing runs.
   */
  private String[] rule(ExtensionRule rule, String name, CodeBlock path, boolean direct) {
    Optional<Citation> first = rule.citations().stream().findFirst();
    String source = cx.constants.constant(name + " extension source", "EXTENSION_SOURCE");
    cx.fields.add(FieldSpec.builder(ParameterizedTypeName.get(Optional.class, Citation.class),
        source, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(cx.literals.source(first)).build());
    String request = direct ? "requestExtension"
        : cx.methods.member("request under", name, "requestUnderRule");
    String grant = direct ? "grantExtension"
        : cx.methods.member("grant under", name, "grantUnderRule");
    CodeBlock open = direct ? CodeBlock.of("open(e);\n") : CodeBlock.of("");
    // who may ask, how, how much, how often and under which requirements: the model's to say
    // (Interpreter.askForTime), in the engine's words
    cx.useRules();
    cx.useFacts();
    String pending = cx.plan.holds(Plan.EXTENSION_ASKED);
    CodeBlock.Builder body = CodeBlock.builder().add(open)
        .addStatement("$T rule = RULES.model().stages().get(stage.ordinal())", StageRule.class)
        .addStatement("$T.ifAny(e, RULES.askForTime(rule, rule.extension().orElseThrow(), e.by(),"
            + "$We.inWriting(), e.rationale(), e.amount(), $L, $L, $L, $L))",
            RefusedEvent.class, pending, cx.plan.perStageLimit ? "extensionsHere" : "0",
            cx.plan.inTotalLimit ? "extensionsInTotal" : "0",
            FactsWriter.known(cx.plan, "e.at()"));
    if (rule.informed().isEmpty()) {
      body.addStatement("role(e, e.by())");
    } else {
      body.addStatement("$T by = role(e, e.by())", cx.plan.type("Role"));
    }
    body.addStatement(cx.plan.record(Plan.EXTENSION_ASKED))
        .addStatement("$T here = stage", cx.plan.type("Stage"));
    if (!rule.records().isEmpty()) {
      // what the host records is the rule's, read from the model (a request is rare)
      body.beginControlFlow("for (String record : $L.records())", path);
      if (rule.records().stream().anyMatch(cx.plan.forms::containsKey)) {
        ClassName form = cx.plan.formType.orElseThrow();
        body.addStatement("$T form = $T.of(record)", form, form)
            .beginControlFlow("if (form != null)")
            .addStatement("b.tell(l -> l.recordForm(here, form, $T.of(), $T.empty(), $T.REQUIRED,"
                + "$W$L))", List.class, Optional.class, Manner.class, source)
            .addStatement("continue").endControlFlow();
      }
      body.addStatement("b.tell(l -> l.recordNote(here, record, $T.of(), $T.empty(), "
              + "$T.REQUIRED,$W$L))", List.class, Optional.class, Manner.class, source)
          .endControlFlow();
    }
    if (!rule.informed().isEmpty()) {
      body.addStatement("b.tell(l -> l.notifyRoles(here, $L, $T.of($S), $T.of(by), $T.REQUIRED,"
              + "$W$L))", cx.literals.roles(rule.informed()), Optional.class,
          "of the request for more time", Optional.class, Manner.class, source);
    }
    cx.add(cx.method(request, "Asks for more time by the extension rule of the $L.\n$L",
            Javadocs.text(name), Javadocs.policy(rule.citations()))
        .addParameter(CaseEvent.RequestExtension.class, "e").addParameter(cx.batch, "b")
        .addCode(body.build()).build());

    // who answers, and whether a request waits: the model's (Interpreter.answerTime)
    CodeBlock.Builder g = CodeBlock.builder().add(open)
        .addStatement("$T.ifAny(e, RULES.answerTime($L, e.by(), true,$W$L))", RefusedEvent.class,
            path, pending)
        .beginControlFlow("if (deadline == NONE)")
        .addStatement("throw refuse(e, $S + stage.key() + $S, where(stage), $T.empty())",
            "stage ", " has no deadline to extend", Optional.class)
        .endControlFlow()
        .add("// counted from the last day of the current window, so N + M working days in "
            + "all\n")
        .addStatement("deadline = due(instant(deadline).minusNanos(1), pendingExtension())");
    if (cx.plan.perStageLimit) {
      g.addStatement("extensionsHere++");
    }
    if (cx.plan.inTotalLimit) {
      g.addStatement("extensionsInTotal++");
    }
    g.addStatement(cx.plan.clear(Plan.EXTENSION_ASKED)).add(cx.history("extended(instant(deadline))"));
    cx.add(cx.method(grant, "Grants more time by the extension rule of the $L.\n$L",
            Javadocs.text(name), Javadocs.policy(rule.citations()))
        .addParameter(CaseEvent.GrantExtension.class, "e").addParameter(cx.batch, "b")
        .addCode(g.build()).build());
    String decline = direct ? "declineExtension"
        : cx.methods.member("decline under", name, "declineUnderRule");
    CodeBlock.Builder d = CodeBlock.builder().add(open)
        .addStatement("$T.ifAny(e, RULES.answerTime($L, e.by(), false,$W$L))", RefusedEvent.class,
            path, pending)
        .addStatement(cx.plan.clear(Plan.EXTENSION_ASKED));
    cx.add(cx.method(decline, "Declines more time by the extension rule of the $L.",
            Javadocs.text(name))
        .addParameter(CaseEvent.DeclineExtension.class, "e").addParameter(cx.batch, "b")
        .addCode(d.build()).build());
    return new String[] {request, grant, decline};
  }
}
