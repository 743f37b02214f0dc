package org.escalon.compiler.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
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
 * The verifier's abstract rules agree with the engine: random paths through the abstract model,
 * replayed on the engine with real instants, reach the same stage, waits, outcome and tracked facts
 * after every move, and do the same role actions on entering a stage.
 *
 * <p>One difference is known and skipped: a stage whose deadline counts from the start of the
 * escalation (or from an event) may be entered after that deadline has passed; the engine then
 * lets it pass at once, while the abstract model, which has no clock, still offers a response.
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

  private static void walk(Protocol protocol, long seed) {
    Random random = new Random(seed);
    AbstractRules rules = new AbstractRules(new ProtocolIndex(protocol));
    List<AbstractRules.Next> starts = rules.initial(SearchLimits.defaults().budget());
    AbstractRules.Next start = starts.get(random.nextInt(starts.size()));
    Recorder effects = new Recorder();
    Escalation engine = new Escalation(protocol, Escalation.of(protocol).calendar(), effects);
    Instant now = Instant.parse("2026-03-02T09:00:00Z");
    now = raise(engine, rules.index(), start, now);
    if (!engine.state().stage().map(start.move().target()::equals).orElse(false)) {
      return; // another trigger raised first: the model does not order competing triggers
    }
    compare(rules.index(), start.state(), engine.state(), effects, true);
    State state = start.state();
    List<AbstractRules.Next> next = new ArrayList<>();
    for (int step = 0; step < 40 && state.open(); step++) {
      next.clear();
      rules.successors(state, next);
      EscalationState before = engine.state();
      if (before.deadline().isPresent() && before.lastEventAt().isPresent()
          && before.deadline().get().isBefore(before.lastEventAt().get())) {
        return; // the known difference: a deadline that had passed before its stage was entered
      }
      AbstractRules.Next chosen = next.get(random.nextInt(next.size()));
      if (chosen.state().ended()) {
        chosen = next.get(random.nextInt(next.size())); // ending less often makes longer paths
      }
      if (chosen.move().kind() == Move.Kind.DEADLINE && overdueOnEntry(rules.index(), engine,
          chosen.state())) {
        return; // the known difference: the next stage's deadline will have passed on entry
      }
      Instant at = now;
      if (chosen.move().kind() != Move.Kind.DEADLINE
          && engine.nextDue().filter(d -> !d.isAfter(at)).isPresent()) {
        return; // the known difference: the stage's deadline (counted from the start or an
                // event) has passed by now, so the engine moves on before the role can act
      }
      effects.clear();
      int visits = engine.state().visits().size();
      int logged = engine.log().size();
      now = apply(engine, chosen.move(), now);
      long passed = engine.log().subList(logged, engine.log().size()).stream()
          .filter(CaseEvent.DeadlinePassed.class::isInstance).count();
      if (passed > (chosen.move().kind() == Move.Kind.DEADLINE ? 1 : 0)) {
        return; // the known difference: a deadline that had passed before its stage was entered
      }
      boolean entered = engine.state().visits().size() > visits
          && engine.state().status() == EscalationState.Status.OPEN;
      assertEquals(chosen.state().entered(), entered, "entered after " + chosen.move());
      compare(rules.index(), chosen.state(), engine.state(), effects, entered);
      state = chosen.state();
    }
  }

  /**
   * Whether the stage a deadline leads to has a deadline counted from the start or from an event
   * that will already have passed when it is entered (the engine then passes it at once).
   */
  private static boolean overdueOnEntry(ProtocolIndex ix, Escalation engine, State next) {
    if (next.ended() || !next.hasDeadline()) {
      return false;
    }
    Instant entry = engine.state().deadline().orElseThrow();
    var calendar = engine.calendar();
    var stage = ix.stages.get(next.stage());
    for (int i = 0; i < stage.timescales().size(); i++) {
      if (!next.timescales().get(i)) {
        continue;
      }
      var t = stage.timescales().get(i);
      Optional<Instant> from = Optional.empty();
      if (t.anchor() instanceof org.escalon.model.Timescale.Anchor.EscalationStart) {
        from = engine.state().raisedAt();
      } else if (t.anchor() instanceof org.escalon.model.Timescale.Anchor.Event ev) {
        List<Instant> times = engine.state().occurrences().getOrDefault(ev.name(), List.of());
        from = times.isEmpty() ? Optional.empty() : Optional.of(times.get(times.size() - 1));
      }
      if (from.isPresent() && !calendar.deadline(from.get().atZone(calendar.zone()),
          t.duration()).toInstant().isAfter(entry)) {
        return true;
      }
    }
    return false;
  }

  private static Instant raise(Escalation engine, ProtocolIndex ix, AbstractRules.Next start,
      Instant now) {
    State s = start.state();
    for (int a = 0; a < ix.attributes.size(); a++) {
      Optional<String> v = ix.valueName(s.attributes(), a);
      if (v.isPresent() && !v.get().equals("no")) {
        engine.apply(new CaseEvent.SetAttribute(now, ix.attributes.get(a).name(), v.get()));
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

  /** Makes a trigger's rule come true with events, as a case's history would. */
  private static Instant satisfy(Escalation engine, HistoryRule rule, Instant now) {
    if (rule instanceof HistoryRule.Holds h) {
      engine.apply(new CaseEvent.SetAttribute(now, h.attribute(), "yes"));
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
        return due;
      }
      case RESOLVE -> engine.apply(new CaseEvent.Respond(now, m.role(), true));
      case UNSATISFACTORY -> engine.apply(new CaseEvent.Respond(now, m.role(), false));
      case BYPASS -> engine.apply(new CaseEvent.Bypass(now, m.role(),
          m.target().replaceFirst("^stage ", ""), Optional.of("a reason")));
      case REFER, REFER_CONCURRENTLY -> engine.apply(new CaseEvent.Refer(now, m.role(),
          m.target(), Optional.of("a reason")));
      case ASK_FOR_TIME -> engine.apply(new CaseEvent.RequestExtension(now, m.role(),
          amount(m), true, Optional.of("a rationale")));
      case GRANT_TIME -> engine.apply(new CaseEvent.GrantExtension(now, m.role()));
      case AGREE -> engine.apply(new CaseEvent.Agree(now, m.role()));
      case ADVISE -> engine.apply(new CaseEvent.Advise(now, m.role()));
      case SET -> engine.apply(new CaseEvent.SetAttribute(now, m.target(), m.detail()));
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
    assertEquals(s.ended(), e.status() == EscalationState.Status.ENDED, where);
    if (s.ended()) {
      assertEquals(ix.outcomes.get(s.outcome()).name(), e.outcome().orElseThrow(), where);
    } else {
      assertEquals(ix.stages.get(s.stage()).key(), e.stage().orElseThrow(), where);
      assertEquals(s.isWaiting(), e.waitingFor().isPresent(), where);
      assertEquals(s.hasDeadline(), e.deadline().isPresent(), where);
      assertEquals(s.pending(), e.pendingExtension().isPresent(), where);
      for (int i = 0; i < ix.agreements.size(); i++) {
        assertEquals(s.consents().get(i), e.agreements().contains(ix.agreements.get(i)),
            where);
      }
      if (ix.extensionsPerStageCap > 0) {
        assertEquals(s.extensionsAtStage(), Math.min(ix.extensionsPerStageCap,
            e.visits().get(e.visits().size() - 1).extensions()), where);
      }
    }
    for (int i = 0; i < ix.stages.size(); i++) {
      int bit = ix.completedBit[i];
      if (bit >= 0) {
        assertEquals(s.completed().get(bit),
            e.completed().contains(ix.stages.get(i).key()), where);
      }
    }
    for (int a = 0; a < ix.attributes.size(); a++) {
      String engineValue = e.attributes().get(ix.attributes.get(a).name());
      String value = ix.valueName(s.attributes(), a).orElse(null);
      boolean same = value == null ? engineValue == null || engineValue.equals("no")
          : value.equals(engineValue) || value.equals("no") && engineValue == null;
      assertTrue(same, "attribute " + ix.attributes.get(a).name() + ": " + where);
    }
    if (entered || s.ended()) {
      for (int i = 0; i < ix.roleActions.size(); i++) {
        Claim.RoleAction action = ix.roleActions.get(i);
        assertEquals(s.acts().get(i), effects.did(action), action + ": " + where);
      }
    }
  }

  /** Keeps the effects of one move, to compare what a stage does with a role. */
  private static final class Recorder implements EscalationListener {
    private final List<Effect> effects = new ArrayList<>();

    void clear() {
      effects.clear();
    }

    boolean did(Claim.RoleAction a) {
      for (Effect e : effects) {
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
