package org.escalon.compiler.verify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/** Searches over a state space: shortest paths, who can reach what, and what happens if nobody acts. */
final class Search {

  private final StateSpace space;
  private int[][] predecessors;
  /** The state the current deadline leads to, or -1 when no deadline is running. */
  private final int[] idleNext;

  Search(StateSpace space) {
    this.space = space;
    this.idleNext = new int[space.size()];
    for (int s = 0; s < space.size(); s++) {
      idleNext[s] = -1;
      for (int e = space.firstEdge(s); e < space.endEdge(s); e++) {
        if (space.move(e).kind() == Move.Kind.DEADLINE) {
          idleNext[s] = space.target(e);
          break;
        }
      }
    }
  }

  /** The states from which some path through {@code allowed} states reaches a {@code goal} state. */
  BitSet canReach(BitSet goal, BitSet allowed) {
    if (predecessors == null) {
      predecessors = space.predecessors();
    }
    BitSet found = (BitSet) goal.clone();
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    goal.stream().forEach(queue::add);
    while (!queue.isEmpty()) {
      int t = queue.poll();
      for (int p : predecessors[t]) {
        if (!found.get(p) && allowed.get(p)) {
          found.set(p);
          queue.add(p);
        }
      }
    }
    return found;
  }

  /**
   * The states from which, if nobody acts again, the path stays in {@code region} for ever: it
   * ends there, waits there with no deadline, or goes round a loop of deadlines inside it.
   */
  BitSet idleStaysIn(BitSet region) {
    int n = space.size();
    byte[] mark = new byte[n]; // 0 unknown, 1 stays, 2 leaves, 3 on the current walk
    for (int s = 0; s < n; s++) {
      if (mark[s] != 0) {
        continue;
      }
      List<Integer> walk = new ArrayList<>();
      int at = s;
      byte result;
      while (true) {
        if (!region.get(at)) {
          result = 2;
          break;
        }
        if (mark[at] == 1 || mark[at] == 2) {
          result = mark[at];
          break;
        }
        if (mark[at] == 3) {
          result = 1; // a loop inside the region
          break;
        }
        mark[at] = 3;
        walk.add(at);
        int next = idleNext[at];
        if (next < 0) {
          result = 1; // ended or waiting, inside the region
          break;
        }
        at = next;
      }
      for (int w : walk) {
        mark[w] = result;
      }
    }
    BitSet stays = new BitSet(n);
    for (int s = 0; s < n; s++) {
      if (mark[s] == 1) {
        stays.set(s);
      }
    }
    return stays;
  }

  /** What happens from a state if nobody acts again: deadlines pass until it ends, waits or loops. */
  StatePath idleFrom(int state, Move arrivedBy) {
    List<Integer> states = new ArrayList<>(List.of(state));
    List<Move> moves = new ArrayList<>(List.of(arrivedBy));
    Map<Integer, Integer> seen = new HashMap<>();
    seen.put(state, 0);
    int at = state;
    while (true) {
      int next = idleNext[at];
      if (next < 0) {
        StatePath.Ending how = space.state(at).ended() ? StatePath.Ending.ENDS : StatePath.Ending.WAITS_FOREVER;
        return new StatePath(states, moves, how, -1);
      }
      Move deadline = deadlineMove(at);
      Integer back = seen.get(next);
      if (back != null) {
        states.add(next);
        moves.add(deadline);
        return new StatePath(states, moves, StatePath.Ending.LOOPS, back);
      }
      seen.put(next, states.size());
      states.add(next);
      moves.add(deadline);
      at = next;
    }
  }

  private Move deadlineMove(int s) {
    for (int e = space.firstEdge(s); e < space.endEdge(s); e++) {
      if (space.move(e).kind() == Move.Kind.DEADLINE) {
        return space.move(e);
      }
    }
    throw new IllegalStateException("no deadline from state " + s);
  }

  /** The shortest path from a raise, through {@code allowed} states, to a {@code goal} state. */
  StatePath fromRaise(BitSet allowed, IntPredicate goal) {
    int[] sources = space.initial;
    Move[] arrivals = space.initialMoves;
    return shortest(sources, arrivals, allowed, goal);
  }

  /** The shortest path from a state, through {@code allowed} states, to a {@code goal} state. */
  StatePath from(int state, Move arrivedBy, BitSet allowed, IntPredicate goal) {
    return shortest(new int[] {state}, new Move[] {arrivedBy}, allowed, goal);
  }

  private StatePath shortest(int[] sources, Move[] arrivals, BitSet allowed, IntPredicate goal) {
    int n = space.size();
    int[] parent = new int[n];
    int[] via = new int[n];
    Arrays.fill(parent, -2);
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    Map<Integer, Move> first = new HashMap<>();
    for (int i = 0; i < sources.length; i++) {
      int s = sources[i];
      if (parent[s] == -2 && allowed.get(s)) {
        parent[s] = -1;
        first.put(s, arrivals[i]);
        queue.add(s);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      if (goal.test(s)) {
        return path(s, parent, via, first);
      }
      for (int e = space.firstEdge(s); e < space.endEdge(s); e++) {
        int t = space.target(e);
        if (parent[t] == -2 && allowed.get(t)) {
          parent[t] = s;
          via[t] = e;
          queue.add(t);
        }
      }
    }
    return null;
  }

  private StatePath path(int s, int[] parent, int[] via, Map<Integer, Move> first) {
    List<Integer> states = new ArrayList<>();
    List<Move> moves = new ArrayList<>();
    for (int at = s; at >= 0; at = parent[at]) {
      states.add(0, at);
      moves.add(0, parent[at] < 0 ? first.get(at) : space.move(via[at]));
    }
    return new StatePath(states, moves, StatePath.Ending.STOPS, -1);
  }

  /** Every state. */
  BitSet all() {
    BitSet all = new BitSet(space.size());
    all.set(0, space.size());
    return all;
  }
}
