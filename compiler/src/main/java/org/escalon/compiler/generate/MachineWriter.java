package org.escalon.compiler.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.engine.ActiveReminder;
import org.escalon.engine.Batch;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.EscalationListener;
import org.escalon.engine.EscalationState;
import org.escalon.engine.RefusedEvent;
import org.escalon.engine.Snapshot;
import org.escalon.engine.StateRecorder;
import org.escalon.engine.StepClock;
import org.escalon.engine.StepClockBook;
import org.escalon.machine.GuardReads;
import org.escalon.machine.TriggerRule;
import org.escalon.model.Citation;
import org.escalon.model.Timespan;
import org.escalon.model.HistoryRule;
import org.escalon.model.Protocol;
import org.escalon.model.SourceSpan;
import org.escalon.model.Target;
import org.escalon.model.Timescale;

/**
 * The machine's own members: its compact state (what its next decision needs, no more), the
 * calls that apply events all or nothing, the views of its state, the typed methods a host
 * calls, snapshot and restore, and the small helpers the rules share.
 */
final class MachineWriter {

  /** A field of the machine's state: its type, name, initial value and what it holds. */
  private record StateField(TypeName type, String name, String initial, String doc) {}

  private final Context cx;
  private final Plan plan;
  private final List<StateField> state = new ArrayList<>();
  private final ClassName self;

  MachineWriter(Context cx) {
    this.cx = cx;
    this.plan = cx.plan;
    this.self = plan.machine;
    TypeName stringList = ParameterizedTypeName.get(List.class, String.class);
    state.add(new StateField(plan.type("Stage"), "stage", null,
        "The stage the escalation is at (or ended at); null until it is raised."));
    state.add(new StateField(plan.type("Outcome"), "outcome", null,
        "The outcome it ended in; null while it runs, and when it was withdrawn."));
    state.add(new StateField(TypeName.BOOLEAN, "withdrawn", null,
        "Whether the raiser withdrew it."));
    state.add(new StateField(ClassName.get(String.class), "raisedBy", null,
        "The role that raised it: only it withdraws; null until it is raised, and after a "
            + "migration whose log does not say."));
    state.add(new StateField(TypeName.LONG, "deadline", "NONE",
        "When the present stage's response is due, in nanoseconds since 1970; NONE if never."));
    if (plan.setsTime) {
      state.add(new StateField(ClassName.get(Instant.class), "enteredAt", null,
          "When the present stay began: a timescale set during the case counts from it."));
    }
    if (plan.soft) {
      state.add(new StateField(TypeName.BOOLEAN, "softStay", null,
          "Whether the present stay's deadline is soft: missing it waits for the escalator."));
      state.add(new StateField(TypeName.BOOLEAN, "missed", null,
          "Whether the present stay's soft deadline was missed."));
    }
    if (plan.answersJointly) {
      state.add(new StateField(ParameterizedTypeName.get(List.class, String.class), "answered",
          "$T.of()", "Who has answered the present stay resolving, on a stage each of several "
          + "roles must answer; replaced, never changed."));
    }
    if (plan.substitutes) {
      state.add(new StateField(ParameterizedTypeName.get(List.class, String.class), "unavailable",
          "$T.of()", "The addressees said to be unavailable at the present stay, whose "
          + "substitutes answer in their place; replaced, never changed."));
    }
    if (plan.waits) {
      state.add(new StateField(plan.type("Place"), "waitingFor", null,
          "What the escalation waits to enter until its requirements hold; null if nothing."));
    }
    if (plan.perStageLimit) {
      state.add(new StateField(TypeName.INT, "extensionsHere", null,
          "Extensions granted at the present stay at this stage."));
    }
    if (plan.inTotalLimit) {
      state.add(new StateField(TypeName.INT, "extensionsInTotal", null,
          "Extensions granted in all."));
    }
    if (plan.tracksCompleted && !plan.completedInFacts) {
      state.add(new StateField(plan.fewStages() ? TypeName.INT : TypeName.LONG, "completed", null,
          "The stages completed, one bit per stage in ladder order."));
    }
    if (plan.tracksRaisedAt) {
      state.add(new StateField(ClassName.get(Instant.class), "raisedAt", null,
          "When the escalation was raised: timescales count from it."));
    }
    if (plan.tracksGradings) {
      state.add(new StateField(ParameterizedTypeName.get(ClassName.get(Map.class),
          ClassName.get(String.class), stringList), "gradings", "$T.of()",
          "The grades given so far, by scale/section, oldest first; replaced, never changed."));
    }
    if (plan.tracksOccurrences) {
      state.add(new StateField(ParameterizedTypeName.get(ClassName.get(Map.class),
          ClassName.get(String.class), ParameterizedTypeName.get(List.class, Instant.class)),
          "occurrences", "$T.of()",
          "When each declared event happened, oldest first; replaced, never changed."));
    }
    if (plan.reminds) {
      state.add(new StateField(ParameterizedTypeName.get(List.class, ActiveReminder.class),
          "reminders", "$T.of()", "The reminders in force; replaced, never changed."));
    }
    if (plan.clocksFromStages) {
      state.add(new StateField(ParameterizedTypeName.get(ClassName.get(Map.class),
          ClassName.get(String.class), ClassName.get(Instant.class)), "stageStarts", "$T.of()",
          "When each stage last started (steps count their deadlines from some); replaced, never "
              + "changed."));
    }
    if (plan.dates) {
      state.add(new StateField(ParameterizedTypeName.get(ClassName.get(Map.class),
          ClassName.get(String.class), ClassName.get(Instant.class)), "dates", "$T.of()",
          "The known dates the host has set (steps fall due before them); replaced, never "
              + "changed."));
    }
    if (plan.clocks) {
      state.add(new StateField(ParameterizedTypeName.get(List.class, StepClock.class),
          "stepClocks", "$T.of()", "The clocks on steps, as the engine keeps them; replaced, "
              + "never changed."));
    }
    plan.attributeFields.forEach((attribute, field) -> state.add(new StateField(
        plan.isYesNo(attribute) ? TypeName.BYTE : plan.choiceTypes.get(attribute), field, null,
        "The case's attribute " + attribute + (plan.isYesNo(attribute)
            ? ": YES, NO, or 0 until it is set." : "; null until it is set."))));
    if (plan.packsFacts()) {
      state.add(new StateField(TypeName.INT, "facts", null, plan.completedInFacts
          ? "The stages completed, then the agreements, advice, triggers fired, a bit each."
          : "The agreements and advice given and the triggers fired, a bit each."));
    } else {
      plan.agreedFields.forEach((role, field) -> state.add(new StateField(TypeName.BOOLEAN,
          field, null, "Whether " + role + " has agreed.")));
      plan.advisedFields.forEach((role, field) -> state.add(new StateField(TypeName.BOOLEAN,
          field, null, "Whether the advice of " + role + " has been sought.")));
      plan.doneFields.forEach((step, field) -> state.add(new StateField(TypeName.BOOLEAN,
          field, null, "Whether step " + step + " has been reported done.")));
      plan.firedFields.forEach((trigger, field) -> state.add(new StateField(TypeName.BOOLEAN,
          field, null, "Whether the trigger " + trigger + " has fired.")));
      if (plan.extensions) {
        state.add(new StateField(TypeName.BOOLEAN, Plan.EXTENSION_ASKED, null,
            "Whether a request for more time waits for an answer."));
      }
    }
  }

