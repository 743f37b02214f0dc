package org.escalon.compiler.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every reachable abstract state of one protocol and the moves between them, numbered in the
 * order a breadth-first search found them (so state 0 is an initial state, and a state's first
 * parent lies on a shortest path to it).
 */
final class StateSpace {

  final AbstractRules rules;
  private final StateTable table;
  /** The states unpacked, each on first use. */
  private final State[] unpacked;
  /** Initial states (just raised) and the raise that leads to each. */
  final int[] initial;
  final Move[] initialMoves;
  private final int[] edgeStart;
  private final int[] edgeTarget;
  private final int[] edgeMove;
  final List<Move> moves;
  /** For each state, the state and move it was first found from; -1 for initial states. */
  final int[] parent;
  final int[] parentMove;
  /** Whether the search stopped at a limit before the end. */
  final boolean truncated;
  /** The limit that stopped the search, when it was stopped. */
  final SearchLimits.Reached stoppedBy;

  private StateSpace(AbstractRules rules, StateTable table, int[] initial, Move[] initialMoves,
      int[] edgeStart, int[] edgeTarget, int[] edgeMove, List<Move> moves, int[] parent,
      int[] parentMove, SearchLimits.Reached stoppedBy) {
    this.rules = rules;
    this.table = table;
    this.unpacked = new State[table.size()];
    this.initial = initial;
    this.initialMoves = initialMoves;
    this.edgeStart = edgeStart;
    this.edgeTarget = edgeTarget;
    this.edgeMove = edgeMove;
    this.moves = moves;
    this.parent = parent;
    this.parentMove = parentMove;
    this.truncated = stoppedBy != null;
    this.stoppedBy = stoppedBy;
  }

  /** Explores every state reachable from a raise, within the limits. */
  static StateSpace explore(AbstractRules rules, SearchLimits limits) {
    return explore(rules, limits, true);
  }

  /**
   * The same; {@code remembering} says whether a move's successor is taken from an earlier
   * state of the same signature when known ({@link Successors}) or always built,
   * packed and looked up (the tests compare the two).
   */
  static StateSpace explore(AbstractRules rules, SearchLimits limits, boolean remembering) {
    SearchLimits.Budget budget = limits.budget();
    StateTable table = new StateTable(rules.width());
    IntList parent = new IntList(256);
    IntList parentMove = new IntList(256);
    List<AbstractRules.Next> starts;
    try {
      starts = rules.initial(budget);
    } catch (SearchLimits.Reached stopped) {
      return new StateSpace(rules, new StateTable(rules.width()), new int[0], new Move[0],
          new int[] {0}, new int[0], new int[0], List.of(), new int[0], new int[0], stopped);
    }
    int[] initial = new int[starts.size()];
    Move[] initialMoves = new Move[starts.size()];
    long[] packed = new long[rules.width()];
    for (int i = 0; i < starts.size(); i++) {
      AbstractRules.Next n = starts.get(i);
      rules.pack(n.state(), packed, 0);
      int id = table.find(packed, 0);
      if (id < 0) {
        id = table.add(packed, 0);
        parent.add(-1);
        parentMove.add(-1);
      }
      initial[i] = id;
      initialMoves[i] = n.move();
    }
    // sized for a small space and grown by doubling: most protocols have a few hundred states,
    // and zeroing large lists made up a tenth of exploring one. The edges are kept in local
    // arrays, not lists, so that adding one is a store: most are taken straight from the
    // successors' buffer
    int[] edgeStart = new int[256];
    int[] edgeTarget = new int[1024];
    int[] edgeMove = new int[1024];
    int edges = 0;
    Successors next = rules.buffer(remembering);
    SearchLimits.Reached stopped = null;
    int expanded = 0;
    for (int i = 0; i < table.size() && stopped == null; i++) {
      if (i + 1 >= edgeStart.length) {
        edgeStart = Arrays.copyOf(edgeStart, edgeStart.length * 2);
      }
      edgeStart[i] = edges;
      expanded = i + 1;
      next.clear();
      rules.successors(table.pool(), table.offset(i), next);
      try {
        budget.transitions(next.count);
      } catch (SearchLimits.Reached reached) {
        stopped = reached;
        break;
      }
      if (edges + next.count > edgeTarget.length) {
        int capacity = Math.max(edgeTarget.length * 2, edges + next.count);
        edgeTarget = Arrays.copyOf(edgeTarget, capacity);
        edgeMove = Arrays.copyOf(edgeMove, capacity);
      }
      int[] known = next.known;
      int[] moves = next.moves;
      for (int k = 0; k < next.count; k++) {
        int id = known[k];
        if (id < 0) {
          int at = k * rules.width();
          id = table.find(next.states, at);
          if (id < 0) {
            try {
              budget.state(table.size() + 1);
            } catch (SearchLimits.Reached reached) {
              stopped = reached;
              break;
            }
            id = table.add(next.states, at);
            parent.add(i);
            parentMove.add(moves[k]);
          }
          if (next.remember[k] >= 0) {
            rules.remember(next.remember[k], id);
          }
        }
        edgeTarget[edges] = id;
        edgeMove[edges] = moves[k];
        edges++;
      }
    }
    // a stopped search is only counted and reported, never searched: its edges are partial
    edgeStart[expanded] = edges;
    // the edge lists are kept as they grew (longer than used): transitions() says how far
    return new StateSpace(rules, table, initial, initialMoves,
        Arrays.copyOf(edgeStart, expanded + 1), edgeTarget, edgeMove, rules.moves(),
        parent.toArray(), parentMove.toArray(), stopped);
  }

  int size() {
    return table.size();
  }

  int transitions() {
    return edgeStart[edgeStart.length - 1]; // a stopped search expanded fewer than size()
  }

  State state(int id) {
    if (unpacked[id] == null) {
      unpacked[id] = rules.unpack(table.pool(), table.offset(id));
    }
    return unpacked[id];
  }

  int firstEdge(int state) {
    return edgeStart[state];
  }

  int endEdge(int state) {
    return edgeStart[state + 1];
  }

  int target(int edge) {
    return edgeTarget[edge];
  }

  Move move(int edge) {
    return moves.get(edgeMove[edge]);
  }

  /** Every edge into each state: the reverse graph, built on demand. */
  int[][] predecessors() {
    int[] counts = new int[size()];
    for (int e = 0; e < transitions(); e++) {
      counts[edgeTarget[e]]++;
    }
    int[][] preds = new int[size()][];
    for (int i = 0; i < size(); i++) {
      preds[i] = new int[counts[i]];
    }
    Arrays.fill(counts, 0);
    for (int s = 0; s < size(); s++) {
      for (int e = edgeStart[s]; e < edgeStart[s + 1]; e++) {
        int t = edgeTarget[e];
        preds[t][counts[t]++] = s;
      }
    }
    return preds;
  }

  /** A growable list of ints. */
  static final class IntList {
    private int[] items;
    private int size;

    IntList(int capacity) {
      items = new int[capacity];
    }

    void add(int value) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = value;
    }

    int size() {
      return size;
    }

    void clear() {
      size = 0;
    }

    int[] toArray() {
      return Arrays.copyOf(items, size);
    }
  }
}
