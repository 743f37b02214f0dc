package org.escalon.compiler.verify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.machine.Guard;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationListener;
import org.escalon.engine.EscalationState;
import org.escalon.engine.RefusedEvent;
import org.escalon.engine.StageVisit;
import org.escalon.machine.HistoryRuleCases;
import org.escalon.model.Timespan;
import org.escalon.model.ExtensionRule;
import org.escalon.model.HistoryRule;
import org.escalon.model.Protocol;
import org.escalon.model.Stage;
import org.escalon.model.TimeUnit;
import org.escalon.model.Trigger;
import org.escalon.simulate.CaseEvents;
import org.escalon.simulate.Scenario;
import org.escalon.simulate.ScenarioStep;
import org.escalon.simulate.ScenarioStep.Action;
import org.escalon.simulate.ScenarioStep.When;
import org.escalon.simulate.ScenarioWriter;

/**
 * Turns a path of the verifier's model into a scenario the simulator replays. To know which stay
 * and which working day each step belongs to, it replays the path on the engine itself, from the
 * start date, the way the simulator will: steps at noon, deadlines at the close of their day.
 * People act on the day they are asked (or, for the slowest paths, on the last day they have).
 */
final class CounterexampleBuilder {

  private static final String REASON = "as in the counterexample";

  private final StateSpace space;
  private final ProtocolIndex ix;
  private final Protocol protocol;
  private final Describer describer;
  private final WorkingCalendar calendar;

  CounterexampleBuilder(StateSpace space) {
    this.space = space;
    this.ix = space.rules.index();
    this.protocol = ix.protocol;
    this.describer = new Describer(space.rules);
    this.calendar = WorkingCalendar.of(protocol.header().calendar(), protocol.header().zone());
  }

  /**
   * A fact of the case before the raise, as a scenario says it: a decision (the protocol's,
   * taken at any time) by its first role, any other attribute set.
   */
  private Action fact(String name, String value) {
    Optional<org.escalon.model.Attribute.Decision> decision = ix.protocol.attributes().stream()
        .filter(x -> x.name().equals(name)).findFirst()
        .flatMap(org.escalon.model.Attribute::decision);
    return decision.<Action>map(d -> new Action.Decide(d.by().get(0), name, value.equals("yes")))
        .orElseGet(() -> new Action.Set(name, value));
  }

  Counterexample build(String name, StatePath path, Finding.Timing timing, LocalDate start) {
    Replay r = new Replay(start);
    State first = space.state(path.states().get(0));
    Move raise = path.moves().get(0);
    List<ScenarioStep> before = new ArrayList<>();
    List<ScenarioStep> steps = new ArrayList<>();
    List<Counterexample.Step> said = new ArrayList<>();
    for (int a = 0; a < ix.attributes.size(); a++) {
      Optional<String> v = ix.valueName(first.attributes(), a);
      if (v.isPresent() && !v.get().equals("no")) {
        Action set = fact(ix.attributes.get(a).name(), v.get());
        before.add(new ScenarioStep(new When.Before(), set, 0));
        r.apply(set);
        said.add(new Counterexample.Step(set instanceof Action.Decide d ? d.by() + " decides "
                + d.decision() : ix.attributes.get(a).name() + " is " + v.get(),
            "before the raise", Optional.empty(), ix.attributes.get(a).span(),
            Optional.of(lineOf(new ScenarioStep(new When.Before(), set, 0)))));
      }
    }
    for (Action consent : consents(first)) {
      // given before the raise, as in the verifier's first state: a stage that requires them
      // would refuse a raise that came first
      ScenarioStep step = new ScenarioStep(new When.Before(), consent, 0);
      before.add(step);
      r.apply(consent);
      said.add(new Counterexample.Step(lineOf(step), "before the raise", Optional.empty(),
          protocol.span(), Optional.of(lineOf(step))));
    }
    boolean byTrigger = false;
    Optional<Action.Raise> raiseAction = Optional.empty();
    Optional<Trigger> trigger = trigger(raise);
    if (trigger.isPresent() && witness(trigger.get().rule(), before, r)) {
      byTrigger = true;
    } else {
      raiseAction = Optional.of(new Action.Raise(raise.role(), Optional.of(raise.target()),
          Optional.of(REASON)));
      r.apply(raiseAction.get());
    }
    said.add(new Counterexample.Step(raise.describe(), describer.where(first), raise.citation(),
        raise.span(), Optional.empty()));
    for (int i = 0; i < ix.anchorEvents.size(); i++) {
      if (first.occurred().get(i)) {
        // an event before the raise happens at once after it instead: a scenario says events
        // only once the escalation runs
        Action happen = new Action.Happen(ix.anchorEvents.get(i));
        r.apply(happen);
        steps.add(new ScenarioStep(new When.FromStart(0), happen, 0));
      }
    }
    for (int i = 1; i < path.moves().size(); i++) {
      Move m = path.moves().get(i);
      State after = space.state(path.states().get(i));
      Optional<String> line = Optional.empty();
      if (m.kind() == Move.Kind.DEADLINE) {
        r.deadline();
      } else {
        boolean exit = exits(m, space.state(path.states().get(i - 1)), after);
        When when = r.when(timing == Finding.Timing.AT_THE_LAST_MOMENT && exit);
        for (Action action : actions(m)) {
          ScenarioStep step = new ScenarioStep(when, action, 0);
          steps.add(step);
          r.apply(action);
          line = Optional.of(lineOf(step));
        }
      }
      said.add(new Counterexample.Step(m.describe(), describer.where(after), m.citation(),
          m.span(), line));
    }
    Scenario scenario = scenarioOf(name, before, steps, raiseAction, byTrigger);
    return new Counterexample(scenario, said, ending(path), timing);
  }

