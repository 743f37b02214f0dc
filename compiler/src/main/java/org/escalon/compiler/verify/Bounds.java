package org.escalon.compiler.verify;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.escalon.compiler.diagnostics.Code;
import org.escalon.machine.ClaimMeaning;
import org.escalon.model.Claim;
import org.escalon.model.ExtensionRule;
import org.escalon.model.Limit;
import org.escalon.model.Measure;
import org.escalon.model.Outcome;
import org.escalon.model.Property;
import org.escalon.model.Stage;
import org.escalon.model.Timescale;

/**
 * Everything measured in working days: the totals from the raise to each outcome, the declared
 * limits on the time spent in a set of stages, and the bounds in time of properties. A limit or a
 * bound is judged on the protocol's own timescales; when only extensions can break it, that is a
 * warning (W0608), since extensions are granted case by case.
 */
final class Bounds {

  private final StateSpace space;
  private final Search search;
  private final ClaimChecker claims;
  private final PathWeights timing;
  private final Describer describer;
  private final Checks checks;
  private final ProtocolIndex ix;
  private PathWeights.Values latest;
  private PathWeights.Values latestWithExtensions;

  Bounds(StateSpace space, Search search, ClaimChecker claims, Checks checks) {
    this.space = space;
    this.search = search;
    this.claims = claims;
    this.checks = checks;
    this.timing = new PathWeights(space);
    this.describer = new Describer(space.rules);
    this.ix = space.rules.index();
  }

  private PathWeights.Values latest(boolean extensions) {
    if (extensions) {
      if (latestWithExtensions == null) {
        latestWithExtensions = timing.latest(true, new BitSet());
      }
      return latestWithExtensions;
    }
    if (latest == null) {
      latest = timing.latest(false, new BitSet());
    }
    return latest;
  }

  // -------------------------------------------------------------------------------------------
  // Totals to each outcome

  List<OutcomeTotals> totals() {
    long[] earliest = timing.earliest();
    long[] worst = latest(false).value();
    long[] worstWithExtensions = latest(true).value();
    long[] onTheCalendar = timing.latest(false, new BitSet(), true).value();
    boolean approximate = approximate();
    List<OutcomeTotals> out = new ArrayList<>();
    for (int o = 0; o < ix.outcomes.size(); o++) {
      BitSet ends = new BitSet();
      long best = Long.MAX_VALUE;
      long most = -1;
      long mostWithExtensions = -1;
      long calendar = -1;
      for (int s = 0; s < space.size(); s++) {
        State state = space.state(s);
        if (state.ended() && state.outcome() == o) {
          ends.set(s);
          calendar = Math.max(calendar, onTheCalendar[s]);
          if (earliest[s] >= 0) {
            best = Math.min(best, earliest[s]);
          }
          most = Math.max(most, worst[s]);
          mostWithExtensions = Math.max(mostWithExtensions, worstWithExtensions[s]);
        }
      }
      if (ends.isEmpty() || best == Long.MAX_VALUE) {
        continue;
      }
      BitSet before = search.canReach(ends, search.all());
      Set<String> open = new LinkedHashSet<>();
      for (int s = before.nextSetBit(0); s >= 0; s = before.nextSetBit(s + 1)) {
        State state = space.state(s);
        if (state.open() && !state.hasDeadline() && worst[s] >= 0) {
          open.add(describer.where(state));
        }
      }
      out.add(new OutcomeTotals(ix.outcomes.get(o).name(), best, Math.max(most, 0),
          Math.max(mostWithExtensions, 0), List.copyOf(open), approximate,
          Math.max(calendar, 0)));
    }
    return out;
  }

  /** When each stage can first and last be entered, for the stages that are entered at all. */
  List<StageTimes> stageTimes() {
    long[] earliest = timing.earliest();
    PathWeights.Values worst = latest(false);
    long[] first = new long[ix.stages.size()];
    long[] last = new long[ix.stages.size()];
    java.util.Arrays.fill(first, Long.MAX_VALUE);
    java.util.Arrays.fill(last, -1);
    for (int i : space.initial) {
      State s = space.state(i);
      first[s.stage()] = 0;
      last[s.stage()] = Math.max(last[s.stage()], 0);
    }
    for (int s = 0; s < space.size(); s++) {
      if (!worst.reached(s)) {
        continue;
      }
      for (int e = space.firstEdge(s); e < space.endEdge(s); e++) {
        int t = space.target(e);
        State to = space.state(t);
        if (to.entered() && !timing.backwards(s, e)
            && (space.move(e).kind() != Move.Kind.GRANT_TIME)) {
          last[to.stage()] = Math.max(last[to.stage()], worst.value()[s]);
          if (earliest[t] >= 0) {
            first[to.stage()] = Math.min(first[to.stage()], earliest[t]);
          }
        }
      }
    }
    List<StageTimes> out = new ArrayList<>();
    for (int k = 0; k < ix.stages.size(); k++) {
      if (last[k] >= 0) {
        out.add(new StageTimes(ix.stages.get(k).key(), first[k], last[k]));
      }
    }
    return out;
  }

