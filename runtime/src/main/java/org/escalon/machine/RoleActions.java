package org.escalon.machine;

import java.util.List;
import org.escalon.model.Claim;
import org.escalon.model.Step;

/**
 * What a step does with roles, in the words of a property's claim ({@code TeamManager is
 * notified}), decided once for the verifier and for conformance runs. A step the policy calls good
 * practice ({@code as good practice}) does nothing a claim can count on: it may not be done, so
 * no property holds by it.
 */
public final class RoleActions {

  private RoleActions() {}

  /** The role actions a step, when done, counts as. */
  public static List<Claim.RoleAction> of(Step step) {
    if (!step.manner().required()) {
      return List.of();
    }
    return StepCases.on(step, new StepCases<List<Claim.RoleAction>>() {
      @Override
      public List<Claim.RoleAction> escalateTo(Step.EscalateTo s) {
        return each(s.roles(), Claim.Action.ESCALATED_TO);
      }

      @Override
      public List<Claim.RoleAction> copy(Step.Copy s) {
        return each(s.roles(), Claim.Action.COPIED);
      }

      @Override
      public List<Claim.RoleAction> inform(Step.Inform s) {
        return each(s.roles(), switch (s.kind()) {
          case NOTIFY -> Claim.Action.NOTIFIED;
          case ADVISE -> Claim.Action.ADVISED;
          case CONSULT -> Claim.Action.CONSULTED;
        });
      }

      @Override
      public List<Claim.RoleAction> act(Step.Act s) {
        return List.of();
      }

      @Override
      public List<Claim.RoleAction> keep(Step.Keep s) {
        return List.of();
      }

      @Override
      public List<Claim.RoleAction> remind(Step.Remind s) {
        return List.of();
      }
    });
  }

  private static List<Claim.RoleAction> each(List<String> roles, Claim.Action action) {
    return roles.stream().map(r -> new Claim.RoleAction(r, action)).toList();
  }
}
