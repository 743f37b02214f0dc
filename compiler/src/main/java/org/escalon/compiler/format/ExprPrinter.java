package org.escalon.compiler.format;

import java.util.List;
import java.util.stream.Collectors;
import org.escalon.compiler.ast.ClaimExpr;
import org.escalon.compiler.ast.ConditionExpr;
import org.escalon.compiler.ast.DurationExpr;
import org.escalon.compiler.ast.HistoryExpr;
import org.escalon.compiler.ast.Name;
import org.escalon.compiler.ast.StageKey;
import org.escalon.compiler.ast.StageRef;

/**
 * Prints the expressions of a protocol: durations, stage references, conditions, history rules
 * and claims.
 *
 * <p>Parentheses: a {@code Group} node is the pair of parentheses the author wrote and is printed
 * as such. No other parentheses are printed for a tree the parser built, because such a tree
 * already reads back the same without them. A hand-built tree may nest operators in a way that
 * only parentheses can say (an {@code or} under an {@code and}); those, and only those, get
 * parentheses so that the printed text never means something else.
 *
 * <p>Precedences are the ones ANTLR gives the grammar's left-recursive rules: an alternative
 * written earlier binds tighter, binary operators associate to the left, and the operand of a
 * prefix operator ({@code not}, {@code always}, ...) extends over every binary operator that binds
 * at least as tightly as the prefix alternative.
 */
final class ExprPrinter {

  /** Precedence of "no operator": what follows the end of a statement. */
  private static final int NONE = 0;

  // condition: not | and | or | ( ) | is | attr (6 alternatives)
  private static final int COND_NOT = 6;
  private static final int COND_AND = 5;
  private static final int COND_OR = 4;

  // history: and | or | ( ) | graded | count | since | attr (7 alternatives)
  private static final int HIST_AND = 7;
  private static final int HIST_OR = 6;

  // claim levels, loosest first, as the grammar layers them: a temporal word takes everything
  // after it; `only after` joins two disjunctions; `or`, then `and`; `not` and atoms bind tightest
  private static final int CLAIM_TEMPORAL = 1;
  private static final int CLAIM_ONLY_AFTER = 2;
  private static final int CLAIM_OR = 3;
  private static final int CLAIM_AND = 4;
  private static final int CLAIM_UNARY = 5;

  // -------------------------------------------------------------------------------------------
  // Durations

  /** {@code 1 working day}, {@code 5 working days}, {@code same working day}, {@code 5 days}. */
  String duration(DurationExpr d) {
    int n = d.amount();
    switch (d.unit()) {
      case SAME_WORKING_DAY:
        return "same working day";
      case WORKING_DAYS:
        return n + " working " + plural(n, "day", "days");
      case WORKING_WEEKS:
        return n + " working " + plural(n, "week", "weeks");
      case CALENDAR_DAYS:
        return n + " calendar " + plural(n, "day", "days");
      case WEEKS:
        return n + " " + plural(n, "week", "weeks");
      case MONTHS:
        return n + " " + plural(n, "month", "months");
      case HOURS:
        return n + " " + plural(n, "hour", "hours");
      case UNLABELLED_DAYS:
        // Kept as written so that the checker still reports the missing "working"/"calendar".
        return n + " " + plural(n, "day", "days");
      default:
        throw new IllegalArgumentException("unknown unit " + d.unit());
    }
  }

  /** {@code within 5 working days}, {@code within the same working day}. */
  String within(DurationExpr d) {
    String article = d.unit() == DurationExpr.Unit.SAME_WORKING_DAY ? "the " : "";
    return "within " + article + duration(d);
  }

  private static String plural(int n, String one, String many) {
    return n == 1 ? one : many;
  }

  // -------------------------------------------------------------------------------------------
  // Names and stage references

  /** {@code A, B, C}. */
  String names(List<Name> names) {
    return names.stream().map(Name::text).collect(Collectors.joining(", "));
  }

  /** {@code stage 4, stage 5..6}. */
  String stageRefs(List<StageRef> refs) {
    return refs.stream().map(this::stageRef).collect(Collectors.joining(", "));
  }

  /** {@code stage 4}, {@code stage 2..6} or {@code phase formal}. */
  String stageRef(StageRef ref) {
    if (ref instanceof StageRef.Range r) {
      return "stage " + r.from().text() + ".." + r.to().text();
    } else if (ref instanceof StageRef.Phase p) {
      return "phase " + p.name().text();
    }
    return "stage " + ((StageRef.Single) ref).key().text();
  }

  /** {@code stage 4}. */
  String stage(StageKey key) {
    return "stage " + key.text();
  }

