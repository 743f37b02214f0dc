package org.escalon.compiler.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Effect;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationListener;
import org.escalon.engine.EscalationState;
import org.escalon.model.Claim;
import org.escalon.model.Timespan;
import org.escalon.model.HistoryRule;
import org.escalon.model.Protocol;
import org.escalon.model.Trigger;

/**
 * The verifier's state exploration agrees with the engine: random paths through the abstract
 * model, replayed on the engine with real instants, reach the same stage, waits, outcome and
 * tracked facts after every move, and do the same role actions on entering a stage. Both ask the
 * same interpreter, so this checks the verifier's abstraction (which facts it keeps, time left
 * out), with nothing skipped.
 *
 * <p>Where the engine's clock decides, the walk follows it, and what it does must be a move of
 * the abstract model, which lets a running deadline pass at any moment: a deadline that had
 * already passed when its stage was entered (one counted from the start of the escalation, or
 * from an event) passes at once, before anyone can answer, and the walk takes the abstract
 * model's deadline move for it (docs/language.md, section 10); when the history that satisfies
 * one trigger fires another first, the walk goes on from the abstract raise by that trigger.
 */
class EngineAgreementProperties {

  @Property(tries = 400)
  void randomPathsAgreeWithTheEngine(@ForAll @IntRange(min = 0, max = 5) int which,
      @ForAll long seed) {
    Protocol protocol = SeedProtocols.all().get(which);
    walk(protocol, seed);
  }

  @Property(tries = 200)
  void randomPathsAgreeOnTheLanguageExamples(@ForAll @IntRange(min = 0, max = 1000) int which,
      @ForAll long seed) {
    List<Protocol> examples = SeedProtocols.examples();
    walk(examples.get(which % examples.size()), seed);
  }

  /** Soft deadlines only, and more time that may be asked for at each stage. */
  private static final String SOFT_WITH_MORE_TIME = """
      protocol "Soft deadlines and more time" {
        raised by IRO
        role IRO "Independent Reviewing Officer"
        role TeamManager "Team Manager"
        role ServiceManager "Service Manager"
        role LegalAdviser "Legal adviser"
        stage 1 "To the Team Manager" {
          to TeamManager
          respond within 5 working days where possible
          source "Stage 1"
        }
        stage 2 "To the Service Manager" {
          to ServiceManager
          respond within 5 working days where possible
          when not resolved go to unresolved
          source "Stage 2"
        }
        outcome unresolved "Not resolved" {
          requires advice of LegalAdviser
          notify IRO "that the concern was not resolved"
        }
        extension { requested by addressees granted by IRO up to 5 working days }
      }
      """;

  /**
   * A request for more time still waiting when a soft deadline is missed lapses (the engine drops
   * it when it records the miss); the verifier's deadline move, the miss and the escalator's
   * move, drops it too, also when that move only reaches the door of an outcome that waits for
   * advice. Random walks over the seeds rarely ask for time just before a soft deadline; on this
   * protocol many walks do.
   */
  @Property(tries = 100)
  void aRequestWaitingAtAMissedSoftDeadlineLapsesInBoth(@ForAll long seed) {
    walk(SeedProtocols.compile("soft-more-time.esc", SOFT_WITH_MORE_TIME), seed);
  }

  /** Stage 2 counts from the start: when stage 1 takes all its time, stage 2's has gone too. */
  private static final String OVERDUE = """
      protocol "Counted from the start" {
        raised by IRO
        role IRO "Independent Reviewing Officer"
        role TeamManager "Team Manager"
        role ServiceManager "Service Manager"
        stage 1 "To the Team Manager" {
          to TeamManager
          respond within 10 working days
          when not resolved go to stage 2
          source "Stage 1"
        }
        stage 2 "To the Service Manager" {
          to ServiceManager
          respond by 5 working days after the start
          when not resolved go to unresolved
          source "Stage 2"
        }
        outcome unresolved "Not resolved" {
          notify IRO "that the concern was not resolved"
        }
      }
      """;

