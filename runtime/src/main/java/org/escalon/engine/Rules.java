package org.escalon.engine;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.model.Duration;
import org.escalon.model.ExtensionRule;
import org.escalon.model.Outcome;
import org.escalon.model.Precondition;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.SourceSpan;
import org.escalon.model.Stage;
import org.escalon.model.Step;
import org.escalon.model.Target;
import org.escalon.model.Timescale;
import org.escalon.model.Trigger;

/**
 * The meaning of each event: a pure function from a state and an event to the next state and the
 * effects it asks of the host, or a refusal. Works on a {@link Working} copy, so a refusal
 * changes nothing.
 */
final class Rules {

  /** The next state and what the host must do. */
  record Applied(EscalationState state, List<Effect> effects) {}

  private static final int MAX_SKIPS = 1_000;

  private final Protocol protocol;
  private final WorkingCalendar calendar;

  Rules(Protocol protocol, WorkingCalendar calendar) {
    this.protocol = protocol;
    this.calendar = calendar;
  }

  Applied apply(EscalationState state, CaseEvent event) {
    Working w = new Working(state);
    if (w.lastEventAt.isPresent() && event.at().isBefore(w.lastEventAt.get())) {
      throw refuse(event, "events come in time order: this one is dated before "
          + w.lastEventAt.get(), SourceSpan.NONE, Optional.empty());
    }
    if (event instanceof CaseEvent.Raise e) {
      raise(w, e, Optional.empty());
    } else if (event instanceof CaseEvent.Respond e) {
      respond(w, e);
    } else if (event instanceof CaseEvent.Bypass e) {
      bypass(w, e);
    } else if (event instanceof CaseEvent.Refer e) {
      refer(w, e);
    } else if (event instanceof CaseEvent.RequestExtension e) {
      requestExtension(w, e);
    } else if (event instanceof CaseEvent.GrantExtension e) {
      grantExtension(w, e);
    } else if (event instanceof CaseEvent.Agree e) {
      role(e, e.role());
      addOnce(w.agreements, e.role());
      retryWaiting(w, e);
    } else if (event instanceof CaseEvent.Advise e) {
      role(e, e.role());
      addOnce(w.advice, e.role());
      retryWaiting(w, e);
    } else if (event instanceof CaseEvent.SetAttribute e) {
      setAttribute(w, e);
    } else if (event instanceof CaseEvent.Grade e) {
      grade(w, e);
    } else if (event instanceof CaseEvent.Occur e) {
      occur(w, e);
    } else if (event instanceof CaseEvent.Withdraw e) {
      open(w, e);
      role(e, e.by());
      leave(w, e.at(), "withdrawn");
      w.status = EscalationState.Status.ENDED;
      w.outcome = Optional.of("withdrawn");
      end(w);
    } else if (event instanceof CaseEvent.DeadlinePassed e) {
      deadlinePassed(w, e);
    } else if (event instanceof CaseEvent.ReminderDue e) {
      reminderDue(w, e);
    } else if (event instanceof CaseEvent.Migrated e) {
      migrated(w, e);
    }
    w.lastEventAt = Optional.of(event.at());
    return new Applied(w.freeze(), List.copyOf(w.effects));
  }

  // -------------------------------------------------------------------------------------------
  // Raising and responding

  private void raise(Working w, CaseEvent.Raise e, Optional<Trigger> by) {
    if (w.status != EscalationState.Status.NOT_RAISED) {
      throw refuse(e, "the escalation has already been raised", protocol.span(), Optional.empty());
    }
    role(e, e.by());
    String first = protocol.stages().get(0).key();
    String start = e.stage().orElse(by.map(Trigger::raiseAt).orElse(first));
    Stage stage = stage(e, start);
    if (!start.equals(first) && by.isEmpty()) {
      Right right = right(e, e.by(), Right.Kind.START, new Target.ToStage(start), w,
          "may not start the escalation at stage " + start);
      reason(e, right, e.reason());
    } else if (by.isEmpty() && !e.by().equals(protocol.header().raisedBy())
        && rights(e.by(), Right.Kind.START).isEmpty()) {
      throw refuse(e, "escalations are raised by " + protocol.header().raisedBy() + ", not "
          + e.by(), protocol.span(), protocol.header().sources().stream().findFirst());
    }
    requireMet(w, e, stage.preconditions(), "start at stage " + start);
    w.status = EscalationState.Status.OPEN;
    w.raisedAt = Optional.of(e.at());
    enter(w, e, stage.key(), e.at());
  }

