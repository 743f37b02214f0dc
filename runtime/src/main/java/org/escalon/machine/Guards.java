package org.escalon.machine;

import java.util.Optional;

/** Evaluates a guard against facts, and says in words why one that does not hold is unmet. */
public final class Guards {

  private Guards() {}

  /** Whether the guard holds. */
  public static boolean holds(Guard guard, Facts facts) {
    if (guard == Guard.ALWAYS) {
      return true; // most guards: no visit needed
    }
    return guard.accept(new Guard.Visitor<Boolean>() {
      @Override
      public Boolean always() {
        return true;
      }

      @Override
      public Boolean attribute(Guard.Attribute g) {
        return facts.attribute(g.name(), g.value());
      }

      @Override
      public Boolean completed(Guard.Completed g) {
        return facts.completed(g.stage());
      }

      @Override
      public Boolean agreed(Guard.Agreed g) {
        return facts.agreed(g.role());
      }

      @Override
      public Boolean advised(Guard.Advised g) {
        return facts.advised(g.role());
      }

      @Override
      public Boolean done(Guard.Done g) {
        return facts.done(g.step());
      }

      @Override
      public Boolean occurred(Guard.Occurred g) {
        return facts.occurrences(g.event()) >= g.atLeast();
      }

      @Override
      public Boolean graded(Guard.Graded g) {
        return facts.graded(g.scale(), g.grade(), g.times());
      }

      @Override
      public Boolean elapsed(Guard.Elapsed g) {
        return facts.elapsed(g.duration(), g.event());
      }

      @Override
      public Boolean not(Guard.Not g) {
        return !g.operand().accept(this);
      }

      @Override
      public Boolean and(Guard.And g) {
        return g.left().accept(this) && g.right().accept(this);
      }

      @Override
      public Boolean or(Guard.Or g) {
        return g.left().accept(this) || g.right().accept(this);
      }
    });
  }

  /**
   * What of the guard is not met, in words; empty when it holds. A conjunction names its first
   * unmet part; the parts a policy names one by one (a completed stage, an agreement, advice) say
   * what is missing, and any other condition says that the case does not meet it.
   */
  public static Optional<String> unmet(Guard guard, Facts facts) {
    if (holds(guard, facts)) {
      return Optional.empty();
    }
    return Optional.of(guard.accept(new Guard.Visitor<String>() {
      private static final String CONDITION = "the case does not meet the condition";

      @Override
      public String always() {
        return CONDITION;
      }

      @Override
      public String attribute(Guard.Attribute g) {
        return CONDITION;
      }

      @Override
      public String completed(Guard.Completed g) {
        return "stage " + g.stage() + " has not been completed";
      }

      @Override
      public String agreed(Guard.Agreed g) {
        return g.role() + " has not agreed";
      }

      @Override
      public String advised(Guard.Advised g) {
        return "the advice of " + g.role() + " has not been sought";
      }

      @Override
      public String done(Guard.Done g) {
        return g.by() + " has not reported step " + g.step() + " done";
      }

      @Override
      public String occurred(Guard.Occurred g) {
        return g.event() + " has not happened " + (g.atLeast() == 1 ? "" : g.atLeast() + " times");
      }

      @Override
      public String graded(Guard.Graded g) {
        return "no section has been graded " + g.grade() + " " + g.times() + " times in a row";
      }

      @Override
      public String elapsed(Guard.Elapsed g) {
        return g.duration() + " have not passed since " + g.event();
      }

      @Override
      public String not(Guard.Not g) {
        return CONDITION;
      }

      @Override
      public String and(Guard.And g) {
        return unmet(g.left(), facts).or(() -> unmet(g.right(), facts)).orElse(CONDITION);
      }

      @Override
      public String or(Guard.Or g) {
        return CONDITION;
      }
    }));
  }

  /** Both guards; {@link Guard#ALWAYS} drops out. */
  public static Guard and(Guard left, Guard right) {
    if (left instanceof Guard.Always) {
      return right;
    }
    return right instanceof Guard.Always ? left : new Guard.And(left, right);
  }
}