  List<FieldSpec> fields() {
    List<FieldSpec> fields = new ArrayList<>();
    fields.add(constant(ClassName.get(Protocol.class), "MODEL",
        CodeBlock.of("$T.PROTOCOL", plan.model)));
    fields.add(constant(ClassName.get(WorkingCalendar.class), "CALENDAR", CodeBlock.of(
        "$T.of(MODEL.header().calendar(),$WMODEL.header().zone())", WorkingCalendar.class)));
    fields.add(constant(ClassName.get(String.class), "FILE",
        CodeBlock.of("$S", cx.literals.fileName())));
    fields.add(constant(TypeName.LONG, "NONE", CodeBlock.of("$T.MIN_VALUE", Long.class)));
    if (plan.yesNoFields()) {
      // 0 is an attribute not set yet
      fields.add(constant(TypeName.BYTE, "YES", CodeBlock.of("1")));
      fields.add(constant(TypeName.BYTE, "NO", CodeBlock.of("2")));
    }
    int bit = plan.firstFactBit();
    for (String constant : plan.factBits.values()) {
      fields.add(constant(TypeName.INT, constant, CodeBlock.of("1 << $L", bit++)));
    }
    fields.addAll(cx.literals.durationFields());
    fields.addAll(cx.fields);
    fields.addAll(cx.steps.constants());
    fields.add(FieldSpec.builder(plan.type("Listener"), "listener", Modifier.PRIVATE,
        Modifier.FINAL).build());
    fields.add(FieldSpec.builder(ClassName.get(WorkingCalendar.class), "calendar",
        Modifier.PRIVATE, Modifier.FINAL).build());
    if (plan.clocks) {
      // when the event being handled happens: when an outcome's step clocks start
      fields.add(FieldSpec.builder(Instant.class, "clockNow", Modifier.PRIVATE).build());
    }
    fields.add(FieldSpec.builder(ParameterizedTypeName.get(List.class, CaseEvent.class), "log",
        Modifier.PRIVATE, Modifier.FINAL).initializer("new $T<>()", ArrayList.class).build());
    for (StateField f : state) {
      FieldSpec.Builder field = FieldSpec.builder(f.type(), f.name(), Modifier.PRIVATE);
      if (f.initial() != null) {
        field.initializer(f.initial().contains("$T") ? CodeBlock.of(f.initial(),
            f.name().equals("reminders") || f.name().equals("answered")
                || f.name().equals("unavailable")
                || f.name().equals("stepClocks") ? List.class
                : Map.class) : CodeBlock.of(f.initial()));
      }
      fields.add(field.build());
    }
    return fields;
  }

  private static FieldSpec constant(TypeName type, String name, CodeBlock value) {
    return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(value).build();
  }

  // -------------------------------------------------------------------------------------------
  // Construction, calls and views

  List<MethodSpec> constructors() {
    String raiser = plan.protocol.header().raisedBy();
    ClassName listener = plan.type("Listener");
    return List.of(
        MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("An escalation not raised yet, whose effects no one hears.\n")
            .addStatement("this(effect -> { })").build(),
        MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("An escalation not raised yet, raised by $L; {@code listener} is told "
                + "what to do once\neach call is accepted. Working days are counted in the "
                + "protocol's calendar.\n", Javadocs.text(raiser))
            .addParameter(listener, "listener")
            .addStatement("this(listener, CALENDAR)").build(),
        MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("An escalation not raised yet that counts working days in {@code "
                + "calendar}: the\nprotocol's, or one with the host's own closure days "
                + "(see {@link #calendar(List)}).\n")
            .addParameter(listener, "listener")
            .addParameter(WorkingCalendar.class, "calendar")
            .addStatement("this.listener = $T.requireNonNull(listener, $S)", Objects.class,
                "listener")
            .addStatement("this.calendar = $T.requireNonNull(calendar, $S)", Objects.class,
                "calendar").build(),
        MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("An escalation not raised yet whose effects go to an engine listener, "
                + "as the engine's own\n{@code Effect} records.\n")
            .addParameter(EscalationListener.class, "listener")
            .addStatement("this($T.of(listener))", listener).build());
  }

  /** The calls that apply events: {@code accept}, {@code passTime}, {@code handle}. */
  void write() {
    accept();
    handle();
  }

