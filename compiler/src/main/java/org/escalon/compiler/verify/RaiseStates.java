package org.escalon.compiler.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.escalon.machine.Interpreter;
import org.escalon.model.Precondition;
import org.escalon.model.Target;
import org.escalon.model.Timescale;

/**
 * Every state an escalation can be in just after it is raised: each way to raise it the
 * interpreter lists (the first stage, a right to start elsewhere, a trigger), for each set of
 * facts the case may already have (attributes, agreements and advice given, anchor events
 * happened).
 */
final class RaiseStates {

  private final ProtocolIndex ix;
  private final Expansion x;
  private final MoveLabels labels;
  private final FactMoves facts;

  RaiseStates(Expansion x, MoveLabels labels, FactMoves facts) {
    this.ix = x.ix;
    this.x = x;
    this.labels = labels;
    this.facts = facts;
  }

  /** Each state just after a raise, with the raise (the first found) that leads to it. */
  List<AbstractRules.Next> initial(SearchLimits.Budget budget) {
    Interpreter run = x.run;
    Map<State, Integer> found = new LinkedHashMap<>();
    // Only the facts the raise itself can tell apart are set before it: an agreement no stage an
    // escalation starts at requires, or an event no such stage's timescale or trigger counts,
    // is given just after the raise by its own move instead, and the paths are the same. The
    // combinations are counted one by one against the budget, never all built first.
    List<Target> arrivals = run.raiseArrivals();
    List<Integer> consents = consents(arrivals);
    List<Integer> events = events(arrivals);
    int[] digits = new int[ix.domains.size() + consents.size() + events.size()];
    int[] radix = new int[digits.length];
    for (int i = 0; i < radix.length; i++) {
      // a stage's decision is taken during its stage, never before the raise; the protocol's
      // may have been taken either way before it
      radix[i] = i < ix.domains.size() ? (ix.attributes.get(i).decision().isPresent()
          && !run.anyTime(ix.attributes.get(i).name()) ? 1 : ix.domains.get(i).size()) : 2;
    }
    budget.starts(combinations(radix));
    do {
      budget.start();
      Bits attributes = Bits.NONE;
      for (int i = 0; i < ix.domains.size(); i++) {
        attributes = ix.withValue(attributes, i, digits[i]);
      }
      Bits c = Bits.NONE;
      for (int i = 0; i < consents.size(); i++) {
        c = digits[ix.domains.size() + i] == 1 ? c.with(consents.get(i)) : c;
      }
      Bits occurred = Bits.NONE;
      for (int i = 0; i < events.size(); i++) {
        occurred = digits[ix.domains.size() + consents.size() + i] == 1
            ? occurred.with(events.get(i)) : occurred;
      }
      if (!facts.inOrder(c)) {
        continue;
      }
      CaseFacts set = new CaseFacts(ix, CaseFacts.View.MUST, Bits.NONE, c, attributes, occurred);
      CaseFacts history = new CaseFacts(ix, CaseFacts.View.MAY, Bits.NONE, c, attributes,
          occurred);
      for (Interpreter.Raise raise : run.raises(history, set)) {
        Draft d = x.before(attributes, c, occurred, raise.at().index());
        // a raise that would leave the escalation open with an invariant broken is refused
        if (run.raise(raise.at(), d).isEmpty() && (d.ended || run.breaking(d).isEmpty())) {
          int by = labels.raise(raise);
          found.putIfAbsent(d.state(), by);
          if (!d.ended && d.waiting < 0) {
            // a referral allowed only at the raise is made with it, or never
            run.atTheRaise(d, r -> found.putIfAbsent(r.state(), by));
          }
        }
      }
    } while (next(digits, radix));
    List<AbstractRules.Next> out = new ArrayList<>();
    found.forEach((state, move) -> out.add(new AbstractRules.Next(labels.move(move), state)));
    return out;
  }

  /** How many combinations the radices make, stopping at {@link Long#MAX_VALUE}. */
  private static long combinations(int[] radix) {
    long product = 1;
    for (int r : radix) {
      product = product > Long.MAX_VALUE / r ? Long.MAX_VALUE : product * r;
    }
    return product;
  }

  /** Counts {@code digits} up by one in mixed radix; false once it has gone all the way round. */
  private static boolean next(int[] digits, int[] radix) {
    for (int i = 0; i < digits.length; i++) {
      if (++digits[i] < radix[i]) {
        return true;
      }
      digits[i] = 0;
    }
    return false;
  }

  /** The consents (agreements, then advice) a stage or outcome a raise arrives at requires. */
  private List<Integer> consents(List<Target> arrivals) {
    Set<Integer> bits = new TreeSet<>();
    for (Target t : arrivals) {
      int at = ix.code(t);
      List<Precondition> required = at < ix.stages.size() ? ix.stages.get(at).preconditions()
          : ix.outcomes.get(at - ix.stages.size()).preconditions();
      for (Precondition p : required) {
        int bit = facts.consentBit(p);
        if (bit >= 0) {
          bits.add(bit);
        }
      }
    }
    return List.copyOf(bits);
  }

  /** The anchor events a stage a raise arrives at counts from, or a trigger counts. */
  private List<Integer> events(List<Target> arrivals) {
    Set<Integer> bits = new TreeSet<>();
    if (!x.model.triggers().isEmpty()) {
      for (int e = 0; e < ix.anchorEvents.size(); e++) {
        bits.add(e);
      }
    }
    for (Target t : arrivals) {
      int at = ix.code(t);
      if (at < ix.stages.size()) {
        for (Timescale ts : ix.stages.get(at).timescales()) {
          if (ts.anchor() instanceof Timescale.Anchor.Event e) {
            bits.add(ix.anchorEvents.indexOf(e.name()));
          }
        }
      }
    }
    return List.copyOf(bits);
  }
}
