package org.escalon.compiler.verify;

import java.util.Arrays;

/**
 * The signatures of the states expanded so far (see {@link PackedState#signature}), numbered,
 * and for each signature and each response, deadline or bypass (its slot: the two responses, the
 * deadline, then each bypass) that entered a stage or ended the escalation, the number of the
 * state it led to, or -1: every state of the same signature is led there by the same move, and
 * the interpreter is told so ({@link org.escalon.machine.Moves#tookBypass} and the like) instead
 * of building it.
 */
final class SuccessorMemo {

  private final PackedState layout;
  private final StateTable signatures;
  private final long[] signatureWords;
  private final int slots;
  private int[] successorOf = new int[0];
  /** The signature of the state being expanded. */
  private int current;
  /**
   * For each signature, the bypasses (by cover) enabled from a state of it, in order, once a
   * state of it has been expanded.
   */
  private int[][] bypassesOf = new int[16][];

  SuccessorMemo(PackedState layout, int bypasses) {
    this.layout = layout;
    this.signatures = new StateTable(layout.width);
    this.signatureWords = new long[layout.width];
    this.slots = 3 + bypasses;
  }

  /** Finds (or numbers) the signature of the state packed in {@code words} from {@code at}. */
  void expand(long[] words, int at) {
    layout.signature(words, at, signatureWords);
    int id = signatures.find(signatureWords, 0);
    current = id >= 0 ? id : signatures.add(signatureWords, 0);
    int needed = signatures.size() * slots;
    if (successorOf.length < needed) {
      int was = successorOf.length;
      successorOf = Arrays.copyOf(successorOf, Math.max(needed, was * 2));
      Arrays.fill(successorOf, was, successorOf.length, -1);
    }
  }

  /** Where the state the move in {@code slot} leads to from the current signature is kept. */
  int place(int slot) {
    return current * slots + slot;
  }

  /** The state the move in {@code slot} leads to from the current signature, or -1. */
  int known(int slot) {
    return successorOf[current * slots + slot];
  }

  /** Remembers the number of the state a move leads to, at its {@link #place}. */
  void remember(int place, int state) {
    successorOf[place] = state;
  }

  /** The bypasses enabled from the current signature, once recorded; else null. */
  int[] bypasses() {
    return current < bypassesOf.length ? bypassesOf[current] : null;
  }

  /** Records the bypasses enabled from the current signature. */
  void bypasses(int[] enabled) {
    if (current >= bypassesOf.length) {
      bypassesOf = Arrays.copyOf(bypassesOf, Math.max(current + 1, bypassesOf.length * 2));
    }
    bypassesOf[current] = enabled;
  }
}
