package org.escalon.compiler.verify;

import java.util.Arrays;
import org.escalon.machine.Guard;
import org.escalon.machine.Interpreter;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.StageRule;
import org.escalon.model.Timescale;

/**
 * The state being expanded and the draft each move from it works on, with what those moves
 * share: the interpreter that moves them, and what is made once instead of per move.
 */
final class Expansion {

  final ProtocolIndex ix;
  final OperationalModel model;
  final Interpreter run;
  final PackedState layout;
  /** The state being expanded, and the copy of it each move works on. */
  final Draft source;
  final Draft scratch;
  /** The state being expanded, as packed: what its successors' unchanged facts are copied from. */
  final long[] sourceWords;
  /** The stages the state being expanded has completed, with one more, by the added bit. */
  final Bits[] completedPlus;
  /**
   * For each stage, its timescales and role actions on entry when no fact can change them (no
   * conditional timescale, none counted from an event, no duty of a property's with a condition),
   * else null: entering a stage is the commonest thing a move does.
   */
  final Bits[] fixedTimescales;
  final Bits[] fixedActs;

  Expansion(ProtocolIndex ix, Interpreter run, PackedState layout) {
    this.ix = ix;
    this.model = ix.model;
    this.run = run;
    this.layout = layout;
    this.source = new Draft(this);
    this.scratch = new Draft(this);
    this.sourceWords = new long[layout.width];
    int completedBits = 0;
    for (int bit : ix.completedBit) {
      completedBits = Math.max(completedBits, bit + 1);
    }
    this.completedPlus = new Bits[completedBits];
    this.fixedTimescales = new Bits[ix.stages.size()];
    this.fixedActs = new Bits[ix.stages.size()];
    Draft none = before(Bits.NONE, Bits.NONE, Bits.NONE, 0);
    for (StageRule stage : model.stages()) {
      boolean fixedTime = stage.timescales().conditional().isEmpty() && stage.timescales()
          .otherwise().stream().noneMatch(t -> t.anchor() instanceof Timescale.Anchor.Event);
      boolean fixedDuties = ix.roleActions.isEmpty()
          || stage.duties().stream().allMatch(d -> d.when() == Guard.ALWAYS);
      fixedTimescales[stage.index()] = fixedTime ? none.timescales(stage) : null;
      fixedActs[stage.index()] = fixedDuties ? none.acts(stage.duties()) : null;
    }
  }

  /** A draft before a raise at the stage, with the facts set by then. */
  Draft before(Bits attributes, Bits consents, Bits occurred, int stage) {
    return new Draft(this, attributes, consents, occurred, stage);
  }

  /** Makes the state packed in {@code words} from {@code at} the one being expanded. */
  void expand(long[] words, int at) {
    layout.load(words, at, source);
    System.arraycopy(words, at, sourceWords, 0, layout.width);
    Arrays.fill(completedPlus, null);
  }

  /** Makes the state the one being expanded. */
  void expand(State s) {
    long[] packed = new long[layout.width];
    pack(s, packed, 0);
    expand(packed, 0);
  }

  /** Packs the state into {@code out} from {@code at}. */
  void pack(State s, long[] out, int at) {
    Draft d = new Draft(this);
    d.load(s);
    layout.pack(d, out, at);
  }

  /** Packs a successor of the state being expanded into {@code out} from {@code at}. */
  void packSuccessor(Draft d, long[] out, int at) {
    layout.packSuccessor(d, source, sourceWords, out, at);
  }
}