  private void accept() {
    CodeBlock.Builder save = CodeBlock.builder();
    CodeBlock.Builder restore = CodeBlock.builder();
    for (StateField f : state) {
      String saved = "saved" + Character.toUpperCase(f.name().charAt(0)) + f.name().substring(1);
      save.addStatement("$T $L = $L", f.type(), saved, f.name());
      restore.addStatement("$L = $L", f.name(), saved);
    }
    cx.add(cx.method("accept", "One call: lets time pass up to {@code until}, then applies "
            + "{@code event} if there is one.\nAll or nothing, as the engine does: if any part "
            + "is refused, the state is put back, nothing\nis logged and the host is told "
            + "nothing.")
        .addParameter(CaseEvent.class, "event").addParameter(Instant.class, "until")
        .addStatement("$T b = new $T<>()", cx.batch, Batch.class)
        .addCode(save.build())
        .beginControlFlow("try")
        .addStatement("passTime(until, b)")
        .beginControlFlow("if (event != null)")
        .addStatement("handle(event, b)")
        .addStatement("b.applied(event)")
        .endControlFlow()
        .nextControlFlow("catch ($T refused)", RuntimeException.class)
        .addCode(restore.build())
        .addStatement("throw refused")
        .endControlFlow()
        .addStatement("b.commit(log, listener)").build());
    // without reminders, time next passes at the deadline: NONE whenever none runs (entering a
    // stage sets it, ending clears it)
    String next = "deadline";
    if (plan.reminds || plan.clocks) {
      next = "due()";
      MethodSpec.Builder due = cx.method("due", "When time must next pass for this escalation "
              + "(a deadline, a reminder or a step's\nclock), in nanoseconds; NONE if none runs.")
          .returns(long.class);
      if (plan.clocks) {
        // an ended escalation still has its outcome's step clocks, as the engine keeps them
        due.beginControlFlow("if (stage == null && !ended())").addStatement("return NONE")
            .endControlFlow()
            .addStatement("$T<$T> clockDue = $T.next(stepClocks)", Optional.class,
                Instant.class, StepClockBook.class)
            .addStatement("long clock = clockDue.isPresent() ? nanos(clockDue.get()) : NONE")
            .beginControlFlow("if (ended())").addStatement("return clock").endControlFlow()
            .addStatement("long due = clock == NONE || (deadline != NONE && deadline < clock) "
                + "? deadline : clock");
      } else {
        due.beginControlFlow("if (stage == null || ended())").addStatement("return NONE")
            .endControlFlow()
            .addStatement("long due = deadline");
      }
      if (plan.reminds) {
        due.beginControlFlow("for ($T r : reminders)", ActiveReminder.class)
            .addStatement("long next = nanos(r.next())")
            .beginControlFlow("if (due == NONE || next < due)").addStatement("due = next")
            .endControlFlow().endControlFlow();
      }
      cx.add(due.addStatement("return due").build());
    }
    String own = next;
    if (plan.waitsForTime) {
      next = "dueOrTrigger(lastAt(b))";
      waitsForTime(own);
    }
    MethodSpec.Builder passTime = cx.method("passTime", "Lets every deadline and reminder due "
            + "by {@code now} pass, in order; an event at the very\ninstant a deadline falls is "
            + "late, so the deadline passes first.")
        .addParameter(Instant.class, "now").addParameter(cx.batch, "b")
        .addStatement("$T previous = null", Instant.class)
        .addStatement("int atOnce = 0")
        .beginControlFlow("for (long due = $L; due != NONE && due <= nanos(now); due = $L)", next,
            next)
        // a deadline counted from the escalation's start can fall before its stage was entered:
        // it passes when the stage is entered, never back in time (as the engine does)
        .addStatement("$T last = lastAt(b)", Instant.class)
        .addStatement("$T at = last != null && last.isAfter(instant(due)) ? last : instant(due)",
            Instant.class);
    if (plan.waitsForTime) {
      passTime.addStatement("$T.Due trigger = triggerDue(last, $L)", TriggerRule.class, own)
          .beginControlFlow("if (trigger != null)")
          .addStatement("$T time = new $T(trigger.at(), trigger.trigger())",
              CaseEvent.TriggerDue.class, CaseEvent.TriggerDue.class)
          .addStatement("handle(time, b)").addStatement("b.applied(time)")
          .addStatement("continue").endControlFlow();
    }
    if (plan.clocks) {
      // a step's deadline at the instant of the stage's passes first, as the engine has it
      passTime.addStatement("$T<$T> clock = $T.dueAt(stepClocks, instant(due))", Optional.class,
              StepClock.class, StepClockBook.class)
          .beginControlFlow("if (clock.isPresent())")
          .addStatement("$T missed = new $T(at, clock.get().stage(), clock.get().step())",
              CaseEvent.StepDeadlinePassed.class, CaseEvent.StepDeadlinePassed.class)
          .addStatement("handle(missed, b)").addStatement("b.applied(missed)")
          .addStatement("continue").endControlFlow();
    }
    if (plan.reminds) {
      passTime.beginControlFlow("if (due != deadline)")
          .addStatement("$T reminder = new $T(at, stage.key())", CaseEvent.ReminderDue.class,
              CaseEvent.ReminderDue.class)
          .addStatement("handle(reminder, b)").addStatement("b.applied(reminder)")
          .addStatement("continue").endControlFlow();
    }
    passTime.addStatement("$T tick = new $T(at, stage.key())", CaseEvent.DeadlinePassed.class,
            CaseEvent.DeadlinePassed.class)
        .addComment("without a loop, deadlines passing at one instant visit each stage at most "
            + "once; more")
        .addComment("goes round for ever, which the compiler refuses (E0414) in a protocol it "
            + "checked")
        .addStatement("atOnce = at.equals(previous) ? atOnce + 1 : 0")
        .addStatement("previous = at")
        .beginControlFlow("if (atOnce > $L)", plan.protocol.stages().size())
        .addStatement("throw refuse(tick, $S + at + $S, MODEL.span(), $T.empty())",
            "the protocol goes round stages whose deadlines have already passed, for ever at ",
            " (E0414)", Optional.class)
        .endControlFlow()
        .addStatement("handle(tick, b)").addStatement("b.applied(tick)")
        .endControlFlow();
    cx.add(passTime.build());
  }

