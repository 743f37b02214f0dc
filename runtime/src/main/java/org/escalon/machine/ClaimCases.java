package org.escalon.machine;

import org.escalon.model.Claim;

/**
 * One method per kind of claim, for the model's sealed {@link Claim}: the one place that tells
 * them apart, so that a reader of claims that implements it handles every kind.
 */
public interface ClaimCases<R> {

  R always(Claim.Always c);

  R eventually(Claim.Eventually c);

  R never(Claim.Never c);

  R atEveryStage(Claim.AtEveryStage c);

  R reaches(Claim.Reaches c);

  R within(Claim.Within c);

  R onlyAfter(Claim.OnlyAfter c);

  R not(Claim.Not c);

  R and(Claim.And c);

  R or(Claim.Or c);

  R completed(Claim.Completed c);

  R inStage(Claim.InStage c);

  R inOutcome(Claim.InOutcome c);

  R attributeHolds(Claim.AttributeHolds c);

  R roleAction(Claim.RoleAction c);

  /** Calls the method for the claim's kind. */
  static <R> R on(Claim claim, ClaimCases<R> cases) {
    if (claim instanceof Claim.Always c) {
      return cases.always(c);
    } else if (claim instanceof Claim.Eventually c) {
      return cases.eventually(c);
    } else if (claim instanceof Claim.Never c) {
      return cases.never(c);
    } else if (claim instanceof Claim.AtEveryStage c) {
      return cases.atEveryStage(c);
    } else if (claim instanceof Claim.Reaches c) {
      return cases.reaches(c);
    } else if (claim instanceof Claim.Within c) {
      return cases.within(c);
    } else if (claim instanceof Claim.OnlyAfter c) {
      return cases.onlyAfter(c);
    } else if (claim instanceof Claim.Not c) {
      return cases.not(c);
    } else if (claim instanceof Claim.And c) {
      return cases.and(c);
    } else if (claim instanceof Claim.Or c) {
      return cases.or(c);
    } else if (claim instanceof Claim.Completed c) {
      return cases.completed(c);
    } else if (claim instanceof Claim.InStage c) {
      return cases.inStage(c);
    } else if (claim instanceof Claim.InOutcome c) {
      return cases.inOutcome(c);
    } else if (claim instanceof Claim.AttributeHolds c) {
      return cases.attributeHolds(c);
    } else if (claim instanceof Claim.RoleAction c) {
      return cases.roleAction(c);
    }
    // Claim is sealed: MachineKindsTest fails when a kind is added and not listed above
    throw new IllegalStateException("a kind of claim with no case: " + claim.getClass());
  }
}
