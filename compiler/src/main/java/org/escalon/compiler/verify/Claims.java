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

  /** A claim as the language writes it, fully bracketed where it nests. */
  static String words(Claim c) {
    if (c instanceof Claim.Always x) {
      return "always " + inner(x.operand());
    } else if (c instanceof Claim.Eventually x) {
      return "eventually " + inner(x.operand());
    } else if (c instanceof Claim.Never x) {
      return "never " + inner(x.operand());
    } else if (c instanceof Claim.AtEveryStage x) {
      return "at every stage " + inner(x.operand());
    } else if (c instanceof Claim.Reaches x) {
      return "every path reaches " + inner(x.operand());
    } else if (c instanceof Claim.Within x) {
      return words(x.operand()) + " within " + x.bound();
    } else if (c instanceof Claim.OnlyAfter x) {
      return inner(x.subject()) + " only after " + inner(x.condition());
    } else if (c instanceof Claim.Not x) {
      return "not " + inner(x.operand());
    } else if (c instanceof Claim.And x) {
      return inner(x.left()) + " and " + inner(x.right());
    } else if (c instanceof Claim.Or x) {
      return inner(x.left()) + " or " + inner(x.right());
    } else if (c instanceof Claim.Completed x) {
      return "completed " + String.join(", ", x.stages().stream().map(k -> "stage " + k)
          .toList());
    } else if (c instanceof Claim.InStage x) {
      return "stage " + x.key();
    } else if (c instanceof Claim.InOutcome x) {
      return x.name();
    } else if (c instanceof Claim.AttributeHolds x) {
      return x.attribute();
    }
    Claim.RoleAction r = (Claim.RoleAction) c;
    return r.role() + " is " + r.action().name().toLowerCase(java.util.Locale.ROOT)
        .replace('_', ' ');
  }

  private static String inner(Claim c) {
    return operands(c).isEmpty() ? words(c) : "(" + words(c) + ")";
  }
}
