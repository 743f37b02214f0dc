package org.escalon.compiler.verify;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.escalon.compiler.diagnostics.Code;
import org.escalon.machine.HistoryRuleCases;
import org.escalon.machine.RightsTable;
import org.escalon.machine.TargetCases;
import org.escalon.model.ExtensionRule;
import org.escalon.model.HistoryRule;
import org.escalon.model.Outcome;
import org.escalon.model.Precondition;
import org.escalon.model.Right;
import org.escalon.model.SourceSpan;
import org.escalon.model.Stage;
import org.escalon.model.Target;
import org.escalon.model.Trigger;

/**
 * The checks every protocol gets without asking: every path ends, every stage and outcome can be
 * reached, no two rules apply to the same event, and every precondition can be met.
 */
final class Checks {

  static final String ENDS = "every path reaches an outcome";
  static final String REACHABLE = "every stage and outcome can be reached";
  static final String ONE_RULE = "no two rules apply to the same event in the same state";
  static final String PRECONDITIONS = "every precondition can be met";
  private static final int MAX_PLACES = 8;

  private final StateSpace space;
  private final Search search;
  private final ClaimChecker claims;
  private final Describer describer;
  private final ProtocolIndex ix;

  Checks(StateSpace space, Search search, ClaimChecker claims) {
    this.space = space;
    this.search = search;
    this.claims = claims;
    this.describer = new Describer(space.rules);
    this.ix = space.rules.index();
  }

  List<Verdict> all() {
    return List.of(ends(), reachable(), oneRule(), preconditions());
  }

  // -------------------------------------------------------------------------------------------
  // Every path ends

  /** One finding per place where a path can stay for ever: a stage, a wait, a loop. */
  Verdict ends() {
    BitSet ended = claims.ended();
    BitSet open = claims.not(ended);
    BitSet stays = search.idleStaysIn(open);
    Map<String, StatePath> places = new LinkedHashMap<>();
    Map<String, Integer> at = new LinkedHashMap<>();
    BitSet reached = search.canReach(stays, open);
    // the shortest path to each distinct place, taken in order of distance from the raise
    BitSet seen = new BitSet();
    while (places.size() < MAX_PLACES) {
      BitSet remaining = (BitSet) stays.clone();
      remaining.andNot(seen);
      if (remaining.isEmpty()) {
        break;
      }
      StatePath p = search.fromRaise(open, remaining::get);
      if (p == null || !reached.get(p.last())) {
        break;
      }
      StatePath whole = p.then(search.idleFrom(p.last(), p.moves().get(p.moves().size() - 1)));
      String place = place(whole);
      for (int s = remaining.nextSetBit(0); s >= 0; s = remaining.nextSetBit(s + 1)) {
        if (place(search.idleFrom(s, whole.moves().get(0))).equals(place)) {
          seen.set(s);
        }
      }
      places.putIfAbsent(place, whole);
      at.putIfAbsent(place, whole.last());
    }
    List<Finding> findings = new ArrayList<>();
    for (Map.Entry<String, StatePath> e : places.entrySet()) {
      findings.add(neverEnds(e.getValue()));
    }
    return new Verdict(Verdict.Kind.CHECK, ENDS, findings.isEmpty(), findings,
        findings.isEmpty() ? "every path ends" : places.size() == 1
            ? "one way never ends" : places.size() + " ways never end");
  }

  /** Where a never-ending path stays: the state it waits in, or the stages of its loop. */
  private String place(StatePath p) {
    if (p.ending() == StatePath.Ending.LOOPS) {
      Set<String> stages = new LinkedHashSet<>();
      for (int i = p.loopsBackTo(); i < p.states().size(); i++) {
        stages.add(ix.stages.get(space.state(p.states().get(i)).stage()).key());
      }
      return "loop " + stages;
    }
    State s = space.state(p.last());
    if (s.isWaiting()) {
      // waits for the same target group by what they wait for: stages, consent, a fact
      String kind = describer.unmetPrecondition(s).map(x -> x.getClass().getSimpleName())
          .map(k -> k.equals("Advice") ? "Agreement" : k).orElse("");
      return "wait " + s.waiting() + " " + kind;
    }
    return "stage " + s.stage();
  }