  /**
   * docs/language.md, section 10: a deadline that passed before its stage was entered passes at
   * once in the engine; the verifier, with no clock, offers both it and an answer in time.
   */
  @Example
  void aDeadlinePassedBeforeItsStageIsEnteredPassesAtOnce() {
    Protocol protocol = SeedProtocols.compile("overdue.esc", OVERDUE);
    Escalation engine = Escalation.of(protocol);
    Instant raised = Instant.parse("2026-03-02T09:00:00Z");
    engine.apply(new CaseEvent.Raise(raised, "IRO", Optional.empty(), Optional.empty()));
    engine.advanceTo(engine.state().deadline().orElseThrow());
    assertEquals("unresolved", engine.state().outcome().orElseThrow());
    assertEquals(List.of("1", "2"), engine.state().visits().stream().map(v -> v.stage())
        .toList());

    AbstractRules rules = new AbstractRules(new ProtocolIndex(protocol));
    State atTwo = rules.initial(SearchLimits.defaults().budget()).get(0).state();
    List<AbstractRules.Next> next = rules.successors(atTwo);
    atTwo = next.stream().filter(n -> n.move().kind() == Move.Kind.DEADLINE).findFirst()
        .orElseThrow().state();
    next = rules.successors(atTwo);
    assertEquals(List.of(Move.Kind.RESOLVE, Move.Kind.UNSATISFACTORY, Move.Kind.DEADLINE),
        next.stream().map(n -> n.move().kind()).toList());
  }

  private static final String DECISION = """
      protocol "A challenge the Service Manager judges" {
        raised by Practitioner
        role Practitioner "Practitioner"
        role TeamManager "Team Manager"
        role ServiceManager "Service Manager"
        role Director "Director"
        stage 1 "One" { to TeamManager respond within 5 working days source "1" }
        stage 2 "Two" {
          to ServiceManager
          decision justified "the challenge is justified" by ServiceManager
          respond within 5 working days
          when not resolved go to stage 3 if justified, otherwise go to closed_off
          source "2"
        }
        stage 3 "Three" {
          to Director
          respond within 5 working days
          when not resolved go to resolved
          source "3"
        }
        outcome closed_off "Closed" { notify Practitioner "closed" }
      }
      """;

  /**
   * Issue 14 point 6: a decision taken during a stage is a choice the verifier offers both ways,
   * by its role, only while the escalation is at its stage (never before the raise); the engine
   * agrees along random paths.
   */
  @Example
  void aDecisionIsExploredBothWaysOnlyAtItsStage() {
    Protocol protocol = SeedProtocols.compile("decision.esc", DECISION);
    AbstractRules rules = new AbstractRules(new ProtocolIndex(protocol));
    List<AbstractRules.Next> starts = rules.initial(SearchLimits.defaults().budget());
    assertEquals(1, starts.size(), "no decision before the raise");
    List<AbstractRules.Next> atOne = rules.successors(starts.get(0).state());
    assertTrue(atOne.stream().noneMatch(n -> n.move().kind() == Move.Kind.DECIDE));
    State atTwo = atOne.stream().filter(n -> n.move().kind() == Move.Kind.UNSATISFACTORY)
        .findFirst().orElseThrow().state();
    List<AbstractRules.Next> decided = rules.successors(atTwo).stream()
        .filter(n -> n.move().kind() == Move.Kind.DECIDE).toList();
    assertEquals(List.of("ServiceManager decides justified"), decided.stream()
        .map(n -> n.move().describe()).toList());
    State yes = decided.get(0).state();
    assertTrue(rules.successors(yes).stream().anyMatch(n -> n.move().describe()
        .equals("ServiceManager decides not justified")), "and back");
    for (long seed = 0; seed < 40; seed++) {
      walk(protocol, seed);
    }
  }

