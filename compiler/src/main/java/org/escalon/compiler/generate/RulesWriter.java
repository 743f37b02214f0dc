package org.escalon.compiler.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;
import org.escalon.engine.ActiveReminder;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.StepClockBook;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.Respondents;
import org.escalon.machine.Route;
import org.escalon.machine.StageRule;
import org.escalon.model.Attribute;
import org.escalon.model.Citation;
import org.escalon.model.Outcome;
import org.escalon.model.Right;
import org.escalon.model.Scale;
import org.escalon.model.SourceSpan;
import org.escalon.model.Stage;
import org.escalon.model.Step;
import org.escalon.model.Target;
import org.escalon.model.Timescale;
import org.escalon.model.Transitions;
import org.escalon.model.Trigger;

/**
 * The meaning of each event as specialised code, rule for rule as the engine's {@code Rules}
 * states it: the stage is an enum, routes and timescales are switches over it, conditions and
 * requirements are expressions over the machine's fields. Refusals carry the engine's words, the
 * line of the protocol and the policy paragraph.
 */
final class RulesWriter {

  private final Context cx;
  private final Plan plan;
  private final RequirementsWriter requirements;
  private final ClassName stage;
  private final ClassName outcome;
  private final ClassName place;

  RulesWriter(Context cx, RequirementsWriter requirements) {
    this.cx = cx;
    this.plan = cx.plan;
    this.requirements = requirements;
    this.stage = plan.type("Stage");
    this.outcome = plan.type("Outcome");
    this.place = plan.type("Place");
  }

  void write() {
    planRoutes();
    CodeBlock due = deadlineOnEntry();
    raise();
    respond();
    deadlinePassed();
    if (plan.substitutes) {
      unavailable();
    }
    if (plan.soft) {
      escalate();
    } else {
      cx.useRules(); // the machine's handler refuses an escalation with the model's words
    }
    reminderDue();
    bypass();
    refer();
    agreeOrAdvise(true);
    agreeOrAdvise(false);
    setAttribute();
    decide();
    grade();
    occur();
    setDate();
    withdraw();
    steps();
    reportedBefore();
    migrated();
    fireTriggers();
    go();
    enter(due);
    if (deadlineOf != null) {
      cx.add(deadlineOf);
    }
    if (plan.soft) {
      softOf();
    }
    routes();
    conclude();
  }

  private Optional<Citation> raiserSource() {
    return plan.protocol.header().sources().stream().findFirst();
  }

  // -------------------------------------------------------------------------------------------
  // Raising and responding

  private void raise() {
    String first = plan.protocol.stages().get(0).key();
    String raiser = plan.protocol.header().raisedBy();
    List<String> raisers = plan.protocol.header().raisers();
    List<String> starters = new ArrayList<>(raisers);
    plan.protocol.rights().stream().filter(r -> r.kind() == Right.Kind.START)
        .map(Right::role).distinct().filter(r -> !starters.contains(r)).forEach(starters::add);
    CodeBlock mayRaise = CodeBlock.join(starters.stream().map(r -> CodeBlock.of(
        "e.by().equals($S)", r)).toList(), " || ");
    CodeBlock.Builder body = CodeBlock.builder()
        .beginControlFlow("if (stage != null || ended())")
        .add(cx.refuseUnknown("e", CodeBlock.of("$S", "the escalation has already been raised")))
        .endControlFlow()
        .addStatement("role(e, e.by())")
        .addStatement("$T start = e.stage().isPresent() ? stage(e, e.stage().get()) : $L", stage,
            cx.literals.stage(first))
        .beginControlFlow("if (start != $L)", cx.literals.stage(first))
        .addStatement("$T right = right(e, $T.START, e.by(), start, $S + start.key())", Right.class,
            Right.Kind.class,
            "may not start the escalation at stage ")
        .addStatement("reason(e, right, e.reason())")
        .nextControlFlow(starters.size() == 1 ? "else if (!$L)" : "else if (!($L))", mayRaise)
        .add(cx.refuse("e", CodeBlock.of("$S + e.by()", "escalations are raised by "
            + String.join(" or ", raisers) + ", not "), plan.protocol.span(), raiserSource()))
        .endControlFlow();
    body.add(started("e.at()", CodeBlock.of("e.by()"))).addStatement("go(start, e.at(), b)");
    if (requirements.any()) {
      // `only if` holds at the raise too: a start at a stage that does not apply goes past it
      body.beginControlFlow("if (waitingFor != null)")
          .addStatement("$T unmet = unmetAt(waitingFor)", requirements.unmetType())
          .addStatement("throw refuse(e, $S + start.key() + $S + unmet.reason(),$W"
              + "unmet.requirement().span(),$W$T.empty())", "cannot start at stage ", ": ",
              Optional.class)
          .endControlFlow();
    }
    cx.add(cx.method("raise", "Raises the escalation at the first stage, or at one the raiser "
            + "may start at.\n$L", Javadocs.policy(plan.protocol.header().sources()))
        .addParameter(CaseEvent.Raise.class, "e").addParameter(cx.batch, "b")
        .addCode(body.build()).build());

    if (plan.protocol.triggers().isEmpty()) {
      return;
    }
    CodeBlock.Builder byTrigger = CodeBlock.builder();
    byTrigger.add(started("cause.at()", triggerRaiser(raiser)))
        .addStatement("go(start, cause.at(), b)");
    if (requirements.any()) {
      byTrigger.beginControlFlow("if (waitingFor != null)")
          .addStatement("$T unmet = unmetAt(waitingFor)", requirements.unmetType())
          .addStatement("throw refuse(new $T(cause.at(), raisedBy, $T.of(start.key()), $T.of($S + "
                  + "trigger)),$W$S + start.key() + $S + unmet.reason(),$W"
                  + "unmet.requirement().span(),$W$T.empty())",
              CaseEvent.Raise.class, Optional.class, Optional.class, "trigger ",
              "cannot start at stage ", ": ", Optional.class)
          .endControlFlow();
    }
    cx.add(cx.method("raiseByTrigger", "Raises the escalation because {@code trigger} fired on "
            + "{@code cause}.\n$L", Javadocs.policy(plan.protocol.triggers().stream()
                .flatMap(t -> t.citations().stream()).toList()))
        .addParameter(Context.EVENT, "cause").addParameter(String.class, "trigger")
        .addParameter(stage, "start").addParameter(cx.batch, "b")
        .addCode(byTrigger.build()).build());
  }

  /**
   * Who raises when {@code trigger} fires: the role the trigger names ({@code raise at stage 1 by
   * CPChair}), else the protocol's first raiser; one constant when no trigger names another.
   */
  private CodeBlock triggerRaiser(String raiser) {
    List<org.escalon.model.Trigger> own = plan.protocol.triggers().stream()
        .filter(t -> t.raisedBy().filter(r -> !r.equals(raiser)).isPresent()).toList();
    CodeBlock.Builder code = CodeBlock.builder();
    for (org.escalon.model.Trigger t : own) {
      code.add("trigger.equals($S) ? $S : ", t.name(), t.raisedBy().get());
    }
    return code.add("$S", raiser).build();
  }

