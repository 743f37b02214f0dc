package org.escalon.compiler.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.machine.Guard;
import org.escalon.machine.Guards;
import org.escalon.machine.Interpreter;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.TargetCases;
import org.escalon.model.Precondition;
import org.escalon.model.Right;

/**
 * The verifier's states and moves, with every rule of the protocol asked of the
 * {@link Interpreter} the engine runs on: which moves are enabled ({@link Interpreter#enabled}),
 * where each arrives ({@code only if} skips, waits), how an escalation is raised
 * ({@link Interpreter#raises}), what a change of facts does. What is the verifier's own is the
 * abstraction: which facts a state keeps ({@link ProtocolIndex}) and how it is packed
 * ({@link PackedState}), the facts a case may have before the raise ({@link RaiseStates}), the
 * changes of facts offered as moves ({@link FactMoves}), the moves' labels ({@link MoveLabels})
 * and the successors already known by a state's signature ({@link SuccessorMemo}).
 *
 * <p>Left out on purpose: withdrawal (not a rule of the protocol), declining a request for more
 * time (it leads back to the stay as it was before the request, which the search has), and
 * anything after the end (an ended escalation takes no more moves).
 */
final class AbstractRules {

  /** A move and the state it leads to. */
  record Next(Move move, State state) {}

  private final ProtocolIndex ix;
  private final Interpreter run;
  private final PackedState layout;
  private final Expansion x;
  private final MoveLabels labels;
  private final SuccessorMemo memo;
  private final EnabledMoves enabled;
  private final FactMoves facts;
  private final RaiseStates raises;

  AbstractRules(ProtocolIndex ix) {
    this.ix = ix;
    this.run = new Interpreter(ix.model);
    this.layout = new PackedState(ix);
    this.x = new Expansion(ix, run, layout);
    this.labels = new MoveLabels(ix, run);
    this.memo = new SuccessorMemo(layout, ix.model.rights().covers(Right.Kind.BYPASS).size());
    this.enabled = new EnabledMoves(labels, x, memo);
    this.facts = new FactMoves(x, labels);
    this.raises = new RaiseStates(x, labels, facts);
  }

  /** How many longs a packed state takes. */
  int width() {
    return layout.width;
  }

  /** Every move numbered so far, by number. */
  List<Move> moves() {
    return labels.moves();
  }

  ProtocolIndex index() {
    return ix;
  }

  OperationalModel model() {
    return ix.model;
  }

  /** Every state an escalation can be in just after it is raised ({@link RaiseStates}). */
  List<Next> initial(SearchLimits.Budget budget) {
    return raises.initial(budget);
  }

  /** A buffer for the moves from one state; see {@link Successors}. */
  Successors buffer(boolean remembering) {
    return new Successors(x, memo, remembering);
  }

  /** The moves from the state, each with the state it leads to, one by one (for walks). */
  List<Next> successors(State s) {
    Successors out = buffer(false);
    long[] packed = new long[layout.width];
    x.pack(s, packed, 0);
    successors(packed, 0, out);
    List<Next> next = new ArrayList<>();
    for (int k = 0; k < out.count; k++) {
      next.add(new Next(labels.move(out.moves[k]), layout.unpack(out.states, k * width())));
    }
    return next;
  }

  /**
   * Every move the engine would accept in the state packed in {@code words} from {@code at},
   * each with the state it leads to: those the interpreter enables, then the changes of facts.
   */
  void successors(long[] words, int at, Successors out) {
    if (PackedState.ended(words, at)) {
      return;
    }
    x.expand(words, at);
    if (out.remembers) {
      memo.expand(words, at);
    }
    run.enabled(x.source, enabled.into(out));
    enabled.recorded();
    facts.offer(out);
  }

  /** Remembers the number of the state a move leads to (see {@link Successors#remember}). */
  void remember(int at, int state) {
    memo.remember(at, state);
  }

  /** Packs the state into {@code out} from {@code at}. */
  void pack(State s, long[] out, int at) {
    x.pack(s, out, at);
  }

  /** The state packed in {@code words} from {@code at}. */
  State unpack(long[] words, int at) {
    return layout.unpack(words, at);
  }

  /** See {@link FactMoves#releasedOnlyByBreaking}. */
  Optional<FactMoves.Forbidden> releasedOnlyByBreaking(State s) {
    return facts.releasedOnlyByBreaking(s);
  }

  /** The preconditions of a target's code, as the protocol writes them. */
  List<Precondition> preconditions(int target) {
    return target < ix.stages.size() ? ix.stages.get(target).preconditions()
        : ix.outcomes.get(target - ix.stages.size()).preconditions();
  }

  String name(int target) {
    return TargetCases.describe(ix.target(target));
  }

  /** Whether the guard holds in the state. */
  boolean holds(Guard guard, State s) {
    return Guards.holds(guard, CaseFacts.of(ix, s));
  }

  /** Whether the precondition holds in the state. */
  boolean met(Precondition p, State s) {
    return holds(OperationalModel.guard(p), s);
  }

  /** Why the precondition does not hold in the state, as the engine says it; empty if it does. */
  Optional<String> unmet(Precondition p, State s) {
    return Guards.unmet(OperationalModel.guard(p), CaseFacts.of(ix, s));
  }
}
