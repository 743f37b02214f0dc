package org.escalon.tests;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.model.Claim;
import org.escalon.model.Condition;
import org.escalon.model.Timespan;
import org.escalon.model.Protocol;
import org.escalon.model.Step;
import org.escalon.model.TimeUnit;
import org.escalon.simulate.Timeline;
import org.escalon.simulate.TimelineRow;

/**
 * An oracle independent of the verifier: reads a simulated timeline back into the points an
 * escalation went through (stage, stages completed, facts, what was done on entering) and decides
 * a property's claim on that one run, as a reviewer reading the timeline would.
 *
 * <p>A run that ends waiting stays where it is for ever; a run still going at the horizon is taken
 * to go on as it was.
 */
final class TimelineClaims {

  /** One point of a run. */
  record Point(String stage, String outcome, Set<String> completed, Map<String, String> facts,
      Set<String> agreements, boolean entered, Set<String> acts, int day) {
    boolean ended() {
      return outcome != null;
    }
  }

  /** A run as points, and how it stops. */
  record Trace(List<Point> points, Timeline.End end) {}

  private TimelineClaims() {}

  static Trace trace(Protocol protocol, Timeline timeline, WorkingCalendar calendar) {
    List<Point> points = new ArrayList<>();
    String stage = null;
    Set<String> completed = new LinkedHashSet<>();
    Map<String, String> facts = new HashMap<>();
    Set<String> agreements = new LinkedHashSet<>();
    Set<String> acts = Set.of();
    LocalDate start = timeline.start().toLocalDate();
    for (TimelineRow row : timeline.rows()) {
      String what = row.what();
      switch (row.kind()) {
        case RAISED, ESCALATED -> {
          stage = row.stage();
          acts = acts(protocol.stage(stage).orElseThrow().steps(), facts);
          points.add(new Point(stage, null, Set.copyOf(completed), Map.copyOf(facts),
              Set.copyOf(agreements), true, acts, day0(row.at(), start, calendar)));
        }
        case RESPONDED -> {
          if (what.contains("responded: not resolved")) {
            completed.add(row.stage());
          }
        }
        case TIMED_OUT, BYPASSED -> completed.add(row.stage());
        case AGREED, ADVISED -> {
          agreements.add(what.split(" ")[0]);
          points.add(point(stage, completed, facts, agreements, acts,
              day0(row.at(), start, calendar)));
        }
        case FACT -> {
          if (what.contains(" set to ")) {
            String[] parts = what.split(" set to ");
            facts.put(parts[0], parts[1].split(" ")[0]);
          }
          points.add(point(stage, completed, facts, agreements, acts,
              day0(row.at(), start, calendar)));
        }
        case WAITING -> points.add(point(stage, completed, facts, agreements, acts,
            day0(row.at(), start, calendar)));
        case CONCLUDED -> {
          String outcome = row.stage();
          acts = protocol.outcome(outcome).map(o -> acts(o.steps(), facts)).orElse(Set.of());
          points.add(new Point(stage, outcome, Set.copyOf(completed), Map.copyOf(facts),
              Set.copyOf(agreements), false, acts, day0(row.at(), start, calendar)));
        }
        default -> { }
      }
    }
    return new Trace(points, timeline.end());
  }

  private static Point point(String stage, Set<String> completed, Map<String, String> facts,
      Set<String> agreements, Set<String> acts, int day) {
    return new Point(stage, null, Set.copyOf(completed), Map.copyOf(facts),
        Set.copyOf(agreements), false, acts, day);
  }

  // a stage entered when a deadline passes, at midnight, counts from the next working day
  /**
   * Working days elapsed on the calendar from the raise to an instant, as a reviewer counts them
   * on the timeline: an instant at midnight closes the day before (an escalation that ends at the
   * close of day 21 has taken 21 working days, whatever day of the week follows), and a day that
   * is not a working day counts as the working day before it.
   */
  private static int day0(Instant at, LocalDate start, WorkingCalendar calendar) {
    ZonedDateTime local = at.atZone(calendar.zone());
    LocalDate day = local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
        ? local.toLocalDate().minusDays(1) : local.toLocalDate();
    int n = calendar.workingDaysBetween(start, day);
    return Math.max(0, calendar.isWorkingDay(day) ? n : n - 1);
  }

