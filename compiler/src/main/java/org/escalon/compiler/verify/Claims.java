package org.escalon.compiler.verify;

import java.util.List;
import java.util.Locale;
import org.escalon.machine.ClaimCases;
import org.escalon.model.Claim;

/**
 * Small facts about claims: their parts, whether they speak of paths, how they read. What a claim
 * means is {@link org.escalon.machine.ClaimMeaning}'s; these are told apart by kind once, here,
 * through {@link ClaimCases}.
 */
final class Claims {

  private Claims() {}

  /** A claim's parts, whether it speaks of paths rather than one point, and its words. */
  private record Shape(List<Claim> operands, boolean temporal, String words) {}

  private static Shape shape(Claim claim) {
    return ClaimCases.on(claim, new ClaimCases<>() {
      @Override
      public Shape always(Claim.Always c) {
        return path(c.operand(), "always ");
      }

      @Override
      public Shape eventually(Claim.Eventually c) {
        return path(c.operand(), "eventually ");
      }

      @Override
      public Shape never(Claim.Never c) {
        return path(c.operand(), "never ");
      }

      @Override
      public Shape atEveryStage(Claim.AtEveryStage c) {
        return path(c.operand(), "at every stage ");
      }

      @Override
      public Shape reaches(Claim.Reaches c) {
        return path(c.operand(), "every path reaches ");
      }

      @Override
      public Shape within(Claim.Within c) {
        return new Shape(List.of(c.operand()), true, words(c.operand()) + " within " + c.bound());
      }

      @Override
      public Shape onlyAfter(Claim.OnlyAfter c) {
        return new Shape(List.of(c.subject(), c.condition()), true,
            inner(c.subject()) + " only after " + inner(c.condition()));
      }

      @Override
      public Shape not(Claim.Not c) {
        return new Shape(List.of(c.operand()), false, "not " + inner(c.operand()));
      }

      @Override
      public Shape and(Claim.And c) {
        return new Shape(List.of(c.left(), c.right()), false,
            inner(c.left()) + " and " + inner(c.right()));
      }

      @Override
      public Shape or(Claim.Or c) {
        return new Shape(List.of(c.left(), c.right()), false,
            inner(c.left()) + " or " + inner(c.right()));
      }

      @Override
      public Shape completed(Claim.Completed c) {
        return atom("completed " + String.join(", ", c.stages().stream().map(k -> "stage " + k)
            .toList()));
      }

      @Override
      public Shape inStage(Claim.InStage c) {
        return atom("stage " + c.key());
      }

      @Override
      public Shape inOutcome(Claim.InOutcome c) {
        return atom(c.name());
      }

      @Override
      public Shape attributeHolds(Claim.AttributeHolds c) {
        return atom(c.attribute());
      }

      @Override
      public Shape roleAction(Claim.RoleAction c) {
        return atom(c.role() + " is " + c.action().name().toLowerCase(Locale.ROOT)
            .replace('_', ' '));
      }
    });
  }

  private static Shape path(Claim operand, String word) {
    return new Shape(List.of(operand), true, word + inner(operand));
  }

  private static Shape atom(String words) {
    return new Shape(List.of(), false, words);
  }

  /** The claims directly inside a claim. */
  static List<Claim> operands(Claim c) {
    return shape(c).operands();
  }

  /** Whether a claim speaks of paths rather than of one point of a path. */
  static boolean temporal(Claim c) {
    return shape(c).temporal();
  }

  /** A claim as the language writes it, fully bracketed where it nests. */
  static String words(Claim c) {
    return shape(c).words();
  }

  private static String inner(Claim c) {
    Shape s = shape(c);
    return s.operands().isEmpty() ? s.words() : "(" + s.words() + ")";
  }
}