  private Finding neverEnds(StatePath p) {
    State last = space.state(p.last());
    Stage stage = ix.stages.get(last.stage());
    List<String> notes = new ArrayList<>();
    SourceSpan span = stage.span();
    String label;
    String message;
    Optional<String> help;
    if (p.ending() == StatePath.Ending.LOOPS) {
      List<String> keys = new ArrayList<>();
      for (int i = p.loopsBackTo(); i < p.states().size() - 1; i++) {
        keys.add("stage " + ix.stages.get(space.state(p.states().get(i)).stage()).key());
      }
      message = "a path never reaches an outcome: with no response, it goes round "
          + String.join(" and ", new LinkedHashSet<>(keys)) + " for ever";
      label = "no response here leads back round";
      help = Optional.of("route the last stage's `when not resolved` to an outcome, or accept "
          + "that the policy never ends and say so in the protocol's notes");
    } else if (last.isWaiting()) {
      message = "a path never reaches an outcome: " + describer.where(last)
          + ", and nothing makes it happen";
      Optional<Precondition> p0 = describer.unmetPrecondition(last);
      span = p0.map(Precondition::span).orElse(stage.span());
      label = "this is never given on that path";
      notes.add("a requirement blocks the way until someone gives it; the policy says nothing "
          + "about what happens if it never comes");
      help = Optional.of("say where the escalation goes when the requirement is not met, for "
          + "example with a timescale and a route to another outcome");
    } else {
      message = "a path never reaches an outcome: stage " + stage.key() + " "
          + org.escalon.machine.Interpreter.noDeadline(stage)
          + ", so if nobody responds it waits for ever";
      label = EndlessPaths.noDeadlineLabel(stage);
      if (stage.steps().stream().anyMatch(x -> x instanceof org.escalon.model.Step.Remind)) {
        notes.add("its reminders go on, but a reminder does not end the escalation");
      }
      help = Optional.of(EndlessPaths.noDeadlineHelp(stage));
    }
    notes.add("the shortest such path: " + summary(p));
    return new Finding(Code.E0602, ENDS, message, span, label, notes, help, Optional.of(p),
        Finding.Timing.AT_ONCE);
  }

  /** A path in one line: its moves, then how it goes on. */
  String summary(StatePath p) {
    List<String> parts = new ArrayList<>(describer.facts(space.state(p.states().get(0))));
    for (Move m : p.moves()) {
      parts.add(m.describe());
    }
    String tail = switch (p.ending()) {
      case ENDS -> "it ends";
      case WAITS_FOREVER -> "then nothing more happens";
      case LOOPS -> "and round again";
      case STOPS -> "";
    };
    return String.join("; ", parts) + (tail.isEmpty() ? "" : "; " + tail);
  }

  // -------------------------------------------------------------------------------------------
  // Reachability

  /** Whether each stage is ever entered and each outcome ever reached (or referred to). */
  private boolean[][] reached() {
    boolean[] stageEntered = new boolean[ix.stages.size()];
    boolean[] outcomeEnded = new boolean[ix.outcomes.size()];
    boolean[] referred = new boolean[ix.outcomes.size()];
    for (int s = 0; s < space.size(); s++) {
      State state = space.state(s);
      if (state.entered()) {
        stageEntered[state.stage()] = true;
      }
      if (state.ended()) {
        outcomeEnded[state.outcome()] = true;
      }
      for (int e = space.firstEdge(s); e < space.endEdge(s); e++) {
        Move m = space.move(e);
        if (m.kind() == Move.Kind.REFER_CONCURRENTLY) {
          referred[ix.outcome(m.target())] = true;
        }
      }
    }
    return new boolean[][] {stageEntered, outcomeEnded, referred};
  }

  /** The stages never entered and the outcomes never reached, on any path. */
  List<Target> neverReached() {
    boolean[][] reached = reached();
    List<Target> never = new ArrayList<>();
    for (int i = 0; i < ix.stages.size(); i++) {
      if (!reached[0][i]) {
        never.add(new Target.ToStage(ix.stages.get(i).key()));
      }
    }
    for (int i = 0; i < ix.outcomes.size(); i++) {
      if (!reached[1][i] && !reached[2][i]) {
        never.add(new Target.ToOutcome(ix.outcomes.get(i).name()));
      }
    }
    return never;
  }