  /**
   * The time a trigger's rule waits for, asked of the model ({@code Interpreter.triggerDue}) as
   * the engine asks it: {@code own} is when time would next pass without it.
   */
  private void waitsForTime(String own) {
    cx.add(cx.method("dueOrTrigger", "When time must next pass: the time a trigger's rule waits "
            + "for, else the escalation's own\nnext deadline, reminder or clock; NONE if none.")
        .returns(long.class).addParameter(Instant.class, "last")
        .addStatement("$T.Due trigger = triggerDue(last, $L)", TriggerRule.class, own)
        .addStatement("return trigger != null ? nanos(trigger.at()) : $L", own).build());
    cx.add(cx.method("triggerDue", "The time a trigger not yet fired waits for, after {@code "
            + "last} and no later than {@code own};\nnull if none.")
        .returns(ClassName.get(TriggerRule.Due.class)).addParameter(Instant.class, "last")
        .addParameter(long.class, "own")
        .beginControlFlow("if (last == null)").addStatement("return null").endControlFlow()
        .addStatement("$T<$T.Due> due = RULES.triggerDue(this::fired,$W"
            + "e -> occurrences.getOrDefault(e, $T.of()).stream().findFirst(), last, calendar)",
            Optional.class, TriggerRule.class, List.class)
        .addStatement("return due.isPresent() && (own == NONE || nanos(due.get().at()) <= own)"
            + " ? due.get() : null").build());
    CodeBlock.Builder fired = CodeBlock.builder().add("return switch (trigger) {\n$>");
    for (var t : plan.operational.triggers()) {
      if (!new GuardReads().add(t.when()).waits().isEmpty()) {
        fired.add("case $S -> $L;\n", t.name(), plan.holds(plan.firedFields.get(t.name())));
      }
    }
    fired.add("default -> throw new $T(trigger);\n$<};\n", IllegalArgumentException.class);
    cx.add(cx.method("fired", "Whether the trigger, one that waits for time, has fired.").returns(boolean.class)
        .addParameter(String.class, "trigger").addCode(fired.build()).build());
  }

