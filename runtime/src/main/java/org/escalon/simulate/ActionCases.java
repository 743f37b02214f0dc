package org.escalon.simulate;

import org.escalon.simulate.ScenarioStep.Action;

/**
 * One method per kind of a scenario's action, for the sealed {@link Action}: the one place that
 * tells them apart, so that a reader or writer of scenarios that implements it handles every
 * kind, and a new kind fails to compile in each.
 */
public interface ActionCases<R> {

  R raise(Action.Raise a);

  R respond(Action.Respond a);

  R bypass(Action.Bypass a);

  R refer(Action.Refer a);

  R askForTime(Action.AskForTime a);

  R grantTime(Action.GrantTime a);

  R setTime(Action.SetTime a);

  R escalate(Action.Escalate a);

  R unavailable(Action.Unavailable a);

  R agree(Action.Agree a);

  R advise(Action.Advise a);

  R set(Action.Set a);

  R decide(Action.Decide a);

  R grade(Action.Grade a);

  R happen(Action.Happen a);

  R setDate(Action.SetDate a);

  R withdraw(Action.Withdraw a);

  R done(Action.Done a);

  /** Calls the method for the action's kind. */
  static <R> R on(Action action, ActionCases<R> cases) {
    if (action instanceof Action.Raise a) {
      return cases.raise(a);
    } else if (action instanceof Action.Respond a) {
      return cases.respond(a);
    } else if (action instanceof Action.Bypass a) {
      return cases.bypass(a);
    } else if (action instanceof Action.Refer a) {
      return cases.refer(a);
    } else if (action instanceof Action.AskForTime a) {
      return cases.askForTime(a);
    } else if (action instanceof Action.GrantTime a) {
      return cases.grantTime(a);
    } else if (action instanceof Action.SetTime a) {
      return cases.setTime(a);
    } else if (action instanceof Action.Escalate a) {
      return cases.escalate(a);
    } else if (action instanceof Action.Unavailable a) {
      return cases.unavailable(a);
    } else if (action instanceof Action.Agree a) {
      return cases.agree(a);
    } else if (action instanceof Action.Advise a) {
      return cases.advise(a);
    } else if (action instanceof Action.Set a) {
      return cases.set(a);
    } else if (action instanceof Action.Decide a) {
      return cases.decide(a);
    } else if (action instanceof Action.Grade a) {
      return cases.grade(a);
    } else if (action instanceof Action.Happen a) {
      return cases.happen(a);
    } else if (action instanceof Action.SetDate a) {
      return cases.setDate(a);
    } else if (action instanceof Action.Withdraw a) {
      return cases.withdraw(a);
    } else if (action instanceof Action.Done a) {
      return cases.done(a);
    }
    // Action is sealed: ConsumerKindsTest fails when a kind is added and not listed above
    throw new IllegalStateException("a kind of action with no case: " + action.getClass());
  }
}