  private static Scenario scenarioOf(String name, List<ScenarioStep> before,
      List<ScenarioStep> steps, Optional<Action.Raise> raise, boolean byTrigger) {
    return new Scenario("counterexample: " + name, Optional.empty(), raise, byTrigger, false,
        before, steps);
  }

  /** The line of a scenario file that says one step. */
  private static String lineOf(ScenarioStep step) {
    boolean before = step.when() instanceof When.Before;
    String all = ScenarioWriter.write(new Scenario("x", Optional.empty(), Optional.empty(), false,
        true, before ? List.of(step) : List.of(), before ? List.of() : List.of(step)));
    return all.lines().skip(1).findFirst().orElse("");
  }

  private String ending(StatePath p) {
    State last = space.state(p.last());
    return switch (p.ending()) {
      case ENDS -> "the escalation has ended";
      case WAITS_FOREVER -> "then nobody acts: " + describer.where(last)
          + ", and the escalation waits for ever";
      case LOOPS -> "then nobody acts: the deadlines go round the same stages for ever";
      case STOPS -> last.ended() ? "the escalation has ended" : "this is where the claim breaks";
    };
  }

  /** The agreement, advice and steps done the first state has: given before the raise. */
  private List<Action> consents(State first) {
    List<Action> out = new ArrayList<>();
    for (int i = 0; i < ix.agreements.size(); i++) {
      if (first.consents().get(i)) {
        out.add(new Action.Agree(ix.agreements.get(i)));
      }
    }
    for (int i = 0; i < ix.advice.size(); i++) {
      if (first.consents().get(ix.agreements.size() + i)) {
        out.add(new Action.Advise(ix.advice.get(i)));
      }
    }
    for (Guard.Done d : ix.done) {
      if (first.consents().get(ix.doneBit(d.step()))) {
        out.add(new Action.Done(d.by(), d.step()));
      }
    }
    return out;
  }