  private void handle() {
    // the commonest first: answers and deadlines passing are most of an escalation's life
    String[][] kinds = {{"Respond", "respond"}, {"DeadlinePassed", "deadlinePassed"},
        {"Raise", "raise"}, {"Bypass", "bypass"}, {"Refer", "refer"},
        {"RequestExtension", "requestExtension"}, {"GrantExtension", "grantExtension"},
        {"SetTimescale", "setTimescale"}, {"Escalate", "escalate"},
        {"Unavailable", "unavailable"},
        {"DeclineExtension", "declineExtension"},
        {"Agree", "agree"}, {"Advise", "advise"}, {"SetAttribute", "setAttribute"},
        {"Decide", "decide"}, {"Grade", "grade"}, {"Occur", "occur"}, {"SetDate", "setDate"},
        {"Withdraw", "withdraw"},
        {"ReminderDue", "reminderDue"}, {"TriggerDue", "fireTriggers"}, {"Migrated", "migrated"},
        {"StepDone", "stepDone"}, {"StepDeadlinePassed", "stepDeadlinePassed"}};
    CodeBlock.Builder body = CodeBlock.builder()
        .addStatement("$T last = lastAt(b)", Instant.class);
    if (plan.clocks) {
      body.addStatement("clockNow = event.at()");
    }
    if (plan.waits) {
      body.addStatement("$T waited = waitingFor", plan.type("Place"));
    }
    body.beginControlFlow("try")
        .beginControlFlow("if (last != null && event.at().isBefore(last))")
        .addStatement("throw refuse(event, $S + last, $T.NONE, $T.empty())",
            "events come in time order: this one is dated before ", SourceSpan.class,
            Optional.class)
        .endControlFlow();
    boolean atOnceSteps = plan.operational.atOnce().stream().anyMatch(r -> !r.duties().isEmpty());
    boolean atOnceMoves = plan.operational.atOnce().stream().anyMatch(r -> r.goTo().isPresent());
    if (atOnceSteps) {
      cx.useRules();
      cx.useFacts();
      body.addStatement("$T<$T> holding = RULES.holding($L)", List.class,
          org.escalon.machine.AtOnceRule.class, FactsWriter.known(plan, "event.at()"));
    }
    boolean first = true;
    for (String[] kind : kinds) {
      String handler = kind[1];
      if (!plan.extensions && kind[0].endsWith("Extension")) {
        handler = null;
      }
      String test = "event instanceof $T e";
      ClassName type = Context.EVENT.nestedClass(kind[0]);
      if (first) {
        body.beginControlFlow("if (" + test + ")", type);
        first = false;
      } else {
        body.nextControlFlow("else if (" + test + ")", type);
      }
      boolean before = kind[0].equals("StepDone") && !plan.doneFields.isEmpty();
      if (before) {
        // a step required before a stage is the model's first (RulesWriter.reportedBefore)
        body.beginControlFlow("if (!reportedBefore(e, b))");
      }
      if (kind[0].startsWith("Step") && !plan.clocks) {
        // no step has a deadline: a step reported done is checked, a deadline never passes
        body.addStatement(kind[0].equals("StepDone") ? CodeBlock.of("$T.done(RULES.model(), "
                + "$T.of(), status(), stage().map($T::key),\n$>$>withdrawn ? $T.of($S) : outcome()"
                + ".map($T::key), stage == null ? MODEL.span() : where(stage), e)$<$<",
            StepClockBook.class, List.class, plan.type("Stage"), Optional.class, "withdrawn",
            plan.type("Outcome")) : CodeBlock.of("$T.passed(MODEL, status(), $T.of(), e)",
            StepClockBook.class, List.class));
      } else if (kind[0].equals("Escalate") && !plan.soft) {
        // no soft deadline: the model's refusal, in its words (Interpreter.escalation)
        body.addStatement("open(e)").addStatement("role(e, e.by())").addStatement(
            "throw $T.of(e, RULES.escalation(RULES.model().stages().get(stage.ordinal()), false, "
                + "e.by(), $T.ofNullable(raisedBy)).orElseThrow())", RefusedEvent.class,
            Optional.class);
      } else if (kind[0].equals("Decide") && plan.protocol.attributes().stream()
          .noneMatch(a -> a.decision().isPresent())) {
        cx.useRules();
        // no decision: the model's refusal, in its words (Interpreter.unknownDecision)
        body.addStatement("throw $T.of(e, RULES.unknownDecision(e.decision()).orElseThrow())",
            RefusedEvent.class);
      } else if (kind[0].equals("Unavailable") && !plan.substitutes) {
        // no stage names a substitute: the model's refusal, in its words
        body.addStatement("open(e)").addStatement("role(e, e.role())").addStatement(
            "throw $T.of(e, RULES.unavailable(RULES.model().stages().get(stage.ordinal()), "
                + "e.role(), $T.of()).orElseThrow())", RefusedEvent.class, List.class);
      } else if (kind[0].equals("Occur") && plan.eventType.isEmpty()) {
        // no event declared: refused in the engine's words
        body.add(cx.refuseUnknown("e", CodeBlock.of("$S + e.event()",
            "the protocol has no event ")));
      } else if (kind[0].equals("SetDate") && !plan.dates) {
        // no date declared: refused in the engine's words (StepClockBook.dateSet)
        body.add(cx.refuseUnknown("e", CodeBlock.of("$S + e.date()",
            "the protocol has no date ")));
      } else if (handler == null) {
        body.addStatement("open(e)").addStatement(
            "throw refuse(e, $S + stage.key(), where(stage), $T.empty())",
            "the protocol allows no extension at stage ", Optional.class);
      } else {
        body.addStatement("$L(e, b)", handler);
      }
      if (before) {
        body.endControlFlow();
      }
    }
    body.endControlFlow();
    if (atOnceMoves) {
      // a duty to go at once moves the escalation on when a fact changes: the model decides
      cx.useRules();
      cx.useFacts();
      body.beginControlFlow("if (stage != null && !ended()$L)", plan.waits
              ? " && waitingFor == null" : "")
          .addStatement("$T<$T> atOnce = RULES.atOnce(RULES.model().stages().get(stage.ordinal()),"
              + "$W$L)", Optional.class, org.escalon.machine.AtOnceRule.class,
              FactsWriter.known(plan, "event.at()"))
          .beginControlFlow("if (atOnce.isPresent())")
          .add(cx.history("left(event.at(), $S)", "moved at once"))
          .addStatement("complete(stage, b)")
          .addStatement("go(target(event, atOnce.get().goToName().orElseThrow()), event.at(), b)")
          .endControlFlow().endControlFlow();
    }
    if (atOnceSteps) {
      // what is done at once when a condition comes to hold, told as the engine's effects
      body.beginControlFlow("for ($T effect : $T.atOnce(RULES, holding, $L))",
              org.escalon.engine.Effect.class, org.escalon.engine.StepCalls.class,
              FactsWriter.known(plan, "event.at()"))
          .addStatement("b.tell(l -> l.heard(effect))").endControlFlow();
    }
    body.nextControlFlow("catch ($T refused)", RefusedEvent.class)
        .add("// of the kind the engine gives it: the runtime's Refusals decides, once\n")
        .addStatement("throw refused.as($T.kind(MODEL, last, $T.ofNullable(raisedBy), "
            + "refused.event()))", org.escalon.engine.Refusals.class, Optional.class)
        .endControlFlow();
    if (!plan.protocol.invariants().isEmpty()) {
      // the model's interpreter decides, once, whether the facts break an invariant
      cx.useRules();
      cx.useFacts();
      body.beginControlFlow("if (stage != null && !ended())")
          .addStatement("$T<$T.Refusal> broken = RULES.breaking($L)", Optional.class,
              org.escalon.machine.Interpreter.class, FactsWriter.known(plan, "event.at()"))
          .beginControlFlow("if (broken.isPresent())")
          .addStatement("throw new $T(event, broken.get().reason(), broken.get().span(), "
              + "broken.get().citation(),\n$>$T.Kind.BREAKS_INVARIANT)$<", RefusedEvent.class,
              RefusedEvent.class)
          .endControlFlow().endControlFlow();
    }
    if (plan.waits) {
      body.beginControlFlow("if (waitingFor != null && waitingFor != waited && !b.recording())")
          .add("// the host hears what the escalation has begun to wait for: it has no deadline "
              + "meanwhile\n")
          .addStatement("$T at = stage", plan.type("Stage"))
          .addStatement("$T target = waitingFor", plan.type("Place"))
          // on one line where it fits
          .addStatement("$T<String> missing = RULES.missing(RULES.model().requires(targetOf(target)),"
              + "$W$L)", List.class, FactsWriter.known(plan, "lastEventAt()"))
          .addStatement("b.tell(l -> l.waiting(at, target, missing))")
          .endControlFlow();
    }
    cx.add(cx.method("lastAt", "When the last event happened: the last one this call applied, "
            + "else the log's last.")
        .returns(Instant.class).addParameter(cx.batch, "b")
        .addStatement("$T previous = b.last()", CaseEvent.class)
        .addStatement("return previous != null ? previous.at() : lastEventAt()").build());
    cx.add(cx.method("handle", "Applies one event by the rule for its kind; refuses it with "
            + "the rule's words otherwise.")
        .addParameter(CaseEvent.class, "event").addParameter(cx.batch, "b")
        .addCode(body.build()).build());
  }