  // -------------------------------------------------------------------------------------------
  // Conditions

  String condition(ConditionExpr c) {
    return condition(c, NONE, NONE);
  }

  /**
   * @param min the weakest binary operator that may stand here without parentheses
   * @param follow the binary operator printed right after this expression, or {@link #NONE}
   */
  private String condition(ConditionExpr c, int min, int follow) {
    if (c instanceof ConditionExpr.Group g) {
      return "(" + condition(g.inner(), NONE, NONE) + ")";
    } else if (c instanceof ConditionExpr.Not n) {
      return prefix("not", COND_NOT, follow, f -> condition(n.operand(), COND_NOT, f));
    } else if (c instanceof ConditionExpr.And a) {
      return binary(COND_AND, "and", min, follow,
          f -> condition(a.left(), COND_AND, f), f -> condition(a.right(), COND_AND + 1, f));
    } else if (c instanceof ConditionExpr.Or o) {
      return binary(COND_OR, "or", min, follow,
          f -> condition(o.left(), COND_OR, f), f -> condition(o.right(), COND_OR + 1, f));
    } else if (c instanceof ConditionExpr.Is is) {
      return is.attribute().text() + " is " + is.value().text();
    }
    return ((ConditionExpr.Attr) c).attribute().text();
  }

  // -------------------------------------------------------------------------------------------
  // History rules of triggers

  String history(HistoryExpr h) {
    return history(h, NONE, NONE);
  }

  private String history(HistoryExpr h, int min, int follow) {
    if (h instanceof HistoryExpr.Group g) {
      return "(" + history(g.inner(), NONE, NONE) + ")";
    } else if (h instanceof HistoryExpr.And a) {
      return binary(HIST_AND, "and", min, follow,
          f -> history(a.left(), HIST_AND, f), f -> history(a.right(), HIST_AND + 1, f));
    } else if (h instanceof HistoryExpr.Or o) {
      return binary(HIST_OR, "or", min, follow,
          f -> history(o.left(), HIST_OR, f), f -> history(o.right(), HIST_OR + 1, f));
    } else if (h instanceof HistoryExpr.Graded g) {
      return graded(g);
    } else if (h instanceof HistoryExpr.Count c) {
      String comparison = c.strictlyMore() ? "more than " : "at least ";
      return c.event().text() + " occurs " + comparison + c.times() + " times";
    } else if (h instanceof HistoryExpr.Since s) {
      return "at least " + duration(s.duration()) + " since " + s.event().text();
    }
    return ((HistoryExpr.Attr) h).attribute().text();
  }

  private static String graded(HistoryExpr.Graded g) {
    StringBuilder out = new StringBuilder();
    out.append(g.scale().text()).append(" is ").append(g.value().text());
    if (g.repetitionWritten()) {
      out.append(g.times() == 2 ? " twice in a row" : " " + g.times() + " times in a row");
    }
    if (g.scope() == HistoryExpr.Scope.ANY_SECTION) {
      out.append(" for any section");
    } else if (g.scope() == HistoryExpr.Scope.SAME_SECTION) {
      out.append(" for the same section");
    }
    return out.toString();
  }

  // -------------------------------------------------------------------------------------------
  // Claims of properties

  String claim(ClaimExpr c) {
    return claim(c, CLAIM_TEMPORAL);
  }

  /** Prints a claim where the grammar admits only claims of level {@code min} or tighter. */
  private String claim(ClaimExpr c, int min) {
    String text;
    if (c instanceof ClaimExpr.Group g) {
      return "(" + claim(g.inner(), CLAIM_TEMPORAL) + ")";
    } else if (c instanceof ClaimExpr.Always a) {
      text = "always " + claim(a.operand(), CLAIM_TEMPORAL);
    } else if (c instanceof ClaimExpr.Eventually e) {
      text = "eventually " + claim(e.operand(), CLAIM_TEMPORAL);
    } else if (c instanceof ClaimExpr.Never n) {
      text = "never " + claim(n.operand(), CLAIM_TEMPORAL);
    } else if (c instanceof ClaimExpr.AtEveryStage s) {
      text = "at every stage " + claim(s.operand(), CLAIM_TEMPORAL);
    } else if (c instanceof ClaimExpr.Reaches r) {
      text = "every path reaches " + claim(r.operand(), CLAIM_TEMPORAL);
    } else if (c instanceof ClaimExpr.Within w) {
      text = claim(w.operand(), CLAIM_TEMPORAL) + " within " + duration(w.bound())
          + (w.measure() == org.escalon.model.Measure.TIMESCALES ? " in total" : "");
    } else if (c instanceof ClaimExpr.Not n) {
      text = "not " + claim(n.operand(), CLAIM_UNARY);
    } else if (c instanceof ClaimExpr.OnlyAfter o) {
      text = claim(o.subject(), CLAIM_OR) + " only after " + claim(o.condition(), CLAIM_OR);
    } else if (c instanceof ClaimExpr.Or o) {
      text = claim(o.left(), CLAIM_OR) + " or " + claim(o.right(), CLAIM_AND);
    } else if (c instanceof ClaimExpr.And a) {
      String left = claim(a.left(), CLAIM_AND);
      String right = claim(a.right(), CLAIM_UNARY);
      // `completed stage 4 and stage 5` would read back as one list of stages
      if (right.startsWith("stage ") && !left.endsWith(")")
          && rightmostLeaf(a.left()) instanceof ClaimExpr.Completed) {
        right = "(" + right + ")";
      }
      text = left + " and " + right;
    } else {
      return claimPrimary(c);
    }
    return level(c) < min ? "(" + text + ")" : text;
  }

