package org.escalon.compiler.verify;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;
import org.escalon.machine.ClaimCases;
import org.escalon.machine.ClaimMeaning;
import org.escalon.model.Claim;
import org.escalon.model.Timespan;

/**
 * Decides claims over the state space: {@link ClaimMeaning} says what each word of a claim means
 * in a few primitives (shared with the conformance tests), which this reads over sets of states.
 * Each temporal word speaks of every path from the point
 * where it stands: {@code always}, {@code never} and {@code at every stage} of every state a path
 * can come to; {@code eventually} and {@code every path reaches} of every path on which people act
 * only finitely often (so a path that never ends is one where, in the end, nobody acts and the
 * escalation waits for ever or goes round a loop of deadlines); {@code only after} of the path
 * from that point. A claim holds when it holds just after every possible raise.
 */
final class ClaimChecker {

  private final StateSpace space;
  private final Search search;
  private final ProtocolIndex ix;
  private final Map<Claim, BitSet> memo = new HashMap<>();

  ClaimChecker(StateSpace space, Search search) {
    this.space = space;
    this.search = search;
    this.ix = space.rules.index();
  }

  /** Whether the claim holds just after every raise. */
  boolean holds(Claim claim) {
    BitSet sat = sat(claim);
    for (int i : space.initial) {
      if (!sat.get(i)) {
        return false;
      }
    }
    return true;
  }

  /** The states where a claim holds. */
  BitSet sat(Claim c) {
    BitSet known = memo.get(c);
    if (known != null) {
      return known;
    }
    BitSet result = compute(c);
    memo.put(c, result);
    return result;
  }

  private BitSet compute(Claim c) {
    return ClaimMeaning.of(c, reading);
  }

  /** The primitives of claims over the state space; {@link ClaimMeaning} gives each word. */
  ClaimMeaning.Reading<BitSet> reading() {
    return reading;
  }

  private final ClaimMeaning.Reading<BitSet> reading = new ClaimMeaning.Reading<>() {
    private BitSet where(java.util.function.Predicate<State> p) {
      BitSet r = new BitSet(space.size());
      for (int s = 0; s < space.size(); s++) {
        if (p.test(space.state(s))) {
          r.set(s);
        }
      }
      return r;
    }

    @Override
    public BitSet inStage(String key) {
      return where(s -> s.open() && ix.stages.get(s.stage()).key().equals(key));
    }

    @Override
    public BitSet inOutcome(String name) {
      return where(s -> s.ended() && ix.outcomes.get(s.outcome()).name().equals(name));
    }

    @Override
    public BitSet attributeHolds(String attribute) {
      return where(s -> ix.attribute(attribute).map(i -> ix.value(s.attributes(), i) == 1)
          .orElse(false));
    }

    @Override
    public BitSet completed(java.util.List<String> stages) {
      return where(s -> stages.stream()
          .allMatch(key -> s.completed().get(ix.completedBit[ix.stage(key)])));
    }

    @Override
    public BitSet does(String role, Claim.Action action) {
      int bit = ix.roleActions.indexOf(new Claim.RoleAction(role, action));
      return where(s -> s.acts().get(bit));
    }

    @Override
    public BitSet entered() {
      return ClaimChecker.this.entered();
    }

    @Override
    public BitSet ended() {
      return ClaimChecker.this.ended();
    }

    @Override
    public BitSet not(BitSet operand) {
      return ClaimChecker.this.not(operand);
    }

    @Override
    public BitSet and(BitSet left, BitSet right) {
      BitSet r = (BitSet) left.clone();
      r.and(right);
      return r;
    }

    @Override
    public BitSet or(BitSet left, BitSet right) {
      BitSet r = (BitSet) left.clone();
      r.or(right);
      return r;
    }

    @Override
    public BitSet always(BitSet operand) {
      return nowhereReaches(not(operand));
    }

    @Override
    public BitSet eventually(BitSet operand) {
      return not(avoiding(operand));
    }

    @Override
    public BitSet onlyAfter(BitSet subject, BitSet condition) {
      BitSet bad = (BitSet) subject.clone();
      bad.andNot(condition);
      BitSet r = not(search.canReach(bad, not(condition)));
      r.or(condition);
      return r;
    }

    @Override
    public BitSet within(BitSet goal, Timespan bound) {
      throw new IllegalStateException("a bound in time stands only at the top of a claim");
    }
  };

  /** The states where the escalation has ended where the claim holds. */
  BitSet endedWhere(Claim c) {
    BitSet r = ended();
    r.and(sat(c));
    return r;
  }

  /**
   * The states from which some path on which people act finitely often never meets {@code goal}:
   * through states outside it, to one from which, if nobody acts, it stays outside for ever.
   */
  BitSet avoiding(BitSet goal) {
    BitSet outside = not(goal);
    return search.canReach(search.idleStaysIn(outside), outside);
  }

