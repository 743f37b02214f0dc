package org.escalon.engine;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.machine.AtOnceRule;
import org.escalon.machine.Course;
import org.escalon.machine.Duty;
import org.escalon.machine.Facts;
import org.escalon.machine.Interpreter;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.OutcomeRule;
import org.escalon.machine.Requirement;
import org.escalon.machine.Respondents;
import org.escalon.machine.RightsTable;
import org.escalon.machine.StageRule;
import org.escalon.machine.StepCases;
import org.escalon.machine.StepClocks;
import org.escalon.machine.TargetCases;
import org.escalon.machine.TriggerRule;
import org.escalon.model.Citation;
import org.escalon.model.Timespan;
import org.escalon.model.ExtensionRule;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.SourceSpan;
import org.escalon.model.Step;
import org.escalon.model.Target;

/**
 * The meaning of each event: a pure function from a state and an event to the next state and the
 * effects it asks of the host, or a refusal. What the protocol decides (routes and skips, guards,
 * timescales, rights, who answers, triggers) is asked of the {@link Interpreter} of its
 * {@link OperationalModel}; this class keeps the escalation's history and time. Works on a
 * {@link Working} copy, so a refusal changes nothing.
 */
final class Rules {

  /** The next state and what the host must do. */
  record Applied(EscalationState state, List<Effect> effects) {}

  /** Each kind of informing as an effect names it, lower-cased once rather than per effect. */
  private static final String[] INFORM_KINDS = java.util.Arrays.stream(Step.Inform.Kind.values())
      .map(k -> k.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);

  private final OperationalModel model;
  private final Interpreter run;
  private final Protocol protocol;
  private final WorkingCalendar calendar;

  Rules(OperationalModel model, WorkingCalendar calendar) {
    this.model = model;
    this.run = new Interpreter(model);
    this.protocol = model.protocol();
    this.calendar = calendar;
  }

  /**
   * What a waiting escalation waits for, in words: every requirement of the stage or outcome it
   * waits to enter that does not hold yet.
   */
  List<String> missing(EscalationState state) {
    Working w = new Working(state, calendar, state.lastEventAt().orElse(Instant.EPOCH));
    return state.waitingFor().map(t -> run.unmetAll(model.requires(t), w).stream()
        .map(Interpreter.Unmet::reason).toList()).orElse(List.of());
  }

  Applied apply(EscalationState state, CaseEvent event) {
    Working w = new Working(state, calendar, event.at());
    if (w.lastEventAt.isPresent() && event.at().isBefore(w.lastEventAt.get())) {
      throw refuse(event, "events come in time order: this one is dated before "
          + w.lastEventAt.get(), SourceSpan.NONE, Optional.empty());
    }
    List<AtOnceRule> holding = run.holding(w);
    CaseEventCases.on(event, new CaseEventCases<Void>() {
      @Override
      public Void raise(CaseEvent.Raise e) {
        Rules.this.raise(w, e, Optional.empty());
        return null;
      }

      @Override
      public Void respond(CaseEvent.Respond e) {
        Rules.this.respond(w, e);
        return null;
      }

      @Override
      public Void bypass(CaseEvent.Bypass e) {
        Rules.this.bypass(w, e);
        return null;
      }

      @Override
      public Void refer(CaseEvent.Refer e) {
        Rules.this.refer(w, e);
        return null;
      }

      @Override
      public Void requestExtension(CaseEvent.RequestExtension e) {
        Rules.this.requestExtension(w, e);
        return null;
      }

      @Override
      public Void grantExtension(CaseEvent.GrantExtension e) {
        Rules.this.grantExtension(w, e);
        return null;
      }

      @Override
      public Void declineExtension(CaseEvent.DeclineExtension e) {
        Rules.this.declineExtension(w, e);
        return null;
      }

      @Override
      public Void setTimescale(CaseEvent.SetTimescale e) {
        Rules.this.setTimescale(w, e);
        return null;
      }

      @Override
      public Void escalate(CaseEvent.Escalate e) {
        Rules.this.escalate(w, e);
        return null;
      }

      @Override
      public Void unavailable(CaseEvent.Unavailable e) {
        Rules.this.unavailable(w, e);
        return null;
      }

      @Override
      public Void agree(CaseEvent.Agree e) {
        role(e, e.role());
        addOnce(w.agreements, e.role());
        retryWaiting(w, e);
        return null;
      }

      @Override
      public Void advise(CaseEvent.Advise e) {
        role(e, e.role());
        addOnce(w.advice, e.role());
        retryWaiting(w, e);
        return null;
      }

      @Override
      public Void setAttribute(CaseEvent.SetAttribute e) {
        Rules.this.setAttribute(w, e);
        return null;
      }

      @Override
      public Void decide(CaseEvent.Decide e) {
        Rules.this.decide(w, e);
        return null;
      }

      @Override
      public Void grade(CaseEvent.Grade e) {
        Rules.this.grade(w, e);
        return null;
      }

      @Override
      public Void occur(CaseEvent.Occur e) {
        Rules.this.occur(w, e);
        return null;
      }

      @Override
      public Void setDate(CaseEvent.SetDate e) {
        Rules.this.setDate(w, e);
        return null;
      }

      @Override
      public Void withdraw(CaseEvent.Withdraw e) {
        Rules.this.withdraw(w, e);
        return null;
      }

      @Override
      public Void deadlinePassed(CaseEvent.DeadlinePassed e) {
        Rules.this.deadlinePassed(w, e);
        return null;
      }

      @Override
      public Void reminderDue(CaseEvent.ReminderDue e) {
        Rules.this.reminderDue(w, e);
        return null;
      }

      @Override
      public Void triggerDue(CaseEvent.TriggerDue e) {
        fireTriggers(w, e);
        return null;
      }

      @Override
      public Void migrated(CaseEvent.Migrated e) {
        Rules.this.migrated(w, e);
        return null;
      }

      @Override
      public Void stepDone(CaseEvent.StepDone e) {
        Rules.this.stepDone(w, e);
        return null;
      }

      @Override
      public Void stepDeadlinePassed(CaseEvent.StepDeadlinePassed e) {
        Rules.this.stepDeadlinePassed(w, e);
        return null;
      }
    });
    movesAtOnce(w, event);
    w.effects.addAll(StepCalls.atOnce(run, holding, w));
    keepsInvariants(w, event);
    w.lastEventAt = Optional.of(event.at());
    return new Applied(w.freeze(), List.copyOf(w.effects));
  }