  // -------------------------------------------------------------------------------------------
  // Helpers the rules share

  void helpers() {
    TypeName event = Context.EVENT;
    cx.add(cx.method("open", "Refuses {@code e} unless the escalation is running.")
        .addParameter(event, "e")
        .beginControlFlow("if (stage == null && !ended())")
        .addStatement("throw refuse(e, $S, MODEL.span(), $T.empty())",
            "the escalation has not been raised", Optional.class)
        .endControlFlow()
        .beginControlFlow("if (ended())")
        .addStatement("throw refuse(e, $S + endedIn() + $S, MODEL.span(), $T.empty())",
            "the escalation has ended (", ")", Optional.class)
        .endControlFlow().build());
    cx.add(cx.method("lastEventAt", "When the last event happened, if any: the log's last "
            + "entry, since every accepted\nevent is logged and they come in time order.")
        .returns(Instant.class)
        .addStatement("return log.isEmpty() ? null : log.get(log.size() - 1).at()").build());
    cx.add(cx.method("ended", "Whether the escalation has ended.").returns(boolean.class)
        .addStatement("return outcome != null || withdrawn").build());
    cx.add(cx.method("endedIn", "How it ended, in the engine's words.").returns(String.class)
        .addStatement("return withdrawn ? $S : outcome.key()", "withdrawn").build());
    lookup("role", plan.type("Role"), "name", "the protocol has no role ");
    lookup("stage", plan.type("Stage"), "key", "the protocol has no stage ");
    lookup("outcome", plan.type("Outcome"), "name", "the protocol has no outcome ");
    cx.add(cx.method("target", "The stage with this key, else the outcome with this name.")
        .addModifiers(Modifier.STATIC).returns(plan.type("Place"))
        .addParameter(event, "e").addParameter(String.class, "text")
        .addStatement("$T s = $T.of(text)", plan.type("Stage"), plan.type("Stage"))
        .beginControlFlow("if (s != null)").addStatement("return s").endControlFlow()
        .addStatement("$T o = $T.of(text)", plan.type("Outcome"), plan.type("Outcome"))
        .beginControlFlow("if (o != null)").addStatement("return o").endControlFlow()
        .addStatement("throw refuse(e, $S + text, MODEL.span(), $T.empty())",
            "the protocol has no stage or outcome ", Optional.class).build());
    cx.add(cx.method("targetOf", "A stage or outcome as the model names it.")
        .addModifiers(Modifier.STATIC).returns(Target.class)
        .addParameter(plan.type("Place"), "p")
        .addStatement("return p instanceof $T s ? new $T.ToStage(s.key()) : new $T.ToOutcome("
            + "p.key())", plan.type("Stage"), Target.class, Target.class).build());
    cx.add(cx.method("where", "Where the protocol declares stage {@code s}.")
        .addModifiers(Modifier.STATIC).returns(SourceSpan.class)
        .addParameter(plan.type("Stage"), "s")
        .addStatement("return MODEL.stages().get(s.ordinal()).span()").build());
    cx.add(cx.method("refuse", "A refusal of {@code e} under {@code rule}.")
        .addModifiers(Modifier.STATIC).returns(RefusedEvent.class)
        .addParameter(event, "e").addParameter(String.class, "rule")
        .addParameter(SourceSpan.class, "span")
        .addParameter(ParameterizedTypeName.get(Optional.class, Citation.class), "citation")
        .addStatement("return new $T(e, rule, span, citation)", RefusedEvent.class).build());
    time();
    history();
    cx.add(cx.method("span", "A place in the protocol file.").addModifiers(Modifier.STATIC)
        .returns(SourceSpan.class).addParameter(int.class, "line")
        .addParameter(int.class, "column").addParameter(int.class, "endLine")
        .addParameter(int.class, "endColumn")
        .addStatement("return new $T(FILE, line, column, endLine, endColumn)", SourceSpan.class)
        .build());
    cx.add(cx.method("source", "A paragraph of the policy, cited at a place in the protocol "
            + "file.").addModifiers(Modifier.STATIC)
        .returns(ParameterizedTypeName.get(Optional.class, Citation.class))
        .addParameter(String.class, "text").addParameter(int.class, "line")
        .addParameter(int.class, "column").addParameter(int.class, "endLine")
        .addParameter(int.class, "endColumn")
        .addStatement("return $T.of(new $T(text, span(line, column, endLine, endColumn)))",
            Optional.class, Citation.class).build());
  }

  private void lookup(String name, ClassName type, String key, String refusal) {
    cx.add(cx.method(name, "The $L called {@code $L}; refuses {@code e} if the protocol has "
            + "none.", name, key).addModifiers(Modifier.STATIC).returns(type)
        .addParameter(Context.EVENT, "e").addParameter(String.class, key)
        .addStatement("$T found = $T.of($L)", type, type, key)
        .beginControlFlow("if (found == null)")
        .addStatement("throw refuse(e, $S + $L, MODEL.span(), $T.empty())", refusal, key,
            Optional.class)
        .endControlFlow().addStatement("return found").build());
  }

  private void time() {
    cx.add(cx.method("due", "When {@code duration} started at {@code from} runs out, in "
            + "nanoseconds since 1970.")
        .returns(long.class).addParameter(Instant.class, "from")
        .addParameter(Timespan.class, "duration")
        .addStatement("return calendar.deadlineNanos(nanos(from), duration)").build());
    if (needsEarliest()) {
      cx.add(cx.method("earliest", "The earlier of two deadlines, either of which may be NONE.")
          .addModifiers(Modifier.STATIC).returns(long.class)
          .addParameter(long.class, "a").addParameter(long.class, "b")
          .addStatement("return b != NONE && (a == NONE || b < a) ? b : a").build());
    }
  }

