package org.escalon.compiler.verify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import org.escalon.model.ExtensionRule;
import org.escalon.model.Stage;

/**
 * Working-day weights on the state space: the latest and earliest times at which each state can
 * be reached, and the time spent in a set of stages, over every path from a raise.
 *
 * <p>At worst, everyone takes all the time they have: a stay ends at its deadline, and more time,
 * when granted, is all the rule allows. At best, everyone acts at once. A bypass back down the
 * ladder (to the stage the escalation is at, or an earlier one) could repeat stages without end;
 * the worst totals leave those moves out, and the report says so. A stay with no deadline counts
 * as no time, and is reported as open-ended.
 */
final class PathWeights {

  /** How a value changes along one move. */
  @FunctionalInterface
  interface Transfer {
    long apply(int from, int edge, int to, long value);
  }

  /** Values per state, and for each the move that gave it its value (for the path). */
  record Values(long[] value, int[] via) {
    boolean reached(int state) {
      return value[state] >= 0;
    }
  }

  private static final long PROBE = 1_000_000_000L;

  private final StateSpace space;
  private final ProtocolIndex ix;

  PathWeights(StateSpace space) {
    this.space = space;
    this.ix = space.rules.index();
  }

  /** Whether a move is a bypass back down the ladder, left out of the worst totals. */
  boolean backwards(int from, int edge) {
    Move m = space.move(edge);
    if (m.kind() != Move.Kind.BYPASS || !m.target().startsWith("stage ")) {
      return false;
    }
    return ix.stage(m.target().substring("stage ".length())) <= space.state(from).stage();
  }

  boolean leaves(int from, int to) {
    State s = space.state(from);
    State t = space.state(to);
    return t.entered() || t.ended() || !s.isWaiting() && t.isWaiting();
  }

  /** The most time one extension adds at a state's stage; unbounded with no {@code up to}. */
  long extension(int from) {
    Stage stage = ix.stages.get(space.state(from).stage());
    Optional<ExtensionRule> rule = stage.extension().or(() -> ix.protocol.extension());
    return rule.flatMap(ExtensionRule::upTo).map(WorkingDays::of).orElse(WorkingDays.UNBOUNDED);
  }

  /**
   * The latest time each state can be left (for a stay with a deadline: its deadline; otherwise
   * the time it was reached), over every path from a raise.
   */
  Values latest(boolean extensions, BitSet stopAt) {
    return latest(extensions, stopAt, false);
  }

  /**
   * The same; {@code onTheCalendar} counts as the simulator dates things: a stage entered when a
   * deadline passes at midnight has the next working day as its day 0.
   */
  Values latest(boolean extensions, BitSet stopAt, boolean onTheCalendar) {
    return longest(extensions, stopAt, (from, edge, to, x) -> {
      State t = space.state(to);
      if (leaves(from, to)) {
        boolean midnight = onTheCalendar && space.move(edge).kind() == Move.Kind.DEADLINE;
        return t.entered()
            ? WorkingDays.deadline(ix.stages.get(t.stage()), t.timescales(), x, midnight) : x;
      }
      if (space.move(edge).kind() == Move.Kind.GRANT_TIME) {
        return WorkingDays.add(x, extension(from));
      }
      if (space.move(edge).kind() == Move.Kind.SET_TIME) {
        // the stay had no deadline, so x is when it was entered; the value set counts from
        // there, at its longest the bound the tools take (the assumption)
        return WorkingDays.deadline(ix.stages.get(t.stage()), t.timescales(), x);
      }
      return x;
    }, initialDeadlines());
  }

  private long[] initialDeadlines() {
    long[] start = new long[space.size()];
    Arrays.fill(start, -1);
    for (int i : space.initial) {
      State s = space.state(i);
      start[i] = WorkingDays.deadline(ix.stages.get(s.stage()), s.timescales(), 0);
    }
    return start;
  }

  /** The most time spent in the given stages (by index) on any path, up to each state. */
  Values spentIn(BitSet stages, boolean extensions) {
    return spentIn(stages, extensions, new BitSet());
  }