  private void withdraw(Working w, CaseEvent.Withdraw e) {
    open(w, e);
    role(e, e.by());
    Optional<Interpreter.Refusal> refused = run.withdrawal(e.by(), w.raisedBy);
    if (refused.isPresent()) {
      throw refuse(e, refused.get().reason(), refused.get().span(), refused.get().citation());
    }
    leave(w, e.at(), "withdrawn");
    clocks(w, StepClockBook.withdrawn(w.stepClocks)); // a withdrawn escalation's steps are not due
    w.status = EscalationState.Status.ENDED;
    w.outcome = Optional.of("withdrawn");
    end(w);
  }

  /**
   * A duty to go at once ({@code when C go to stage N}) moves an open escalation on from the
   * stage it is at once its condition holds; a move that arrived this event already went there
   * (its route says so), so this acts on a change of facts. The model decides where.
   */
  private void movesAtOnce(Working w, CaseEvent event) {
    if (w.status != EscalationState.Status.OPEN || w.stage.isEmpty()
        || w.waitingFor.isPresent() || model.atOnce().isEmpty()) {
      return;
    }
    StageRule stage = currentStage(w);
    if (run.atOnce(stage, w).isPresent()) {
      leave(w, event.at(), "moved at once");
      run.movesAtOnce(stage, new Moving(w, event.at()));
    }
  }

