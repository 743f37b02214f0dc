package org.escalon.machine;

import org.escalon.model.Timespan;

/**
 * The one language of conditions in the operational model: a stage's {@code only if}, a step's or a
 * timescale's {@code if}, a right's condition, a {@code requires}, and a trigger's rule are all
 * guards, evaluated by {@link Guards} against {@link Facts}. Every consumer dispatches through
 * {@link Visitor}, so a new kind of guard does not compile until each consumer handles it.
 */
public sealed interface Guard {

  <R> R accept(Visitor<R> visitor);

  /** One method per kind of guard. */
  interface Visitor<R> {
    R always();

    R attribute(Attribute guard);

    R completed(Completed guard);

    R agreed(Agreed guard);

    R advised(Advised guard);

    R done(Done guard);

    R occurred(Occurred guard);

    R graded(Graded guard);

    R elapsed(Elapsed guard);

    R not(Not guard);

    R and(And guard);

    R or(Or guard);
  }

  /** The guard of what nothing restricts. */
  Guard ALWAYS = new Always();

  /** Holds always. */
  record Always() implements Guard {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.always();
    }
  }

  /** A case attribute has this value ({@code yes} for a yes/no attribute that holds). */
  record Attribute(String name, String value) implements Guard {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.attribute(this);
    }
  }

  /** The stage has been completed: entered and left without being resolved. */
  record Completed(String stage) implements Guard {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.completed(this);
    }
  }

  /** The role has agreed. */
  record Agreed(String role) implements Guard {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.agreed(this);
    }
  }

  /** The role's advice has been sought. */
  record Advised(String role) implements Guard {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.advised(this);
    }
  }

  /** The role has reported the step (by its id) done: a step required before a stage. */
  record Done(String step, String by) implements Guard {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.done(this);
    }
  }

  /** The event has happened at least {@code atLeast} times (once when a count is not said). */
  record Occurred(String event, int atLeast) implements Guard {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.occurred(this);
    }
  }

  /** The last {@code times} gradings of a section on the scale were all this grade. */
  record Graded(String scale, String grade, int times, boolean sameSection) implements Guard {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.graded(this);
    }
  }

  /** At least the duration has passed since the event first happened. */
  record Elapsed(Timespan duration, String event) implements Guard {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.elapsed(this);
    }
  }

  /** Negation. */
  record Not(Guard operand) implements Guard {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.not(this);
    }
  }

  /** Both. */
  record And(Guard left, Guard right) implements Guard {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.and(this);
    }
  }

  /** Either. */
  record Or(Guard left, Guard right) implements Guard {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.or(this);
    }
  }
}