  /** The escalation is raised at {@code at} by the role {@code by} (a String): both are kept. */
  private CodeBlock started(String at, CodeBlock by) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (plan.tracksRaisedAt) {
      code.addStatement("raisedAt = $L", at);
    }
    code.addStatement("raisedBy = $L", by);
    return code.add(cx.history("raised($L, $T.of(raisedBy))", at, Optional.class)).build();
  }

  /**
   * Who answers the stage: decided by the operational model ({@code Interpreter.mayRespond} on
   * the stage's respondents), read once when the class loads; the refusal of anyone else points
   * at the stage's first {@code to} line.
   */
  private CodeBlock respondents() {
    cx.useRules();
    if (plan.substitutes) {
      // a substitute answers once its addressee is said to be unavailable: the model's words
      return CodeBlock.builder()
          .addStatement("$T rule = RULES.model().stages().get(from.ordinal())", StageRule.class)
          .addStatement("$T<$T.Refusal> not = RULES.mayNotRespond(rule, e.by(), unavailable)",
              Optional.class, org.escalon.machine.Interpreter.class)
          .beginControlFlow("if (not.isPresent())")
          .addStatement("throw refuse(e, not.get().reason(), not.get().span(), "
              + "not.get().citation())")
          .endControlFlow().build();
    }
    return CodeBlock.builder()
        .addStatement("$T rule = RULES.model().stages().get(from.ordinal())", StageRule.class)
        .beginControlFlow("if (!RULES.mayRespond(rule, e.by()))")
        .addStatement("$T to = rule.respondents()", Respondents.class)
        .addStatement("throw refuse(e, $S + from.key() + $S + String.join($S, to.roles()) + $S + "
            + "e.by(),\n$>$>to.span(), to.citation())$<$<", "stage ", " is answered by ", ", ",
            ", not ")
        .endControlFlow().build();
  }

  /**
   * A stage each of several roles must answer ({@code to A and B}) waits for the others: decided
   * by the operational model ({@code Interpreter.endsStay}, {@code answeredAgain}).
   */
  private CodeBlock jointly() {
    if (!plan.answersJointly) {
      return CodeBlock.of("");
    }
    return CodeBlock.builder()
        .addStatement("$T again = RULES.answeredAgain(rule, answered, e.by()).orElse(null)",
            org.escalon.machine.Interpreter.Refusal.class)
        .beginControlFlow("if (again != null)")
        .addStatement("throw refuse(e, again.reason(), again.span(), again.citation())")
        .endControlFlow()
        .beginControlFlow("if (!RULES.endsStay(rule, answered, e.by(), e.resolving()))")
        .addStatement("$T<String> more = new $T<>(answered)", List.class, ArrayList.class)
        .addStatement("more.add(e.by())")
        .addStatement("answered = $T.copyOf(more)", List.class)
        .add(cx.history("answered(e.by())"))
        .addStatement("return")
        .endControlFlow().build();
  }

  private void respond() {
    cx.add(cx.method("respond", "The present stage's respondent answers: a resolving answer "
            + "takes the stage's route for\n{@code resolved}, an unsatisfactory one completes the "
            + "stage and takes its route onwards.")
        .addParameter(CaseEvent.Respond.class, "e").addParameter(cx.batch, "b")
        .addStatement("open(e)").addStatement("role(e, e.by())")
        .addStatement("$T from = stage", stage)
        .addCode(respondents())
        .addCode(jointly())
        .addCode(cx.history("left(e.at(), e.resolving() ? $S : $S)", "resolved", "unsatisfactory"))
        .beginControlFlow("if (e.resolving())")
        .addStatement("go($L, e.at(), b)", route(Transitions.Response.RESOLVED, "from"))
        .nextControlFlow("else")
        .addStatement("complete(from, b)")
        .addStatement("go($L, e.at(), b)", route(Transitions.Response.UNSATISFACTORY, "from"))
        .endControlFlow().build());
  }

  private void deadlinePassed() {
    cx.add(cx.method("deadlinePassed", "The present stage's deadline passed with no response: "
            + "the stage is completed and takes\nits route for no response.")
        .addParameter(CaseEvent.DeadlinePassed.class, "e").addParameter(cx.batch, "b")
        .addStatement("open(e)").addStatement("$T current = stage", stage)
        .beginControlFlow("if (!current.key().equals(e.stage()) || deadline == NONE || "
            + "nanos(e.at()) < deadline)")
        .addStatement("throw refuse(e, $S + e.stage() + $S + e.at(), where(current), $T.empty())",
            "no deadline of stage ", " passes at ", Optional.class)
        .endControlFlow()
        .addCode(soft())
        .addCode(cx.history("left(e.at(), $S)", "no response"))
        .addStatement("complete(current, b)")
        .addStatement("go($L, e.at(), b)", route(Transitions.Response.NO_RESPONSE, "current"))
        .build());
  }

  // a soft deadline is missed: recorded, and the stay goes on until the escalator escalates
  private CodeBlock soft() {
    if (!plan.soft) {
      return CodeBlock.of("");
    }
    CodeBlock.Builder b = CodeBlock.builder().beginControlFlow("if (softStay)")
        .addStatement("deadline = NONE");
    if (plan.extensions) {
      b.addStatement(plan.clear(Plan.EXTENSION_ASKED));
    }
    return b.addStatement("missed = true").add(cx.history("missed(e.at())"))
        .addStatement("return").endControlFlow().build();
  }

  /**
   * The host says an addressee of the present stage is unavailable, as the operational model
   * decides ({@code Interpreter.unavailable}): its substitute is sent the escalation
   * ({@code StepCalls.substitute}, the engine's effect) and answers in its place this stay.
   */
  private void unavailable() {
    cx.useRules();
    cx.add(cx.method("unavailable", "An addressee of the present stage is unavailable: its "
            + "substitute stands in.")
        .addParameter(CaseEvent.Unavailable.class, "e").addParameter(cx.batch, "b")
        .addStatement("open(e)").addStatement("role(e, e.role())")
        .addStatement("$T rule = RULES.model().stages().get(stage.ordinal())", StageRule.class)
        .addStatement("$T<$T.Refusal> refusal = RULES.unavailable(rule, e.role(), unavailable)",
            Optional.class, org.escalon.machine.Interpreter.class)
        .beginControlFlow("if (refusal.isPresent())")
        .addStatement("throw refuse(e, refusal.get().reason(), refusal.get().span(), "
            + "refusal.get().citation())")
        .endControlFlow()
        .addStatement("$T<String> more = new $T<>(unavailable)", List.class, ArrayList.class)
        .addStatement("more.add(e.role())")
        .addStatement("unavailable = $T.copyOf(more)", List.class)
        .addCode(cx.history("unavailable(e.role())"))
        .addStatement("$T effect = $T.substitute(rule, e.role())",
            org.escalon.engine.Effect.class, org.escalon.engine.StepCalls.class)
        .addStatement("b.tell(l -> l.heard(effect))")
        .build());
  }

  /**
   * The escalator moves on after a soft deadline was missed, as the operational model decides
   * ({@code Interpreter.escalation}, which words and cites a refusal): where no response goes.
   */
  private void escalate() {
    cx.useRules();
    CodeBlock missed = !plan.soft ? CodeBlock.of("false")
        : plan.waits ? CodeBlock.of("missed && waitingFor == null") : CodeBlock.of("missed");
    MethodSpec.Builder m = cx.method("escalate", "The escalator moves on after the stage's soft "
            + "deadline was missed: where no response goes.")
        .addParameter(CaseEvent.Escalate.class, "e").addParameter(cx.batch, "b")
        .addStatement("open(e)").addStatement("role(e, e.by())")
        .addStatement("$T current = stage", stage)
        .addStatement("$T<$T.Refusal> refusal = RULES.escalation(RULES.model().stages().get("
                + "current.ordinal()), $L, e.by(), $T.ofNullable(raisedBy))", Optional.class,
            org.escalon.machine.Interpreter.class, missed, Optional.class)
        .beginControlFlow("if (refusal.isPresent())")
        .addStatement("throw refuse(e, refusal.get().reason(), refusal.get().span(), "
            + "refusal.get().citation())")
        .endControlFlow();
    if (plan.soft) {
      m.addCode(cx.history("left(e.at(), $S)", "no response"))
          .addStatement("complete(current, b)")
          .addStatement("go($L, e.at(), b)", route(Transitions.Response.NO_RESPONSE, "current"));
    }
    cx.add(m.build());
  }

  /**
   * {@code softOf(s, at)}: whether the timescale that counts on entering stage {@code s} at
   * {@code at} is soft: the earliest of those that apply, the first declared on a tie, as the
   * operational model chooses ({@code Timescales.earliest}).
   */
  private void softOf() {
    CodeBlock.Builder body = CodeBlock.builder().add("return switch (s) {\n$>");
    List<String> hard = new ArrayList<>();
    List<String> allSoft = new ArrayList<>();
    for (Stage s : plan.protocol.stages()) {
      String name = plan.stages.get(s.key());
      List<Timescale> ts = s.timescales();
      if (ts.stream().noneMatch(Timescale::soft)) {
        hard.add(name);
        continue;
      }
      if (ts.stream().allMatch(Timescale::soft)) {
        allSoft.add(name);
        continue;
      }
      body.add("case $L -> {\n$>", name);
      List<CodeBlock> applies = applying(body, ts);
      body.addStatement("long earliest = NONE").addStatement("boolean soft = false")
          .addStatement("long d");
      for (int i = 0; i < ts.size(); i++) {
        when(body, applies.get(i), CodeBlock.builder().addStatement("d = $L", due(ts.get(i)))
            .beginControlFlow("if (d != NONE && (earliest == NONE || d < earliest))")
            .addStatement("earliest = d").addStatement("soft = $L", ts.get(i).soft())
            .endControlFlow().build());
      }
      body.addStatement("yield soft").add("$<}\n");
    }
    if (!allSoft.isEmpty()) {
      body.add("case $L -> true;\n", String.join(", ", allSoft));
    }
    if (!hard.isEmpty()) {
      body.add("case $L -> false;\n", String.join(", ", hard));
    }
    body.add("$<};\n");
    cx.add(cx.method("softOf", "Whether the timescale that counts on entering stage {@code s} "
            + "at {@code at} is soft, when one counts.")
        .addParameter(stage, "s").addParameter(Instant.class, "at").returns(boolean.class)
        .addCode(body.build()).build());
  }

  private void reminderDue() {
    MethodSpec.Builder m = cx.method("reminderDue", "A repeating reminder falls due: the host "
            + "is told, and the reminder is set again.")
        .addParameter(CaseEvent.ReminderDue.class, "e").addParameter(cx.batch, "b")
        .addStatement("open(e)");
    if (plan.reminds) {
      cx.steps.useReminding();
      m.beginControlFlow("for (int i = 0; i < reminders.size(); i++)")
          .addStatement("$T r = reminders.get(i)", ActiveReminder.class)
          .beginControlFlow("if (!r.next().isAfter(e.at()))")
          .addStatement("b.tell(reminding($T.of(r.stage()), roles(r.roles()), "
              + "roles(r.copying())))", stage)
          .addStatement("$T<$T> next = new $T<>(reminders)", List.class, ActiveReminder.class,
              ArrayList.class)
          .addStatement("next.set(i, new $T(r.stage(), r.roles(), r.copying(), r.every(), "
              + "r.untilResolved(),\n$>$>instant(due(r.next(), r.every()))))$<$<",
              ActiveReminder.class)
          .addStatement("reminders = $T.copyOf(next)", List.class)
          .addStatement("return")
          .endControlFlow().endControlFlow();
      cx.add(cx.method("roles", "The roles of these names.").addModifiers(Modifier.STATIC)
          .returns(ParameterizedTypeName.get(Literals.LIST, plan.type("Role")))
          .addParameter(ParameterizedTypeName.get(List.class, String.class), "names")
          .addStatement("return names.stream().map($T::of).toList()", plan.type("Role"))
          .build());
    }
    m.addStatement("throw refuse(e, $S + e.at(), where(stage), $T.empty())",
        "no reminder falls due at ", Optional.class);
    cx.add(m.build());
  }

  // -------------------------------------------------------------------------------------------
  // Rights

  private void bypass() {
    MethodSpec.Builder m = cx.method("bypass", "A role skips to a later stage or an outcome by "
            + "a bypass right.")
        .addParameter(CaseEvent.Bypass.class, "e").addParameter(cx.batch, "b")
        .addStatement("open(e)")
        .addStatement("$T target = target(e, e.target())", place)
        .addStatement("$T right = right(e, $T.BYPASS, e.by(), target, $S + target.named())",
            Right.class, Right.Kind.class, "may not bypass to ")
        .addStatement("reason(e, right, e.reason())")
        .addStatement("$T from = stage", stage)
        .addCode(cx.history("left(e.at(), $S)", "bypassed"))
        .addStatement("complete(from, b)")
        .addStatement("go(target, e.at(), b)");
    if (plan.waits) {
      m.beginControlFlow("if (waitingFor != null)")
          .addStatement("throw refuse(e, $S + target.named() + $S + waitReason(waitingFor),$W"
              + "right.span(),$Wright.citation())", "cannot bypass to ", ": ")
          .endControlFlow();
    }
    cx.add(m.build());
  }

  private void refer() {
    MethodSpec.Builder m = cx.method("refer", "A role refers the escalation to an outcome by a "
            + "refer right: at once, or alongside\nthe process when the right says so.")
        .addParameter(CaseEvent.Refer.class, "e").addParameter(cx.batch, "b")
        .addStatement("open(e)")
        .addStatement("$T outcome = outcome(e, e.outcome())", outcome)
        .addStatement("$T right = right(e, $T.REFER, e.by(), outcome, $S + e.outcome())", Right.class,
            Right.Kind.class,
            "may not refer to ");
    if (plan.tracksRaisedAt && plan.protocol.rights().stream()
        .anyMatch(org.escalon.model.Right::atRaise)) {
      // only at the raise: the model's interpreter decides, on the raise's instant
      cx.useRules();
      m.addStatement("$T<$T.Refusal> late = RULES.tooLate(right, e.at().equals(raisedAt))",
              Optional.class, org.escalon.machine.Interpreter.class)
          .beginControlFlow("if (late.isPresent())")
          .addStatement("throw refuse(e, late.get().reason(), late.get().span(), "
              + "late.get().citation())")
          .endControlFlow();
    }
    m.addStatement("reason(e, right, e.reason())");
    if (requirements.any()) {
      requirements.requireMet();
      m.addStatement("requireMet(e, unmetAt(outcome), $S + e.outcome())", "refer to ");
    }
    m.beginControlFlow("if (right.concurrently())")
        .addCode(cx.history("referred(outcome.key())"))
        .addStatement("tell($L.get(outcome.ordinal()), b)", cx.steps.ending(cx))
        .addStatement("return")
        .endControlFlow()
        .addCode(cx.history("left(e.at(), $S)", "referred"))
        .addStatement("conclude(outcome, b)");
    cx.add(m.build());
  }

  // -------------------------------------------------------------------------------------------
  // Agreement, advice and the case's facts

  private void agreeOrAdvise(boolean agree) {
    Map<String, String> fields = agree ? plan.agreedFields : plan.advisedFields;
    MethodSpec.Builder m = cx.method(agree ? "agree" : "advise", agree
            ? "A role gives its agreement; an escalation waiting for it moves on."
            : "A role's advice has been sought; an escalation waiting for it moves on.")
        .addParameter(agree ? CaseEvent.Agree.class : CaseEvent.Advise.class, "e")
        .addParameter(cx.batch, "b");
    if (fields.isEmpty()) {
      m.addStatement("role(e, e.role())");
    } else {
      m.addStatement("$T role = role(e, e.role())", plan.type("Role"));
      fields.forEach((role, field) -> m.beginControlFlow("if (role == $L)",
          cx.literals.role(role)).addStatement("$L", plan.record(field)).endControlFlow());
    }
    m.addCode(cx.history(agree ? "agreed(e.role())" : "advised(e.role())"));
    if (plan.waits) {
      m.addStatement("retryWaiting(e, b)");
    }
    cx.add(m.build());
  }

  private void setAttribute() {
    if (plan.protocol.attributes().isEmpty()) {
      cx.add(cx.method("setAttribute", "The protocol declares no facts about a case.")
          .addModifiers(Modifier.STATIC).addParameter(CaseEvent.SetAttribute.class, "e")
          .addParameter(cx.batch, "b").addCode(cx.refuseUnknown("e", CodeBlock.of(
              "$S + e.attribute()", "the protocol has no attribute "))).build());
      return;
    }
    CodeBlock.Builder body = CodeBlock.builder().beginControlFlow("switch (e.attribute())");
    boolean yesNo = false;
    for (Attribute a : plan.protocol.attributes()) {
      String field = plan.attributeFields.get(a.name());
      if (a.decision().isPresent()) {
        // a decision is taken by its role (Decide), not set: the model's refusal, in its words
        cx.useRules();
        body.addStatement("case $S -> throw $T.of(e, RULES.setting(e.attribute()).orElseThrow())",
            a.name(), org.escalon.engine.RefusedEvent.class);
        continue;
      }
      body.add(a.isYesNo() ? "case $S -> " : "case $S -> {\n$>", a.name());
      CodeBlock span = cx.literals.span(a.span());
      if (a.isYesNo()) {
        yesNo = true;
        body.addStatement(field != null ? "$L = yesNo(e, $L)" : "$LyesNo(e, $L)",
            field != null ? field : "", span);
      } else {
        ClassName type = plan.choiceTypes.get(a.name());
        body.addStatement("$T value = $T.of(e.value())", type, type)
            .beginControlFlow("if (value == null)")
            .addStatement("throw refuse(e, $S + e.value(), $L, $T.empty())", a.name()
                + " takes one of " + String.join(", ", a.choices()) + ", not ", span,
                Optional.class)
            .endControlFlow();
        if (field != null) {
          body.addStatement("$L = value", field);
        }
      }
      if (!a.isYesNo()) {
        body.add("$<}\n");
      }
    }
    if (yesNo) {
      cx.add(cx.method("yesNo", "yes or no, as an attribute that holds or not is set; refuses "
              + "anything else").addModifiers(Modifier.STATIC).returns(byte.class)
          .addParameter(CaseEvent.SetAttribute.class, "e")
          .addParameter(SourceSpan.class, "where")
          .beginControlFlow("if (!e.value().equals($S) && !e.value().equals($S))", "yes", "no")
          .addStatement("throw refuse(e, e.attribute() + $S + e.value(), where, $T.empty())",
              " takes yes or no, not ", Optional.class)
          .endControlFlow()
          .addStatement("return e.value().equals($S) ? YES : NO", "yes").build());
    }
    body.add("default -> $L", cx.refuseUnknown("e", CodeBlock.of("$S + e.attribute()",
        "the protocol has no attribute "))).endControlFlow();
    if (plan.protocol.attributes().stream().allMatch(a -> a.decision().isPresent())) {
      // every fact is a decision: each is refused, nothing is set
      cx.add(cx.method("setAttribute", "Every fact of the case is a decision, taken by its role, "
              + "not set.")
          .addParameter(CaseEvent.SetAttribute.class, "e").addParameter(cx.batch, "b")
          .addCode(body.build()).build());
      return;
    }
    body.add(cx.history("attribute(e.attribute(), e.value())"));
    if (plan.waits) {
      body.addStatement("retryWaiting(e, b)");
    }
    body.addStatement("fireTriggers(e, b)");
    cx.add(cx.method("setAttribute", "A fact about the case changes; a route waiting for it may "
            + "move on, a trigger may fire.")
        .addParameter(CaseEvent.SetAttribute.class, "e").addParameter(cx.batch, "b")
        .addCode(body.build()).build());
  }

  /**
   * A role takes a decision: the operational model says whether it may (its role; a stage's
   * decision at its stage, while the escalation is open; the protocol's at any time), then the
   * decision is the fact of the case that routes, rights and conditions read. A protocol with no
   * decision refuses the event where it is dispatched.
   */
  private void decide() {
    List<Attribute> decisions = plan.protocol.attributes().stream()
        .filter(a -> a.decision().isPresent()).toList();
    if (decisions.isEmpty()) {
      return;
    }
    cx.useRules();
    CodeBlock.Builder body = CodeBlock.builder()
        .addStatement("$T.ifAny(e, RULES.unknownDecision(e.decision()))",
            org.escalon.engine.RefusedEvent.class)
        .add(open(decisions))
        .addStatement("role(e, e.by())")
        .addStatement("$T.ifAny(e, RULES.deciding(stage().map($T::key), e.by(), e.decision()))",
            org.escalon.engine.RefusedEvent.class, plan.type("Stage"));
    List<Attribute> kept = decisions.stream()
        .filter(a -> plan.attributeFields.get(a.name()) != null).toList();
    if (!kept.isEmpty()) {
      body.beginControlFlow("switch (e.decision())");
      for (Attribute a : kept) {
        body.addStatement("case $S -> $L = e.yes() ? YES : NO", a.name(),
            plan.attributeFields.get(a.name()));
      }
      body.add("default -> { }\n").endControlFlow();
    }
    body.add(cx.history("attribute(e.decision(), e.yes() ? $S : $S)", "yes", "no"));
    if (plan.waits) {
      body.addStatement("retryWaiting(e, b)");
    }
    body.addStatement("fireTriggers(e, b)");
    cx.add(cx.method("decide", "A role takes a decision; a route waiting for it may "
            + "move on, a trigger may fire.")
        .addParameter(CaseEvent.Decide.class, "e").addParameter(cx.batch, "b")
        .addCode(body.build()).build());
  }

  /**
   * Whether the escalation must be open, asked of the decisions that need it (a stage's; the
   * model's {@code anyTime} says which): always, never, or by the decision's name.
   */
  private CodeBlock open(List<Attribute> decisions) {
    org.escalon.machine.Interpreter run = new org.escalon.machine.Interpreter(plan.operational);
    long anyTime = decisions.stream().filter(a -> run.anyTime(a.name())).count();
    return anyTime == decisions.size() ? CodeBlock.of("")
        : anyTime == 0 ? CodeBlock.of("open(e);\n")
        : CodeBlock.builder().beginControlFlow("if (!RULES.anyTime(e.decision()))")
            .addStatement("open(e)").endControlFlow().build();
  }

  private void grade() {
    if (plan.protocol.scales().isEmpty()) {
      cx.add(cx.method("grade", "The protocol grades nothing.").addModifiers(Modifier.STATIC)
          .addParameter(CaseEvent.Grade.class, "e").addParameter(cx.batch, "b")
          .addCode(cx.refuseUnknown("e", CodeBlock.of("$S + e.scale()",
              "the protocol has no scale "))).build());
      return;
    }
    CodeBlock.Builder body = CodeBlock.builder().beginControlFlow("switch (e.scale())");
    for (Scale s : plan.protocol.scales()) {
      body.add("case $S -> {\n$>", s.name())
          .beginControlFlow("if ($T.of(e.grade()) == null)", plan.scaleTypes.get(s.name()))
          .addStatement("throw refuse(e, e.grade() + $S, $L, $T.empty())", " is not a grade of "
              + s.name(), cx.literals.span(s.span()), Optional.class)
          .endControlFlow().add("$<}\n");
    }
    body.add("default -> $L", cx.refuseUnknown("e", CodeBlock.of("$S + e.scale()",
        "the protocol has no scale "))).endControlFlow();
    if (plan.tracksGradings) {
      body.addStatement("gradings = $T.add(gradings, e.scale(), e.section(), e.grade())",
          org.escalon.engine.Gradings.class);
    }
    body.add(cx.history("graded(e.scale(), e.section(), e.grade())"))
        .addStatement("fireTriggers(e, b)");
    cx.add(cx.method("grade", "A section of the plan is graded; a trigger may fire.")
        .addParameter(CaseEvent.Grade.class, "e").addParameter(cx.batch, "b")
        .addCode(body.build()).build());
  }

  private void occur() {
    CodeBlock.Builder body = CodeBlock.builder();
    CodeBlock unknown = cx.refuseUnknown("e", CodeBlock.of("$S + e.event()",
        "the protocol has no event "));
    if (plan.eventType.isEmpty()) {
      return; // the dispatch refuses it (MachineWriter)
    } else {
      body.beginControlFlow("if ($T.of(e.event()) == null)", plan.eventType.get()).add(unknown)
          .endControlFlow();
      if (plan.tracksOccurrences) {
        body.addStatement("$T<String, $T<$T>> next = new $T<>(occurrences)", TreeMap.class,
                List.class, Instant.class, TreeMap.class)
            .addStatement("$T<$T> times = new $T<>(next.getOrDefault(e.event(), $T.of()))",
                List.class, Instant.class, ArrayList.class, List.class)
            .addStatement("times.add(e.at())")
            .addStatement("next.put(e.event(), $T.copyOf(times))", List.class)
            .addStatement("occurrences = next");
      }
      body.add(cx.history("occurred(e.event(), e.at())"));
      if (plan.clocksFromEvents) {
        // a step's deadline counted from this event starts now, at the stage the escalation is at
        cx.useRules();
        cx.useFacts();
        body.beginControlFlow("if (stage != null && !ended())")
            .addStatement("stepClocks = $T.start(stepClocks, stage.key(), $T.onEvent(RULES.duties("
                + "RULES.model().stage(\n$>$>stage.key()).orElseThrow().duties(), $L), e.event()), "
                + "c -> $T.of(e.at()), calendar)$<$<", StepClockBook.class,
                org.escalon.machine.StepClocks.class, FactsWriter.known(plan, "e.at()"),
                Optional.class)
            .endControlFlow();
      }
      body.addStatement("fireTriggers(e, b)");
    }
    cx.add(cx.method("occur", "A declared event happens to the case; a trigger may fire.")
        .addParameter(CaseEvent.Occur.class, "e").addParameter(cx.batch, "b")
        .addCode(body.build()).build());
  }

  /**
   * {@code setDate}: the host sets (or moves) a known date; the runtime's {@link StepClockBook}
   * refuses it as the engine does, and moves the clocks counted back from it, starting those of
   * the present stage (issue 14, point 5).
   */
  private void setDate() {
    if (!plan.dates) {
      return; // the dispatch refuses it (MachineWriter)
    }
    cx.useRules();
    CodeBlock.Builder body = CodeBlock.builder();
    if (plan.clocks) {
      cx.useFacts();
      body.addStatement("stepClocks = $T.dateSet(RULES.model(), stepClocks, stage == null ? \"\" "
              + ": stage.key(),\n$>$>stage == null || ended() ? $T.of() : $T.onDate(RULES.duties("
              + "RULES.model().stage(stage.key())\n.orElseThrow().duties(), $L), e.date()), e, "
              + "calendar)$<$<", StepClockBook.class, List.class,
          org.escalon.machine.StepClocks.class, FactsWriter.known(plan, "e.at()"));
    } else {
      body.addStatement("$T.dateSet(RULES.model(), $T.of(), \"\", $T.of(), e, calendar)",
          StepClockBook.class, List.class, List.class);
    }
    body.addStatement("$T<String, $T> next = new $T<>(dates)", Map.class, Instant.class,
            TreeMap.class)
        .addStatement("next.put(e.date(), e.on())")
        .addStatement("dates = next")
        .add(cx.history("dateSet(e.date(), e.on())"));
    cx.add(cx.method("setDate", "The host sets a known date, or moves it: the steps due before "
            + "it fall due again.")
        .addParameter(CaseEvent.SetDate.class, "e").addParameter(cx.batch, "b")
        .addCode(body.build()).build());
  }

  /**
   * Only the role that raised the escalation withdraws it: decided by the operational model
   * ({@code Interpreter.withdrawal}), which also words and cites the refusal.
   */
  private CodeBlock mayWithdraw() {
    cx.useRules();
    return CodeBlock.builder()
        .addStatement("$T<$T.Refusal> refusal = RULES.withdrawal(e.by(), $T.ofNullable(raisedBy))",
            Optional.class, org.escalon.machine.Interpreter.class, Optional.class)
        .beginControlFlow("if (refusal.isPresent())")
        .addStatement("throw refuse(e, refusal.get().reason(), refusal.get().span(), "
            + "refusal.get().citation())")
        .endControlFlow().build();
  }

  private void withdraw() {
    cx.add(cx.method("withdraw", "The escalation is withdrawn: it ends, in no outcome of the "
            + "protocol.")
        .addParameter(CaseEvent.Withdraw.class, "e").addParameter(cx.batch, "b")
        .addStatement("open(e)").addStatement("role(e, e.by())")
        .addCode(mayWithdraw())
        .addCode(cx.history("left(e.at(), $S)", "withdrawn"))
        .addCode(plan.clocks ? CodeBlock.of("stepClocks = $T.withdrawn(stepClocks);\n",
            StepClockBook.class) : CodeBlock.of(""))
        .addStatement("withdrawn = true").addStatement("end()").build());
  }

  /**
   * {@code stepDone} and {@code stepDeadlinePassed}: the clocks on steps, kept by the runtime's
   * {@link StepClockBook} as the engine keeps them (issue 14, point 4).
   */
  private void steps() {
    if (!plan.clocks) {
      return; // the dispatch checks a step reported done itself (MachineWriter)
    }
    cx.useRules();
    cx.add(cx.method("stepDone", "The host reports a step done: its clock, if one runs, stops.")
        .addParameter(CaseEvent.StepDone.class, "e").addParameter(cx.batch, "b")
        .addStatement("stepClocks = $T.done(RULES.model(), stepClocks, status(), stage()"
                + ".map($T::key),\n$>$>withdrawn ? $T.of($S) : outcome().map($T::key), stage == "
                + "null ? MODEL.span() : where(stage), e)$<$<", StepClockBook.class,
            plan.type("Stage"), Optional.class, "withdrawn", plan.type("Outcome")).build());
    cx.add(cx.method("stepDeadlinePassed", "A step's deadline passed before it was reported "
            + "done: recorded, not escalated.")
        .addParameter(CaseEvent.StepDeadlinePassed.class, "e").addParameter(cx.batch, "b")
        .addStatement("stepClocks = $T.passed(MODEL, status(), stepClocks, e)",
            StepClockBook.class).build());
  }

  /**
   * {@code reportedBefore}: a step a stage requires done before it is entered, reported done by
   * its role (the model's {@code requiredBefore} and {@code reporting}, as the engine asks them),
   * is recorded and a waiting move tries again; any other step is the step clocks'.
   */
  private void reportedBefore() {
    if (plan.doneFields.isEmpty()) {
      return;
    }
    cx.useRules();
    CodeBlock.Builder body = CodeBlock.builder()
        .addStatement("$T<$T> step = RULES.requiredBefore(e.step())", Optional.class,
            org.escalon.machine.Guard.Done.class)
        .beginControlFlow("if (step.isEmpty())").addStatement("return false").endControlFlow()
        .addStatement("$T<$T> refused = RULES.reporting(step.get(), e.by())", Optional.class,
            org.escalon.machine.Interpreter.Refusal.class)
        .beginControlFlow("if (refused.isPresent())")
        .addStatement("throw $T.of(e, refused.get())", org.escalon.engine.RefusedEvent.class).endControlFlow();
    plan.doneFields.forEach((step, field) -> body.beginControlFlow("if (e.step().equals($S))",
        step).addStatement("$L", plan.record(field)).endControlFlow());
    body.add(cx.history("done(e.step())"));
    if (plan.waits) {
      body.addStatement("retryWaiting(e, b)");
    }
    cx.add(cx.method("reportedBefore", "A step a stage requires before it is entered, reported "
            + "done: recorded; a waiting move tries again.")
        .returns(boolean.class).addParameter(CaseEvent.StepDone.class, "e")
        .addParameter(cx.batch, "b").addCode(body.addStatement("return true").build()).build());
  }

  /**
   * Starts the clocks of the steps of {@code where} that apply on entering it at {@code at}, each
   * counted from the instant the operational model says ({@code StepClocks.countedFrom}).
   */
  private CodeBlock startClocks(String duties, String where, String at) {
    cx.useRules();
    cx.useFacts();
    if (!plan.tracksRaisedAt && !plan.clocksFromStages && !plan.clocksFromDates) {
      // nothing but the stage's entry to count from: the short form says just that
      return CodeBlock.builder().addStatement("stepClocks = $T.start(stepClocks, $L, RULES"
          + ".stepClocks($L, $L),\n$>$>$L, calendar)$<$<", StepClockBook.class, where, duties,
          FactsWriter.known(plan, at), at).build();
    }
    return CodeBlock.builder().addStatement("stepClocks = $T.start(stepClocks, $L, RULES"
            + ".stepClocks($L, $L),\n$>$>c -> $T.countedFrom(c, $L, $L, $L, $T.empty()$L), "
            + "calendar)$<$<", StepClockBook.class, where, duties, FactsWriter.known(plan, at),
        org.escalon.machine.StepClocks.class, at, plan.tracksRaisedAt
            ? CodeBlock.of("$T.ofNullable(raisedAt)", Optional.class)
            : CodeBlock.of("$T.empty()", Optional.class), plan.clocksFromStages
            ? CodeBlock.of("k -> $T.ofNullable(stageStarts.get(k))", Optional.class)
            : CodeBlock.of("k -> $T.empty()", Optional.class), Optional.class,
        plan.clocksFromDates
            ? CodeBlock.of(",\nd -> $T.ofNullable(dates.get(d))", Optional.class)
            : CodeBlock.of("")).build();
  }

  /**
   * {@code migrated}: the escalation moved here from another version of its protocol (the first
   * event of its log under this one), as the engine lands it: at the plan's stage as though it
   * had been there since it entered it, with the stages completed, agreements, advice and facts
   * the plan carried over; its deadline and reminders are this version's; nobody is told again.
   */
  private void migrated() {
    CodeBlock.Builder body = CodeBlock.builder()
        .beginControlFlow("if (stage != null || ended())")
        .add(cx.refuseUnknown("e", CodeBlock.of("$S",
            "a migration starts the log under the version it moves to")))
        .endControlFlow()
        .addStatement("$T at = stage(e, e.stage())", stage);
    if (plan.tracksRaisedAt) {
      body.addStatement("raisedAt = e.raisedAt()");
    }
    body.addStatement("e.raisedBy().ifPresent(r -> role(e, r))")
        .addStatement("raisedBy = e.raisedBy().orElse(null)");
    if (plan.tracksCompleted) {
      body.beginControlFlow("for (String key : e.completed())")
          .addStatement("$T s = $T.of(key)", stage, stage)
          .beginControlFlow("if (s != null)").addStatement("$L |= $L", plan.completedField(),
              plan.stageBit())
          .endControlFlow().endControlFlow();
    }
    plan.agreedFields.forEach((role, field) -> body.beginControlFlow(
        "if (e.agreements().contains($S))", role).addStatement("$L", plan.record(field))
        .endControlFlow());
    plan.advisedFields.forEach((role, field) -> body.beginControlFlow(
        "if (e.advice().contains($S))", role).addStatement("$L", plan.record(field))
        .endControlFlow());
    plan.attributeFields.forEach((attribute, field) -> {
      if (plan.isYesNo(attribute)) {
        body.addStatement("$L = yesOrNo(e.attributes().get($S))", field, attribute);
      } else {
        body.addStatement("$L = $T.of(e.attributes().getOrDefault($S, $S))", field,
            plan.choiceTypes.get(attribute), attribute, "");
      }
    });
    if (plan.attributeFields.keySet().stream().anyMatch(plan::isYesNo)) {
      cx.add(cx.method("yesOrNo", "An attribute's value as the machine keeps it: YES, NO, or 0.")
          .addModifiers(Modifier.STATIC).returns(byte.class).addParameter(String.class, "value")
          .addStatement("return $S.equals(value) ? YES : $S.equals(value) ? NO : 0", "yes", "no")
          .build());
    }
    body.beginControlFlow("if (b.recording())")
        .addStatement("b.history().raised(e.raisedAt(), e.raisedBy())")
        .addStatement("e.completed().forEach(b.history()::completed)")
        .addStatement("e.agreements().forEach(b.history()::agreed)")
        .addStatement("e.advice().forEach(b.history()::advised)")
        .addStatement("e.attributes().forEach(b.history()::attribute)")
        .endControlFlow()
        .add("// entered as on any entry, what it tells the host dropped: it was told before\n")
        .addStatement("enter(at, e.entered(), b.recording() ? b : new $T<>())",
            org.escalon.engine.Batch.class);
    cx.add(cx.method("migrated", "The escalation moved here from another version of its "
            + "protocol: it lands at the plan's stage as\nthough it had been there since it "
            + "entered it; nobody is told again.")
        .addParameter(CaseEvent.Migrated.class, "e").addParameter(cx.batch, "b")
        .addCode(body.build()).build());
  }

  private void fireTriggers() {
    CodeBlock.Builder body = CodeBlock.builder();
    for (Trigger t : plan.protocol.triggers()) {
      String fired = plan.firedFields.get(t.name());
      body.beginControlFlow("if ($L && $L)", plan.lacks(fired), grouped(t))
          .addStatement("$L", plan.record(fired))
          .add(cx.history("triggered($S)", t.name()));
      if (plan.stages.containsKey(t.raiseAt())) {
        body.beginControlFlow("if (stage == null && !ended())")
            .addStatement("raiseByTrigger(e, $S, $L, b)", t.name(), cx.literals.stage(t.raiseAt()))
            .endControlFlow();
      }
      body.endControlFlow();
    }
    cx.add(cx.method("fireTriggers", "Fires each trigger whose rule has become true, once: it "
            + "raises the escalation if none\nis running.\n$L",
            Javadocs.policy(plan.protocol.triggers().stream().flatMap(t -> t.citations()
                .stream()).toList()))
        .addParameter(Context.EVENT, "e").addParameter(cx.batch, "b").addCode(body.build())
        .build());
  }

  private CodeBlock grouped(Trigger t) {
    CodeBlock rule = cx.conditions.history(t.rule());
    boolean binary = t.rule() instanceof org.escalon.model.HistoryRule.And
        || t.rule() instanceof org.escalon.model.HistoryRule.Or;
    return binary ? CodeBlock.of("($L)", rule) : rule;
  }

  // -------------------------------------------------------------------------------------------
  // Moving between stages

  private boolean skips() {
    // a route also goes on past a stage where a duty to go at once holds (the model unrolls it)
    return plan.protocol.stages().stream().anyMatch(s -> s.onlyIf().isPresent())
        || plan.protocol.atOnce().stream().anyMatch(a -> a.goTo().isPresent());
  }

  private void go() {
    CodeBlock.Builder body = CodeBlock.builder();
    String to = "target";
    if (skips()) {
      arrive();
      body.addStatement("$T to = arrive(target)", place);
      to = "to";
    }
    if (plan.waits) {
      body.beginControlFlow("if (!met($L))", to).addStatement("await($L)", to)
          .addStatement("return").endControlFlow();
    }
    body.beginControlFlow("if ($L instanceof $T s)", to, stage)
        .addStatement("enter(s, at, b)")
        .nextControlFlow("else if ($L instanceof $T o)", to, outcome)
        .addStatement("conclude(o, b)").endControlFlow();
    cx.add(cx.method("go", "Goes to {@code target}: enters a stage or ends in an outcome, or "
            + "waits while its\nrequirements do not hold.")
        .addParameter(place, "target").addParameter(Instant.class, "at")
        .addParameter(cx.batch, "b").addCode(body.build()).build());
    waiting();
  }

  /**
   * {@code arrive(target)}: where a move towards a target really arrives, printed from the
   * model's routes (every {@code only if} skip unrolled into guarded branches, tried in order).
   */
  private void arrive() {
    CodeBlock.Builder body = CodeBlock.builder();
    List<Target> targets = new ArrayList<>();
    plan.protocol.stages().forEach(s -> targets.add(new Target.ToStage(s.key())));
    plan.protocol.outcomes().forEach(o -> targets.add(new Target.ToOutcome(o.name())));
    for (Target t : targets) {
      List<Route.Branch> branches = plan.operational.route(t).branches();
      if (branches.size() < 2) {
        continue;
      }
      CodeBlock.Builder chain = CodeBlock.builder();
      for (int i = 0; i < branches.size() - 1; i++) {
        chain.add("$L ? $L\n: ", cx.conditions.guard(branches.get(i).when()),
            cx.literals.place(branches.get(i).to()));
      }
      chain.add("$L", cx.literals.place(branches.get(branches.size() - 1).to()));
      body.beginControlFlow("if (target == $L)", cx.literals.place(t))
          .addStatement("return $L", chain.build())
          .endControlFlow();
    }
    body.addStatement("return target");
    cx.add(cx.method("arrive", "Where a move towards {@code target} arrives: a stage whose "
            + "{@code only if} does not hold\nis walked past as if it had had no response "
            + "(the model's routes, skips unrolled).")
        .returns(place).addParameter(place, "target").addCode(body.build()).build());
  }

  /** {@code await} and {@code retryWaiting}. */
  private void waiting() {
    if (plan.waits) {
      MethodSpec.Builder await = cx.method("await", "Waits to enter {@code target}: no deadline "
              + "runs meanwhile.").addParameter(place, "target")
          .addStatement("waitingFor = target").addStatement("deadline = NONE");
      if (plan.reminds) {
        await.addStatement("reminders = untilResolved()");
      }
      cx.add(await.build());
      cx.add(cx.method("retryWaiting", "Tries again to enter what the escalation waits for, "
              + "now that something changed.")
          .addParameter(Context.EVENT, "e").addParameter(cx.batch, "b")
          .beginControlFlow("if (stage == null || ended() || waitingFor == null)")
          .addStatement("return").endControlFlow()
          .addStatement("$T target = waitingFor", place)
          .addStatement("waitingFor = null")
          .addStatement("go(target, e.at(), b)").build());
    }
  }

  private void enter(CodeBlock due) {
    MethodSpec.Builder m = cx.method("enter", "Enters stage {@code s} at {@code at}: its "
            + "deadline starts, its reminders are set,\nand the host is told what it asks for.")
        .addParameter(stage, "s").addParameter(Instant.class, "at").addParameter(cx.batch, "b")
        .addStatement("stage = s");
    if (plan.waits) {
      m.addStatement("waitingFor = null");
    }
    if (plan.extensions) {
      m.addStatement(plan.clear(Plan.EXTENSION_ASKED));
    }
    if (plan.perStageLimit) {
      m.addStatement("extensionsHere = 0");
    }
    if (plan.setsTime) {
      m.addStatement("enteredAt = at");
    }
    if (plan.answersJointly) {
      m.addStatement("answered = $T.of()", List.class);
    }
    if (plan.substitutes) {
      m.addStatement("unavailable = $T.of()", List.class);
    }
    m.addStatement("deadline = $L", due)
        .addCode(cx.history("entered(s.key(), at, deadline())"));
    if (plan.soft) {
      // a stay no timescale counts for has no deadline to miss: not soft, as in the engine
      m.addStatement("softStay = deadline != NONE && softOf(s, at)")
          .addStatement("missed = false");
    }
    if (plan.reminds) {
      m.addStatement("$T<$T> active = new $T<>(untilResolved())", List.class,
          ActiveReminder.class, ArrayList.class);
      CodeBlock.Builder set = CodeBlock.builder();
      boolean any = false;
      for (Stage s : plan.protocol.stages()) {
        List<Step.Remind> reminds = s.steps().stream().filter(Step.Remind.class::isInstance)
            .map(Step.Remind.class::cast).toList();
        if (reminds.isEmpty()) {
          continue;
        }
        any = true;
        set.add("case $L -> {\n$>", plan.stages.get(s.key()));
        for (Step.Remind r : reminds) {
          CodeBlock add = CodeBlock.of("remind(active, new $T($S, $L, $L, $L, $L, instant(due(at, "
                  + "$L))))", ActiveReminder.class, s.key(), cx.literals.strings(r.roles()),
              cx.literals.strings(r.copying()), cx.literals.duration(r.every()),
              r.untilResolved(), cx.literals.duration(r.every()));
          when(set, r.when().map(cx.conditions::condition).orElse(CodeBlock.of("true")),
              CodeBlock.builder().addStatement(add).build());
        }
        set.add("$<}\n");
      }
      if (any) {
        m.beginControlFlow("switch (s)").addCode(set.build()).endControlFlow();
      }
      m.addStatement("reminders = $T.copyOf(active)", List.class);
      cx.add(cx.method("untilResolved", "The reminders that carry on after their stage ("
              + "{@code until resolved}).")
          .returns(ParameterizedTypeName.get(List.class, ActiveReminder.class))
          .addStatement("return reminders.stream().filter($T::untilResolved).toList()",
              ActiveReminder.class).build());
      cx.add(cx.method("remind", "Sets a reminder, in place of the one its stage set for the "
              + "same roles before.").addModifiers(Modifier.STATIC)
          .addParameter(ParameterizedTypeName.get(List.class, ActiveReminder.class), "active")
          .addParameter(ActiveReminder.class, "r")
          .addStatement("active.removeIf(x -> x.stage().equals(r.stage()) && x.roles().equals("
              + "r.roles()))")
          .addStatement("active.add(r)").build());
    }
    m.addStatement("tell($L.get(s.ordinal()), b)", cx.steps.entering(cx));
    if (plan.clocksFromStages) {
      m.addStatement("$T<String, $T> starts = new $T<>(stageStarts)", Map.class, Instant.class,
              java.util.HashMap.class).addStatement("starts.put(s.key(), at)")
          .addStatement("stageStarts = $T.copyOf(starts)", Map.class);
    }
    if (plan.clocks) {
      m.addCode(startClocks("RULES.model().stage(s.key()).orElseThrow().duties()", "s.key()",
          "at"));
    }
    if (plan.awaitsTime) {
      // a stay with no deadline until its timescale is set: the host hears what it waits for
      cx.useFacts();
      m.beginControlFlow("if (deadline == NONE)")
          .addStatement("$T<String> awaiting = RULES.awaiting(RULES.model().stages().get("
              + "s.ordinal()), $L)", List.class, FactsWriter.known(plan, "at"))
          .beginControlFlow("if (!awaiting.isEmpty())")
          .addStatement("b.tell(l -> l.waiting(s, s, awaiting))")
          .endControlFlow().endControlFlow();
    }
    cx.add(m.build());
  }

  /** The method {@code deadlineOf}, unless every stage has the same one timescale. */
  private MethodSpec deadlineOf;

  /**
   * Whether each of a stage's timescales applies, as code: its condition, or for the unconditional
   * one that none of the conditional ones holds ({@code conditional}, declared here when needed).
   */
  private List<CodeBlock> applying(CodeBlock.Builder body, List<Timescale> ts) {
    List<CodeBlock> conds = ts.stream().filter(t -> t.when().isPresent())
        .map(t -> CodeBlock.of("($L)", cx.conditions.condition(t.when().get()))).toList();
    if (!conds.isEmpty() && ts.stream().anyMatch(t -> t.when().isEmpty())) {
      body.addStatement("boolean conditional = $L", CodeBlock.join(conds, " || "));
    }
    return ts.stream().map(t -> t.when().isPresent() ? cx.conditions.condition(t.when().get())
        : CodeBlock.of(conds.isEmpty() ? "true" : "!conditional")).toList();
  }

  /** {@code then}, under {@code if (test)} unless the test always holds. */
  private static void when(CodeBlock.Builder body, CodeBlock test, CodeBlock then) {
    if (test.toString().equals("true")) {
      body.add(then);
    } else {
      body.beginControlFlow("if ($L)", test).add(then).endControlFlow();
    }
  }

  /**
   * When a response is due on entering stage {@code s} at {@code at}, as code: {@code
   * deadlineOf(s, at)}, or the one timescale every stage has.
   */
  private CodeBlock deadlineOnEntry() {
    CodeBlock.Builder body = CodeBlock.builder().add("return switch (s) {\n$>");
    Map<CodeBlock, List<String>> simple = new java.util.LinkedHashMap<>();
    boolean none = false;
    for (Stage s : plan.protocol.stages()) {
      String name = plan.stages.get(s.key());
      List<Timescale> ts = s.timescales();
      if (ts.isEmpty()) {
        none = true;
        continue;
      }
      if (ts.size() == 1 && ts.get(0).when().isEmpty()) {
        simple.computeIfAbsent(due(ts.get(0)), k -> new ArrayList<>()).add(name);
        continue;
      }
      earliestNeeded = true;
      body.add("case $L -> {\n$>", name);
      List<CodeBlock> applies = applying(body, ts);
      body.addStatement("long earliest = NONE");
      for (int i = 0; i < ts.size(); i++) {
        when(body, applies.get(i), CodeBlock.builder()
            .addStatement("earliest = earliest(earliest, $L)", due(ts.get(i))).build());
      }
      body.addStatement("yield earliest").add("$<}\n");
    }
    body.add(cases(simple));
    if (none) {
      body.add("default -> NONE;\n");
    }
    body.add("$<};\n");
    if (!none && !earliestNeeded && simple.size() == 1) {
      // every stage has the same one timescale: no switch that always takes one branch
      return simple.keySet().iterator().next();
    }
    deadlineOf = cx.method("deadlineOf", "When a response is due on entering stage {@code s} at "
            + "{@code at}: the earliest of its\ntimescales that apply (those whose conditions "
            + "hold, else the unconditional one), or\nNONE.")
        .addParameter(stage, "s").addParameter(Instant.class, "at").returns(long.class)
        .addCode(body.build()).build();
    return CodeBlock.of("deadlineOf(s, at)");
  }

  /** Whether some stage has more than one timescale, so that {@code earliest} is needed. */
  boolean earliestNeeded;

  /** A timescale's deadline; one counted from an event that has not happened is NONE. */
  private CodeBlock due(Timescale t) {
    // a timescale set during the case counts its guide (or cap) until it is set; with neither,
    // none (Timescale.initial): the stay waits for the value
    if (t.initial().isEmpty()) {
      return CodeBlock.of("NONE");
    }
    String duration = cx.literals.duration(t.initial().get());
    if (t.anchor() instanceof Timescale.Anchor.EscalationStart) {
      return CodeBlock.of("due(raisedAt, $L)", duration);
    } else if (t.anchor() instanceof Timescale.Anchor.Event e) {
      return CodeBlock.of("dueAfter($S, $L)", e.name(), duration);
    }
    return CodeBlock.of("due(at, $L)", duration);
  }

  /** The place a response leads to from every stage whatever the case, if it is one place. */
  private final Map<Transitions.Response, CodeBlock> routeTo =
      new java.util.EnumMap<>(Transitions.Response.class);
  /** Else the method that says where it leads (one method for responses routed alike). */
  private final Map<Transitions.Response, String> routeMethod =
      new java.util.EnumMap<>(Transitions.Response.class);
  /** The route methods to write, by name: the responses each serves, its body. */
  private final Map<String, Map.Entry<List<Transitions.Response>, CodeBlock>> routeMethods =
      new java.util.LinkedHashMap<>();
  private final java.util.Set<String> chosenRoutes = new java.util.HashSet<>();

  private void planRoutes() {
    String[] names = {"onResolved", "onUnsatisfactory", "onNoResponse"};
    Map<CodeBlock, String> byBody = new java.util.HashMap<>();
    for (int i = 0; i < names.length; i++) {
      Transitions.Response response = Transitions.Response.values()[i];
      Map<CodeBlock, List<String>> cases = new java.util.LinkedHashMap<>();
      boolean chosen = false;
      for (Stage s : plan.protocol.stages()) {
        chosen |= !s.transitions().choices(response).isEmpty();
        cases.computeIfAbsent(exit(s, response), k -> new ArrayList<>())
            .add(plan.stages.get(s.key()));
      }
      if (cases.size() == 1 && !chosen) {
        routeTo.put(response, cases.keySet().iterator().next());
        continue;
      }
      CodeBlock body = cases.size() == 1
          ? CodeBlock.builder().addStatement("return $L", cases.keySet().iterator().next()).build()
          : CodeBlock.builder().add("return switch (s) {\n$>").add(cases(cases)).add("$<};\n")
              .build();
      String name = byBody.computeIfAbsent(body, b -> names[response.ordinal()]);
      routeMethods.computeIfAbsent(name, n -> Map.entry(new ArrayList<>(), body)).getKey()
          .add(response);
      if (chosen) {
        chosenRoutes.add(name);
      }
    }
    if (routeMethods.containsKey("onUnsatisfactory")
        && routeMethods.get("onUnsatisfactory").getKey().size() == 2) {
      // an unsatisfactory response and no response lead the same way, as in most ladders
      routeMethods.put("onwards", routeMethods.remove("onUnsatisfactory"));
      if (chosenRoutes.remove("onUnsatisfactory")) {
        chosenRoutes.add("onwards"); // and still reads the case's facts
      }
    }
    routeMethods.forEach((name, method) -> method.getKey().forEach(response -> routeMethod.put(
        response, name)));
  }

  /** Where {@code stage} goes on the response, as code. */
  private CodeBlock route(Transitions.Response response, String stage) {
    return routeTo.containsKey(response) ? routeTo.get(response)
        : CodeBlock.of("$L($L)", routeMethod.get(response), stage);
  }

  private void routes() {
    String[] docs = {"a resolving response", "an unsatisfactory response", "no response by "
        + "the deadline"};
    routeMethods.forEach((name, method) -> {
      boolean chosen = chosenRoutes.contains(name);
      String on = String.join(" or ", method.getKey().stream().map(r -> docs[r.ordinal()])
          .toList());
      MethodSpec.Builder m = cx.method(name, chosen ? "Where stage {@code s} goes on $L: "
              + "the routes the case chooses\n({@code when ... if}) first, in the order written."
              : "Where stage {@code s} goes on $L.", on)
          .addParameter(stage, "s").returns(place).addCode(method.getValue());
      if (!chosen) {
        m.addModifiers(Modifier.STATIC); // a route the case chooses reads the case's facts
      }
      cx.add(m.build());
    });
  }

  /** Where a stage goes on a response: its choices' conditions tried in order, then the rest. */
  private CodeBlock exit(Stage s, Transitions.Response response) {
    CodeBlock.Builder chain = CodeBlock.builder();
    for (Transitions.Choice c : s.transitions().choices(response)) {
      chain.add("$L ? $L$W: ", cx.conditions.guard(OperationalModel.guard(c.when())),
          cx.literals.place(c.to()));
    }
    return chain.add("$L", cx.literals.place(s.transitions().otherwise(response))).build();
  }

  /** Switch cases with the stages that give the same value together, as a table reads. */
  private static CodeBlock cases(Map<CodeBlock, List<String>> stagesByValue) {
    CodeBlock.Builder body = CodeBlock.builder();
    stagesByValue.forEach((value, stages) -> body.add("case $L ->$W$L;\n", CodeBlock.join(
        stages.stream().map(x -> CodeBlock.of("$L", x)).toList(), ",$W"), value));
    return body.build();
  }

  private void conclude() {
    MethodSpec.Builder m = cx.method("conclude", "Ends the escalation in outcome {@code o}.")
        .addParameter(outcome, "o").addParameter(cx.batch, "b")
        .addStatement("outcome = o").addStatement("tell($L.get(o.ordinal()), b)",
            cx.steps.ending(cx))
        .addStatement("b.tell($L.get(o.ordinal()))", cx.steps.concluded(cx));
    if (plan.clocks) {
      // an outcome's steps with deadlines are due after the escalation has ended
      m.addCode(startClocks("RULES.model().outcome(o.key()).orElseThrow().duties()", "o.key()",
          "clockNow"));
    }
    m.addStatement("end()");
    cx.add(m.build());
    MethodSpec.Builder end = cx.method("end", "Nothing runs any more: no deadline, no wait, no "
        + "request, no reminder.").addStatement("deadline = NONE");
    if (plan.waits) {
      end.addStatement("waitingFor = null");
    }
    if (plan.extensions) {
      end.addStatement(plan.clear(Plan.EXTENSION_ASKED));
    }
    if (plan.reminds) {
      end.addStatement("reminders = $T.of()", List.class);
    }
    cx.add(end.build());
    MethodSpec.Builder complete = cx.method("complete", "Stage {@code s} has been completed: "
            + "left without being resolved.").addParameter(stage, "s")
        .addParameter(cx.batch, "b");
    if (plan.tracksCompleted) {
      complete.addStatement("$L |= $L", plan.completedField(), plan.stageBit());
    }
    cx.add(complete.addCode(cx.history("completed(s.key())")).build());
  }
}
