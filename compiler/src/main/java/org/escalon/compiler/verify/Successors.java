package org.escalon.compiler.verify;

import java.util.Arrays;

/**
 * The moves from one state, each with the state it leads to packed: a buffer used again. A
 * buffer that {@link #remembers} gives, for a move by which a state of the same signature has
 * already been led somewhere ({@link SuccessorMemo}), that state's number ({@code known})
 * instead, and says which successors to remember once they are numbered.
 */
final class Successors {

  private final Expansion x;
  private final SuccessorMemo memo;
  private final int width;
  long[] states;
  int[] moves = new int[32];
  /** The number of the state each move leads to when it is known already, else -1. */
  int[] known = new int[32];
  /** Where to remember the number of the state each move leads to once found, else -1. */
  int[] remember = new int[32];
  int count;
  final boolean remembers;

  Successors(Expansion x, SuccessorMemo memo, boolean remembers) {
    this.x = x;
    this.memo = memo;
    this.width = x.layout.width;
    this.states = new long[width * 32];
    this.remembers = remembers;
  }

  void clear() {
    count = 0;
  }

  void add(int move, Draft next) {
    add(move, next, -1);
  }

  /**
   * Adds a move and where it leads; {@code slot} is the move's place among the moves that
   * {@link #remember} (-1 for one that does not).
   */
  void add(int move, Draft next, int slot) {
    int at = grow();
    moves[at] = move;
    known[at] = -1;
    remember[at] = remembers && slot >= 0 && (next.entered || next.ended) ? memo.place(slot) : -1;
    x.packSuccessor(next, states, at * width);
    count++;
  }

  /** Whether the move in {@code slot} is known to lead somewhere from the state's signature. */
  boolean knows(int slot) {
    return remembers && memo.known(slot) >= 0;
  }

  /** Takes the move to the state it is known to lead to (see {@link #knows}); true. */
  boolean takeKnown(int move, int slot) {
    int at = grow();
    moves[at] = move;
    known[at] = memo.known(slot);
    remember[at] = -1;
    count++;
    return true;
  }

  /** Room for one more move; its place. */
  private int grow() {
    if (count == moves.length) {
      moves = Arrays.copyOf(moves, count * 2);
      known = Arrays.copyOf(known, count * 2);
      remember = Arrays.copyOf(remember, count * 2);
      states = Arrays.copyOf(states, count * 2 * width);
    }
    return count;
  }
}