  /** The same, stopping at the states of {@code stopAt}. */
  Values spentIn(BitSet stages, boolean extensions, BitSet stopAt) {
    long[] start = new long[space.size()];
    Arrays.fill(start, -1);
    for (int i : space.initial) {
      start[i] = 0;
    }
    return longest(extensions, stopAt, (from, edge, to, x) -> {
      State s = space.state(from);
      if (leaves(from, to)) {
        return timedStay(s, stages) ? WorkingDays.add(x, longestStay(s)) : x;
      }
      if (stages.get(s.stage()) && !s.isWaiting()
          && space.move(edge).kind() == Move.Kind.GRANT_TIME) {
        return WorkingDays.add(x, extension(from));
      }
      return x;
    }, start);
  }

  /** Whether the state is a stay with a deadline, open and not waiting, at one of the stages. */
  static boolean timedStay(State s, BitSet stages) {
    return s.open() && !s.isWaiting() && s.hasDeadline() && stages.get(s.stage());
  }

  /** The longest the state's stay can last before its deadline, in working days. */
  long longestStay(State s) {
    return WorkingDays.longestStay(ix.stages.get(s.stage()), s.timescales());
  }

  /** The earliest time each state can be reached, everyone acting at once; -1 if never. */
  long[] earliest() {
    long[] best = new long[space.size()];
    Arrays.fill(best, Long.MAX_VALUE);
    PriorityQueue<long[]> queue = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    for (int i : space.initial) {
      best[i] = 0;
      queue.add(new long[] {0, i});
    }
    while (!queue.isEmpty()) {
      long[] top = queue.poll();
      int s = (int) top[1];
      if (top[0] > best[s]) {
        continue;
      }
      State state = space.state(s);
      for (int e = space.firstEdge(s); e < space.endEdge(s); e++) {
        Move m = space.move(e);
        if (m.kind() == Move.Kind.GRANT_TIME) {
          continue;
        }
        long at = m.kind() == Move.Kind.DEADLINE
            ? WorkingDays.deadline(ix.stages.get(state.stage()), state.timescales(), best[s])
            : best[s];
        int t = space.target(e);
        if (at < best[t]) {
          best[t] = at;
          queue.add(new long[] {at, t});
        }
      }
    }
    for (int i = 0; i < best.length; i++) {
      if (best[i] == Long.MAX_VALUE) {
        best[i] = -1;
      }
    }
    return best;
  }

  /**
   * Longest paths where each move changes the value by a monotone function: strongly connected
   * parts are taken in order; in one that a move can grow without bound, every value is unbounded;
   * in any other, moves are repeated until nothing changes.
   */
  private Values longest(boolean extensions, BitSet stopAt, Transfer f, long[] start) {
    int n = space.size();
    long[] value = start.clone();
    int[] via = new int[n];
    Arrays.fill(via, -1);
    int[] component = new int[n];
    List<int[]> order = components(extensions, stopAt, component);
    for (int c = order.size() - 1; c >= 0; c--) {
      int[] members = order.get(c);
      boolean grows = false;
      boolean cyclic = members.length > 1;
      for (int s : members) {
        for (int e = space.firstEdge(s); e < space.endEdge(s); e++) {
          int t = space.target(e);
          if (!usable(s, e, extensions, stopAt) || component[t] != c) {
            continue;
          }
          cyclic |= t == s;
          grows |= f.apply(s, e, t, PROBE) > PROBE;
        }
      }
      if (cyclic && grows && Arrays.stream(members).anyMatch(s -> value[s] >= 0)) {
        for (int s : members) {
          value[s] = WorkingDays.UNBOUNDED;
        }
      } else {
        relax(members, c, component, value, via, f, extensions, stopAt);
      }
      for (int s : members) {
        if (value[s] < 0) {
          continue;
        }
        for (int e = space.firstEdge(s); e < space.endEdge(s); e++) {
          int t = space.target(e);
          if (usable(s, e, extensions, stopAt) && component[t] != c) {
            long x = f.apply(s, e, t, value[s]);
            if (x > value[t]) {
              value[t] = x;
              via[t] = e;
            } else if (x == value[t] && preferred(e, via[t])) {
              via[t] = e;
            }
          }
        }
      }
    }
    return new Values(value, via);
  }