  private static final String JUDGEMENT = """
      protocol "A bypass on the IRO's judgement" {
        raised by IRO
        role IRO "Independent Reviewing Officer"
        role TeamManager "Team Manager"
        role ServiceManager "Service Manager"
        role Director "Director"
        decision serious "the issue is more serious or urgent" by IRO
        stage 1 "One" { to TeamManager respond within 5 working days source "1" }
        stage 2 "Two" { to ServiceManager respond within 5 working days source "2" }
        stage 3 "Three" {
          to Director
          respond within 5 working days
          when not resolved go to resolved
          source "3"
        }
        IRO may start at stage 3 if serious
        IRO may bypass to stage 3 if serious
      }
      """;

  /**
   * Issue 14: the protocol's decision is a free choice of its role, explored both ways before
   * the raise (so the start that reads it is explored used and not) and at every stage; the
   * engine agrees along random paths, taking the judgement before the raise where the abstract
   * raise did.
   */
  @Example
  void aJudgementIsExploredBothWaysBeforeTheRaiseAndAfter() {
    Protocol protocol = SeedProtocols.compile("judgement.esc", JUDGEMENT);
    AbstractRules rules = new AbstractRules(new ProtocolIndex(protocol));
    List<AbstractRules.Next> starts = rules.initial(SearchLimits.defaults().budget());
    assertEquals(List.of("IRO raises the escalation at stage 1",
        "IRO raises the escalation at stage 1",
        "IRO raises the escalation at stage 3 (using the right to start there)"), starts.stream().map(n -> n.move().describe()).toList(),
        "stage 1 judged either way; stage 3 only when judged serious");
    State notJudged = starts.get(0).state();
    List<AbstractRules.Next> decided = rules.successors(notJudged).stream()
        .filter(n -> n.move().kind() == Move.Kind.DECIDE).toList();
    assertEquals(List.of("IRO decides serious"), decided.stream()
        .map(n -> n.move().describe()).toList());
    assertTrue(rules.successors(decided.get(0).state()).stream().anyMatch(n -> n.move()
        .describe().startsWith("IRO bypasses to stage 3")), "the bypass once judged serious");
    assertTrue(rules.successors(notJudged).stream().noneMatch(n -> n.move().kind()
        == Move.Kind.BYPASS), "no bypass before");
    for (long seed = 0; seed < 60; seed++) {
      walk(protocol, seed);
    }
  }

  private static final String ONLY_IF_AND_AT_ONCE = """
      protocol "Only if at the raise, and at once" {
        raised by IRO
        role IRO "Independent Reviewing Officer"
        role TeamManager "Team Manager"
        role ServiceManager "Service Manager"
        role Director "Director"
        attribute cp_plan "the child has a child protection plan"
        attribute immediate_risk "there is immediate risk"
        stage 1 "One" { to TeamManager respond within 5 working days source "1" }
        stage 2 "Two" { to ServiceManager only if cp_plan respond within 5 working days source "2" }
        stage 3 "Three" {
          to Director
          respond within 5 working days
          when not resolved go to resolved
          source "3"
        }
        IRO may start at stage 2
        when immediate_risk go to stage 3
      }
      """;

  /**
   * Issue 14 point 6: a start at a stage whose {@code only if} does not hold goes on past it in
   * the verifier as in the engine; and a duty to go at once moves the escalation when the fact it
   * reads is set (stage 1 completed), never back down.
   */
  @Example
  void onlyIfHoldsAtTheRaiseAndAtOnceMovesOnAFactChange() {
    Protocol protocol = SeedProtocols.compile("only-if-at-once.esc", ONLY_IF_AND_AT_ONCE);
    AbstractRules rules = new AbstractRules(new ProtocolIndex(protocol));
    List<AbstractRules.Next> starts = rules.initial(SearchLimits.defaults().budget());
    for (AbstractRules.Next start : starts) {
      boolean cp = CaseFacts.of(rules.index(), start.state()).attribute("cp_plan", "yes");
      boolean risk = CaseFacts.of(rules.index(), start.state()).attribute("immediate_risk", "yes");
      if (risk) {
        assertEquals(2, start.state().stage(), "with risk every raise starts at stage 3");
      } else if (start.move().target().equals("2")) {
        assertEquals(cp ? 1 : 2, start.state().stage(), "a start at stage 2: " + start);
      }
    }
    State atOne = starts.stream().filter(n -> n.state().stage() == 0).findFirst().orElseThrow()
        .state();
    State moved = rules.successors(atOne).stream()
        .filter(n -> n.move().kind() == Move.Kind.SET && n.move().target().equals("immediate_risk")
            && n.move().detail().equals("yes")).findFirst().orElseThrow().state();
    assertEquals(2, moved.stage());
    assertEquals(true, CaseFacts.of(rules.index(), moved).completed("1")
        || rules.index().completedBit[0] < 0);
  }

