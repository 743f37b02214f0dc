package org.escalon.compiler.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.escalon.machine.Interpreter;
import org.escalon.machine.PreconditionCases;
import org.escalon.model.Precondition;
import org.escalon.model.SourceSpan;

/**
 * The facts of the case changing, offered as moves: agreements and advice given, steps required
 * before a stage reported done, attributes set,
 * anchor events happening. What a change does (a wait tried again, a duty to go at once, an
 * invariant that refuses it) is the interpreter's to say; which changes are offered is the
 * verifier's abstraction.
 */
final class FactMoves {

  private final ProtocolIndex ix;
  private final Expansion x;
  private final MoveLabels labels;
  /**
   * For each consent (agreements, then advice), the one before it in its group, or -1. A group is
   * the consents required by exactly the same preconditions lists: to every rule they are one
   * fact, "all given", so only how many are given matters. They are given in order (the first not
   * yet given is the only one offered), which keeps n of them to n + 1 states instead of 2^n.
   */
  private final int[] consentBefore;
  /** For each consent, where the first outcome or stage that asks for it asks for it. */
  private final SourceSpan[] requirers;

  FactMoves(Expansion x, MoveLabels labels) {
    this.ix = x.ix;
    this.x = x;
    this.labels = labels;
    this.consentBefore = consentGroups();
    this.requirers = requirers();
  }

  private int[] consentGroups() {
    int n = ix.consents();
    List<List<Precondition>> lists = new ArrayList<>();
    ix.stages.forEach(s -> lists.add(s.preconditions()));
    ix.outcomes.forEach(o -> lists.add(o.preconditions()));
    ix.protocol.extension().ifPresent(e -> lists.add(e.preconditions()));
    ix.stages.forEach(s -> s.extension().ifPresent(e -> lists.add(e.preconditions())));
    List<Set<Integer>> requiredBy = new ArrayList<>();
    for (int b = 0; b < n; b++) {
      requiredBy.add(new TreeSet<>());
    }
    for (int l = 0; l < lists.size(); l++) {
      for (Precondition p : lists.get(l)) {
        int bit = consentBit(p);
        if (bit >= 0) {
          requiredBy.get(bit).add(l);
        }
      }
    }
    int[] before = new int[n];
    Map<Set<Integer>, Integer> last = new HashMap<>();
    for (int b = 0; b < n; b++) {
      Integer previous = last.put(requiredBy.get(b), b);
      before[b] = previous == null ? -1 : previous;
    }
    return before;
  }

  private SourceSpan[] requirers() {
    SourceSpan[] spans = new SourceSpan[consentBefore.length];
    List<List<Precondition>> all = new ArrayList<>();
    ix.outcomes.forEach(o -> all.add(o.preconditions()));
    ix.stages.forEach(s -> all.add(s.preconditions()));
    for (List<Precondition> list : all) {
      for (Precondition p : list) {
        int bit = consentBit(p);
        if (bit >= 0 && spans[bit] == null) {
          spans[bit] = p.span();
        }
      }
    }
    for (int b = 0; b < spans.length; b++) {
      spans[b] = spans[b] == null ? SourceSpan.NONE : spans[b];
    }
    return spans;
  }

  /** The consent bit a precondition asks for (agreements, advice, steps done), or -1. */
  int consentBit(Precondition p) {
    return PreconditionCases.on(p, new PreconditionCases<>() {
      @Override
      public Integer completed(Precondition.Completed c) {
        return -1;
      }

      @Override
      public Integer agreement(Precondition.Agreement a) {
        return ix.agreements.indexOf(a.role());
      }

      @Override
      public Integer advice(Precondition.Advice a) {
        return ix.agreements.size() + ix.advice.indexOf(a.role());
      }

      @Override
      public Integer done(Precondition.Done d) {
        return ix.doneBit(org.escalon.machine.StepClocks.id(d.step()));
      }

      @Override
      public Integer holds(Precondition.Holds h) {
        return -1;
      }
    });
  }

