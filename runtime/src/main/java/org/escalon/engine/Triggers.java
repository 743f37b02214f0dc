package org.escalon.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.model.HistoryRule;

/** Evaluates the protocol's triggers over the case's history at an instant. */
final class Triggers {

  private Triggers() {}

  static boolean holds(HistoryRule rule, Working w, Instant now, WorkingCalendar calendar) {
    if (rule instanceof HistoryRule.Graded g) {
      return graded(g, w.gradings);
    } else if (rule instanceof HistoryRule.Count c) {
      return w.occurrences.getOrDefault(c.event(), List.of()).size() >= c.atLeast();
    } else if (rule instanceof HistoryRule.Since s) {
      List<Instant> times = w.occurrences.getOrDefault(s.event(), List.of());
      if (times.isEmpty()) {
        return false;
      }
      Instant first = times.get(0);
      return !calendar.deadline(first.atZone(calendar.zone()), s.duration()).toInstant().isAfter(now);
    } else if (rule instanceof HistoryRule.Holds h) {
      return "yes".equals(w.attributes.get(h.attribute()));
    } else if (rule instanceof HistoryRule.And a) {
      return holds(a.left(), w, now, calendar) && holds(a.right(), w, now, calendar);
    } else if (rule instanceof HistoryRule.Or o) {
      return holds(o.left(), w, now, calendar) || holds(o.right(), w, now, calendar);
    }
    return false;
  }

  // The last `times` gradings of one section are all the grade; any section will do.
  private static boolean graded(HistoryRule.Graded g, Map<String, List<String>> gradings) {
    String prefix = g.scale() + "/";
    for (Map.Entry<String, List<String>> section : gradings.entrySet()) {
      if (!section.getKey().startsWith(prefix)) {
        continue;
      }
      List<String> grades = section.getValue();
      if (grades.size() >= g.times()
          && grades.subList(grades.size() - g.times(), grades.size()).stream()
              .allMatch(g.grade()::equals)) {
        return true;
      }
    }
    return false;
  }
}
