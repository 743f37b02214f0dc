package org.escalon.engine;

import java.util.Map;
import java.util.Optional;
import org.escalon.model.Condition;
import org.escalon.model.Precondition;

/** Evaluates conditions on the case's attributes and the preconditions of stages and outcomes. */
final class Conditions {

  private Conditions() {}

  /** An attribute not yet set counts as "no" (and as no choice). */
  static boolean holds(Condition c, Map<String, String> attributes) {
    if (c instanceof Condition.Holds h) {
      return "yes".equals(attributes.get(h.attribute()));
    } else if (c instanceof Condition.Is i) {
      return i.value().equals(attributes.get(i.attribute()));
    } else if (c instanceof Condition.Not n) {
      return !holds(n.operand(), attributes);
    } else if (c instanceof Condition.And a) {
      return holds(a.left(), attributes) && holds(a.right(), attributes);
    } else if (c instanceof Condition.Or o) {
      return holds(o.left(), attributes) || holds(o.right(), attributes);
    }
    return false;
  }

  static boolean holds(Optional<Condition> c, Map<String, String> attributes) {
    return c.map(x -> holds(x, attributes)).orElse(true);
  }

  /** What of a precondition is not met yet, in words; empty when it is met. */
  static Optional<String> unmet(Precondition p, Working w) {
    if (p instanceof Precondition.Completed c) {
      for (String stage : c.stages()) {
        if (!w.completed.contains(stage)) {
          return Optional.of("stage " + stage + " has not been completed");
        }
      }
    } else if (p instanceof Precondition.Agreement a) {
      if (!w.agreements.contains(a.role())) {
        return Optional.of(a.role() + " has not agreed");
      }
    } else if (p instanceof Precondition.Advice a) {
      if (!w.advice.contains(a.role())) {
        return Optional.of("the advice of " + a.role() + " has not been sought");
      }
    } else if (p instanceof Precondition.Holds h) {
      if (!holds(h.condition(), w.attributes)) {
        return Optional.of("the case does not meet the condition");
      }
    }
    return Optional.empty();
  }
}