  /** Whether the consents are given in their groups' order (see {@link #consentBefore}). */
  boolean inOrder(Bits consents) {
    for (int b : consents.members()) {
      if (consentBefore[b] >= 0 && !consents.get(consentBefore[b])) {
        return false;
      }
    }
    return true;
  }

  /** The changes of facts from the state being expanded, each with the state it leads to. */
  void offer(Successors out) {
    Draft source = x.source;
    for (int bit = 0; bit < consentBefore.length; bit++) {
      Bits given = source.consents;
      if (given.get(bit) || consentBefore[bit] >= 0 && !given.get(consentBefore[bit])) {
        continue;
      }
      Draft d = source.successor();
      d.consents = d.consents.with(bit);
      d.retryWaiting();
      d.moveAtOnce();
      out.add(labels.consent(bit, requirers[bit]), d);
    }
    for (int a = 0; a < ix.attributes.size(); a++) {
      int current = ix.value(source.attributes, a);
      // a decision is taken, either way, by its role when the model lets it: a stage's while
      // the escalation is at its stage, the protocol's at any time
      var decision = ix.attributes.get(a).decision();
      Optional<String> at = source.ended || source.stage < 0 ? Optional.empty()
          : Optional.of(x.model.stages().get(source.stage).key());
      if (decision.isPresent() && x.run.deciding(at, decision.get().by().get(0),
          ix.attributes.get(a).name()).isPresent()) {
        continue;
      }
      for (int v = ix.attributes.get(a).isYesNo() ? 0 : 1; v < ix.domains.get(a).size(); v++) {
        if (v == current) {
          continue;
        }
        int move = labels.set(a, v);
        Draft d = source.successor();
        d.attributes = ix.withValue(d.attributes, a, v);
        if (x.run.breaking(d).isPresent()) {
          continue; // the engine refuses a change that breaks an invariant of an open escalation
        }
        d.retryWaiting();
        d.moveAtOnce();
        out.add(move, d);
      }
    }
    // an event only starts a count: nothing waits for one (a trigger fires before the raise)
    for (int e = 0; e < ix.anchorEvents.size(); e++) {
      if (!source.occurred.get(e)) {
        Draft d = source.successor();
        d.occurred = d.occurred.with(e);
        out.add(labels.occur(e), d);
      }
    }
  }

  /** A change of facts an invariant forbids, in words, and the refusal that forbids it. */
  record Forbidden(String change, Interpreter.Refusal refusal) {}

  /**
   * A change of one attribute that would let the waiting escalation in {@code s} go on but that
   * an invariant forbids, in words ("child_in_placement set to no"); empty if there is none, or
   * if the escalation is not waiting. This is where an invariant can be broken by the protocol
   * itself: a requirement that only a forbidden fact would meet.
   */
  Optional<Forbidden> releasedOnlyByBreaking(State s) {
    if (s.ended() || !s.isWaiting()) {
      return Optional.empty();
    }
    x.expand(s);
    Draft source = x.source;
    for (int a = 0; a < ix.attributes.size(); a++) {
      int current = ix.value(source.attributes, a);
      for (int v = ix.attributes.get(a).isYesNo() ? 0 : 1; v < ix.domains.get(a).size(); v++) {
        if (v == current) {
          continue;
        }
        Draft d = source.successor();
        d.attributes = ix.withValue(d.attributes, a, v);
        Optional<Interpreter.Refusal> broken = x.run.breaking(d);
        if (broken.isEmpty()) {
          continue;
        }
        int waited = d.waiting;
        d.retryWaiting();
        if (d.ended || d.waiting != waited) {
          return Optional.of(new Forbidden(ix.attributes.get(a).name() + " set to "
              + ix.domains.get(a).get(v), broken.get()));
        }
      }
    }
    return Optional.empty();
  }
}
