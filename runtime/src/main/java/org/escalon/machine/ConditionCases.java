package org.escalon.machine;

import org.escalon.model.Condition;

/**
 * One method per kind of condition (an attribute's value and not/and/or over them), for the
 * model's sealed {@link Condition}: the one place that tells them apart, so that a reader of
 * conditions that implements it handles every kind (a new kind fails to compile in each).
 */
public interface ConditionCases<R> {

  R holds(Condition.Holds c);

  R is(Condition.Is c);

  R not(Condition.Not c);

  R and(Condition.And c);

  R or(Condition.Or c);

  /** Calls the method for the condition's kind. */
  static <R> R on(Condition c, ConditionCases<R> cases) {
    if (c instanceof Condition.Holds h) {
      return cases.holds(h);
    } else if (c instanceof Condition.Is i) {
      return cases.is(i);
    } else if (c instanceof Condition.Not n) {
      return cases.not(n);
    } else if (c instanceof Condition.And a) {
      return cases.and(a);
    } else if (c instanceof Condition.Or o) {
      return cases.or(o);
    }
    // Condition is sealed: MachineKindsTest fails when a kind is added and not listed above
    throw new IllegalStateException("a kind of condition with no case: " + c.getClass());
  }
}