  private static void walk(Protocol protocol, long seed) {
    Random random = new Random(seed);
    AbstractRules rules = new AbstractRules(new ProtocolIndex(protocol));
    ProtocolIndex ix = rules.index();
    List<AbstractRules.Next> starts = rules.initial(SearchLimits.defaults().budget());
    AbstractRules.Next start = starts.get(random.nextInt(starts.size()));
    Recorder effects = new Recorder();
    Escalation engine = new Escalation(protocol, Escalation.of(protocol).calendar(), effects);
    Instant now = Instant.parse("2026-03-02T09:00:00Z");
    now = raise(engine, ix, start, now);
    // the history that satisfies one trigger may fire another first: that raise must be one of
    // the abstract model's too
    State state = start.state();
    if (mismatch(ix, state, engine.state()) != null) {
      state = starts.stream().map(AbstractRules.Next::state)
          .filter(s -> mismatch(ix, s, engine.state()) == null).findFirst()
          .orElseThrow(() -> new AssertionError("no abstract raise is the engine's "
              + engine.state() + " (tried " + start.move() + ")"));
    }
    compare(ix, state, engine.state(), effects, true);
    List<AbstractRules.Next> next;
    for (int step = 0; step < 40 && state.open(); step++) {
      effects.clear();
      int visits = engine.state().visits().size();
      int logged = engine.log().size();
      Instant at = now;
      State reached;
      if (engine.state().deadline().filter(d -> !d.isAfter(at)).isPresent()) {
        // the stage was entered after its deadline: it passes before anyone can act
        engine.advanceTo(now);
        escalateMissed(engine, now);
        reached = deadlines(rules, state, passedSince(engine, logged));
      } else {
        next = rules.successors(state);
        AbstractRules.Next chosen = next.get(random.nextInt(next.size()));
        if (chosen.state().ended()) {
          chosen = next.get(random.nextInt(next.size())); // ending less often makes longer paths
        }
        now = apply(engine, chosen.move(), now);
        long passed = passedSince(engine, logged);
        reached = deadlines(rules, chosen.state(),
            passed - (chosen.move().kind() == Move.Kind.DEADLINE ? 1 : 0));
      }
      EscalationState e = engine.state();
      boolean entered = e.visits().size() > visits && e.status() == EscalationState.Status.OPEN
          && e.waitingFor().isEmpty() && e.visits().get(e.visits().size() - 1).left().isEmpty();
      assertEquals(reached.entered(), entered, "entered: abstract " + reached + "\nengine " + e);
      compare(ix, reached, e, effects, entered);
      state = reached;
      if (random.nextInt(3) == 0 && setTimescale(engine, random, now)) {
        // setting a timescale whose deadline runs is no move of the verifier's: it may pass at
        // any moment before and after, so the abstract state is the engine's still (setting one
        // that gave no deadline is, SET_TIME)
        effects.clear();
        compare(ix, state, engine.state(), effects, false);
      }
      if (!protocol.dates().isEmpty() && random.nextInt(3) == 0) {
        // setting (or moving) a known date only starts or moves step clocks, which move
        // nothing: no move of the verifier's, so the abstract state is the engine's still
        engine.apply(new CaseEvent.SetDate(now, protocol.dates().get(0).name(),
            now.plusSeconds(3_600L * (1 + random.nextInt(500)))));
        effects.clear();
        compare(ix, state, engine.state(), effects, false);
      }
    }
  }

