package org.escalon.compiler.revision;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.escalon.simulate.PopulationReport;

/** The figures of two populations run from one seed, side by side, with their differences. */
final class PopulationFigures {

  /** One figure: its name, its value before and after, and the difference ("" when none). */
  record Figure(String name, String before, String after, String change) {}

  private PopulationFigures() {}

  static List<Figure> of(PopulationReport a, PopulationReport b) {
    List<Figure> figures = new ArrayList<>();
    Set<String> outcomes = new LinkedHashSet<>();
    a.outcomes().forEach(o -> outcomes.add(o.name()));
    b.outcomes().forEach(o -> outcomes.add(o.name()));
    for (String o : outcomes) {
      count(figures, "cases ending " + o, count(a.outcomes(), o), count(b.outcomes(), o));
    }
    count(figures, "cases unfinished", a.unfinished(), b.unfinished());
    days(figures, "working days to an outcome", a.toOutcome(), b.toOutcome());
    days(figures, "working days to resolution", a.toResolution(), b.toResolution());
    Set<String> limits = new LinkedHashSet<>();
    a.limitBreaches().forEach(l -> limits.add(l.name()));
    b.limitBreaches().forEach(l -> limits.add(l.name()));
    for (String l : limits) {
      count(figures, "cases over the limit \u201c" + l + "\u201d", count(a.limitBreaches(), l),
          count(b.limitBreaches(), l));
    }
    return figures;
  }

  private static int count(List<PopulationReport.Count> counts, String name) {
    return counts.stream().filter(c -> c.name().equals(name)).mapToInt(c -> c.cases()).sum();
  }

  private static void count(List<Figure> figures, String name, int a, int b) {
    figures.add(new Figure(name, Integer.toString(a), Integer.toString(b), signed(b - a)));
  }

  private static void days(List<Figure> figures, String name, PopulationReport.Days a,
      PopulationReport.Days b) {
    figures.add(new Figure(name + ", median", Integer.toString(a.median()),
        Integer.toString(b.median()), signed(b.median() - a.median())));
    figures.add(new Figure(name + ", 90th percentile", Integer.toString(a.p90()),
        Integer.toString(b.p90()), signed(b.p90() - a.p90())));
    figures.add(new Figure(name + ", worst", Integer.toString(a.worst()),
        Integer.toString(b.worst()), signed(b.worst() - a.worst())));
  }

  private static String signed(int d) {
    return d == 0 ? "" : (d > 0 ? "+" : "") + d;
  }
}
