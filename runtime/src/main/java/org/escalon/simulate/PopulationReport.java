package org.escalon.simulate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.escalon.model.Limit;

/**
 * What a population of escalations came to: how they ended and where, how long they took, how
 * many broke each declared limit, and how well each stage kept its timescale.
 *
 * @param toOutcomeByDay how many cases reached an outcome on each working day (the index), for a
 *     histogram
 * @param unfinishedAt where the cases still running at the end of the simulated year wait
 */
public record PopulationReport(
    String protocol,
    String behaviour,
    int cases,
    long seed,
    LocalDate from,
    LocalDate to,
    List<Count> outcomes,
    int unfinished,
    List<Count> endStages,
    Days toOutcome,
    Days toResolution,
    List<Count> limitBreaches,
    List<StageRecord> stages,
    List<Integer> toOutcomeByDay,
    List<Count> unfinishedAt) {

  /** A name and how many cases it counts. */
  public record Count(String name, int cases) {}

  /** Working days from the start, over the cases counted: median, 90th percentile and worst. */
  public record Days(int cases, int median, int p90, int worst) {}

  /**
   * Stays at a stage: answered in time, timed out, bypassed, otherwise left, still open; and the
   * soft deadlines missed ({@code missedSoft}: recorded, the escalation waiting for the escalator),
   * {@code -1} at a stage with no soft timescale.
   */
  public record StageRecord(String stage, long stays, long inTime, long timedOut, long bypassed,
      long other, long open, long extensions, long missedSoft) {}

  public PopulationReport {
    outcomes = List.copyOf(outcomes);
    endStages = List.copyOf(endStages);
    limitBreaches = List.copyOf(limitBreaches);
    stages = List.copyOf(stages);
    toOutcomeByDay = List.copyOf(toOutcomeByDay);
    unfinishedAt = List.copyOf(unfinishedAt);
  }

  static PopulationReport of(PopulationModel m, Population.Settings s, Population.Results r,
      Tally tally) {
    int n = s.cases();
    int[] byOutcome = new int[m.protocol.outcomes().size()];
    int[] byStage = new int[m.stages.size()];
    int[] waitingAt = new int[m.stages.size()];
    int[] breaches = new int[m.limitStages.length];
    int unfinished = 0;
    int resolvedIndex = m.outcomeIndex.getOrDefault(org.escalon.model.Target.RESOLVED, -1);
    List<Integer> ended = new ArrayList<>();
    List<Integer> resolved = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (r.outcome[i] < 0) {
        unfinished++;
        if (r.stage[i] >= 0) {
          waitingAt[r.stage[i]]++;
        }
      } else {
        byOutcome[r.outcome[i]]++;
        ended.add(r.days[i]);
        if (r.outcome[i] == resolvedIndex) {
          resolved.add(r.days[i]);
        }
      }
      if (r.stage[i] >= 0) {
        byStage[r.stage[i]]++;
      }
      for (int k = 0; k < breaches.length; k++) {
        if ((r.breaches[i] & (1L << k)) != 0) {
          breaches[k]++;
        }
      }
    }
    List<Count> outcomes = new ArrayList<>();
    for (int k = 0; k < byOutcome.length; k++) {
      outcomes.add(new Count(m.protocol.outcomes().get(k).name(), byOutcome[k]));
    }
    List<Count> endStages = new ArrayList<>();
    List<Count> unfinishedAt = new ArrayList<>();
    List<StageRecord> stages = new ArrayList<>();
    for (int k = 0; k < byStage.length; k++) {
      String key = m.stages.get(k).key();
      endStages.add(new Count(key, byStage[k]));
      if (waitingAt[k] > 0) {
        unfinishedAt.add(new Count(key, waitingAt[k]));
      }
      long[] t = tally.stays[k];
      boolean soft = m.protocol.stages().get(k).timescales().stream()
          .anyMatch(org.escalon.model.Timescale::soft);
      stages.add(new StageRecord(key, Arrays.stream(t).sum(), t[0], t[1], t[2], t[3], t[4],
          tally.extensions[k], soft ? tally.missed[k] : -1));
    }
    List<Count> limits = new ArrayList<>();
    List<Limit> declared = m.protocol.limits();
    for (int k = 0; k < breaches.length; k++) {
      limits.add(new Count(declared.get(k).title(), breaches[k]));
    }
    return new PopulationReport(m.protocol.name(), m.behaviour.name(), n, s.seed(), s.from(),
        s.to(), outcomes, unfinished, endStages, days(ended), days(resolved), limits, stages,
        byDay(ended), unfinishedAt);
  }

  /** How many cases reached an outcome on each working day, from day 0 to the last. */
  private static List<Integer> byDay(List<Integer> values) {
    int last = values.stream().mapToInt(Integer::intValue).max().orElse(-1);
    int[] counts = new int[last + 1];
    values.forEach(v -> counts[v]++);
    return Arrays.stream(counts).boxed().toList();
  }

  private static Days days(List<Integer> values) {
    if (values.isEmpty()) {
      return new Days(0, 0, 0, 0);
    }
    int[] sorted = values.stream().mapToInt(Integer::intValue).sorted().toArray();
    return new Days(sorted.length, rank(sorted, 50), rank(sorted, 90), sorted[sorted.length - 1]);
  }

  // nearest-rank percentile: the smallest value with at least p% of the values at or below it
  private static int rank(int[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)];
  }
}