  /**
   * The role that sets the present stage's timescale during the case sets it, up to its cap, or
   * up to twice its assumption where it has none (any value stands); whether it did.
   */
  private static boolean setTimescale(Escalation engine, Random random, Instant now) {
    EscalationState e = engine.state();
    if (e.status() != EscalationState.Status.OPEN || e.stage().isEmpty()
        || e.waitingFor().isPresent() || e.deadline().isEmpty()) {
      return false; // with no deadline running, setting one is the verifier's SET_TIME move
    }
    var stage = engine.protocol().stage(e.stage().get()).orElseThrow();
    var set = stage.timescales().stream().filter(t -> t.setBy().isPresent()).findFirst();
    if (set.isEmpty()) {
      return false;
    }
    var cap = set.get().duration();
    int most = set.get().cap().isPresent() ? cap.amount() : 2 * cap.amount();
    var amount = cap.amount() < 1 ? cap
        : new org.escalon.model.Timespan(1 + random.nextInt(most), cap.unit());
    try {
      engine.apply(new CaseEvent.SetTimescale(now, set.get().setBy().get().roles().get(0),
          amount));
      return true;
    } catch (org.escalon.engine.RefusedEvent refused) {
      return false; // its condition does not hold now
    }
  }

  /**
   * The escalator escalates every stay whose soft deadline was missed (the verifier's deadline
   * move at a stage with a soft deadline is the escalator's choice, leading where no response
   * goes); deadlines that pass at once on the stage entered then pass too.
   */
  private static void escalateMissed(Escalation engine, Instant now) {
    for (int i = 0; i < 1_000; i++) {
      EscalationState e = engine.state();
      boolean missed = e.status() == EscalationState.Status.OPEN && e.waitingFor().isEmpty()
          && e.currentVisit().filter(v -> v.missed().isPresent() && v.left().isEmpty())
              .isPresent();
      if (!missed) {
        return;
      }
      Instant at = e.lastEventAt().filter(l -> l.isAfter(now)).orElse(now);
      // the stage's escalator (`escalated by`), else the raiser: the model's to say
      org.escalon.machine.Interpreter run = new org.escalon.machine.Interpreter(
          org.escalon.machine.OperationalModel.of(engine.protocol()));
      engine.apply(new CaseEvent.Escalate(at, run.escalator(run.model().stage(e.stage()
          .orElseThrow()).orElseThrow(), e.raisedBy())));
      engine.advanceTo(at);
    }
    throw new AssertionError("soft deadlines missed for ever: " + engine.state());
  }

  /** How many deadlines the engine has let pass since the log had this many events. */
  private static long passedSince(Escalation engine, int logged) {
    return engine.log().subList(logged, engine.log().size()).stream()
        .filter(CaseEvent.DeadlinePassed.class::isInstance).count();
  }

  /** The state after the abstract model's deadline move, taken {@code times} times. */
  private static State deadlines(AbstractRules rules, State from, long times) {
    State s = from;
    for (long i = 0; i < times; i++) {
      s = rules.successors(s).stream().filter(n -> n.move().kind() == Move.Kind.DEADLINE).findFirst()
          .orElseThrow(() -> new AssertionError("the engine let a deadline pass where the "
              + "verifier has none running: " + from)).state();
    }
    return s;
  }