  private static Set<String> acts(List<Step> steps, Map<String, String> facts) {
    Set<String> acts = new LinkedHashSet<>();
    for (Step s : steps) {
      if (s.when().isPresent() && !holds(s.when().get(), facts)) {
        continue;
      }
      if (s instanceof Step.EscalateTo e) {
        e.roles().forEach(r -> acts.add(r + ":ESCALATED_TO"));
      } else if (s instanceof Step.Copy c) {
        c.roles().forEach(r -> acts.add(r + ":COPIED"));
      } else if (s instanceof Step.Inform i) {
        String action = switch (i.kind()) {
          case NOTIFY -> "NOTIFIED";
          case ADVISE -> "ADVISED";
          case CONSULT -> "CONSULTED";
        };
        i.roles().forEach(r -> acts.add(r + ":" + action));
      }
    }
    return acts;
  }

  static boolean holds(Condition c, Map<String, String> facts) {
    if (c instanceof Condition.Holds h) {
      return "yes".equals(facts.get(h.attribute()));
    } else if (c instanceof Condition.Is i) {
      return i.value().equals(facts.get(i.attribute()));
    } else if (c instanceof Condition.Not n) {
      return !holds(n.operand(), facts);
    } else if (c instanceof Condition.And a) {
      return holds(a.left(), facts) && holds(a.right(), facts);
    }
    Condition.Or o = (Condition.Or) c;
    return holds(o.left(), facts) || holds(o.right(), facts);
  }

  /** Whether the claim holds on the run, from its first point. */
  static boolean holds(Claim c, Trace t) {
    return holds(c, t, 0);
  }

  private static boolean holds(Claim c, Trace t, int i) {
    List<Point> p = t.points();
    if (c instanceof Claim.Not x) {
      return !holds(x.operand(), t, i);
    } else if (c instanceof Claim.And x) {
      return holds(x.left(), t, i) && holds(x.right(), t, i);
    } else if (c instanceof Claim.Or x) {
      return holds(x.left(), t, i) || holds(x.right(), t, i);
    } else if (c instanceof Claim.Always x) {
      return range(i, p).stream().allMatch(j -> holds(x.operand(), t, j));
    } else if (c instanceof Claim.Never x) {
      return range(i, p).stream().noneMatch(j -> holds(x.operand(), t, j));
    } else if (c instanceof Claim.AtEveryStage x) {
      return range(i, p).stream().filter(j -> p.get(j).entered())
          .allMatch(j -> holds(x.operand(), t, j));
    } else if (c instanceof Claim.Eventually x) {
      return range(i, p).stream().anyMatch(j -> holds(x.operand(), t, j));
    } else if (c instanceof Claim.Reaches x) {
      return range(i, p).stream().anyMatch(j -> p.get(j).ended() && holds(x.operand(), t, j));
    } else if (c instanceof Claim.OnlyAfter x) {
      boolean seen = false;
      for (int j : range(i, p)) {
        seen |= holds(x.condition(), t, j);
        if (holds(x.subject(), t, j) && !seen) {
          return false;
        }
      }
      return true;
    } else if (c instanceof Claim.Within x) {
      Claim inner = x.operand() instanceof Claim.Eventually e ? e.operand()
          : ((Claim.Reaches) x.operand()).operand();
      boolean ends = x.operand() instanceof Claim.Reaches;
      for (int j : range(i, p)) {
        if ((!ends || p.get(j).ended()) && holds(inner, t, j)) {
          return p.get(j).day() - p.get(i).day() <= workingDays(x.bound());
        }
      }
      return false;
    }
    return atom(c, p.get(i));
  }

  private static List<Integer> range(int i, List<Point> p) {
    List<Integer> r = new ArrayList<>();
    for (int j = i; j < p.size(); j++) {
      r.add(j);
    }
    return r;
  }

  private static boolean atom(Claim c, Point p) {
    if (c instanceof Claim.InOutcome x) {
      return x.name().equals(p.outcome());
    } else if (c instanceof Claim.InStage x) {
      return !p.ended() && x.key().equals(p.stage());
    } else if (c instanceof Claim.AttributeHolds x) {
      return "yes".equals(p.facts().get(x.attribute()));
    } else if (c instanceof Claim.Completed x) {
      return p.completed().containsAll(x.stages());
    }
    Claim.RoleAction r = (Claim.RoleAction) c;
    return p.acts().contains(r.role() + ":" + r.action().name());
  }

  static long workingDays(Timespan d) {
    return d.unit() == TimeUnit.WORKING_DAYS ? d.amount()
        : d.unit() == TimeUnit.WEEKS ? 5L * d.amount() : Long.MAX_VALUE;
  }
}