  private Optional<Trigger> trigger(Move raise) {
    if (!raise.detail().startsWith("trigger ")) {
      return Optional.empty();
    }
    String name = raise.detail().substring("trigger ".length());
    return protocol.triggers().stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** Lines before the raise that make a trigger's rule true; false if that needs time to pass. */
  private boolean witness(HistoryRule rule, List<ScenarioStep> before, Replay r) {
    List<Action> actions = new ArrayList<>();
    if (!witness(rule, actions)) {
      return false;
    }
    for (Action a : actions) {
      before.add(new ScenarioStep(new When.Before(), a, 0));
      r.apply(a);
    }
    return true;
  }

  private boolean witness(HistoryRule rule, List<Action> out) {
    return HistoryRuleCases.on(rule, new HistoryRuleCases<Boolean>() {
      @Override
      public Boolean graded(HistoryRule.Graded g) {
        for (int i = 0; i < g.times(); i++) {
          out.add(new Action.Grade(g.scale(), "plan", g.grade()));
        }
        return true;
      }

      // events and time since them cannot be said before the raise
      @Override
      public Boolean count(HistoryRule.Count c) {
        return false;
      }

      @Override
      public Boolean since(HistoryRule.Since s) {
        return false;
      }

      @Override
      public Boolean holds(HistoryRule.Holds h) {
        return out.add(fact(h.attribute(), "yes"));
      }

      @Override
      public Boolean and(HistoryRule.And a) {
        return witness(a.left(), out) && witness(a.right(), out);
      }

      @Override
      public Boolean or(HistoryRule.Or o) {
        List<Action> left = new ArrayList<>();
        if (witness(o.left(), left)) {
          out.addAll(left);
          return true;
        }
        return witness(o.right(), out);
      }
    });
  }

  private boolean exits(Move m, State from, State to) {
    return to.ended() || to.entered() || !from.isWaiting() && to.isWaiting()
        || m.kind() == Move.Kind.RESOLVE || m.kind() == Move.Kind.UNSATISFACTORY;
  }

  /**
   * The scenario's actions for a move: one, but a resolving answer of a stage each of several
   * roles must answer ({@code to A and B}) is each one's answer ({@code Interpreter.answerers}).
   */
  private List<Action> actions(Move m) {
    if (m.kind() == Move.Kind.RESOLVE) {
      if (answering == null) {
        answering = org.escalon.machine.OperationalModel.of(protocol);
      }
      return answering.stage(m.target()).map(s -> org.escalon.machine.Interpreter
          .answerers(s, m.role(), true).stream().<Action>map(r -> new Action.Respond(r, true))
          .toList()).orElse(List.of(action(m)));
    }
    return List.of(action(m));
  }

  /** The operational model, built when a path first resolves a stage. */
  private org.escalon.machine.OperationalModel answering;

  private Action action(Move m) {
    return switch (m.kind()) {
      case RESOLVE -> new Action.Respond(m.role(), true);
      case UNSATISFACTORY -> new Action.Respond(m.role(), false);
      case BYPASS -> new Action.Bypass(m.role(), m.target().replaceFirst("^stage ", ""),
          Optional.of(REASON));
      case REFER, REFER_CONCURRENTLY -> new Action.Refer(m.role(), m.target(),
          Optional.of(REASON));
      case ASK_FOR_TIME -> new Action.AskForTime(m.role(), amount(m.target()), true,
          Optional.of(REASON));
      case GRANT_TIME -> new Action.GrantTime(m.role());
      case SET_TIME -> new Action.SetTime(m.role(), assumed(m.target()));
      case AGREE -> new Action.Agree(m.role());
      case ADVISE -> new Action.Advise(m.role());
      case REPORT_DONE -> new Action.Done(m.role(), m.target());
      case SET -> new Action.Set(m.target(), m.detail());
      case DECIDE -> new Action.Decide(m.role(), m.target(), m.detail().equals("yes"));
      case OCCUR -> new Action.Happen(m.target());
      default -> throw new IllegalStateException("not an action: " + m);
    };
  }

  /** The value set for a timescale that waits for one: the bound the tools take, assumed. */
  private Timespan assumed(String stageKey) {
    return ix.stages.get(ix.stage(stageKey)).timescales().stream()
        .filter(org.escalon.model.Timescale::awaitsValue).findFirst().orElseThrow().duration();
  }

  /** All the time the stage's extension rule allows, or the stage's own timescale again. */
  private Timespan amount(String stageKey) {
    Stage stage = ix.stages.get(ix.stage(stageKey));
    Optional<ExtensionRule> rule = stage.extension().or(() -> protocol.extension());
    return rule.flatMap(ExtensionRule::upTo).or(() -> stage.defaultTimescale()
        .map(t -> t.duration()).filter(d -> d.unit() != TimeUnit.SAME_WORKING_DAY))
        .orElse(Timespan.workingDays(5));
  }

  /** The engine, run along the path on the dates the simulator will use. */
  private final class Replay {
    private final LocalDate start;
    private final Escalation engine;
    private Instant now;

    Replay(LocalDate start) {
      this.start = start;
      this.engine = new Escalation(protocol, calendar, new EscalationListener() {});
      this.now = start.atTime(9, 0).atZone(calendar.zone()).toInstant();
    }

    void apply(Action action) {
      CaseEvent event = CaseEvents.of(action, now, protocol);
      try {
        engine.apply(event);
      } catch (RefusedEvent refused) {
        // the simulator shows the refusal in the timeline; the replay carries on as it does
      }
      now = max(now, event.at());
    }

    void deadline() {
      Optional<Instant> due = engine.state().deadline();
      if (due.isEmpty()) {
        return;
      }
      for (int i = 0; i < 10_000 && engine.nextDue().filter(d -> !d.isAfter(due.get()))
          .isPresent(); i++) {
        try {
          engine.advanceTo(engine.nextDue().get());
        } catch (RefusedEvent refused) {
          return;
        }
      }
      now = max(now, due.get());
    }

    /** When the next action happens: today (or on the last day of the stay), at noon. */
    When when(boolean lastDay) {
      EscalationState s = engine.state();
      LocalDate day = calendar.dayOf(now);
      if (noonOf(day).isBefore(now)) {
        day = day.plusDays(1);
      }
      day = calendar.nextWorkingDay(day);
      Optional<StageVisit> visit = s.currentVisit().filter(v -> v.left().isEmpty());
      if (visit.isEmpty()) {
        now = max(now, noonOf(day));
        return new When.FromStart(calendar.workingDaysBetween(start, day));
      }
      StageVisit v = visit.get();
      LocalDate day0 = calendar.nextWorkingDay(calendar.dayOf(v.entered().plusNanos(1)));
      if (day.isBefore(day0)) {
        day = day0;
      }
      if (lastDay && v.deadline().isPresent()) {
        LocalDate last = calendar.dayOf(v.deadline().get());
        if (calendar.isWorkingDay(last) && last.isAfter(day)) {
          day = last;
        }
      }
      int visitNumber = (int) s.visits().stream().filter(x -> x.stage().equals(v.stage()))
          .count();
      now = max(now, noonOf(day));
      return new When.AtStage(v.stage(), visitNumber, calendar.workingDaysBetween(day0, day));
    }

    private Instant noonOf(LocalDate day) {
      return day.atTime(12, 0).atZone(calendar.zone()).toInstant();
    }
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