  private static Instant raise(Escalation engine, ProtocolIndex ix, AbstractRules.Next start,
      Instant now) {
    State s = start.state();
    for (int a = 0; a < ix.attributes.size(); a++) {
      Optional<String> v = ix.valueName(s.attributes(), a);
      if (v.isPresent() && !v.get().equals("no")) {
        fact(engine, ix, ix.attributes.get(a).name(), v.get(), now);
      }
    }
    for (int i = 0; i < ix.agreements.size(); i++) {
      if (s.consents().get(i)) {
        engine.apply(new CaseEvent.Agree(now, ix.agreements.get(i)));
      }
    }
    for (int i = 0; i < ix.advice.size(); i++) {
      if (s.consents().get(ix.agreements.size() + i)) {
        engine.apply(new CaseEvent.Advise(now, ix.advice.get(i)));
      }
    }
    for (int i = 0; i < ix.anchorEvents.size(); i++) {
      if (s.occurred().get(i)) {
        engine.apply(new CaseEvent.Occur(now, ix.anchorEvents.get(i)));
      }
    }
    Move m = start.move();
    if (m.detail().startsWith("trigger ")) {
      String name = m.detail().substring("trigger ".length());
      Trigger t = ix.protocol.triggers().stream().filter(x -> x.name().equals(name)).findFirst()
          .orElseThrow();
      return satisfy(engine, t.rule(), now);
    }
    engine.apply(new CaseEvent.Raise(now, m.role(), Optional.of(m.target()),
        Optional.of("a reason")));
    return now;
  }

  /**
   * A fact of the case before the raise: a decision (the protocol's, taken at any time) by its
   * first role, any other attribute set.
   */
  private static void fact(Escalation engine, ProtocolIndex ix, String name, String value,
      Instant now) {
    var decision = ix.protocol.attributes().stream().filter(a -> a.name().equals(name))
        .findFirst().flatMap(org.escalon.model.Attribute::decision);
    engine.apply(decision.isPresent()
        ? new CaseEvent.Decide(now, decision.get().by().get(0), name, value.equals("yes"))
        : new CaseEvent.SetAttribute(now, name, value));
  }

  /** Makes a trigger's rule come true with events, as a case's history would. */
  private static Instant satisfy(Escalation engine, HistoryRule rule, Instant now) {
    if (rule instanceof HistoryRule.Holds h) {
      fact(engine, new ProtocolIndex(engine.protocol()), h.attribute(), "yes", now);
    } else if (rule instanceof HistoryRule.Graded g) {
      for (int i = 0; i < g.times(); i++) {
        engine.apply(new CaseEvent.Grade(now, g.scale(), "a section", g.grade()));
      }
    } else if (rule instanceof HistoryRule.Count c) {
      for (int i = 0; i < c.atLeast(); i++) {
        engine.apply(new CaseEvent.Occur(now, c.event()));
      }
    } else if (rule instanceof HistoryRule.Since s) {
      engine.apply(new CaseEvent.Occur(now, s.event()));
      now = now.plusSeconds(400L * 24 * 3600);
      engine.apply(new CaseEvent.Occur(now, s.event()));
    } else if (rule instanceof HistoryRule.And a) {
      now = satisfy(engine, a.left(), now);
      if (engine.state().status() == EscalationState.Status.NOT_RAISED) {
        now = satisfy(engine, a.right(), now);
      }
    } else if (rule instanceof HistoryRule.Or o) {
      now = satisfy(engine, o.left(), now);
    }
    return now;
  }

  /**
   * Who gives an answer the abstract move gives as {@code role}'s: where the stage names a
   * substitute for the role ({@code to A, or B when unavailable}), every other minute the role is
   * said to be unavailable and the substitute answers in its place, the same move to the verifier.
   */
  private static String standingIn(Escalation engine, org.escalon.machine.StageRule stage,
      String role, Instant now) {
    var substitute = stage.respondents().substituteOf(role);
    if (substitute.isEmpty() || now.getEpochSecond() / 60 % 2 != 0
        || !stage.key().equals(engine.state().stage().orElse(""))) {
      return role;
    }
    if (!engine.state().currentVisit().orElseThrow().unavailable().contains(role)) {
      engine.apply(new CaseEvent.Unavailable(now, role));
    }
    return substitute.get().role();
  }

