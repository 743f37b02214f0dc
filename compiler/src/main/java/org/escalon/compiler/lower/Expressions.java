package org.escalon.compiler.lower;

import org.escalon.compiler.ast.ClaimExpr;
import org.escalon.compiler.ast.ConditionExpr;
import org.escalon.compiler.ast.DurationExpr;
import org.escalon.compiler.ast.HistoryExpr;
import org.escalon.compiler.ast.StageSetExpr;
import org.escalon.compiler.ast.StageStmt;
import org.escalon.compiler.check.SymbolTable;
import org.escalon.model.Citation;
import org.escalon.model.Claim;
import org.escalon.model.Condition;
import org.escalon.model.Timespan;
import org.escalon.model.HistoryRule;
import org.escalon.model.Precondition;

/** Lowers the expression forms: durations, conditions, history rules, claims and stage sets. */
final class Expressions {

  private final SymbolTable symbols;

  Expressions(SymbolTable symbols) {
    this.symbols = symbols;
  }

  static Timespan duration(DurationExpr d) {
    return d.timespan().orElseThrow(() -> new IllegalStateException("unchecked duration " + d));
  }

  static Citation citation(org.escalon.compiler.ast.SourceRef c) {
    return new Citation(c.text(), c.span());
  }

  static String recordName(StageStmt.RecordSubject subject) {
    if (subject instanceof StageStmt.RecordSubject.FormRef f) {
      return f.form().text();
    }
    return ((StageStmt.RecordSubject.Note) subject).text().value();
  }

  Condition condition(ConditionExpr c) {
    if (c instanceof ConditionExpr.Attr a) {
      return new Condition.Holds(a.attribute().text());
    } else if (c instanceof ConditionExpr.Is i) {
      return new Condition.Is(i.attribute().text(), i.value().text());
    } else if (c instanceof ConditionExpr.Not n) {
      return new Condition.Not(condition(n.operand()));
    } else if (c instanceof ConditionExpr.And a) {
      return new Condition.And(condition(a.left()), condition(a.right()));
    } else if (c instanceof ConditionExpr.Or o) {
      return new Condition.Or(condition(o.left()), condition(o.right()));
    }
    return condition(((ConditionExpr.Group) c).inner());
  }

  Precondition precondition(StageStmt.Requirement r) {
    if (r instanceof StageStmt.Requirement.Completed c) {
      return new Precondition.Completed(symbols.keys(c.stages()), c.span());
    } else if (r instanceof StageStmt.Requirement.Agreement a) {
      return new Precondition.Agreement(a.role().text(), a.span());
    } else if (r instanceof StageStmt.Requirement.Advice a) {
      return new Precondition.Advice(a.role().text(), a.span());
    }
    ConditionExpr c = ((StageStmt.Requirement.Holds) r).condition();
    return new Precondition.Holds(condition(c), c.span());
  }

  HistoryRule history(HistoryExpr h) {
    if (h instanceof HistoryExpr.Graded g) {
      return new HistoryRule.Graded(g.scale().text(), g.value().text(), g.times(),
          g.scope() == HistoryExpr.Scope.SAME_SECTION);
    } else if (h instanceof HistoryExpr.Count c) {
      return new HistoryRule.Count(c.event().text(), c.strictlyMore() ? c.times() + 1 : c.times());
    } else if (h instanceof HistoryExpr.Since s) {
      return new HistoryRule.Since(duration(s.duration()), s.event().text());
    } else if (h instanceof HistoryExpr.Attr a) {
      return new HistoryRule.Holds(a.attribute().text());
    } else if (h instanceof HistoryExpr.And a) {
      return new HistoryRule.And(history(a.left()), history(a.right()));
    } else if (h instanceof HistoryExpr.Or o) {
      return new HistoryRule.Or(history(o.left()), history(o.right()));
    }
    return history(((HistoryExpr.Group) h).inner());
  }

  Claim claim(ClaimExpr c) {
    if (c instanceof ClaimExpr.Always x) {
      return new Claim.Always(claim(x.operand()));
    } else if (c instanceof ClaimExpr.Eventually x) {
      return new Claim.Eventually(claim(x.operand()));
    } else if (c instanceof ClaimExpr.Never x) {
      return new Claim.Never(claim(x.operand()));
    } else if (c instanceof ClaimExpr.AtEveryStage x) {
      return new Claim.AtEveryStage(claim(x.operand()));
    } else if (c instanceof ClaimExpr.Reaches x) {
      return new Claim.Reaches(claim(x.operand()));
    } else if (c instanceof ClaimExpr.Within x) {
      return new Claim.Within(claim(x.operand()), duration(x.bound()), x.measure());
    } else if (c instanceof ClaimExpr.OnlyAfter x) {
      return new Claim.OnlyAfter(claim(x.subject()), claim(x.condition()));
    } else if (c instanceof ClaimExpr.Not x) {
      return new Claim.Not(claim(x.operand()));
    } else if (c instanceof ClaimExpr.And x) {
      return new Claim.And(claim(x.left()), claim(x.right()));
    } else if (c instanceof ClaimExpr.Or x) {
      return new Claim.Or(claim(x.left()), claim(x.right()));
    } else if (c instanceof ClaimExpr.Group x) {
      return claim(x.inner());
    } else if (c instanceof ClaimExpr.Completed x) {
      return new Claim.Completed(symbols.keys(x.stages()));
    } else if (c instanceof ClaimExpr.InStage x) {
      return new Claim.InStage(x.key().text());
    } else if (c instanceof ClaimExpr.Resolved) {
      return new Claim.InOutcome(org.escalon.model.Target.RESOLVED);
    } else if (c instanceof ClaimExpr.RoleAction x) {
      return new Claim.RoleAction(x.role().text(), Claim.Action.valueOf(x.action().name()));
    }
    String name = ((ClaimExpr.Named) c).name().text();
    return symbols.attributes().containsKey(name)
        ? new Claim.AttributeHolds(name) : new Claim.InOutcome(name);
  }

  /** Whether an obligation's stage set includes the stage with this key. */
  boolean appliesAt(StageSetExpr set, String key) {
    if (set instanceof StageSetExpr.Listed l) {
      return symbols.keys(l.stages()).contains(key);
    }
    StageSetExpr.Every every = (StageSetExpr.Every) set;
    int index = symbols.stageIndex(key);
    boolean fromOk = every.from().map(f -> index >= symbols.stageIndex(f.text())).orElse(true);
    return fromOk && !symbols.keys(every.except()).contains(key);
  }
}