  private void respond(Working w, CaseEvent.Respond e) {
    open(w, e);
    role(e, e.by());
    Stage stage = currentStage(w);
    leave(w, e.at(), e.resolving() ? "resolved" : "unsatisfactory");
    if (!e.resolving()) {
      addOnce(w.completed, stage.key());
    }
    go(w, e, e.resolving() ? stage.transitions().onResolved()
        : stage.transitions().onUnsatisfactory(), e.at());
  }

  private void deadlinePassed(Working w, CaseEvent.DeadlinePassed e) {
    open(w, e);
    Stage stage = currentStage(w);
    if (!stage.key().equals(e.stage()) || w.deadline.isEmpty()
        || e.at().isBefore(w.deadline.get())) {
      throw refuse(e, "no deadline of stage " + e.stage() + " passes at " + e.at(),
          stage.span(), Optional.empty());
    }
    leave(w, e.at(), "no response");
    addOnce(w.completed, stage.key());
    go(w, e, stage.transitions().onNoResponse(), e.at());
  }

  // -------------------------------------------------------------------------------------------
  // Rights

  private void bypass(Working w, CaseEvent.Bypass e) {
    open(w, e);
    Target target = target(e, e.target());
    Right right = right(e, e.by(), Right.Kind.BYPASS, target, w,
        "may not bypass to " + describe(target));
    reason(e, right, e.reason());
    String from = currentStage(w).key();
    leave(w, e.at(), "bypassed");
    addOnce(w.completed, from);
    go(w, e, target, e.at());
    if (w.waitingFor.isPresent()) {
      throw refuse(e, "cannot bypass to " + describe(target) + ": " + waitReason(w, target),
          right.span(), right.citation());
    }
  }

  private void refer(Working w, CaseEvent.Refer e) {
    open(w, e);
    Target target = new Target.ToOutcome(e.outcome());
    Outcome outcome = outcome(e, e.outcome());
    Right right = right(e, e.by(), Right.Kind.REFER, target, w, "may not refer to " + e.outcome());
    reason(e, right, e.reason());
    requireMet(w, e, outcome.preconditions(), "refer to " + e.outcome());
    if (right.concurrently()) {
      addOnce(w.referrals, e.outcome());
      steps(w, outcome.name(), outcome.steps());
      return;
    }
    leave(w, e.at(), "referred");
    conclude(w, outcome);
  }

  private Right right(CaseEvent e, String role, Right.Kind kind, Target target, Working w,
      String refusal) {
    List<Right> rights = rights(role, kind);
    for (Right r : rights) {
      if (r.targets().contains(target) && Conditions.holds(r.when(), w.attributes)) {
        return r;
      }
    }
    Right nearest = rights.isEmpty() ? null : rights.get(0);
    String allowed = rights.isEmpty() ? "the protocol gives " + role + " no such right"
        : role + " may " + kindWord(kind) + " only " + targets(nearest)
            + (nearest.when().isPresent() ? " and only when its condition holds" : "");
    throw refuse(e, role + " " + refusal + ": " + allowed,
        nearest == null ? protocol.span() : nearest.span(),
        nearest == null ? Optional.empty() : nearest.citation());
  }