  private static int level(ClaimExpr c) {
    if (c instanceof ClaimExpr.Always || c instanceof ClaimExpr.Eventually
        || c instanceof ClaimExpr.Never || c instanceof ClaimExpr.AtEveryStage
        || c instanceof ClaimExpr.Reaches || c instanceof ClaimExpr.Within) {
      return CLAIM_TEMPORAL;
    } else if (c instanceof ClaimExpr.OnlyAfter) {
      return CLAIM_ONLY_AFTER;
    } else if (c instanceof ClaimExpr.Or) {
      return CLAIM_OR;
    } else if (c instanceof ClaimExpr.And) {
      return CLAIM_AND;
    }
    return CLAIM_UNARY;
  }

  private String claimPrimary(ClaimExpr c) {
    if (c instanceof ClaimExpr.Completed done) {
      return "completed " + stageRefs(done.stages());
    } else if (c instanceof ClaimExpr.InStage s) {
      return stage(s.key());
    } else if (c instanceof ClaimExpr.Resolved) {
      return "resolved";
    } else if (c instanceof ClaimExpr.RoleAction r) {
      return r.role().text() + " is " + roleAction(r.action());
    }
    return ((ClaimExpr.Named) c).name().text();
  }

  private static String roleAction(ClaimExpr.Action action) {
    switch (action) {
      case ESCALATED_TO:
        return "escalated to";
      case COPIED:
        return "copied";
      case NOTIFIED:
        return "notified";
      case ADVISED:
        return "advised";
      default:
        return "consulted";
    }
  }

  /** The claim printed last in {@code c} when no parentheses are added around its parts. */
  private static ClaimExpr rightmostLeaf(ClaimExpr c) {
    if (c instanceof ClaimExpr.Always a) {
      return rightmostLeaf(a.operand());
    } else if (c instanceof ClaimExpr.Eventually e) {
      return rightmostLeaf(e.operand());
    } else if (c instanceof ClaimExpr.Never n) {
      return rightmostLeaf(n.operand());
    } else if (c instanceof ClaimExpr.AtEveryStage s) {
      return rightmostLeaf(s.operand());
    } else if (c instanceof ClaimExpr.Reaches r) {
      return rightmostLeaf(r.operand());
    } else if (c instanceof ClaimExpr.Not n) {
      return rightmostLeaf(n.operand());
    } else if (c instanceof ClaimExpr.OnlyAfter o) {
      return rightmostLeaf(o.condition());
    } else if (c instanceof ClaimExpr.And a) {
      return rightmostLeaf(a.right());
    } else if (c instanceof ClaimExpr.Or o) {
      return rightmostLeaf(o.right());
    }
    return c;
  }

  // -------------------------------------------------------------------------------------------
  // Operators, shared by the three kinds of expression

  /** Prints an operand, given the operator that will follow it. */
  private interface Operand {
    String print(int follow);
  }

  /**
   * A left-associative binary operator: parenthesised only when weaker than its position allows.
   */
  private static String binary(
      int prec, String op, int min, int follow, Operand left, Operand right) {
    boolean wrap = prec < min;
    String text = left.print(prec) + " " + op + " " + right.print(wrap ? NONE : follow);
    return wrap ? "(" + text + ")" : text;
  }

  /**
   * A prefix operator: its operand runs on over every following operator at least as tight as
   * {@code prec}, so it is parenthesised when such an operator follows it.
   */
  private static String prefix(String keyword, int prec, int follow, Operand operand) {
    if (follow >= prec) {
      return "(" + keyword + " " + operand.print(NONE) + ")";
    }
    return keyword + " " + operand.print(follow);
  }
}