  private boolean needsEarliest() {
    return plan.protocol.stages().stream().anyMatch(s -> s.timescales().size() > 1
        || s.timescales().size() == 1 && s.timescales().get(0).when().isPresent());
  }

  /** The helpers over the case's history that triggers and timescales read. */
  private void history() {
    List<HistoryRule> rules = new ArrayList<>();
    plan.protocol.triggers().forEach(t -> Plan.flatten(t.rule(), rules));
    if (rules.stream().anyMatch(HistoryRule.Count.class::isInstance)) {
      cx.add(cx.method("occurrences", "How often {@code event} has happened.")
          .returns(int.class).addParameter(String.class, "event")
          .addStatement("return occurrences.getOrDefault(event, $T.of()).size()", List.class)
          .build());
    }
    if (rules.stream().anyMatch(HistoryRule.Since.class::isInstance)) {
      cx.add(cx.method("since", "Whether {@code duration} has run since {@code event} first "
              + "happened, by {@code now}.").returns(boolean.class)
          .addParameter(String.class, "event").addParameter(Timespan.class, "duration")
          .addParameter(Instant.class, "now")
          .addStatement("$T<$T> times = occurrences.getOrDefault(event, $T.of())", List.class,
              Instant.class, List.class)
          .addStatement("return !times.isEmpty() && due(times.get(0), duration) <= nanos(now)")
          .build());
    }
    boolean eventAnchors = plan.protocol.stages().stream().flatMap(s -> s.timescales().stream())
        .anyMatch(t -> t.anchor() instanceof Timescale.Anchor.Event);
    if (eventAnchors) {
      cx.add(cx.method("dueAfter", "When {@code duration} runs out, counted from the last time "
              + "{@code event} happened;\nNONE if it never has.").returns(long.class)
          .addParameter(String.class, "event").addParameter(Timespan.class, "duration")
          .addStatement("$T<$T> times = occurrences.getOrDefault(event, $T.of())", List.class,
              Instant.class, List.class)
          .addStatement("return times.isEmpty() ? NONE : due(times.get(times.size() - 1), "
              + "duration)").build());
    }
  }

  // -------------------------------------------------------------------------------------------
  // The public face: EscalationMachine, typed events, views, snapshot

  List<MethodSpec> publicMethods() {
    List<MethodSpec> methods = new ArrayList<>();
    methods.add(override("protocol", ClassName.get(Protocol.class))
        .addStatement("return MODEL").build());
    cx.useRules(); // the recorder asks the model which timescale set each stay's deadline
    methods.add(override("state", ClassName.get(EscalationState.class))
        .addComment("rebuilt by replaying the log: it holds the history the machine does not keep")
        .addStatement("$T replica = new $T(effect -> { }, calendar)", self, self)
        .addStatement("$T recorder = new $T(RULES.model(), calendar)", StateRecorder.class,
            StateRecorder.class)
        .addStatement("$T b = new $T<>(recorder)", cx.batch, Batch.class)
        .beginControlFlow("for ($T event : log)", CaseEvent.class)
        .addStatement("replica.handle(event, b)")
        .addStatement("replica.log.add(event)").endControlFlow()
        .addStatement("return replica.view(recorder, lastEventAt())").build());
    methods.add(override("log", ParameterizedTypeName.get(List.class, CaseEvent.class))
        .addStatement("return $T.copyOf(log)", List.class).build());
    MethodSpec.Builder nextDue = override("nextDue",
        ParameterizedTypeName.get(Optional.class, Instant.class));
    if (plan.waitsForTime) {
      nextDue.addStatement("long due = dueOrTrigger(lastEventAt())")
          .addStatement("return due == NONE ? $T.empty() : $T.of(instant(due))", Optional.class,
              Optional.class);
    } else if (plan.reminds || plan.clocks) {
      nextDue.addStatement("long due = due()")
          .addStatement("return due == NONE ? $T.empty() : $T.of(instant(due))", Optional.class,
              Optional.class);
    } else {
      nextDue.addStatement("return deadline()");
    }
    methods.add(nextDue.build());
    methods.add(override("apply", ClassName.get(EscalationState.class))
        .addParameter(CaseEvent.class, "event").addStatement("accept(event, event.at())")
        .addStatement("return state()").build());
    methods.add(override("advanceTo", ClassName.get(EscalationState.class))
        .addParameter(Instant.class, "now")
        .addStatement("accept(null, now)").addStatement("return state()").build());
    methods.addAll(new EventsWriter(cx).write());
    views(methods);
    return methods;
  }