  private List<Right> rights(String role, Right.Kind kind) {
    return protocol.rights().stream().filter(r -> r.role().equals(role) && r.kind() == kind)
        .toList();
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
    ExtensionRule rule = extensionRule(w, e);
    if (!rule.requestedBy().isEmpty() && !rule.requestedBy().contains(e.by())) {
      throw refuse(e, "more time is requested by " + String.join(", ", rule.requestedBy())
          + ", not " + e.by(), rule.span(), first(rule));
    }
    if (rule.inWriting() && !e.inWriting()) {
      throw refuse(e, "a request for more time must be in writing", rule.span(), first(rule));
    }
    if (rule.withRationale() && e.rationale().map(String::isBlank).orElse(true)) {
      throw refuse(e, "a request for more time must give its rationale", rule.span(), first(rule));
    }
    if (w.pendingExtension.isPresent()) {
      throw refuse(e, "a request for more time is already waiting for an answer", rule.span(),
          first(rule));
    }
    if (rule.upTo().isPresent() && exceeds(e.amount(), rule.upTo().get())) {
      throw refuse(e, "an extension may be up to " + rule.upTo().get() + ", not " + e.amount(),
          rule.span(), first(rule));
    }
    if (rule.maxPerStage().isPresent() && w.extensionsAtStage() >= rule.maxPerStage().get()) {
      throw refuse(e, "at most " + rule.maxPerStage().get() + " extension(s) per stage",
          rule.span(), first(rule));
    }
    if (rule.maxInTotal().isPresent() && w.extensionsInTotal >= rule.maxInTotal().get()) {
      throw refuse(e, "at most " + rule.maxInTotal().get() + " extension(s) in total",
          rule.span(), first(rule));
    }
    requireMet(w, e, rule.preconditions(), "ask for more time");
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
    if (!rule.grantedBy().contains(e.by())) {
      throw refuse(e, "more time is granted by " + String.join(", ", rule.grantedBy()) + ", not "
          + e.by(), rule.span(), first(rule));
    }
    Duration amount = w.pendingExtension.orElseThrow(() -> refuse(e,
        "there is no request for more time to grant", rule.span(), first(rule)));
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

  private ExtensionRule extensionRule(Working w, CaseEvent e) {
    return currentStage(w).extension().or(protocol::extension).orElseThrow(() -> refuse(e,
        "the protocol allows no extension at stage " + w.stage.orElseThrow(),
        currentStage(w).span(), Optional.empty()));
  }

  private static boolean exceeds(Duration asked, Duration limit) {
    return asked.unit() != limit.unit() || asked.amount() > limit.amount();
  }

  // -------------------------------------------------------------------------------------------
  // Case facts and triggers

  private void setAttribute(Working w, CaseEvent.SetAttribute e) {
    var attribute = protocol.attributes().stream().filter(a -> a.name().equals(e.attribute()))
        .findFirst().orElseThrow(() -> refuse(e, "the protocol has no attribute "
            + e.attribute(), protocol.span(), Optional.empty()));
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
    fireTriggers(w, e);
  }

  /** A trigger whose rule holds raises an escalation that is not running yet, once. */
  private void fireTriggers(Working w, CaseEvent e) {
    for (Trigger trigger : protocol.triggers()) {
      if (w.triggered.contains(trigger.name())
          || !Triggers.holds(trigger.rule(), w, e.at(), calendar)) {
        continue;
      }
      w.triggered.add(trigger.name());
      if (w.status == EscalationState.Status.NOT_RAISED) {
        raise(w, new CaseEvent.Raise(e.at(), protocol.header().raisedBy(),
            Optional.of(trigger.raiseAt()), Optional.of("trigger " + trigger.name())),
            Optional.of(trigger));
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Moving between stages

  /** Goes to a target; a target whose preconditions do not hold yet is waited for. */
  private void go(Working w, CaseEvent e, Target target, Instant at) {
    int skips = 0;
    Target next = target;
    while (true) {
      if (next instanceof Target.ToOutcome o) {
        Outcome outcome = outcome(e, o.name());
        if (!met(w, outcome.preconditions())) {
          wait(w, next);
          return;
        }
        conclude(w, outcome);
        return;
      }
      Stage stage = stage(e, ((Target.ToStage) next).key());
      if (!met(w, stage.preconditions())) {
        wait(w, next);
        return;
      }
      if (Conditions.holds(stage.onlyIf(), w.attributes) || ++skips > MAX_SKIPS) {
        enter(w, e, stage.key(), at);
        return;
      }
      next = stage.transitions().onNoResponse();
    }
  }

  private void wait(Working w, Target target) {
    w.waitingFor = Optional.of(target);
    w.deadline = Optional.empty();
    w.reminders.removeIf(r -> !r.untilResolved());
  }

  private void retryWaiting(Working w, CaseEvent e) {
    if (w.status != EscalationState.Status.OPEN || w.waitingFor.isEmpty()) {
      return;
    }
    Target target = w.waitingFor.get();
    w.waitingFor = Optional.empty();
    go(w, e, target, e.at());
  }

  private void enter(Working w, CaseEvent e, String key, Instant at) {
    Stage stage = stage(e, key);
    w.stage = Optional.of(key);
    w.waitingFor = Optional.empty();
    w.pendingExtension = Optional.empty();
    w.deadline = deadline(w, stage, at);
    w.visits.add(new StageVisit(key, at, w.deadline, Optional.empty(), Optional.empty(), 0));
    remind(w, stage, at);
    steps(w, key, stage.steps());
  }

  private void remind(Working w, Stage stage, Instant at) {
    String key = stage.key();
    w.reminders.removeIf(r -> !r.untilResolved());
    for (Step step : stage.steps()) {
      if (step instanceof Step.Remind r && Conditions.holds(r.when(), w.attributes)) {
        w.reminders.removeIf(x -> x.stage().equals(key) && x.roles().equals(r.roles()));
        w.reminders.add(new ActiveReminder(key, r.roles(), r.copying(), r.every(),
            r.untilResolved(), due(at, r.every())));
      }
    }
  }

  /**
   * A migration lands the escalation at a stage as though it had been there since it entered
   * it: the deadline and reminders are this version's, counted from then; nothing is sent again.
   */
  private void migrated(Working w, CaseEvent.Migrated e) {
    if (w.status != EscalationState.Status.NOT_RAISED) {
      throw refuse(e, "a migration starts the log under the version it moves to",
          protocol.span(), Optional.empty());
    }
    Stage stage = stage(e, e.stage());
    w.status = EscalationState.Status.OPEN;
    w.raisedAt = Optional.of(e.raisedAt());
    w.completed.addAll(e.completed());
    w.agreements.addAll(e.agreements());
    w.advice.addAll(e.advice());
    w.attributes.putAll(e.attributes());
    w.stage = Optional.of(stage.key());
    w.deadline = deadline(w, stage, e.entered());
    w.visits.add(new StageVisit(stage.key(), e.entered(), w.deadline, Optional.empty(),
        Optional.empty(), 0));
    remind(w, stage, e.entered());
  }

  /** The earliest deadline among the timescales that apply; none if none applies. */
  private Optional<Instant> deadline(Working w, Stage stage, Instant at) {
    Optional<Instant> earliest = Optional.empty();
    boolean conditional = false;
    for (Timescale t : stage.timescales()) {
      if (t.when().isPresent() && Conditions.holds(t.when(), w.attributes)) {
        conditional = true;
      }
    }
    for (Timescale t : stage.timescales()) {
      boolean applies = t.when().isPresent() ? Conditions.holds(t.when(), w.attributes)
          : !conditional;
      if (!applies) {
        continue;
      }
      Optional<Instant> from = anchor(w, t, at);
      if (from.isPresent()) {
        Instant d = due(from.get(), t.duration());
        if (earliest.isEmpty() || d.isBefore(earliest.get())) {
          earliest = Optional.of(d);
        }
      }
    }
    return earliest;
  }

  private Optional<Instant> anchor(Working w, Timescale t, Instant stageStart) {
    if (t.anchor() instanceof Timescale.Anchor.EscalationStart) {
      return w.raisedAt;
    } else if (t.anchor() instanceof Timescale.Anchor.Event ev) {
      List<Instant> times = w.occurrences.getOrDefault(ev.name(), List.of());
      return times.isEmpty() ? Optional.empty() : Optional.of(times.get(times.size() - 1));
    }
    return Optional.of(stageStart);
  }

  private Instant due(Instant from, Duration d) {
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

  private void conclude(Working w, Outcome outcome) {
    w.status = EscalationState.Status.ENDED;
    w.outcome = Optional.of(outcome.name());
    if (outcome.name().equals(Target.RESOLVED)) {
      w.resolvedAt = w.stage;
    }
    steps(w, outcome.name(), outcome.steps());
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

  /** Tells the host what a stage or outcome asks for, steps whose condition holds only. */
  private static void steps(Working w, String where, List<Step> steps) {
    for (Step step : steps) {
      if (!Conditions.holds(step.when(), w.attributes)) {
        continue;
      }
      if (step instanceof Step.EscalateTo s) {
        w.effects.add(new Effect.EscalateTo(where, s.roles(), s.bothAgencies(), s.citation()));
      } else if (step instanceof Step.Copy s) {
        w.effects.add(new Effect.CopyTo(where, s.roles(), s.citation()));
      } else if (step instanceof Step.Inform s) {
        w.effects.add(new Effect.Inform(where, s.kind().name().toLowerCase(java.util.Locale.ROOT),
            s.roles(), s.what(), s.by(), s.citation()));
      } else if (step instanceof Step.Act s) {
        w.effects.add(new Effect.Act(where, s.what(), s.by(), s.citation()));
      } else if (step instanceof Step.Keep s) {
        w.effects.add(new Effect.Keep(where, s.form().or(s::note).orElse(""), s.sentTo(),
            s.citation()));
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Look-ups and refusals

  private boolean met(Working w, List<Precondition> preconditions) {
    return preconditions.stream().allMatch(p -> Conditions.unmet(p, w).isEmpty());
  }

  private void requireMet(Working w, CaseEvent e, List<Precondition> preconditions, String what) {
    for (Precondition p : preconditions) {
      Optional<String> unmet = Conditions.unmet(p, w);
      if (unmet.isPresent()) {
        throw refuse(e, "cannot " + what + ": " + unmet.get(), p.span(), Optional.empty());
      }
    }
  }

  private String waitReason(Working w, Target target) {
    List<Precondition> preconditions = target instanceof Target.ToOutcome o
        ? protocol.outcome(o.name()).map(Outcome::preconditions).orElse(List.of())
        : protocol.stage(((Target.ToStage) target).key()).map(Stage::preconditions)
            .orElse(List.of());
    return preconditions.stream().map(p -> Conditions.unmet(p, w)).flatMap(Optional::stream)
        .findFirst().orElse("its preconditions do not hold");
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

  private Stage currentStage(Working w) {
    return protocol.stage(w.stage.orElseThrow()).orElseThrow();
  }

  private Stage stage(CaseEvent e, String key) {
    return protocol.stage(key).orElseThrow(() -> refuse(e, "the protocol has no stage " + key,
        protocol.span(), Optional.empty()));
  }

  private Outcome outcome(CaseEvent e, String name) {
    return protocol.outcome(name).orElseThrow(() -> refuse(e, "the protocol has no outcome "
        + name, protocol.span(), Optional.empty()));
  }

  private Target target(CaseEvent e, String text) {
    if (protocol.stage(text).isPresent()) {
      return new Target.ToStage(text);
    }
    if (protocol.outcome(text).isPresent()) {
      return new Target.ToOutcome(text);
    }
    throw refuse(e, "the protocol has no stage or outcome " + text, protocol.span(),
        Optional.empty());
  }

  private static String describe(Target t) {
    return t instanceof Target.ToStage s ? "stage " + s.key() : ((Target.ToOutcome) t).name();
  }

  private static String targets(Right r) {
    return String.join(", ", r.targets().stream().map(Rules::describe).toList());
  }

  private static String kindWord(Right.Kind kind) {
    return switch (kind) {
      case START -> "start at";
      case BYPASS -> "bypass to";
      case REFER -> "refer to";
    };
  }

  private static Optional<org.escalon.model.Citation> first(ExtensionRule rule) {
    return rule.citations().stream().findFirst();
  }

  private static void addOnce(List<String> list, String value) {
    if (!list.contains(value)) {
      list.add(value);
    }
  }

  private static RefusedEvent refuse(CaseEvent e, String rule, SourceSpan span,
      Optional<org.escalon.model.Citation> citation) {
    return new RefusedEvent(e, rule, span, citation);
  }
}