  /** What the reader of the totals needs to know about how they were counted. */
  List<String> notes() {
    List<String> notes = new ArrayList<>();
    Set<String> back = new LinkedHashSet<>();
    for (int s = 0; s < space.size(); s++) {
      for (int e = space.firstEdge(s); e < space.endEdge(s); e++) {
        Move m = space.move(e);
        if (timing.backwards(s, e) && !m.target().equals("stage "
            + ix.stages.get(space.state(s).stage()).key())) {
          back.add(m.role() + " may bypass back down the ladder (for example from stage "
              + ix.stages.get(space.state(s).stage()).key() + " to " + m.target() + ")");
        }
      }
    }
    if (back.isEmpty() && backwardsAtAll()) {
      back.add("a bypass may go to the stage the escalation is already at");
    }
    if (!back.isEmpty()) {
      notes.add(back.iterator().next() + ", and so round again without end: the worst totals "
          + "leave such bypasses out");
    }
    List<ExtensionRule> rules = new ArrayList<>();
    ix.protocol.extension().ifPresent(rules::add);
    ix.stages.forEach(s -> s.extension().ifPresent(rules::add));
    for (ExtensionRule r : rules) {
      if (r.upTo().isEmpty()) {
        notes.add("an extension rule sets no `up to` (line " + r.span().line()
            + (r.guide().isPresent() ? "; its guide, usually up to " + r.guide().get()
                + ", is no limit" : "") + "): with extensions there is no limit to the time");
        break;
      } else if (r.maxPerStage().isEmpty() && r.maxInTotal().isEmpty()) {
        notes.add("an extension rule sets no `at most` (line " + r.span().line()
            + "): more time can be granted again and again, so with extensions there is no limit");
        break;
      }
    }
    if (approximate()) {
      notes.add("some timescales are not in working days: a week counts as 5 working days, a "
          + "month as 22, 7 calendar days as 5");
    }
    LimitChecker.capsAndGuides(ix.protocol).ifPresent(notes::add);
    notes.add("totals add up the timescales, day 0 not counted (see the dated timelines for the "
        + "calendar): " + Measure.DIFFERENCE);
    return notes;
  }

