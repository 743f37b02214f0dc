package org.escalon.compiler.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * A path through the state space: the raise, then one move after another, each with the state it
 * leads to; and how the path goes on after its last state.
 *
 * @param states the state after each move ({@code states.get(0)} just after the raise)
 * @param moves the moves ({@code moves.get(0)} the raise)
 * @param ending what happens after the last state
 * @param loopsBackTo for {@link Ending#LOOPS}, the index of the state the path returns to
 */
public record StatePath(List<Integer> states, List<Move> moves, Ending ending, int loopsBackTo) {

  /** How a path goes on after its last state. */
  public enum Ending {
    /** The last state is the point that breaks the claim; what follows does not matter. */
    STOPS,
    /** The escalation has ended. */
    ENDS,
    /** Nobody acts and no deadline is running: the escalation waits for ever. */
    WAITS_FOREVER,
    /** Nobody acts and deadlines keep passing round a loop that never ends. */
    LOOPS
  }

  public StatePath {
    states = List.copyOf(states);
    moves = List.copyOf(moves);
  }

  int last() {
    return states.get(states.size() - 1);
  }

  /** This path followed by another that starts where it stops. */
  StatePath then(StatePath rest) {
    List<Integer> s = new ArrayList<>(states);
    List<Move> m = new ArrayList<>(moves);
    s.addAll(rest.states.subList(1, rest.states.size()));
    m.addAll(rest.moves.subList(1, rest.moves.size()));
    int back = rest.ending == Ending.LOOPS ? rest.loopsBackTo + states.size() - 1 : -1;
    return new StatePath(s, m, rest.ending, back);
  }

  StatePath ending(Ending how, int back) {
    return new StatePath(states, moves, how, back);
  }
}