  private static Instant apply(Escalation engine, Move m, Instant now) {
    switch (m.kind()) {
      case DEADLINE -> {
        Instant due = engine.state().deadline().orElseThrow();
        if (due.isAfter(now.plusSeconds(3L * 365 * 24 * 3600))) {
          throw new AssertionError("a deadline years away: " + due + " in " + engine.state());
        }
        for (int i = 0; engine.nextDue().filter(d -> !d.isAfter(due)).isPresent(); i++) {
          if (i > 2_000) {
            throw new AssertionError("time does not pass: " + engine.state());
          }
          engine.advanceTo(engine.nextDue().get());
        }
        // past a soft deadline the abstract move is the escalator's: the engine needs the event
        escalateMissed(engine, due);
        return due;
      }
      case RESOLVE -> {
        // a stage each of several roles must answer is resolved when each has answered
        org.escalon.machine.StageRule stage = org.escalon.machine.OperationalModel
            .of(engine.protocol()).stage(m.target()).orElseThrow();
        for (String role : org.escalon.machine.Interpreter.answerers(stage, m.role(), true)) {
          engine.apply(new CaseEvent.Respond(now, standingIn(engine, stage, role, now), true));
        }
      }
      case UNSATISFACTORY -> engine.apply(new CaseEvent.Respond(now, standingIn(engine,
          org.escalon.machine.OperationalModel.of(engine.protocol()).stage(m.target())
              .orElseThrow(), m.role(), now), false));
      case BYPASS -> engine.apply(new CaseEvent.Bypass(now, m.role(),
          m.target().replaceFirst("^stage ", ""), Optional.of("a reason")));
      case REFER, REFER_CONCURRENTLY -> {
        // a referral after the raise (the verifier's referrals at the raise are ways to raise):
        // dated a moment after it, so that a right only at the raise does not apply
        Instant at = engine.state().raisedAt().filter(now::equals).map(r -> r.plusSeconds(1))
            .orElse(now);
        engine.apply(new CaseEvent.Refer(at, m.role(), m.target(), Optional.of("a reason")));
        return at;
      }
      case ASK_FOR_TIME -> engine.apply(new CaseEvent.RequestExtension(now, m.role(),
          amount(m), true, Optional.of("a rationale")));
      case GRANT_TIME -> engine.apply(new CaseEvent.GrantExtension(now, m.role()));
      case SET_TIME -> {
        // the abstract move says only that a value is set: any stands, twice the assumption too
        // (the assumption bounds the tools, never the engine)
        Timespan assumed = engine.protocol().stage(m.target()).orElseThrow().timescales()
            .stream().filter(org.escalon.model.Timescale::awaitsValue).findFirst().orElseThrow()
            .duration();
        engine.apply(new CaseEvent.SetTimescale(now, m.role(), new Timespan(
            2 * assumed.amount(), assumed.unit())));
      }
      case AGREE -> engine.apply(new CaseEvent.Agree(now, m.role()));
      case ADVISE -> engine.apply(new CaseEvent.Advise(now, m.role()));
      case REPORT_DONE -> engine.apply(new CaseEvent.StepDone(now, m.role(), m.target()));
      case SET -> engine.apply(new CaseEvent.SetAttribute(now, m.target(), m.detail()));
      case DECIDE -> engine.apply(new CaseEvent.Decide(now, m.role(), m.target(),
          m.detail().equals("yes")));
      case OCCUR -> engine.apply(new CaseEvent.Occur(now, m.target()));
      default -> throw new IllegalStateException("unexpected move " + m);
    }
    return now;
  }

  private static Timespan amount(Move m) {
    if (m.detail().startsWith("up to ")) {
      String[] words = m.detail().substring("up to ".length()).split(" ", 2);
      return new Timespan(Integer.parseInt(words[0]), unit(words[1]));
    }
    return Timespan.workingDays(2);
  }

  private static org.escalon.model.TimeUnit unit(String words) {
    for (org.escalon.model.TimeUnit u : org.escalon.model.TimeUnit.values()) {
      if (u.words(2).equals(words) || u.words(1).equals(words)) {
        return u;
      }
    }
    throw new IllegalArgumentException(words);
  }