  private void relax(int[] members, int c, int[] component, long[] value, int[] via, Transfer f,
      boolean extensions, BitSet stopAt) {
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int s : members) {
      if (value[s] >= 0) {
        queue.add(s);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      for (int e = space.firstEdge(s); e < space.endEdge(s); e++) {
        int t = space.target(e);
        if (!usable(s, e, extensions, stopAt) || component[t] != c) {
          continue;
        }
        long x = f.apply(s, e, t, value[s]);
        if (x > value[t]) {
          value[t] = x;
          via[t] = e;
          queue.add(t);
        } else if (x == value[t] && preferred(e, via[t])) {
          via[t] = e;
        }
      }
    }
  }

  // among equally slow ways, a deadline passing reads better than someone acting on its last day
  // and, between equals, the way that comes from a state found earlier: a shorter path
  private boolean preferred(int edge, int current) {
    if (current < 0) {
      return false;
    }
    boolean deadline = space.move(edge).kind() == Move.Kind.DEADLINE;
    boolean currentDeadline = space.move(current).kind() == Move.Kind.DEADLINE;
    if (deadline != currentDeadline) {
      return deadline;
    }
    return source(edge) < source(current);
  }

  private boolean usable(int s, int e, boolean extensions, BitSet stopAt) {
    if (stopAt.get(s) || backwards(s, e)) {
      return false;
    }
    return extensions || space.move(e).kind() != Move.Kind.GRANT_TIME;
  }

  /** Tarjan's strongly connected components, iteratively; returned in reverse topological order. */
  private List<int[]> components(boolean extensions, BitSet stopAt, int[] component) {
    int n = space.size();
    int[] index = new int[n];
    int[] low = new int[n];
    boolean[] onStack = new boolean[n];
    Arrays.fill(index, -1);
    int[] stack = new int[n];
    int top = 0;
    int counter = 0;
    List<int[]> out = new ArrayList<>();
    int[] callState = new int[n];
    int[] callEdge = new int[n];
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      int depth = 0;
      callState[0] = root;
      callEdge[0] = space.firstEdge(root);
      index[root] = low[root] = counter++;
      stack[top++] = root;
      onStack[root] = true;
      while (depth >= 0) {
        int s = callState[depth];
        if (callEdge[depth] < space.endEdge(s)) {
          int e = callEdge[depth]++;
          if (!usable(s, e, extensions, stopAt)) {
            continue;
          }
          int t = space.target(e);
          if (index[t] < 0) {
            index[t] = low[t] = counter++;
            stack[top++] = t;
            onStack[t] = true;
            depth++;
            callState[depth] = t;
            callEdge[depth] = space.firstEdge(t);
          } else if (onStack[t]) {
            low[s] = Math.min(low[s], index[t]);
          }
        } else {
          if (low[s] == index[s]) {
            List<Integer> members = new ArrayList<>();
            int w;
            do {
              w = stack[--top];
              onStack[w] = false;
              component[w] = out.size();
              members.add(w);
            } while (w != s);
            out.add(members.stream().mapToInt(Integer::intValue).toArray());
          }
          depth--;
          if (depth >= 0) {
            int parent = callState[depth];
            low[parent] = Math.min(low[parent], low[s]);
          }
        }
      }
    }
    return out;
  }

  /** The path from a raise that gives a state its value, following {@code via} back. */
  StatePath pathTo(int state, Values values) {
    List<Integer> states = new ArrayList<>();
    List<Move> moves = new ArrayList<>();
    BitSet seen = new BitSet();
    int at = state;
    while (values.via()[at] >= 0 && !seen.get(at)) {
      seen.set(at);
      int e = values.via()[at];
      states.add(0, at);
      moves.add(0, space.move(e));
      at = source(e);
    }
    states.add(0, at);
    moves.add(0, raiseOf(at));
    return new StatePath(states, moves, StatePath.Ending.STOPS, -1);
  }

  private Move raiseOf(int state) {
    for (int i = 0; i < space.initial.length; i++) {
      if (space.initial[i] == state) {
        return space.initialMoves[i];
      }
    }
    return space.initialMoves[0];
  }

  private int[] sources;

  private int source(int edge) {
    if (sources == null) {
      sources = new int[space.transitions()];
      for (int s = 0; s < space.size(); s++) {
        for (int e = space.firstEdge(s); e < space.endEdge(s); e++) {
          sources[e] = s;
        }
      }
    }
    return sources[edge];
  }
}
