package org.escalon.machine;

import java.util.List;
import org.escalon.model.Claim;
import org.escalon.model.Timespan;

/**
 * What each word of a property's claim means, decided once, in a few primitives that a reading
 * of claims supplies: the verifier reads them over every path of a state space, a conformance
 * test along one run of a machine. {@code never X} is {@code always not X}; {@code at every
 * stage X} is {@code always (a stage was just entered implies X)}; {@code every path reaches X}
 * is {@code eventually (ended and X)}; a bound in time ({@code within}) speaks of the first
 * point where its goal holds. The atoms (a stage, an outcome, an attribute, completed stages, what
 * a role is doing) are the reading's own, one method each.
 */
public final class ClaimMeaning {

  private ClaimMeaning() {}

  /** The primitives of a reading of claims, over values {@code V} (sets of states, or tests). */
  public interface Reading<V> {

    /** Where the escalation stands at the stage, open. */
    V inStage(String key);

    /** Where it has ended in the outcome. */
    V inOutcome(String name);

    /** Where the yes/no attribute holds. */
    V attributeHolds(String attribute);

    /** Where every one of the stages has been completed. */
    V completed(List<String> stages);

    /** Where the role is being escalated to, copied, notified, advised or consulted. */
    V does(String role, Claim.Action action);

    /** Where a stage has just been entered. */
    V entered();

    /** Where the escalation has ended. */
    V ended();

    V not(V operand);

    V and(V left, V right);

    V or(V left, V right);

    /** From here, at every point to come. */
    V always(V operand);

    /** From here, a point to come where it holds (on a path where people act finitely often). */
    V eventually(V operand);

    /** The subject holds at no point before the first where the condition holds. */
    V onlyAfter(V subject, V condition);

    /** The first point to come where the goal holds is within the bound. */
    V within(V goal, Timespan bound);
  }

  /** The claim read with the reading's primitives. */
  public static <V> V of(Claim claim, Reading<V> reading) {
    return ClaimCases.on(claim, new ClaimCases<V>() {
      @Override
      public V always(Claim.Always c) {
        return reading.always(of(c.operand(), reading));
      }

      @Override
      public V eventually(Claim.Eventually c) {
        return reading.eventually(of(c.operand(), reading));
      }

      @Override
      public V never(Claim.Never c) {
        return reading.always(reading.not(of(c.operand(), reading)));
      }

      @Override
      public V atEveryStage(Claim.AtEveryStage c) {
        return reading.always(reading.or(reading.not(reading.entered()),
            of(c.operand(), reading)));
      }

      @Override
      public V reaches(Claim.Reaches c) {
        return reading.eventually(reading.and(reading.ended(), of(c.operand(), reading)));
      }

      @Override
      public V within(Claim.Within c) {
        return reading.within(goal(c.operand(), reading), c.bound());
      }

      @Override
      public V onlyAfter(Claim.OnlyAfter c) {
        return reading.onlyAfter(of(c.subject(), reading), of(c.condition(), reading));
      }

      @Override
      public V not(Claim.Not c) {
        return reading.not(of(c.operand(), reading));
      }

      @Override
      public V and(Claim.And c) {
        return reading.and(of(c.left(), reading), of(c.right(), reading));
      }

      @Override
      public V or(Claim.Or c) {
        return reading.or(of(c.left(), reading), of(c.right(), reading));
      }

      @Override
      public V completed(Claim.Completed c) {
        return reading.completed(c.stages());
      }

      @Override
      public V inStage(Claim.InStage c) {
        return reading.inStage(c.key());
      }

      @Override
      public V inOutcome(Claim.InOutcome c) {
        return reading.inOutcome(c.name());
      }

      @Override
      public V attributeHolds(Claim.AttributeHolds c) {
        return reading.attributeHolds(c.attribute());
      }

      @Override
      public V roleAction(Claim.RoleAction c) {
        return reading.does(c.role(), c.action());
      }
    });
  }

  /**
   * What a bound in time waits for: the language writes it after {@code eventually X} (X) or
   * {@code every path reaches X} (ended and X); nothing else carries one (the checker refuses it).
   */
  public static <V> V goal(Claim bounded, Reading<V> reading) {
    return ClaimCases.on(bounded, new ClaimCases<V>() {
      @Override
      public V eventually(Claim.Eventually c) {
        return of(c.operand(), reading);
      }

      @Override
      public V reaches(Claim.Reaches c) {
        return reading.and(reading.ended(), of(c.operand(), reading));
      }

      private V unbounded(Claim c) {
        throw new IllegalArgumentException("a bound in time follows eventually or every path "
            + "reaches, not " + c);
      }

      @Override
      public V always(Claim.Always c) {
        return unbounded(c);
      }

      @Override
      public V never(Claim.Never c) {
        return unbounded(c);
      }

      @Override
      public V atEveryStage(Claim.AtEveryStage c) {
        return unbounded(c);
      }

      @Override
      public V within(Claim.Within c) {
        return unbounded(c);
      }

      @Override
      public V onlyAfter(Claim.OnlyAfter c) {
        return unbounded(c);
      }

      @Override
      public V not(Claim.Not c) {
        return unbounded(c);
      }

      @Override
      public V and(Claim.And c) {
        return unbounded(c);
      }

      @Override
      public V or(Claim.Or c) {
        return unbounded(c);
      }

      @Override
      public V completed(Claim.Completed c) {
        return unbounded(c);
      }

      @Override
      public V inStage(Claim.InStage c) {
        return unbounded(c);
      }

      @Override
      public V inOutcome(Claim.InOutcome c) {
        return unbounded(c);
      }

      @Override
      public V attributeHolds(Claim.AttributeHolds c) {
        return unbounded(c);
      }

      @Override
      public V roleAction(Claim.RoleAction c) {
        return unbounded(c);
      }
    });
  }
}