  /**
   * An event after which the escalation would be open with an invariant broken is refused, so
   * the state is unchanged: a fact set, a raise (by hand or by a trigger) with the facts as they
   * are. Before the raise and after the end the case's facts are the host's alone.
   */
  private void keepsInvariants(Working w, CaseEvent event) {
    if (w.status != EscalationState.Status.OPEN) {
      return;
    }
    Optional<Interpreter.Refusal> broken = run.breaking(w);
    if (broken.isPresent()) {
      throw new RefusedEvent(event, broken.get().reason(), broken.get().span(),
          broken.get().citation(), RefusedEvent.Kind.BREAKS_INVARIANT);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Raising and responding

  private void raise(Working w, CaseEvent.Raise e, Optional<TriggerRule> by) {
    if (w.status != EscalationState.Status.NOT_RAISED) {
      throw refuse(e, "the escalation has already been raised", protocol.span(), Optional.empty());
    }
    role(e, e.by());
    String first = model.stages().get(0).key();
    String start = e.stage().orElse(by.map(TriggerRule::raiseAt).orElse(first));
    StageRule stage = stage(e, start);
    if (!start.equals(first) && by.isEmpty()) {
      Right right = right(e, e.by(), Right.Kind.START, new Target.ToStage(start), w,
          "may not start the escalation at stage " + start);
      reason(e, right, e.reason());
    } else if (by.isEmpty()) {
      Optional<Interpreter.Refusal> raiser = run.mayRaise(e.by());
      if (raiser.isPresent()) {
        throw refuse(e, raiser.get().reason(), raiser.get().span(), raiser.get().citation());
      }
    }
    w.status = EscalationState.Status.OPEN;
    w.raisedAt = Optional.of(e.at());
    w.raisedBy = Optional.of(e.by());
    // `only if` holds at the raise too: a start at a stage that does not apply goes on past it
    Optional<Interpreter.Unmet> blocked = run.raise(stage, new Moving(w, e.at()));
    if (blocked.isPresent()) {
      throw refuse(e, "cannot start at stage " + start + ": " + blocked.get().reason(),
          blocked.get().requirement().span(), Optional.empty());
    }
  }

  private void respond(Working w, CaseEvent.Respond e) {
    open(w, e);
    role(e, e.by());
    StageRule stage = currentStage(w);
    // who answers, a substitute in place of an addressee said to be unavailable: the model's
    Optional<Interpreter.Refusal> not = run.mayNotRespond(stage, e.by(),
        w.currentVisit().unavailable());
    if (not.isPresent()) {
      throw refuse(e, not.get().reason(), not.get().span(), not.get().citation());
    }
    // a stage each of several roles must answer (`to A and B`) waits for the others
    List<String> answered = w.currentVisit().answered();
    Optional<Interpreter.Refusal> again = run.answeredAgain(stage, answered, e.by());
    if (again.isPresent()) {
      throw refuse(e, again.get().reason(), again.get().span(), again.get().citation());
    }
    if (!run.endsStay(stage, answered, e.by(), e.resolving())) {
      w.visits.set(w.visits.size() - 1, w.currentVisit().answer(e.by()));
      return;
    }
    leave(w, e.at(), e.resolving() ? "resolved" : "unsatisfactory");
    run.respond(stage, e.resolving(), new Moving(w, e.at()));
  }

  private void deadlinePassed(Working w, CaseEvent.DeadlinePassed e) {
    open(w, e);
    StageRule stage = currentStage(w);
    if (!stage.key().equals(e.stage()) || w.deadline.isEmpty()
        || e.at().isBefore(w.deadline.get())) {
      throw refuse(e, "no deadline of stage " + e.stage() + " passes at " + e.at(),
          stage.span(), Optional.empty());
    }
    if (run.soft(stage, w.currentVisit().timescale())) {
      // a soft deadline: missing it is recorded, and the escalator decides (Escalate)
      w.deadline = Optional.empty();
      w.pendingExtension = Optional.empty();
      w.replaceCurrentVisit(w.currentVisit().miss(e.at()));
      return;
    }
    leave(w, e.at(), "no response");
    run.deadlinePasses(stage, new Moving(w, e.at()));
  }

  /**
   * The host says an addressee of the current stage is unavailable: the stage's substitute for it
   * is sent the escalation and answers in its place for the rest of the stay (the model decides
   * whether it may be said: {@link Interpreter#unavailable}).
   */
  private void unavailable(Working w, CaseEvent.Unavailable e) {
    open(w, e);
    role(e, e.role());
    StageRule stage = currentStage(w);
    Optional<Interpreter.Refusal> refused = run.unavailable(stage, e.role(),
        w.currentVisit().unavailable());
    if (refused.isPresent()) {
      throw refuse(e, refused.get().reason(), refused.get().span(), refused.get().citation());
    }
    w.replaceCurrentVisit(w.currentVisit().unavailable(e.role()));
    w.effects.add(StepCalls.substitute(stage, e.role()));
  }

  /** The escalator moves on after a soft deadline was missed: where no response goes. */
  private void escalate(Working w, CaseEvent.Escalate e) {
    open(w, e);
    role(e, e.by());
    StageRule stage = currentStage(w);
    StageVisit visit = w.currentVisit();
    Optional<Interpreter.Refusal> refused = run.escalation(stage,
        visit.missed().isPresent() && visit.left().isEmpty() && w.waitingFor.isEmpty(), e.by(),
        w.raisedBy);
    if (refused.isPresent()) {
      throw refuse(e, refused.get().reason(), refused.get().span(), refused.get().citation());
    }
    leave(w, e.at(), "no response");
    run.deadlinePasses(stage, new Moving(w, e.at()));
  }

  /**
   * The host reports a step done: one a stage requires before it is entered is recorded, by its
   * role only, and a waiting move tries again; any other is {@link StepClockBook#done}'s.
   */
  private void stepDone(Working w, CaseEvent.StepDone e) {
    Optional<org.escalon.machine.Guard.Done> before = run.requiredBefore(e.step());
    if (before.isPresent()) {
      Optional<Interpreter.Refusal> refused = run.reporting(before.get(), e.by());
      if (refused.isPresent()) {
        throw refuse(e, refused.get().reason(), refused.get().span(), refused.get().citation());
      }
      addOnce(w.done, e.step());
      retryWaiting(w, e);
      return;
    }
    clocks(w, StepClockBook.done(model, w.stepClocks, w.status, w.stage, w.outcome,
        w.stage.flatMap(model::stage).map(StageRule::span).orElse(protocol.span()), e));
  }

  /** A step's deadline passes ({@link StepClockBook#passed}): the course is unchanged. */
  private void stepDeadlinePassed(Working w, CaseEvent.StepDeadlinePassed e) {
    clocks(w, StepClockBook.passed(protocol, w.status, w.stepClocks, e));
  }

  private static void clocks(Working w, List<StepClock> clocks) {
    if (clocks != w.stepClocks) {
      List<StepClock> copy = List.copyOf(clocks);
      w.stepClocks.clear();
      w.stepClocks.addAll(copy);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Rights

  private void bypass(Working w, CaseEvent.Bypass e) {
    open(w, e);
    Target target = target(e, e.target());
    Right right = right(e, e.by(), Right.Kind.BYPASS, target, w,
        "may not bypass to " + TargetCases.describe(target));
    reason(e, right, e.reason());
    StageRule from = currentStage(w);
    leave(w, e.at(), "bypassed");
    Optional<Interpreter.Unmet> blocked = run.bypass(from, target, new Moving(w, e.at()));
    if (blocked.isPresent()) {
      throw refuse(e, "cannot bypass to " + TargetCases.describe(target) + ": "
          + blocked.get().reason(), right.span(), right.citation());
    }
  }

  private void refer(Working w, CaseEvent.Refer e) {
    open(w, e);
    Target target = new Target.ToOutcome(e.outcome());
    OutcomeRule outcome = outcome(e, e.outcome());
    Right right = right(e, e.by(), Right.Kind.REFER, target, w, "may not refer to " + e.outcome());
    Optional<Interpreter.Refusal> late = run.tooLate(right, w.raisedAt.equals(Optional.of(e.at())));
    if (late.isPresent()) {
      throw refuse(e, late.get().reason(), late.get().span(), late.get().citation());
    }
    reason(e, right, e.reason());
    requireMet(w, e, outcome.requires(), "refer to " + e.outcome());
    if (right.concurrently()) {
      addOnce(w.referrals, e.outcome());
      duties(w, outcome.name(), outcome.duties(), Optional.empty());
      return;
    }
    leave(w, e.at(), "referred");
    conclude(w, outcome);
  }

  private Right right(CaseEvent e, String role, Right.Kind kind, Target target, Working w,
      String refusal) {
    RightsTable.Lookup lookup = run.right(kind, role, target, w.stage, w,
        w.raisedAt.equals(Optional.of(e.at())));
    if (lookup.applies().isPresent()) {
      return lookup.applies().get();
    }
    List<Right> rights = lookup.held();
    // cite the right that names the target (its condition does not hold), else the role's first
    Right nearest = lookup.nearest().orElse(null);
    String allowed = rights.isEmpty() ? "the protocol gives " + role + " no such right"
        : role + " may " + kindWord(kind) + " only " + RightsTable.reach(nearest, w.stage)
            + (nearest.when().isPresent() ? " and only when its condition holds" : "");
    throw refuse(e, role + " " + refusal + ": " + allowed,
        nearest == null ? protocol.span() : nearest.span(),
        nearest == null ? Optional.empty() : nearest.citation());
  }

  private void reason(CaseEvent e, Right right, Optional<String> reason) {
    if (right.reasonRequired() && reason.map(String::isBlank).orElse(true)) {
      throw refuse(e, "a reason is required: " + right.role() + " may "
          + kindWord(right.kind()) + " only with reason", right.span(), right.citation());
    }
  }

  // -------------------------------------------------------------------------------------------
  // Extensions

  private void requestExtension(Working w, CaseEvent.RequestExtension e) {
    open(w, e);
    StageRule stage = currentStage(w);
    ExtensionRule rule = extensionRule(w, e);
    run.askForTime(stage, rule, e.by(), e.inWriting(), e.rationale(), e.amount(),
        w.pendingExtension.isPresent(), w.extensionsAtStage(), w.extensionsInTotal, w)
        .ifPresent(r -> {
          throw RefusedEvent.of(e, r);
        });
    // a rule that lets anyone ask still wants a role of the protocol: the host is told who asked
    role(e, e.by());
    w.pendingExtension = Optional.of(e.amount());
    for (String record : rule.records()) {
      w.effects.add(new Effect.Keep(w.stage.orElseThrow(), record, List.of(), first(rule)));
    }
    if (!rule.informed().isEmpty()) {
      w.effects.add(new Effect.Inform(w.stage.orElseThrow(), "notify", rule.informed(),
          Optional.of("of the request for more time"), Optional.of(e.by()), first(rule)));
    }
  }

  private void grantExtension(Working w, CaseEvent.GrantExtension e) {
    open(w, e);
    ExtensionRule rule = extensionRule(w, e);
    run.answerTime(rule, e.by(), true, w.pendingExtension.isPresent()).ifPresent(r -> {
      throw RefusedEvent.of(e, r);
    });
    Timespan amount = w.pendingExtension.orElseThrow();
    if (w.deadline.isEmpty()) {
      throw refuse(e, "stage " + w.stage.orElseThrow() + " has no deadline to extend",
          currentStage(w).span(), Optional.empty());
    }
    // counted from the last day of the current window, so N + M working days in all
    Instant lastDay = w.deadline.get().minusNanos(1);
    Instant extended = calendar.deadline(lastDay.atZone(calendar.zone()), amount).toInstant();
    w.deadline = Optional.of(extended);
    w.replaceCurrentVisit(w.currentVisit().extend(extended));
    w.extensionsInTotal++;
    w.pendingExtension = Optional.empty();
  }

  private void declineExtension(Working w, CaseEvent.DeclineExtension e) {
    open(w, e);
    ExtensionRule rule = extensionRule(w, e);
    run.answerTime(rule, e.by(), false, w.pendingExtension.isPresent()).ifPresent(r -> {
      throw RefusedEvent.of(e, r);
    });
    w.pendingExtension = Optional.empty();
  }

  /**
   * A role sets the stage's timescale: the operational model judges it, counts the deadline again
   * from the start of the stay and says which timescale now counts (the one whose softness
   * decides what the deadline's passing does, even if none counted on entering).
   */
  private void setTimescale(Working w, CaseEvent.SetTimescale e) {
    open(w, e);
    StageRule stage = currentStage(w);
    Instant entered = w.currentVisit().entered();
    Interpreter.TimeSet<Instant> set = run.setTime(stage.key(), e.by(), e.amount(), w,
        d -> due(entered, d));
    w.deadline = set.or(r -> refuse(e, r.reason(), r.span(), r.citation()));
    w.replaceCurrentVisit(w.currentVisit().deadlineSet(w.deadline, set.timescale()));
  }

  private ExtensionRule extensionRule(Working w, CaseEvent e) {
    StageRule stage = currentStage(w);
    return stage.extension().orElseThrow(() -> refuse(e,
        "the protocol allows no extension at stage " + stage.key(), stage.span(),
        Optional.empty()));
  }

  // -------------------------------------------------------------------------------------------
  // Case facts and triggers

  private void setAttribute(Working w, CaseEvent.SetAttribute e) {
    var attribute = protocol.attributes().stream().filter(a -> a.name().equals(e.attribute()))
        .findFirst().orElseThrow(() -> refuse(e, "the protocol has no attribute "
            + e.attribute(), protocol.span(), Optional.empty()));
    run.setting(e.attribute()).ifPresent(r -> {
      throw refuse(e, r.reason(), r.span(), r.citation());
    });
    boolean valid = attribute.isYesNo() ? List.of("yes", "no").contains(e.value())
        : attribute.choices().contains(e.value());
    if (!valid) {
      throw refuse(e, e.attribute() + " takes " + (attribute.isYesNo() ? "yes or no"
          : "one of " + String.join(", ", attribute.choices())) + ", not " + e.value(),
          attribute.span(), Optional.empty());
    }
    w.attributes.put(e.attribute(), e.value());
    retryWaiting(w, e);
    fireTriggers(w, e);
  }

  /**
   * A role takes a decision: the operational model says whether it may (its role; a stage's
   * decision at its stage, while the escalation is open; the protocol's at any time); the decision
   * is then a fact of the case that routes, rights and conditions read.
   */
  private void decide(Working w, CaseEvent.Decide e) {
    run.unknownDecision(e.decision()).ifPresent(r -> {
      throw refuse(e, r.reason(), r.span(), r.citation());
    });
    if (!run.anyTime(e.decision())) {
      open(w, e);
    }
    role(e, e.by());
    run.deciding(w.stage, e.by(), e.decision()).ifPresent(r -> {
      throw refuse(e, r.reason(), r.span(), r.citation());
    });
    w.attributes.put(e.decision(), e.yes() ? "yes" : "no");
    retryWaiting(w, e);
    fireTriggers(w, e);
  }

  private void grade(Working w, CaseEvent.Grade e) {
    var scale = protocol.scales().stream().filter(s -> s.name().equals(e.scale())).findFirst()
        .orElseThrow(() -> refuse(e, "the protocol has no scale " + e.scale(), protocol.span(),
            Optional.empty()));
    if (scale.grades().stream().noneMatch(g -> g.name().equals(e.grade()))) {
      throw refuse(e, e.grade() + " is not a grade of " + e.scale(), scale.span(),
          Optional.empty());
    }
    List<String> grades = new ArrayList<>(w.gradings.getOrDefault(key(e), List.of()));
    grades.add(e.grade());
    w.gradings.put(key(e), List.copyOf(grades));
    fireTriggers(w, e);
  }

  private static String key(CaseEvent.Grade e) {
    return e.scale() + "/" + e.section();
  }

  private void occur(Working w, CaseEvent.Occur e) {
    if (protocol.events().stream().noneMatch(x -> x.name().equals(e.event()))) {
      throw refuse(e, "the protocol has no event " + e.event(), protocol.span(), Optional.empty());
    }
    List<Instant> times = new ArrayList<>(w.occurrences.getOrDefault(e.event(), List.of()));
    times.add(e.at());
    w.occurrences.put(e.event(), List.copyOf(times));
    if (w.status == EscalationState.Status.OPEN) {
      // a step's deadline counted from this event starts now, at the stage the escalation is at
      StageRule stage = currentStage(w);
      clocks(w, StepClockBook.start(w.stepClocks, stage.key(), StepClocks.onEvent(
          run.duties(stage.duties(), w), e.event()), c -> Optional.of(e.at()), calendar));
    }
    fireTriggers(w, e);
  }

  /**
   * The host sets a known date, or moves it: recorded (whether or not the escalation has been
   * raised); the clocks counted back from it move, and those of the stage the escalation is at
   * start ({@link StepClockBook#dateSet}). A date that has passed is refused.
   */
  private void setDate(Working w, CaseEvent.SetDate e) {
    List<StepClocks.Clock> here = w.status == EscalationState.Status.OPEN
        ? StepClocks.onDate(run.duties(currentStage(w).duties(), w), e.date()) : List.of();
    clocks(w, StepClockBook.dateSet(run.model(), w.stepClocks, w.stage.orElse(""), here, e,
        calendar));
    w.dates.put(e.date(), e.on());
  }

  /**
   * When time must next be let pass: the state's own clocks (deadlines, reminders, steps), or the
   * time a trigger's rule waits for, whichever is first.
   */
  public Optional<Instant> nextDue(EscalationState s) {
    return triggerDue(s).map(TriggerRule.Due::at).or(s::nextDue);
  }

  /**
   * The time a trigger not yet fired waits for, if it comes after the last event and no later
   * than the state's own next clock: at the same instant the triggers are asked first, since the
   * deadline's line would leave no later event to ask them at.
   */
  public Optional<TriggerRule.Due> triggerDue(EscalationState s) {
    if (protocol.triggers().isEmpty() || s.lastEventAt().isEmpty()) {
      return Optional.empty();
    }
    Optional<Instant> own = s.nextDue();
    return run.triggerDue(s.triggered()::contains, event -> s.occurrences().getOrDefault(event, List.of())
        .stream().findFirst(), s.lastEventAt().get(), calendar)
        .filter(d -> own.isEmpty() || !d.at().isAfter(own.get()));
  }

  /** A trigger whose rule holds raises an escalation that is not running yet, once. */
  private void fireTriggers(Working w, CaseEvent e) {
    for (TriggerRule trigger : run.firing(w.triggered, w)) {
      w.triggered.add(trigger.name());
      if (w.status == EscalationState.Status.NOT_RAISED) {
        raise(w, new CaseEvent.Raise(e.at(), trigger.raisedBy(),
            Optional.of(trigger.raiseAt()), Optional.of("trigger " + trigger.name())),
            Optional.of(trigger));
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Moving between stages

  private void retryWaiting(Working w, CaseEvent e) {
    if (w.status != EscalationState.Status.OPEN || w.waitingFor.isEmpty()) {
      return;
    }
    Target target = w.waitingFor.get();
    w.waitingFor = Optional.empty();
    run.retry(target, new Moving(w, e.at()));
  }

  /**
   * The working copy as the course the interpreter moves: it decides where a move arrives
   * ({@code only if} skips first) and whether it waits; entering a stage here starts its deadline,
   * visit, reminders and duties at the event's instant.
   */
  private final class Moving implements Course {
    private final Working w;
    private final Instant at;

    Moving(Working w, Instant at) {
      this.w = w;
      this.at = at;
    }

    @Override
    public void complete(StageRule stage) {
      addOnce(w.completed, stage.key());
    }

    @Override
    public void enter(StageRule stage) {
      Rules.this.enter(w, stage, at);
    }

    @Override
    public void waitFor(Target target) {
      w.waitingFor = Optional.of(target);
      w.deadline = Optional.empty();
      w.reminders.removeIf(r -> !r.untilResolved());
    }

    @Override
    public void conclude(OutcomeRule outcome) {
      Rules.this.conclude(w, outcome);
    }

    @Override
    public Facts facts() {
      return w;
    }
  }

  private void enter(Working w, StageRule stage, Instant at) {
    w.stage = Optional.of(stage.key());
    w.waitingFor = Optional.empty();
    w.pendingExtension = Optional.empty();
    stay(w, stage, at);
    w.reminders.removeIf(r -> !r.untilResolved());
    duties(w, stage.key(), stage.duties(), Optional.of(at));
    if (w.deadline.isEmpty()) {
      // a stay with no deadline until its timescale is set: the host hears what it waits for
      List<String> awaiting = run.awaiting(stage, w);
      if (!awaiting.isEmpty()) {
        w.effects.add(new Effect.WaitingFor(stage.key(), TargetCases.describe(
            new Target.ToStage(stage.key())), awaiting, Optional.empty()));
      }
    }
  }

  /**
   * A migration lands the escalation at a stage as though it had been there since it entered
   * it: the deadline and reminders are this version's, counted from then; nobody is told again.
   */
  private void migrated(Working w, CaseEvent.Migrated e) {
    if (w.status != EscalationState.Status.NOT_RAISED) {
      throw refuse(e, "a migration starts the log under the version it moves to",
          protocol.span(), Optional.empty());
    }
    StageRule stage = stage(e, e.stage());
    e.raisedBy().ifPresent(by -> role(e, by));
    w.status = EscalationState.Status.OPEN;
    w.raisedAt = Optional.of(e.raisedAt());
    w.raisedBy = e.raisedBy();
    w.completed.addAll(e.completed());
    w.agreements.addAll(e.agreements());
    w.advice.addAll(e.advice());
    w.attributes.putAll(e.attributes());
    w.stage = Optional.of(stage.key());
    stay(w, stage, e.entered());
    int told = w.effects.size();
    duties(w, stage.key(), stage.duties(), Optional.of(e.entered()));
    w.effects.subList(told, w.effects.size()).clear();
  }

  /**
   * Starts a stay at the stage: the deadline of the timescale that counts (the model decides
   * which; none if none does), and the stay, which records that timescale.
   */
  private void stay(Working w, StageRule stage, Instant entered) {
    Optional<ResponseDue.Choice> due = ResponseDue.due(model, stage, w, entered, calendar);
    w.deadline = due.map(ResponseDue.Choice::deadline);
    w.visits.add(new StageVisit(stage.key(), entered, w.deadline,
        due.map(ResponseDue.Choice::timescale), Optional.empty(), Optional.empty(), 0));
  }

  private Instant due(Instant from, Timespan d) {
    ZonedDateTime start = from.atZone(calendar.zone());
    return calendar.deadline(start, d).toInstant();
  }

  private void reminderDue(Working w, CaseEvent.ReminderDue e) {
    open(w, e);
    for (int i = 0; i < w.reminders.size(); i++) {
      ActiveReminder r = w.reminders.get(i);
      if (!r.next().isAfter(e.at())) {
        w.effects.add(new Effect.Remind(r.stage(), r.roles(), r.copying(), Optional.empty()));
        w.reminders.set(i, r.next(due(r.next(), r.every())));
        return;
      }
    }
    throw refuse(e, "no reminder falls due at " + e.at(), currentStage(w).span(),
        Optional.empty());
  }

  private void conclude(Working w, OutcomeRule outcome) {
    w.status = EscalationState.Status.ENDED;
    w.outcome = Optional.of(outcome.name());
    if (outcome.name().equals(Target.RESOLVED)) {
      w.resolvedAt = w.stage;
    }
    duties(w, outcome.name(), outcome.duties(), Optional.empty());
    // an outcome's steps with deadlines are due after the escalation has ended
    startClocks(w, outcome.name(), outcome.duties(), w.now());
    w.effects.add(new Effect.Concluded(outcome.name(), outcome.name(),
        outcome.citations().stream().findFirst()));
    end(w);
  }

  private static void end(Working w) {
    w.deadline = Optional.empty();
    w.waitingFor = Optional.empty();
    w.pendingExtension = Optional.empty();
    w.reminders.clear();
  }

  private static void leave(Working w, Instant at, String how) {
    if (!w.visits.isEmpty() && w.currentVisit().left().isEmpty()) {
      w.replaceCurrentVisit(w.currentVisit().leave(at, how));
    }
  }

  /**
   * Tells the host what a stage or outcome asks for, duties whose guard holds only; on entering a
   * stage ({@code entered} given) its reminders start.
   */
  private void duties(Working w, String where, List<Duty> duties, Optional<Instant> entered) {
    for (Duty duty : run.duties(duties, w)) {
      if (duty.step() instanceof Step.Remind r) {
        entered.ifPresent(at -> {
          w.reminders.removeIf(x -> x.stage().equals(where) && x.roles().equals(r.roles()));
          w.reminders.add(new ActiveReminder(where, r.roles(), r.copying(), r.every(),
              r.untilResolved(), due(at, r.every())));
        });
      } else {
        w.effects.add(told(where, duty.step()));
      }
    }
    entered.ifPresent(at -> startClocks(w, where, duties, at));
  }

  /** Entering a stage starts a clock on each of its steps with a deadline (again on re-entry). */
  private void startClocks(Working w, String where, List<Duty> duties, Instant at) {
    clocks(w, StepClockBook.start(w.stepClocks, where, run.stepClocks(duties, w),
        c -> StepClocks.countedFrom(c, at, w.raisedAt, w::lastStart, Optional.empty(), w::date),
        calendar));
  }

  /** What a step done at {@code where} asks of the host (a reminder is set up, not told). */
  static Effect told(String where, Step step) {
    return StepCases.on(step, new StepCases<Effect>() {
      @Override
      public Effect escalateTo(Step.EscalateTo s) {
        return new Effect.EscalateTo(where, s.roles(), s.bothAgencies(), s.citation());
      }

      @Override
      public Effect copy(Step.Copy s) {
        return new Effect.CopyTo(where, s.roles(), s.citation());
      }

      @Override
      public Effect inform(Step.Inform s) {
        return new Effect.Inform(where, INFORM_KINDS[s.kind().ordinal()], s.roles(), s.what(),
            s.by(), s.citation(), s.manner());
      }

      @Override
      public Effect act(Step.Act s) {
        return new Effect.Act(where, s.id(), s.what(), s.by(), s.citation(), s.manner());
      }

      @Override
      public Effect keep(Step.Keep s) {
        return new Effect.Keep(where, s.form().or(s::note).orElse(""), s.sentTo(),
            s.citation(), s.by(), s.manner());
      }

      @Override
      public Effect remind(Step.Remind r) {
        throw new IllegalArgumentException("a reminder is set up on entering its stage, not told");
      }
    });
  }

  // -------------------------------------------------------------------------------------------
  // Look-ups and refusals

  private void requireMet(Working w, CaseEvent e, List<Requirement> requirements, String what) {
    Optional<Interpreter.Unmet> unmet = run.unmet(requirements, w);
    if (unmet.isPresent()) {
      throw refuse(e, "cannot " + what + ": " + unmet.get().reason(),
          unmet.get().requirement().span(), Optional.empty());
    }
  }

  private void open(Working w, CaseEvent e) {
    if (w.status == EscalationState.Status.NOT_RAISED) {
      throw refuse(e, "the escalation has not been raised", protocol.span(), Optional.empty());
    }
    if (w.status == EscalationState.Status.ENDED) {
      throw refuse(e, "the escalation has ended (" + w.outcome.orElse("") + ")", protocol.span(),
          Optional.empty());
    }
  }

  private void role(CaseEvent e, String role) {
    if (protocol.role(role).isEmpty()) {
      throw refuse(e, "the protocol has no role " + role, protocol.span(), Optional.empty());
    }
  }

  private StageRule currentStage(Working w) {
    return model.stage(w.stage.orElseThrow()).orElseThrow();
  }

  private StageRule stage(CaseEvent e, String key) {
    return model.stage(key).orElseThrow(() -> refuse(e, "the protocol has no stage " + key,
        protocol.span(), Optional.empty()));
  }

  private OutcomeRule outcome(CaseEvent e, String name) {
    return model.outcome(name).orElseThrow(() -> refuse(e, "the protocol has no outcome "
        + name, protocol.span(), Optional.empty()));
  }

  private Target target(CaseEvent e, String text) {
    if (model.stage(text).isPresent()) {
      return new Target.ToStage(text);
    }
    if (model.outcome(text).isPresent()) {
      return new Target.ToOutcome(text);
    }
    throw refuse(e, "the protocol has no stage or outcome " + text, protocol.span(),
        Optional.empty());
  }

  private static String kindWord(Right.Kind kind) {
    return switch (kind) {
      case START -> "start at";
      case BYPASS -> "bypass to";
      case REFER -> "refer to";
    };
  }

  private static Optional<Citation> first(ExtensionRule rule) {
    return rule.citations().stream().findFirst();
  }

  private static void addOnce(List<String> list, String value) {
    if (!list.contains(value)) {
      list.add(value);
    }
  }

  private static RefusedEvent refuse(CaseEvent e, String rule, SourceSpan span,
      Optional<Citation> citation) {
    return new RefusedEvent(e, rule, span, citation);
  }
}