  private boolean backwardsAtAll() {
    for (int s = 0; s < space.size(); s++) {
      for (int e = space.firstEdge(s); e < space.endEdge(s); e++) {
        if (timing.backwards(s, e)) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean approximate() {
    BitSet all = new BitSet();
    all.set(0, ix.stages.size());
    return !exactStays(all);
  }

  // -------------------------------------------------------------------------------------------
  // Limits

  Verdict limit(Limit limit) {
    BitSet stages = new BitSet();
    limit.stages().forEach(k -> stages.set(ix.stage(k)));
    long bound = WorkingDays.of(limit.atMost());
    PathWeights.Values spent = timing.spentIn(stages, false);
    PathWeights.Values spentWithExtensions = timing.spentIn(stages, true);
    int openAt = -1;
    long sum = -1;
    for (int s = 0; s < space.size(); s++) {
      sum = Math.max(sum, total(s, spent, stages));
      if (spent.reached(s) && openAt < 0 && openStay(space.state(s), stages)) {
        openAt = s;
      }
    }
    long sumWithExtensions = -1;
    for (int s = 0; s < space.size(); s++) {
      sumWithExtensions = Math.max(sumWithExtensions, total(s, spentWithExtensions, stages));
    }
    BitSet ended = ended();
    PathWeights.Values calendar = timing.latest(false, ended, true);
    long[] elapsed = arrival(calendar, ended, false);
    long elapsedWithExtensions = arrival(timing.latest(true, ended, true), ended, false)[0];
    boolean onSum = limit.measure() == Measure.TIMESCALES;
    long worst = onSum ? sum : elapsed[0];
    long withExtensions = onSum ? sumWithExtensions : elapsedWithExtensions;
    String title = "limit \"" + limit.title() + "\"";
    String scope = onSum ? scope(limit) : "the escalation from the raise to the end";
    List<Finding> findings = new ArrayList<>();
    if (onSum && openAt >= 0) {
      StatePath p = search.fromRaise(search.all(), i -> openStay(space.state(i), stages));
      Stage stage = ix.stages.get(space.state(p.last()).stage());
      findings.add(new Finding(Code.E0607, title, scope + " have no limit to their time: stage "
          + stage.key() + " " + org.escalon.machine.Interpreter.noDeadline(stage)
          + " on some path", limit.span(), "this limit",
          List.of("the shortest such path: " + checks.summary(p) + "; then nobody responds"),
          Optional.of("give stage " + stage.key() + " a timescale"), Optional.of(
              p.ending(StatePath.Ending.WAITS_FOREVER, -1)), Finding.Timing.AT_ONCE));
    } else if (OutcomeTotals.unbounded(worst) && unassumedSoft(onSum ? stages : null).isPresent()) {
      // a soft deadline bounds no time: the limit cannot be proved, and no bound is claimed
      Stage stage = unassumedSoft(onSum ? stages : null).get();
      Timescale soft = stage.timescales().stream().filter(WorkingDays::boundless).findFirst()
          .orElseThrow();
      findings.add(new Finding(Code.E0607, title, "cannot be proved: stage " + stage.key()
          + "'s deadline is soft (" + soft.firmness().orElseThrow().word().words() + "), so "
          + scope + " have no bound unless " + ix.protocol.header().raisedBy() + " escalates", limit.span(),
          "this limit", List.of("a soft deadline that is missed is recorded, and the escalation "
              + "waits for the escalator's decision: nothing bounds how long that takes"),
          Optional.of("declare the bound the policy assumes on stage " + stage.key()
              + "'s timescale (`, assume at most D`), or make the deadline one that must be met"),
          Optional.empty(), Finding.Timing.AT_ONCE));
    } else if (worst > bound) {
      StatePath p = onSum ? shortestOf(worst, stages, spent) : slowest(calendar, elapsed);
      findings.add(new Finding(Code.E0607, title, scope + " can take "
          + WorkingDays.words(worst) + ", over the limit of " + limit.atMost(), limit.span(),
          "this limit", List.of((onSum ? parts(p, stages, worst) + (exactStays(stages) ? ""
              : " (a timescale not counted in working days from its stage's start is taken at "
              + "its longest, so this is an upper bound)") : "counted on the calendar from the "
              + "raise"), "the slowest path: " + checks.summary(p), both(sum, elapsed[0],
              limit.measure())), Optional.of("shorten the timescales, or record that the "
              + "policy breaks " + limit.citations().stream().findFirst().map(c -> c.text())
                  .orElse(limit.title())), Optional.of(p), Finding.Timing.AT_THE_LAST_MOMENT));
    } else if (withExtensions > bound) {
      findings.add(new Finding(Code.W0608, title, "extensions can take " + scope + " past "
          + limit.atMost() + " (" + (OutcomeTotals.unbounded(withExtensions) ? "with no limit"
              : "up to " + WorkingDays.words(withExtensions)) + ")", limit.span(), "this limit",
          List.of("without extensions they take at most " + WorkingDays.words(worst),
              both(sum, elapsed[0], limit.measure())),
          Optional.of("give the extension rule an `up to` and an `at most` that fit the limit"),
          Optional.empty(), Finding.Timing.AT_THE_LAST_MOMENT));
    }
    boolean holds = findings.stream().noneMatch(f -> f.code() == Code.E0607);
    String summary = onSum && openAt >= 0 ? scope + ": no limit to their time (a stage with no "
        + "timescale), limit " + limit.atMost()
        : figures(sum, elapsed[0]) + "; the limit of " + limit.atMost() + " bounds "
            + limit.measure().words() + " (" + scope + "; with extensions: "
            + (OutcomeTotals.unbounded(withExtensions) ? "no limit"
                : WorkingDays.words(withExtensions)) + ")";
    return new Verdict(Verdict.Kind.LIMIT, limit.title(), holds, findings, summary);
  }

  /**
   * Both figures of one rule, side by side: "sum of the timescales 20 working days, elapsed on
   * the calendar 21 working days".
   */
  static String figures(long sum, long elapsed) {
    return "sum of the timescales " + WorkingDays.words(sum) + ", elapsed on the calendar "
        + WorkingDays.words(elapsed);
  }

  // the note under a finding: which figure the rule bounds, the other, and why they differ
  private static String both(long sum, long elapsed, Measure measure) {
    return "this rule bounds " + measure.words() + "; " + figures(sum, elapsed) + " ("
        + Measure.DIFFERENCE + ")";
  }

  private BitSet ended() {
    BitSet ended = new BitSet();
    for (int s = 0; s < space.size(); s++) {
      if (space.state(s).ended()) {
        ended.set(s);
      }
    }
    return ended;
  }

  private StatePath slowest(PathWeights.Values values, long[] worst) {
    return worst[1] < 0 ? timing.pathTo((int) worst[2], values)
        : withEdge(timing.pathTo((int) worst[1], values), (int) worst[2]);
  }

  /** The most the timescales add up to on a path until the goal first holds. */
  private long sumTo(BitSet goal, boolean extensions) {
    BitSet all = new BitSet();
    all.set(0, ix.stages.size());
    PathWeights.Values spent = timing.spentIn(all, extensions, goal);
    long worst = 0;
    for (int s = 0; s < space.size(); s++) {
      if (!spent.reached(s) || goal.get(s)) {
        continue;
      }
      State state = space.state(s);
      if (state.open() && !state.isWaiting() && !state.hasDeadline()) {
        return WorkingDays.UNBOUNDED;
      }
      for (int e = space.firstEdge(s); e < space.endEdge(s); e++) {
        if (goal.get(space.target(e))) {
          worst = Math.max(worst, total(s, spent, all));
        }
      }
    }
    return worst;
  }

  /** Of the states where the worst total is reached, the one with the shortest story. */
  private StatePath shortestOf(long worst, BitSet stages, PathWeights.Values spent) {
    StatePath best = null;
    int tried = 0;
    for (int s = 0; s < space.size() && tried < 64; s++) {
      if (total(s, spent, stages) == worst) {
        tried++;
        StatePath p = timing.pathTo(s, spent);
        if (best == null || p.states().size() < best.states().size()) {
          best = p;
        }
      }
    }
    return best;
  }

  private boolean exactStays(BitSet stages) {
    for (int s = 0; s < space.size(); s++) {
      State state = space.state(s);
      if (state.open() && state.hasDeadline() && stages.get(state.stage())
          && !WorkingDays.exact(ix.stages.get(state.stage()), state.timescales())) {
        return false;
      }
    }
    return true;
  }

  /** A stage (of {@code stages}, or any) with a soft timescale that no assumption bounds. */
  private Optional<Stage> unassumedSoft(BitSet stages) {
    for (int k = 0; k < ix.stages.size(); k++) {
      Stage st = ix.stages.get(k);
      if ((stages == null || stages.get(k))
          && st.timescales().stream().anyMatch(WorkingDays::boundless)) {
        return Optional.of(st);
      }
    }
    return Optional.empty();
  }

  private static boolean openStay(State s, BitSet stages) {
    return s.open() && !s.isWaiting() && !s.hasDeadline() && stages.get(s.stage());
  }

  private long total(int s, PathWeights.Values spent, BitSet stages) {
    if (!spent.reached(s)) {
      return -1;
    }
    State state = space.state(s);
    long total = spent.value()[s];
    if (PathWeights.timedStay(state, stages)) {
      total = WorkingDays.add(total, timing.longestStay(state));
    }
    return total;
  }

  private String scope(Limit limit) {
    if (limit.stages().size() == ix.stages.size()) {
      return "all the stages together";
    }
    return "stages " + String.join(", ", limit.stages()) + " together";
  }

  // "stage 1: 5 + stage 2: 5 + ... = 23 working days", the stays in the limit on the path
  private String parts(StatePath p, BitSet stages, long worst) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < p.states().size(); i++) {
      State s = space.state(p.states().get(i));
      boolean stay = s.entered() || i == 0;
      if (stay && PathWeights.timedStay(s, stages)) {
        parts.add("stage " + ix.stages.get(s.stage()).key() + ": " + timing.longestStay(s));
      }
    }
    return String.join(" + ", parts) + " = " + WorkingDays.words(worst);
  }

  // -------------------------------------------------------------------------------------------
  // Properties with a bound in time

  /** A {@code within} claim: the operand must come true on every path, in time. */
  Verdict within(Property property, Claim.Within w) {
    BitSet goal = ClaimMeaning.goal(w.operand(), claims.reading());
    String name = property.title();
    long bound = WorkingDays.of(w.bound());
    if (!claims.holds(w.operand())) {
      StatePath p = claims.counterexample(w.operand());
      return new Verdict(Verdict.Kind.PROPERTY, name, false, List.of(new Finding(Code.E0606,
          name, "property \"" + name + "\" does not hold: on one path it never comes true",
          property.span(), "does not hold", List.of("the shortest such path: "
              + checks.summary(p)), Optional.empty(), Optional.of(p), Finding.Timing.AT_ONCE)),
          "never comes true on one path");
    }
    PathWeights.Values values = timing.latest(false, goal, true);
    PathWeights.Values withExtensions = timing.latest(true, goal, true);
    long[] elapsed = arrival(values, goal);
    long elapsedWithExtensions = arrival(withExtensions, goal)[0];
    long sum = sumTo(goal, false);
    boolean onSum = w.measure() == Measure.TIMESCALES;
    long worst = onSum ? sum : elapsed[0];
    long worstWithExtensions = onSum ? sumTo(goal, true) : elapsedWithExtensions;
    List<Finding> findings = new ArrayList<>();
    if (worst > bound) {
      StatePath p = slowest(values, elapsed);
      boolean open = OutcomeTotals.unbounded(worst);
      findings.add(new Finding(Code.E0606, name, "property \"" + name + "\" does not hold: "
          + (open ? "on one path there is no limit to the time it takes"
              : "on one path it takes " + WorkingDays.words(worst) + ", over "
                  + w.bound()), property.span(), "does not hold",
          List.of("the slowest path: " + checks.summary(p), both(sum, elapsed[0], w.measure())),
          Optional.empty(), Optional.of(p), Finding.Timing.AT_THE_LAST_MOMENT));
    } else if (worstWithExtensions > bound) {
      findings.add(new Finding(Code.W0608, name, "extensions can break property \"" + name
          + "\" (" + (OutcomeTotals.unbounded(worstWithExtensions) ? "with no limit"
              : "up to " + WorkingDays.words(worstWithExtensions)) + ", over " + w.bound()
          + ")", property.span(), "holds only without extensions", List.of(
              "without extensions it takes at most " + WorkingDays.words(worst),
              both(sum, elapsed[0], w.measure())),
          Optional.of("give the extension rule an `up to` and an `at most` that fit the bound"),
          Optional.empty(), Finding.Timing.AT_THE_LAST_MOMENT));
    }
    boolean holds = worst <= bound;
    String summary = figures(sum, elapsed[0]) + "; the bound of " + w.bound() + " is on "
        + w.measure().words() + " (with extensions: " + WorkingDays.words(worstWithExtensions)
        + ")";
    return new Verdict(Verdict.Kind.PROPERTY, name, holds, findings, summary);
  }

  /**
   * The latest time a goal state is first reached: {worst, state before, edge or state}. A state
   * with no deadline on the way means no limit.
   */
  private long[] arrival(PathWeights.Values values, BitSet goal) {
    return arrival(values, goal, true);
  }

  /**
   * The same; without {@code waits}, a wait for a requirement adds no time (a limit's figure on
   * the calendar counts the timescales' days, as its sum does, and says nothing of waits).
   */
  private long[] arrival(PathWeights.Values values, BitSet goal, boolean waits) {
    long worst = 0;
    long from = -1;
    long edge = space.initial[0];
    for (int s = 0; s < space.size(); s++) {
      if (!values.reached(s) || goal.get(s)) {
        continue;
      }
      State state = space.state(s);
      if (state.open() && !state.hasDeadline() && (waits || !state.isWaiting())) {
        return new long[] {WorkingDays.UNBOUNDED, -1, s};
      }
      for (int e = space.firstEdge(s); e < space.endEdge(s); e++) {
        if (goal.get(space.target(e)) && values.value()[s] > worst) {
          worst = values.value()[s];
          from = s;
          edge = e;
        }
      }
    }
    return new long[] {worst, from, edge};
  }

  private StatePath withEdge(StatePath p, int edge) {
    List<Integer> states = new ArrayList<>(p.states());
    List<Move> moves = new ArrayList<>(p.moves());
    states.add(space.target(edge));
    moves.add(space.move(edge));
    return new StatePath(states, moves, StatePath.Ending.STOPS, -1);
  }

  /** Outcomes named in the report's order. */
  List<Outcome> outcomes() {
    return ix.outcomes;
  }
}