  Verdict reachable() {
    boolean[][] reached = reached();
    boolean[] outcomeEnded = reached[1];
    boolean[] referred = reached[2];
    List<Finding> findings = new ArrayList<>();
    for (Target t : neverReached()) {
      findings.add(TargetCases.on(t, new TargetCases<Finding>() {
        @Override
        public Finding stage(String key) {
          Stage stage = ix.stages.get(ix.stage(key));
          return new Finding(Code.E0603, REACHABLE, "stage " + stage.key()
              + " is never entered, on any path", stage.span(), "never entered", List.of(
                  "no route, right or trigger reaches it with its preconditions and `only if` "
                      + "met"),
              Optional.of("check the routes into it and its `requires` and `only if` lines"),
              Optional.empty(), Finding.Timing.AT_ONCE);
        }

        @Override
        public Finding outcome(String name) {
          Outcome o = ix.outcomes.get(ix.outcome(name));
          return new Finding(Code.E0603, REACHABLE, "outcome " + o.name()
              + " is never reached, on any path", o.span().isKnown() ? o.span()
                  : ix.protocol.span(), "never reached", List.of("no route, bypass or referral "
                      + "reaches it with its preconditions met"), Optional.of("check the routes "
                      + "and rights into it and its `requires` lines"), Optional.empty(),
              Finding.Timing.AT_ONCE);
        }
      }));
    }
    long concurrentOnly = 0;
    for (int i = 0; i < ix.outcomes.size(); i++) {
      concurrentOnly += !outcomeEnded[i] && referred[i] ? 1 : 0;
    }
    String summary = findings.isEmpty()
        ? plural(ix.stages.size(), "stage") + " and "
            + plural(ix.outcomes.size() - concurrentOnly, "outcome") + " reached" + (concurrentOnly > 0 ? ", " + concurrentOnly
            + " more only by a concurrent referral" : "")
        : findings.size() + " never reached";
    return new Verdict(Verdict.Kind.CHECK, REACHABLE, findings.isEmpty(), findings, summary);
  }

  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  // -------------------------------------------------------------------------------------------
  // One rule per event

  Verdict oneRule() {
    List<Finding> findings = new ArrayList<>();
    Set<String> reported = new LinkedHashSet<>();
    List<Right> rights = ix.protocol.rights();
    for (int a = 0; a < rights.size(); a++) {
      for (int b = a + 1; b < rights.size(); b++) {
        Right r1 = rights.get(a);
        Right r2 = rights.get(b);
        if (!r1.role().equals(r2.role()) || r1.kind() != r2.kind()) {
          continue;
        }
        if (!RightsTable.usable(r1, false) && RightsTable.usable(r2, false)) {
          continue; // the first may be used only at the raise: after it, the second applies
        }
        for (Target t : r1.targets()) {
          if (!r2.targets().contains(t) || !bothHold(r1, r2)) {
            continue;
          }
          String key = a + "/" + b;
          if (reported.add(key)) {
            findings.add(new Finding(Code.E0604, ONE_RULE, "two rights let " + r1.role() + " "
                + verb(r1.kind()) + " " + name(t) + " in the same state", r2.span(),
                "this right", List.of("the other is at " + r1.span() + "; the engine uses the "
                    + "first, so this one's requirements (reason, concurrency, citation) never "
                    + "apply there"), Optional.of("merge the two rights, or make their "
                    + "conditions exclusive"), Optional.empty(), Finding.Timing.AT_ONCE));
          }
        }
      }
    }
    List<Trigger> triggers = ix.protocol.triggers();
    for (int a = 0; a < triggers.size(); a++) {
      for (int b = a + 1; b < triggers.size(); b++) {
        Trigger t1 = triggers.get(a);
        Trigger t2 = triggers.get(b);
        if (t1.raiseAt().equals(t2.raiseAt())) {
          continue;
        }
        Set<String> shared = events(t1.rule());
        shared.retainAll(events(t2.rule()));
        if (!shared.isEmpty()) {
          findings.add(new Finding(Code.E0604, ONE_RULE, "triggers `" + t1.name() + "` and `"
              + t2.name() + "` can fire on the same event and raise at different stages",
              t2.span(), "this trigger", List.of("both react to " + String.join(", ", shared)
                  + "; the engine raises at the first one's stage (stage " + t1.raiseAt() + ")"),
              Optional.of("raise both at the same stage, or make their rules exclusive"),
              Optional.empty(), Finding.Timing.AT_ONCE));
        }
      }
    }
    return new Verdict(Verdict.Kind.CHECK, ONE_RULE, findings.isEmpty(), findings,
        findings.isEmpty() ? "no overlap" : findings.size() + " overlapping");
  }

  // two rights overlap when both conditions hold in some state the escalation can be in
  private boolean bothHold(Right r1, Right r2) {
    for (int s = 0; s < space.size(); s++) {
      State state = space.state(s);
      if (state.open() && space.rules.holds(space.rules.model().rights().guard(r1), state)
          && space.rules.holds(space.rules.model().rights().guard(r2), state)) {
        return true;
      }
    }
    return r1.kind() == Right.Kind.START && r1.when().isEmpty() && r2.when().isEmpty();
  }

