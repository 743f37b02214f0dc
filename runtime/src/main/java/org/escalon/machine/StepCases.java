package org.escalon.machine;

import org.escalon.model.Step;

/**
 * One method per kind of step: the model's steps are plain sealed records, so this is the one
 * place that tells them apart, and a consumer that implements it handles every kind.
 */
public interface StepCases<R> {

  R escalateTo(Step.EscalateTo step);

  R copy(Step.Copy step);

  R inform(Step.Inform step);

  R act(Step.Act step);

  R keep(Step.Keep step);

  R remind(Step.Remind step);

  /** Calls the method for the step's kind. */
  static <R> R on(Step step, StepCases<R> cases) {
    if (step instanceof Step.EscalateTo s) {
      return cases.escalateTo(s);
    } else if (step instanceof Step.Copy s) {
      return cases.copy(s);
    } else if (step instanceof Step.Inform s) {
      return cases.inform(s);
    } else if (step instanceof Step.Act s) {
      return cases.act(s);
    } else if (step instanceof Step.Keep s) {
      return cases.keep(s);
    } else if (step instanceof Step.Remind s) {
      return cases.remind(s);
    }
    // Step is sealed: MachineKindsTest fails when a kind is added and not listed above
    throw new IllegalStateException("a kind of step with no case: " + step.getClass());
  }
}