  private static void compare(ProtocolIndex ix, State s, EscalationState e, Recorder effects,
      boolean entered) {
    String where = "abstract " + s + "\nengine " + e;
    String mismatch = mismatch(ix, s, e);
    assertTrue(mismatch == null, mismatch + ": " + where);
    if (entered || s.ended()) {
      String at = s.ended() ? ix.outcomes.get(s.outcome()).name() : ix.stages.get(s.stage()).key();
      for (int i = 0; i < ix.roleActions.size(); i++) {
        Claim.RoleAction action = ix.roleActions.get(i);
        assertEquals(s.acts().get(i), effects.did(action, at), action + ": " + where);
      }
    }
  }

  /** What of the tracked state differs between the abstract state and the engine's, or null. */
  private static String mismatch(ProtocolIndex ix, State s, EscalationState e) {
    if (s.ended() != (e.status() == EscalationState.Status.ENDED)) {
      return "ended";
    }
    if (s.ended()) {
      if (!ix.outcomes.get(s.outcome()).name().equals(e.outcome().orElseThrow())) {
        return "outcome";
      }
    } else {
      if (!ix.stages.get(s.stage()).key().equals(e.stage().orElse(null))) {
        return "stage";
      }
      if (s.isWaiting() != e.waitingFor().isPresent()) {
        return "waiting";
      }
      if (s.hasDeadline() != e.deadline().isPresent()) {
        return "deadline";
      }
      if (s.pending() != e.pendingExtension().isPresent()) {
        return "request for more time";
      }
      for (int i = 0; i < ix.agreements.size(); i++) {
        if (s.consents().get(i) != e.agreements().contains(ix.agreements.get(i))) {
          return "agreement of " + ix.agreements.get(i);
        }
      }
      for (int i = 0; i < ix.advice.size(); i++) {
        if (s.consents().get(ix.agreements.size() + i) != e.advice().contains(ix.advice.get(i))) {
          return "advice of " + ix.advice.get(i);
        }
      }
      for (var d : ix.done) {
        if (s.consents().get(ix.doneBit(d.step())) != e.done().contains(d.step())) {
          return "step " + d.step() + " done";
        }
      }
      if (ix.extensionsPerStageCap > 0 && s.extensionsAtStage() != Math.min(
          ix.extensionsPerStageCap, e.visits().get(e.visits().size() - 1).extensions())) {
        return "extensions at the stage";
      }
    }
    for (int i = 0; i < ix.stages.size(); i++) {
      int bit = ix.completedBit[i];
      if (bit >= 0 && s.completed().get(bit) != e.completed().contains(ix.stages.get(i).key())) {
        return "stage " + ix.stages.get(i).key() + " completed";
      }
    }
    for (int a = 0; a < ix.attributes.size(); a++) {
      String engineValue = e.attributes().get(ix.attributes.get(a).name());
      String value = ix.valueName(s.attributes(), a).orElse(null);
      boolean same = value == null ? engineValue == null || engineValue.equals("no")
          : value.equals(engineValue) || value.equals("no") && engineValue == null;
      if (!same) {
        return "attribute " + ix.attributes.get(a).name();
      }
    }
    return null;
  }

  /** Keeps the effects of one move, to compare what a stage does with a role. */
  private static final class Recorder implements EscalationListener {
    private final List<Effect> effects = new ArrayList<>();

    void clear() {
      effects.clear();
    }

    /** Whether the stage or outcome {@code at} did this with the role (entering it). */
    boolean did(Claim.RoleAction a, String at) {
      for (Effect e : effects) {
        if (!e.where().equals(at)) {
          continue;
        }
        boolean match = switch (a.action()) {
          case ESCALATED_TO -> e instanceof Effect.EscalateTo x && x.roles().contains(a.role());
          case COPIED -> e instanceof Effect.CopyTo x && x.roles().contains(a.role());
          case NOTIFIED -> inform(e, "notify", a.role());
          case ADVISED -> inform(e, "advise", a.role());
          case CONSULTED -> inform(e, "consult", a.role());
        };
        if (match) {
          return true;
        }
      }
      return false;
    }

    private static boolean inform(Effect e, String how, String role) {
      return e instanceof Effect.Inform x && x.how().equals(how) && x.roles().contains(role);
    }

    @Override
    public void heard(Effect effect) {
      effects.add(effect);
    }
  }
}
