package org.escalon.compiler.revision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.escalon.compiler.verify.OutcomeTotals;
import org.escalon.compiler.verify.Verdict;
import org.escalon.compiler.verify.Verification;
import org.escalon.compiler.verify.Verifier;
import org.escalon.model.Protocol;
import org.escalon.simulate.PopulationReport;
import org.escalon.simulate.Scenario;
import org.escalon.simulate.Simulator;
import org.escalon.simulate.Timeline;
import org.escalon.simulate.TimelineRow;

/**
 * Works out the {@link Consequences} of a revision with the tools a single version has: the
 * simulator's worst case, the verifier's totals, verdicts and findings, and (run by the caller,
 * from one seed) the population.
 */
public final class ConsequenceFinder {

  private final Verifier verifier;

  public ConsequenceFinder(Verifier verifier) {
    this.verifier = verifier;
  }

  /** The consequences of going from {@code before} to {@code after}, from {@code start}. */
  public Consequences find(Protocol before, Protocol after, LocalDate start,
      Optional<PopulationReport> populationBefore, Optional<PopulationReport> populationAfter) {
    StageMatch match = StageMatch.of(before, after);
    Timeline a = new Simulator(before).run(Scenario.worstCase(), start);
    Timeline b = new Simulator(after).run(Scenario.worstCase(), start);
    Verification va = verifier.verify(before, start);
    Verification vb = verifier.verify(after, start);
    Set<String> fa = findings(va);
    Set<String> fb = findings(vb);
    return new Consequences(start, a, b, align(milestones(a), milestones(b), match),
        firstDifference(a, b, match), outcomes(before, after, va, vb), verdicts(va, vb),
        fa.stream().filter(f -> !fb.contains(f)).toList(),
        fb.stream().filter(f -> !fa.contains(f)).toList(), populationBefore, populationAfter);
  }

  /** The rows where the escalation enters a stage, waits, or ends. */
  static List<TimelineRow> milestones(Timeline t) {
    return t.rows().stream().filter(r -> switch (r.kind()) {
      case RAISED, ESCALATED, CONCLUDED, WAITING -> true;
      default -> false;
    }).toList();
  }

  /** The milestones of both versions side by side: the longest common run of stages aligned. */
  static List<Consequences.Pair> align(List<TimelineRow> a, List<TimelineRow> b,
      StageMatch match) {
    Function<TimelineRow, String> oldKey = r -> r.kind() + " " + match.newKey(r.stage())
        .orElse(r.stage());
    Function<TimelineRow, String> newKey = r -> r.kind() + " " + r.stage();
    int[][] common = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        common[i][j] = oldKey.apply(a.get(i)).equals(newKey.apply(b.get(j)))
            ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<Consequences.Pair> pairs = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size()
          && oldKey.apply(a.get(i)).equals(newKey.apply(b.get(j)))) {
        pairs.add(new Consequences.Pair(Optional.of(a.get(i++)), Optional.of(b.get(j++))));
      } else if (j < b.size() && (i == a.size() || common[i][j + 1] >= common[i + 1][j])) {
        pairs.add(new Consequences.Pair(Optional.empty(), Optional.of(b.get(j++))));
      } else {
        pairs.add(new Consequences.Pair(Optional.of(a.get(i++)), Optional.empty()));
      }
    }
    return pairs;
  }

  /** The first date on which the two worst cases do something different, if any. */
  static Optional<LocalDate> firstDifference(Timeline a, Timeline b, StageMatch match) {
    int n = Math.min(a.rows().size(), b.rows().size());
    for (int i = 0; i < n; i++) {
      TimelineRow x = a.rows().get(i);
      TimelineRow y = b.rows().get(i);
      boolean same = x.date().equals(y.date()) && x.kind() == y.kind()
          && match.newKey(x.stage()).orElse(x.stage()).equals(y.stage())
          && x.deadline().equals(y.deadline());
      if (!same) {
        return Optional.of(x.date().isBefore(y.date()) ? x.date() : y.date());
      }
    }
    if (a.rows().size() != b.rows().size()) {
      return Optional.of((a.rows().size() > n ? a : b).rows().get(n).date());
    }
    return Optional.empty();
  }

  private static List<Consequences.OutcomeShift> outcomes(Protocol before, Protocol after,
      Verification va, Verification vb) {
    Map<String, String> titles = new LinkedHashMap<>();
    after.outcomes().forEach(o -> titles.put(o.name(), o.title()));
    before.outcomes().forEach(o -> titles.putIfAbsent(o.name(), o.title()));
    List<Consequences.OutcomeShift> shifts = new ArrayList<>();
    titles.forEach((name, title) -> {
      Optional<OutcomeTotals> x = totals(va, name);
      Optional<OutcomeTotals> y = totals(vb, name);
      if (x.isPresent() || y.isPresent()) {
        shifts.add(new Consequences.OutcomeShift(name, title, x.map(OutcomeTotals::best),
            y.map(OutcomeTotals::best), x.map(OutcomeTotals::worst), y.map(OutcomeTotals::worst)));
      }
    });
    return shifts;
  }

  private static Optional<OutcomeTotals> totals(Verification v, String outcome) {
    return v.totals().stream().filter(t -> t.outcome().equals(outcome)).findFirst();
  }

  private static List<Consequences.VerdictShift> verdicts(Verification va, Verification vb) {
    List<Consequences.VerdictShift> shifts = new ArrayList<>();
    verdicts(shifts, "limit", va.limits(), vb.limits());
    verdicts(shifts, "property", va.properties(), vb.properties());
    return shifts;
  }

  private static void verdicts(List<Consequences.VerdictShift> shifts, String kind,
      List<Verdict> a, List<Verdict> b) {
    Set<String> names = new LinkedHashSet<>();
    b.forEach(v -> names.add(v.name()));
    a.forEach(v -> names.add(v.name()));
    for (String name : names) {
      Optional<Verdict> x = a.stream().filter(v -> v.name().equals(name)).findFirst();
      Optional<Verdict> y = b.stream().filter(v -> v.name().equals(name)).findFirst();
      shifts.add(new Consequences.VerdictShift(kind, name, x.map(Verdict::holds),
          y.map(Verdict::holds), x.map(Verdict::summary), y.map(Verdict::summary)));
    }
  }

  private static Set<String> findings(Verification v) {
    Set<String> all = new LinkedHashSet<>();
    v.findings().forEach(f -> all.add(f.code() + ": " + f.message()));
    return all;
  }
}
