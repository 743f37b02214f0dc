package org.escalon.machine;

import org.escalon.model.HistoryRule;

/**
 * One method per kind of a trigger's rule over the case's history (gradings, counts of events,
 * time since an event, an attribute; and/or), for the model's sealed {@link HistoryRule}: the one
 * place that tells them apart, so that a reader of these rules that implements it handles every
 * kind (a new kind fails to compile in each).
 */
public interface HistoryRuleCases<R> {

  R graded(HistoryRule.Graded rule);

  R count(HistoryRule.Count rule);

  R since(HistoryRule.Since rule);

  R holds(HistoryRule.Holds rule);

  R and(HistoryRule.And rule);

  R or(HistoryRule.Or rule);

  /** Calls the method for the rule's kind. */
  static <R> R on(HistoryRule rule, HistoryRuleCases<R> cases) {
    if (rule instanceof HistoryRule.Graded g) {
      return cases.graded(g);
    } else if (rule instanceof HistoryRule.Count c) {
      return cases.count(c);
    } else if (rule instanceof HistoryRule.Since s) {
      return cases.since(s);
    } else if (rule instanceof HistoryRule.Holds h) {
      return cases.holds(h);
    } else if (rule instanceof HistoryRule.And a) {
      return cases.and(a);
    } else if (rule instanceof HistoryRule.Or o) {
      return cases.or(o);
    }
    // HistoryRule is sealed: MachineKindsTest fails when a kind is added and not listed above
    throw new IllegalStateException("a kind of trigger rule with no case: " + rule.getClass());
  }
}
