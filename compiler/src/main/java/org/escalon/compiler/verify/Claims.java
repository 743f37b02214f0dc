package org.escalon.compiler.verify;

import java.util.List;
import org.escalon.model.Claim;

/** Small facts about claims: their parts, whether time is involved, how they read. */
final class Claims {

  private Claims() {}

  /** The claims directly inside a claim. */
  static List<Claim> operands(Claim c) {
    if (c instanceof Claim.Always x) {
      return List.of(x.operand());
    } else if (c instanceof Claim.Eventually x) {
      return List.of(x.operand());
    } else if (c instanceof Claim.Never x) {
      return List.of(x.operand());
    } else if (c instanceof Claim.AtEveryStage x) {
      return List.of(x.operand());
    } else if (c instanceof Claim.Reaches x) {
      return List.of(x.operand());
    } else if (c instanceof Claim.Within x) {
      return List.of(x.operand());
    } else if (c instanceof Claim.OnlyAfter x) {
      return List.of(x.subject(), x.condition());
    } else if (c instanceof Claim.Not x) {
      return List.of(x.operand());
    } else if (c instanceof Claim.And x) {
      return List.of(x.left(), x.right());
    } else if (c instanceof Claim.Or x) {
      return List.of(x.left(), x.right());
    }
    return List.of();
  }

  /** Whether a claim speaks of paths rather than of one point of a path. */
  static boolean temporal(Claim c) {
    return c instanceof Claim.Always || c instanceof Claim.Eventually
        || c instanceof Claim.Never || c instanceof Claim.AtEveryStage
        || c instanceof Claim.Reaches || c instanceof Claim.Within
        || c instanceof Claim.OnlyAfter;
  }
}
