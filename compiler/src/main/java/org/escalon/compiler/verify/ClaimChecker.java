package org.escalon.compiler.verify;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;
import org.escalon.model.Claim;

/**
 * Decides claims over the state space. Each temporal word speaks of every path from the point
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
    int n = space.size();
    if (c instanceof Claim.Not x) {
      BitSet r = (BitSet) sat(x.operand()).clone();
      r.flip(0, n);
      return r;
    } else if (c instanceof Claim.And x) {
      BitSet r = (BitSet) sat(x.left()).clone();
      r.and(sat(x.right()));
      return r;
    } else if (c instanceof Claim.Or x) {
      BitSet r = (BitSet) sat(x.left()).clone();
      r.or(sat(x.right()));
      return r;
    } else if (c instanceof Claim.Always x) {
      return nowhereReaches(not(sat(x.operand())));
    } else if (c instanceof Claim.Never x) {
      return nowhereReaches(sat(x.operand()));
    } else if (c instanceof Claim.AtEveryStage x) {
      BitSet bad = entered();
      bad.andNot(sat(x.operand()));
      return nowhereReaches(bad);
    } else if (c instanceof Claim.Eventually x) {
      return not(avoiding(sat(x.operand())));
    } else if (c instanceof Claim.Reaches x) {
      return not(avoiding(endedWhere(x.operand())));
    } else if (c instanceof Claim.OnlyAfter x) {
      BitSet condition = sat(x.condition());
      BitSet bad = (BitSet) sat(x.subject()).clone();
      bad.andNot(condition);
      BitSet r = not(search.canReach(bad, not(condition)));
      r.or(condition);
      return r;
    } else if (c instanceof Claim.Within) {
      throw new IllegalStateException("a bound in time stands only at the top of a claim");
    }
    BitSet r = new BitSet(n);
    for (int s = 0; s < n; s++) {
      if (atom(c, space.state(s))) {
        r.set(s);
      }
    }
    return r;
  }

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

  boolean atom(Claim c, State s) {
    if (c instanceof Claim.InOutcome x) {
      return s.ended() && ix.outcomes.get(s.outcome()).name().equals(x.name());
    } else if (c instanceof Claim.InStage x) {
      return s.open() && ix.stages.get(s.stage()).key().equals(x.key());
    } else if (c instanceof Claim.AttributeHolds x) {
      return ix.attribute(x.attribute()).map(i -> ix.value(s.attributes(), i) == 1)
          .orElse(false);
    } else if (c instanceof Claim.Completed x) {
      for (String key : x.stages()) {
        if (!s.completed().get(ix.completedBit[ix.stage(key)])) {
          return false;
        }
      }
      return true;
    } else if (c instanceof Claim.RoleAction x) {
      return s.acts().get(ix.roleActions.indexOf(x));
    }
    throw new IllegalStateException("not a claim about one point: " + c);
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
    if (c instanceof Claim.And x) {
      return explain(sat(x.left()).get(state) ? x.right() : x.left(), state, arrivedBy);
    } else if (c instanceof Claim.Or x) {
      return Claims.temporal(x.left()) || !Claims.temporal(x.right())
          ? explain(x.left(), state, arrivedBy) : explain(x.right(), state, arrivedBy);
    } else if (c instanceof Claim.Always x) {
      return to(here, not(sat(x.operand())), x.operand());
    } else if (c instanceof Claim.Never x) {
      return to(here, sat(x.operand()), null);
    } else if (c instanceof Claim.AtEveryStage x) {
      BitSet bad = entered();
      bad.andNot(sat(x.operand()));
      return to(here, bad, x.operand());
    } else if (c instanceof Claim.Eventually x) {
      return neverMeets(here, sat(x.operand()));
    } else if (c instanceof Claim.Reaches x) {
      return neverMeets(here, endedWhere(x.operand()));
    } else if (c instanceof Claim.OnlyAfter x) {
      BitSet condition = sat(x.condition());
      BitSet bad = (BitSet) sat(x.subject()).clone();
      bad.andNot(condition);
      StatePath p = search.from(state, arrivedBy, not(condition), bad::get);
      return p == null ? here : p;
    }
    return here;
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
