package org.escalon.machine;

import java.util.Map;
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

  /**
   * Whether the step (by its id) that a stage requires before it is entered has been reported
   * done; none has, for facts that keep no such steps (a protocol that requires none).
   */
  default boolean done(String step) {
    return false;
  }

  /** How many times the event has happened. */
  int occurrences(String event);

  /** Whether the last {@code times} gradings of some section on the scale were all the grade. */
  boolean graded(String scale, String grade, int times);

  /** Whether at least the duration has passed, now, since the event first happened. */
  boolean elapsed(Timespan duration, String event);

  /**
   * The facts of a case of which only the attributes are known (nothing completed, agreed,
   * advised, done, happened or graded): a population's case when the model is compiled (no
   * attributes), or a case tried by the verifier to see whether some case meets conditions.
   */
  static Facts ofAttributes(Map<String, String> values) {
    return new Facts() {
      @Override
      public boolean attribute(String name, String value) {
        return value.equals(values.get(name));
      }

      @Override
      public boolean completed(String stage) {
        return false;
      }

      @Override
      public boolean agreed(String role) {
        return false;
      }

      @Override
      public boolean advised(String role) {
        return false;
      }

      @Override
      public int occurrences(String event) {
        return 0;
      }

      @Override
      public boolean graded(String scale, String grade, int times) {
        return false;
      }

      @Override
      public boolean elapsed(Timespan duration, String event) {
        return false;
      }
    };
  }
}