  /** A method of {@code EscalationMachine}: its Javadoc is the interface's. */
  private MethodSpec.Builder override(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC)
        .addAnnotation(Override.class).returns(returns);
  }

  private void views(List<MethodSpec> methods) {
    ClassName optional = ClassName.get(Optional.class);
    methods.add(MethodSpec.methodBuilder("status").addModifiers(Modifier.PUBLIC)
        .returns(EscalationState.Status.class)
        .addAnnotation(Override.class)
        .addStatement("return ended() ? $T.ENDED : stage == null ? $T.NOT_RAISED : $T.OPEN",
            EscalationState.Status.class, EscalationState.Status.class,
            EscalationState.Status.class).build());
    methods.add(MethodSpec.methodBuilder("stage").addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(optional, plan.type("Stage")))
        .addAnnotation(Override.class)
        .addStatement("return $T.ofNullable(stage)", Optional.class).build());
    methods.add(MethodSpec.methodBuilder("deadline").addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(optional, ClassName.get(Instant.class)))
        .addAnnotation(Override.class)
        .addStatement("return deadline == NONE ? $T.empty() : $T.of(instant(deadline))",
            Optional.class, Optional.class).build());
    methods.add(MethodSpec.methodBuilder("waitingFor").addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(optional, plan.type("Place")))
        .addAnnotation(Override.class)
        .addStatement(plan.waits ? "return $T.ofNullable(waitingFor)" : "return $T.empty()",
            Optional.class).build());
    methods.add(MethodSpec.methodBuilder("outcome").addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(optional, plan.type("Outcome")))
        .addAnnotation(Override.class)
        .addStatement("return $T.ofNullable(outcome)", Optional.class).build());
    methods.add(MethodSpec.methodBuilder("withdrawn").addModifiers(Modifier.PUBLIC)
        .returns(boolean.class).addAnnotation(Override.class)
        .addStatement("return withdrawn").build());
    methods.add(MethodSpec.methodBuilder("raisedBy").addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(optional, plan.type("Role")))
        .addAnnotation(Override.class)
        .addStatement("return $T.ofNullable(raisedBy).map($T::of)", Optional.class,
            plan.type("Role")).build());
    methods.add(MethodSpec.methodBuilder("role").addModifiers(Modifier.PUBLIC)
        .addAnnotation(Override.class).returns(plan.type("Role"))
        .addParameter(String.class, "name")
        .addStatement("return $T.of(name)", plan.type("Role")).build());
    methods.add(MethodSpec.methodBuilder("current").addModifiers(Modifier.PUBLIC)
        .returns(plan.type("State")).addJavadoc("Where the escalation stands now, as an "
            + "immutable value.\n")
        .addStatement("return new $T(status(), stage(), deadline(), waitingFor(), outcome(), "
            + "withdrawn)", plan.type("State")).build());
    methods.add(MethodSpec.methodBuilder("snapshot").addModifiers(Modifier.PUBLIC)
        .returns(String.class).addAnnotation(Override.class)
        .addStatement("return $T.write(this)", Snapshot.class).build());
    methods.add(MethodSpec.methodBuilder("restore").addModifiers(Modifier.PUBLIC,
            Modifier.STATIC).returns(self)
        .addJavadoc("An escalation rebuilt from its snapshot, exactly as it was; the listener "
            + "hears nothing\nold. Throws {@link IllegalArgumentException} if the text is not a "
            + "snapshot of this\nprotocol, and {@link RefusedEvent} if its log breaks the "
            + "protocol.\n")
        .addParameter(String.class, "snapshot").addParameter(plan.type("Listener"), "listener")
        .addStatement("return restore(snapshot, listener, CALENDAR)").build());
    methods.add(MethodSpec.methodBuilder("restore").addModifiers(Modifier.PUBLIC,
            Modifier.STATIC).returns(self)
        .addJavadoc("The same, counting working days in {@code calendar}.\n")
        .addParameter(String.class, "snapshot").addParameter(plan.type("Listener"), "listener")
        .addParameter(WorkingCalendar.class, "calendar")
        .addStatement("$T machine = new $T(listener, calendar)", self, self)
        .addStatement("$T quiet = new $T<>(new $T(RULES.model(), calendar))", cx.batch,
            Batch.class, StateRecorder.class)
        .beginControlFlow("for ($T event : $T.events(snapshot, MODEL))", CaseEvent.class,
            Snapshot.class)
        .addStatement("machine.handle(event, quiet)").addStatement("machine.log.add(event)")
        .endControlFlow().addStatement("return machine").build());
    methods.add(MethodSpec.methodBuilder("calendar").addModifiers(Modifier.PUBLIC,
            Modifier.STATIC).returns(WorkingCalendar.class)
        .addJavadoc("The protocol's calendar with the host's own closure days added (days the "
            + "office is\nshut beyond the calendar the protocol names), for {@link "
            + "#$L(Listener, WorkingCalendar)}.\n", self.simpleName())
        .addParameter(ParameterizedTypeName.get(List.class, java.time.LocalDate.class),
            "closures")
        .addStatement("$T spec = CALENDAR.spec()", org.escalon.model.CalendarSpec.class)
        .addStatement("return $T.of(new $T(spec.region(), $T.concat(spec.closures().stream(), "
                + "closures.stream())\n$>$>.toList(), spec.yearly()), CALENDAR.zone())$<$<",
            WorkingCalendar.class, org.escalon.model.CalendarSpec.class,
            java.util.stream.Stream.class)
        .build());
    CodeBlock waiting = plan.waits ? CodeBlock.of("waitingFor == null ? $T.empty() : $T.of("
        + "waitingFor instanceof $T s\n$>$>? new $T.ToStage(s.key()) : new $T.ToOutcome("
        + "waitingFor.key()))$<$<", Optional.class, Optional.class, plan.type("Stage"),
        Target.class, Target.class) : CodeBlock.of("$T.empty()", Optional.class);
    cx.add(cx.method("view", "The engine's view of this escalation: what the machine holds, "
            + "with the history the\nrecorder heard while the log was replayed.")
        .returns(EscalationState.class).addParameter(StateRecorder.class, "recorder")
        .addParameter(Instant.class, "lastEventAt")
        .addStatement("return recorder.state(status(), stage().map($T::key), deadline(), $L,\n"
                + "$>$>$L, $L, withdrawn ? $T.of($S) : outcome().map($T::key),\n"
                + "outcome == $L ? stage().map($T::key) : $T.empty(), $T.ofNullable("
                + "lastEventAt)" + (plan.clocks ? ", stepClocks" : "") + ")$<$<",
            plan.type("Stage"), waiting,
            plan.extensions ? CodeBlock.of("$T.ofNullable(pendingExtension())", Optional.class)
                : CodeBlock.of("$T.empty()", Optional.class),
            plan.reminds ? CodeBlock.of("reminders") : CodeBlock.of("$T.of()", List.class),
            Optional.class, "withdrawn", plan.type("Outcome"), resolved(), plan.type("Stage"),
            Optional.class, Optional.class)
        .build());
  }

  private CodeBlock resolved() {
    String constant = plan.outcomes.get(Target.RESOLVED);
    return constant == null ? CodeBlock.of("null")
        : CodeBlock.of("$T.$L", plan.type("Outcome"), constant);
  }
}
