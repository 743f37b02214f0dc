package org.escalon.simulate;

import org.escalon.simulate.ScenarioStep.When;

/**
 * One method per kind of a scenario step's time, for the sealed {@link When}: the one place that
 * tells them apart, so that a reader or writer of scenarios that implements it handles every kind.
 */
public interface WhenCases<R> {

  R atStage(When.AtStage w);

  R fromStart(When.FromStart w);

  R onDate(When.OnDate w);

  R before(When.Before w);

  /** Calls the method for the time's kind. */
  static <R> R on(When when, WhenCases<R> cases) {
    if (when instanceof When.AtStage a) {
      return cases.atStage(a);
    } else if (when instanceof When.FromStart f) {
      return cases.fromStart(f);
    } else if (when instanceof When.OnDate d) {
      return cases.onDate(d);
    } else if (when instanceof When.Before b) {
      return cases.before(b);
    }
    // When is sealed: ConsumerKindsTest fails when a kind is added and not listed above
    throw new IllegalStateException("a kind of scenario time with no case: " + when.getClass());
  }
}