  /** What can make a trigger's rule change: attributes, scales and events it reads. */
  private static Set<String> events(HistoryRule rule) {
    Set<String> out = new LinkedHashSet<>();
    HistoryRuleCases.on(rule, new HistoryRuleCases<Boolean>() {
      @Override
      public Boolean graded(HistoryRule.Graded g) {
        return out.add("a grading of " + g.scale() + " as " + g.grade());
      }

      @Override
      public Boolean count(HistoryRule.Count c) {
        return out.add("event " + c.event());
      }

      @Override
      public Boolean since(HistoryRule.Since s) {
        return out.add("event " + s.event());
      }

      @Override
      public Boolean holds(HistoryRule.Holds h) {
        return out.add("attribute " + h.attribute());
      }

      @Override
      public Boolean and(HistoryRule.And a) {
        return out.addAll(events(a.left())) | out.addAll(events(a.right()));
      }

      @Override
      public Boolean or(HistoryRule.Or o) {
        return out.addAll(events(o.left())) | out.addAll(events(o.right()));
      }
    });
    return out;
  }

  private static String verb(Right.Kind kind) {
    return switch (kind) {
      case START -> "start at";
      case BYPASS -> "bypass to";
      case REFER -> "refer to";
    };
  }

  private static String name(Target t) {
    return TargetCases.describe(t);
  }

  // -------------------------------------------------------------------------------------------
  // Preconditions

  Verdict preconditions() {
    List<Finding> findings = new ArrayList<>();
    int checked = 0;
    for (Stage stage : ix.stages) {
      for (Precondition p : stage.preconditions()) {
        checked++;
        if (!metSomewhere(p, -1)) {
          findings.add(neverMet(p, "stage " + stage.key()));
        }
      }
    }
    for (Outcome o : ix.outcomes) {
      for (Precondition p : o.preconditions()) {
        checked++;
        if (!metSomewhere(p, -1)) {
          findings.add(neverMet(p, "outcome " + o.name()));
        }
      }
    }
    List<ExtensionRule> rules = new ArrayList<>();
    ix.protocol.extension().ifPresent(rules::add);
    ix.stages.forEach(s -> s.extension().ifPresent(rules::add));
    for (ExtensionRule rule : rules) {
      for (Precondition p : rule.preconditions()) {
        checked++;
        if (!metSomewhere(p, rules.indexOf(rule))) {
          findings.add(neverMet(p, "more time"));
        }
      }
    }
    return new Verdict(Verdict.Kind.CHECK, PRECONDITIONS, findings.isEmpty(), findings,
        findings.isEmpty() ? checked + " checked" : findings.size() + " never met");
  }

  // the target was entered (so it held), or it holds in some open state; for an extension
  // rule, at a stage the rule governs
  private boolean metSomewhere(Precondition p, int ruleIndex) {
    for (int s = 0; ruleIndex < 0 && s < space.size(); s++) {
      State state = space.state(s);
      List<Precondition> entered = state.ended() ? ix.outcomes.get(state.outcome()).preconditions()
          : state.entered() ? ix.stages.get(state.stage()).preconditions() : List.of();
      if (entered.contains(p)) {
        return true;
      }
    }
    for (int s = 0; s < space.size(); s++) {
      State state = space.state(s);
      if (!state.open()) {
        continue;
      }
      if (ruleIndex >= 0) {
        Stage stage = ix.stages.get(state.stage());
        Optional<ExtensionRule> governing = stage.extension().or(() -> ix.protocol.extension());
        List<ExtensionRule> rules = new ArrayList<>();
        ix.protocol.extension().ifPresent(rules::add);
        ix.stages.forEach(x -> x.extension().ifPresent(rules::add));
        if (governing.isEmpty() || rules.indexOf(governing.get()) != ruleIndex) {
          continue;
        }
      }
      if (space.rules.met(p, state)) {
        return true;
      }
    }
    return false;
  }

  private Finding neverMet(Precondition p, String of) {
    return new Finding(Code.E0605, PRECONDITIONS, "a precondition of " + of
        + " is never met, on any path", p.span(), "never holds while the escalation runs",
        List.of("so " + of + " can never be entered by this route"),
        Optional.of("check what the precondition asks for, and that it can come first"),
        Optional.empty(), Finding.Timing.AT_ONCE);
  }
}
