package org.escalon.compiler.verify;

import org.escalon.model.Stage;

/**
 * How a state is packed into longs: two words of where it is (the stage, the target waited for,
 * the outcome and three flags; the extensions at the stage and in total), then a fixed number of
 * words for each set of facts (stages completed, consents, attribute values, events, timescales,
 * role actions), each from its offset here; {@link #width} in all.
 */
final class PackedState {

  private static final long ENDED = 1L << 60;
  private static final long PENDING = 1L << 61;
  private static final long ENTERED = 1L << 62;
  private final int completedAt;
  private final int consentsAt;
  private final int attributesAt;
  private final int occurredAt;
  private final int timescalesAt;
  private final int actsAt;
  /** How many longs a packed state takes. */
  final int width;

  PackedState(ProtocolIndex ix) {
    if (ix.stages.size() + ix.outcomes.size() >= 1 << 20) {
      throw new IllegalArgumentException("too many stages and outcomes to verify");
    }
    int completedBits = 0;
    for (int bit : ix.completedBit) {
      completedBits = Math.max(completedBits, bit + 1);
    }
    int timescaleBits = 0;
    for (Stage stage : ix.stages) {
      timescaleBits = Math.max(timescaleBits, stage.timescales().size());
    }
    this.completedAt = 2;
    this.consentsAt = completedAt + words(completedBits);
    this.attributesAt = consentsAt + words(ix.consents());
    this.occurredAt = attributesAt + words(ix.attributeBits);
    this.timescalesAt = occurredAt + words(ix.anchorEvents.size());
    this.actsAt = timescalesAt + words(timescaleBits);
    this.width = actsAt + words(ix.roleActions.size());
  }

  private static int words(int bits) {
    return (bits + 63) >>> 6;
  }

  /** Packs the draft into {@code out} from {@code at}. */
  void pack(Draft d, long[] out, int at) {
    packPosition(d, out, at);
    put(d.completed, out, at + completedAt, consentsAt - completedAt);
    put(d.consents, out, at + consentsAt, attributesAt - consentsAt);
    put(d.attributes, out, at + attributesAt, occurredAt - attributesAt);
    put(d.occurred, out, at + occurredAt, timescalesAt - occurredAt);
    put(d.timescales, out, at + timescalesAt, actsAt - timescalesAt);
    put(d.acts, out, at + actsAt, width - actsAt);
  }

  /**
   * Packs a successor of {@code source} (packed as {@code sourceWords}): a set of facts the move
   * left as it was (the same object as the source's) is copied from the source's words, not read
   * out of the set again; a move changes one or two of them.
   */
  void packSuccessor(Draft d, Draft source, long[] sourceWords, long[] out, int at) {
    packPosition(d, out, at);
    copyOrPut(d.completed, source.completed, sourceWords, out, at, completedAt, consentsAt);
    copyOrPut(d.consents, source.consents, sourceWords, out, at, consentsAt, attributesAt);
    copyOrPut(d.attributes, source.attributes, sourceWords, out, at, attributesAt, occurredAt);
    copyOrPut(d.occurred, source.occurred, sourceWords, out, at, occurredAt, timescalesAt);
    copyOrPut(d.timescales, source.timescales, sourceWords, out, at, timescalesAt, actsAt);
    copyOrPut(d.acts, source.acts, sourceWords, out, at, actsAt, width);
  }

  private static void packPosition(Draft d, long[] out, int at) {
    out[at] = d.stage | (long) (d.waiting + 1) << 20 | (long) (d.outcome + 1) << 40
        | (d.ended ? ENDED : 0) | (d.pending ? PENDING : 0) | (d.entered ? ENTERED : 0);
    out[at + 1] = (d.extensionsAtStage & 0xFFFF_FFFFL) | (long) d.extensionsInTotal << 32;
  }

  private static void copyOrPut(Bits bits, Bits was, long[] sourceWords, long[] out, int at,
      int from, int to) {
    if (bits == was) {
      for (int i = from; i < to; i++) {
        out[at + i] = sourceWords[i];
      }
    } else {
      put(bits, out, at + from, to - from);
    }
  }

  private static void put(Bits bits, long[] out, int at, int words) {
    if (bits.wordCount() > words) {
      // a fact outside the layout would be dropped, and two states told apart would be one
      throw new IllegalStateException("a fact beyond the packed state's layout: " + bits);
    }
    for (int i = 0; i < words; i++) {
      out[at + i] = bits.word(i);
    }
  }

  /** Whether the state packed in {@code words} from {@code at} has ended. */
  static boolean ended(long[] words, int at) {
    return (words[at] & ENDED) != 0;
  }

  /** The state packed in {@code words} from {@code at}. */
  State unpack(long[] words, int at) {
    long where = words[at];
    long counts = words[at + 1];
    return new State((where & ENDED) != 0, (int) (where & 0xFFFFF),
        (int) (where >>> 20 & 0xFFFFF) - 1, (int) (where >>> 40 & 0xFFFFF) - 1,
        Bits.read(words, at + completedAt, consentsAt - completedAt),
        Bits.read(words, at + consentsAt, attributesAt - consentsAt),
        Bits.read(words, at + attributesAt, occurredAt - attributesAt),
        (int) counts, (int) (counts >>> 32), (where & PENDING) != 0,
        Bits.read(words, at + occurredAt, timescalesAt - occurredAt),
        Bits.read(words, at + timescalesAt, actsAt - timescalesAt),
        Bits.read(words, at + actsAt, width - actsAt), (where & ENTERED) != 0);
  }

  /** Loads the state packed in {@code words} from {@code at} into the draft, not just entered. */
  void load(long[] words, int at, Draft d) {
    long where = words[at];
    long counts = words[at + 1];
    d.completed = Bits.read(words, at + completedAt, consentsAt - completedAt);
    d.consents = Bits.read(words, at + consentsAt, attributesAt - consentsAt);
    d.attributes = Bits.read(words, at + attributesAt, occurredAt - attributesAt);
    d.occurred = Bits.read(words, at + occurredAt, timescalesAt - occurredAt);
    d.ended = (where & ENDED) != 0;
    d.stage = (int) (where & 0xFFFFF);
    d.waiting = (int) (where >>> 20 & 0xFFFFF) - 1;
    d.outcome = (int) (where >>> 40 & 0xFFFFF) - 1;
    d.extensionsAtStage = (int) counts;
    d.extensionsInTotal = (int) (counts >>> 32);
    d.pending = (where & PENDING) != 0;
    d.timescales = Bits.read(words, at + timescalesAt, actsAt - timescalesAt);
    d.acts = Bits.read(words, at + actsAt, width - actsAt);
    d.entered = false;
  }

  /**
   * Writes into {@code sig} the state packed in {@code words} from {@code at} with what a move
   * that enters a stage or ends the escalation sets anew cleared: the stay (waiting, pending
   * request, extensions at the stage, timescales, role actions, just entered). Such a move reads
   * only what is left (the stage it leaves, the facts, extensions in total) and overwrites the
   * rest, so two states with the same signature lead by it to the same state. What is cleared is
   * listed here, field by field: any other part of the state, including one added later, stays
   * in the signature.
   */
  void signature(long[] words, int at, long[] sig) {
    System.arraycopy(words, at, sig, 0, width);
    sig[0] &= ~((0xFFFFFL << 20) | PENDING | ENTERED); // waiting, pending request, entered
    sig[1] &= ~0xFFFF_FFFFL; // extensions at the stage (those in total stay)
    for (int i = timescalesAt; i < width; i++) {
      sig[i] = 0; // timescales and role actions: enter and conclude set both
    }
  }
}