  private BitSet nowhereReaches(BitSet bad) {
    return not(search.canReach(bad, search.all()));
  }

  BitSet ended() {
    BitSet r = new BitSet(space.size());
    for (int s = 0; s < space.size(); s++) {
      if (space.state(s).ended()) {
        r.set(s);
      }
    }
    return r;
  }

  BitSet entered() {
    BitSet r = new BitSet(space.size());
    for (int s = 0; s < space.size(); s++) {
      if (space.state(s).entered()) {
        r.set(s);
      }
    }
    return r;
  }

  BitSet not(BitSet b) {
    BitSet r = (BitSet) b.clone();
    r.flip(0, space.size());
    return r;
  }

  // -------------------------------------------------------------------------------------------
  // Counterexamples

  /** The shortest path from a raise that breaks the claim; null when it holds. */
  StatePath counterexample(Claim claim) {
    BitSet failing = not(sat(claim));
    IntPredicate start = failing::get;
    StatePath found = null;
    for (int i = 0; i < space.initial.length; i++) {
      if (start.test(space.initial[i])) {
        StatePath p = explain(claim, space.initial[i], space.initialMoves[i]);
        if (found == null || length(p) < length(found)) {
          found = p;
        }
      }
    }
    return found;
  }

  private static int length(StatePath p) {
    return p.states().size();
  }

  /** A path from a state where the claim fails that shows why it fails. */
  StatePath explain(Claim c, int state, Move arrivedBy) {
    StatePath here = new StatePath(java.util.List.of(state), java.util.List.of(arrivedBy),
        StatePath.Ending.STOPS, -1);
    return ClaimCases.on(c, new ClaimCases<>() {
      @Override
      public StatePath and(Claim.And x) {
        return explain(sat(x.left()).get(state) ? x.right() : x.left(), state, arrivedBy);
      }

      @Override
      public StatePath or(Claim.Or x) {
        return Claims.temporal(x.left()) || !Claims.temporal(x.right())
            ? explain(x.left(), state, arrivedBy) : explain(x.right(), state, arrivedBy);
      }

      @Override
      public StatePath always(Claim.Always x) {
        return to(here, ClaimChecker.this.not(sat(x.operand())), x.operand());
      }

      @Override
      public StatePath never(Claim.Never x) {
        return to(here, sat(x.operand()), null);
      }

      @Override
      public StatePath atEveryStage(Claim.AtEveryStage x) {
        BitSet bad = entered();
        bad.andNot(sat(x.operand()));
        return to(here, bad, x.operand());
      }

      @Override
      public StatePath eventually(Claim.Eventually x) {
        return neverMeets(here, sat(x.operand()));
      }

      @Override
      public StatePath reaches(Claim.Reaches x) {
        return neverMeets(here, endedWhere(x.operand()));
      }

      @Override
      public StatePath onlyAfter(Claim.OnlyAfter x) {
        BitSet condition = sat(x.condition());
        BitSet bad = (BitSet) sat(x.subject()).clone();
        bad.andNot(condition);
        StatePath p = search.from(state, arrivedBy, ClaimChecker.this.not(condition),
            bad::get);
        return p == null ? here : p;
      }

      // a bound is checked apart (Bounds), and a negation or an atom fails where the path
      // starts: the path is this state
      @Override
      public StatePath within(Claim.Within x) {
        return here;
      }

      @Override
      public StatePath not(Claim.Not x) {
        return here;
      }

      @Override
      public StatePath completed(Claim.Completed x) {
        return here;
      }

      @Override
      public StatePath inStage(Claim.InStage x) {
        return here;
      }

      @Override
      public StatePath inOutcome(Claim.InOutcome x) {
        return here;
      }

      @Override
      public StatePath attributeHolds(Claim.AttributeHolds x) {
        return here;
      }

      @Override
      public StatePath roleAction(Claim.RoleAction x) {
        return here;
      }
    });
  }

  private StatePath to(StatePath here, BitSet bad, Claim then) {
    StatePath p = search.from(here.last(), here.moves().get(0), search.all(), bad::get);
    if (p == null) {
      return here;
    }
    if (then != null && Claims.temporal(then)) {
      return p.then(explain(then, p.last(), p.moves().get(p.moves().size() - 1)));
    }
    return p;
  }

  private StatePath neverMeets(StatePath here, BitSet goal) {
    BitSet outside = not(goal);
    BitSet stays = search.idleStaysIn(outside);
    StatePath p = search.from(here.last(), here.moves().get(0), outside, stays::get);
    if (p == null) {
      return here;
    }
    return p.then(search.idleFrom(p.last(), p.moves().get(p.moves().size() - 1)));
  }
}
