package org.escalon.machine;

import org.escalon.model.Precondition;

/**
 * One method per kind of precondition, for the model's sealed {@link Precondition}: the one
 * place that tells them apart, so that a reader of preconditions that implements it handles
 * every kind (a new kind fails to compile in each).
 */
public interface PreconditionCases<R> {

  R completed(Precondition.Completed p);

  R agreement(Precondition.Agreement p);

  R advice(Precondition.Advice p);

  R done(Precondition.Done p);

  R holds(Precondition.Holds p);

  /** Calls the method for the precondition's kind. */
  static <R> R on(Precondition p, PreconditionCases<R> cases) {
    if (p instanceof Precondition.Completed c) {
      return cases.completed(c);
    } else if (p instanceof Precondition.Agreement a) {
      return cases.agreement(a);
    } else if (p instanceof Precondition.Advice a) {
      return cases.advice(a);
    } else if (p instanceof Precondition.Done d) {
      return cases.done(d);
    } else if (p instanceof Precondition.Holds h) {
      return cases.holds(h);
    }
    // Precondition is sealed: MachineKindsTest fails when a kind is added and not listed above
    throw new IllegalStateException("a kind of precondition with no case: " + p.getClass());
  }
}
