package org.escalon.machine;

import org.escalon.model.Timespan;

/**
 * What the interpreter may ask of an escalation. The engine answers from a concrete state (real
 * instants, real gradings); the verifier may answer from an abstract one, with time removed.
 */
public interface Facts {

  /** Whether the attribute has this value; an attribute not yet set has none ("no" is not set). */
  boolean attribute(String name, String value);

  boolean completed(String stage);

  boolean agreed(String role);

  boolean advised(String role);

  /** How many times the event has happened. */
  int occurrences(String event);

  /** Whether the last {@code times} gradings of some section on the scale were all the grade. */
  boolean graded(String scale, String grade, int times);

  /** Whether at least the duration has passed, now, since the event first happened. */
  boolean elapsed(Timespan duration, String event);
}
