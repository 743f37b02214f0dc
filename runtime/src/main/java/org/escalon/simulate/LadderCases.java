package org.escalon.simulate;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.model.ExtensionRule;
import org.escalon.model.Outcome;
import org.escalon.model.Precondition;
import org.escalon.model.Stage;
import org.escalon.model.Target;
import org.escalon.model.TimeUnit;
import org.escalon.model.Timescale;

/**
 * The fast path for a population: a protocol that is a plain ladder (each stage one unconditional
 * timescale in working days from entering it, no "only if", preconditions only of completed stages,
 * agreement or advice) compiled to arrays and run on epoch days and working-day ordinals, with no
 * objects made per case. It must agree with {@link EngineCases} case for case: a property checks.
 */
final class LadderCases implements CaseRunner {

  private final PopulationModel m;
  private final WorkingCalendar calendar;
  private final int[] timescale;
  private final int[] onResolved;
  private final int[] onUnsatisfactory;
  private final int[] onNoResponse;
  private final long[] stageNeeds; // completed stages a stage needs before it can be entered
  private final long[] outcomeNeeds;
  private final int[] bypassTargets;
  private final int[] extensionDays; // -1: no extension at the stage
  private final int[] maxPerStage;
  private final int maxInTotal;
  private final int horizonDays;

  private LadderCases(PopulationModel m) {
    this.m = m;
    this.calendar = m.calendar;
    int n = m.stages.size();
    timescale = new int[n];
    onResolved = new int[n];
    onUnsatisfactory = new int[n];
    onNoResponse = new int[n];
    stageNeeds = new long[n];
    extensionDays = new int[n];
    maxPerStage = new int[n];
    int total = Integer.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      Stage s = m.stages.get(i);
      timescale[i] = s.timescales().get(0).duration().amount();
      onResolved[i] = code(s.transitions().onResolved());
      onUnsatisfactory[i] = code(s.transitions().onUnsatisfactory());
      onNoResponse[i] = code(s.transitions().onNoResponse());
      stageNeeds[i] = needs(s.preconditions());
      Optional<ExtensionRule> rule = m.extension.get(i);
      boolean grantable = rule.isPresent() && !rule.get().grantedBy().isEmpty();
      extensionDays[i] = grantable ? m.extensionAmount[i].amount() : -1;
      maxPerStage[i] = rule.flatMap(ExtensionRule::maxPerStage).orElse(Integer.MAX_VALUE);
      if (rule.isPresent() && rule.get().maxInTotal().isPresent()) {
        total = rule.get().maxInTotal().get();
      }
    }
    maxInTotal = total;
    List<Outcome> outcomes = m.protocol.outcomes();
    outcomeNeeds = new long[outcomes.size()];
    for (int i = 0; i < outcomes.size(); i++) {
      outcomeNeeds[i] = needs(outcomes.get(i).preconditions());
    }
    bypassTargets = m.bypassTargets.stream().mapToInt(this::code).toArray();
    horizonDays = 366 * Simulator.HORIZON_YEARS;
  }

  /** The fast path for a protocol, if it is a plain ladder; otherwise the engine must run it. */
  static Optional<LadderCases> of(PopulationModel m) {
    if (m.stages.size() > 63 || m.protocol.limits().stream()
        .anyMatch(l -> l.atMost().unit() != TimeUnit.WORKING_DAYS)) {
      return Optional.empty();
    }
    for (Stage s : m.stages) {
      if (s.timescales().size() != 1 || s.onlyIf().isPresent() || !plain(s.preconditions())) {
        return Optional.empty();
      }
      Timescale t = s.timescales().get(0);
      if (t.when().isPresent() || !(t.anchor() instanceof Timescale.Anchor.StageStart)
          || t.duration().unit() != TimeUnit.WORKING_DAYS) {
        return Optional.empty();
      }
    }
    for (int i = 0; i < m.stages.size(); i++) {
      Optional<ExtensionRule> rule = m.extension.get(i);
      if (rule.isPresent() && (!given(rule.get().preconditions())
          || m.extensionAmount[i].unit() != TimeUnit.WORKING_DAYS)) {
        return Optional.empty();
      }
    }
    if (m.protocol.outcomes().stream().anyMatch(o -> !plain(o.preconditions()))) {
      return Optional.empty();
    }
    return Optional.of(new LadderCases(m));
  }

  private static boolean plain(List<Precondition> preconditions) {
    return preconditions.stream().noneMatch(Precondition.Holds.class::isInstance);
  }

  private static boolean given(List<Precondition> preconditions) {
    return preconditions.stream().allMatch(p -> p instanceof Precondition.Agreement
        || p instanceof Precondition.Advice);
  }

  private long needs(List<Precondition> preconditions) {
    long mask = 0;
    for (Precondition p : preconditions) {
      if (p instanceof Precondition.Completed c) {
        for (String key : c.stages()) {
          mask |= 1L << m.stageIndex.get(key);
        }
      }
    }
    return mask;
  }

  // A target as one int: a stage's index, or -(outcome index + 1).
  private int code(Target t) {
    return t instanceof Target.ToStage s ? m.stageIndex.get(s.key())
        : -(m.outcomeIndex.get(((Target.ToOutcome) t).name()) + 1);
  }

  private boolean enterable(int target, long completed) {
    long needs = target >= 0 ? stageNeeds[target] : outcomeNeeds[-target - 1];
    return (needs & ~completed) == 0;
  }

  @Override
  public void run(int startEpochDay, SplittableRandom random, CaseOutcome out, Tally tally) {
    out.clear();
    int startOrdinal = calendar.workingOrdinal(startEpochDay);
    int horizon = startEpochDay + horizonDays;
    long completed = 0;
    long[] spent = null;
    int stage = 0;
    int entryDay = startEpochDay;
    int extensionsInTotal = 0;
    int endDay = startEpochDay;
    while (true) {
      out.stage = stage;
      int day0 = calendar.workingOrdinal(entryDay);
      int lastDay = calendar.workingEpochDay(day0 + timescale[stage]);
      VisitPlan p = VisitPlan.draw(random, m.behaviours[stage], m.window[stage]);
      int next;
      int leftDay;
      Tally.Stay how;
      long leaving = completed | (1L << stage);
      int bypass = p.bypassDay() >= 0 && bypassTargets.length > 0
          ? bypassTargets[p.bypassPick() % bypassTargets.length] : Integer.MIN_VALUE;
      boolean bypassing = bypass != Integer.MIN_VALUE && enterable(bypass, leaving);
      boolean responding = p.responseDay() >= 0;
      // The day's events in order (a bypass, then a request for more time, then a response, on
      // the same day): the first of them that leaves the stage ends the stay.
      if (p.extensionDay() >= 0 && extensionDays[stage] >= 0 && maxPerStage[stage] > 0
          && extensionsInTotal < maxInTotal && (!bypassing || p.extensionDay() < p.bypassDay())
          && (!responding || p.extensionDay() <= p.responseDay())) {
        lastDay = calendar.workingEpochDay(calendar.workingOrdinal(lastDay) + extensionDays[stage]);
        extensionsInTotal++;
        tally.extensions[stage]++;
      }
      if (bypassing && (!responding || p.bypassDay() <= p.responseDay())) {
        next = bypass;
        leftDay = calendar.workingEpochDay(day0 + p.bypassDay());
        completed = leaving;
        how = Tally.Stay.BYPASSED;
      } else {
        int answer = responding ? calendar.workingEpochDay(day0 + p.responseDay())
            : Integer.MAX_VALUE;
        if (answer <= lastDay) {
          next = p.resolving() ? onResolved[stage] : onUnsatisfactory[stage];
          completed = p.resolving() ? completed : leaving;
          leftDay = answer;
          how = Tally.Stay.IN_TIME;
        } else {
          next = onNoResponse[stage];
          completed = leaving;
          leftDay = lastDay;
          how = Tally.Stay.TIMED_OUT;
        }
      }
      tally.stay(stage, how);
      endDay = leftDay;
      if (m.limitStages.length > 0) {
        if (spent == null) {
          spent = new long[m.limitStages.length];
        }
        for (int i = 0; i < spent.length; i++) {
          if ((m.limitStages[i] & (1L << stage)) != 0) {
            spent[i] += calendar.workingOrdinal(leftDay) - day0;
          }
        }
      }
      if (!enterable(next, completed)) {
        break; // waits for stages that cannot now be completed: unfinished
      }
      if (next < 0) {
        out.outcome = -next - 1;
        break;
      }
      // a deadline passes at midnight: the next stage begins the day after the last day
      entryDay = how == Tally.Stay.TIMED_OUT ? leftDay + 1 : leftDay;
      if (entryDay > horizon) {
        break;
      }
      stage = next;
    }
    out.days = calendar.workingOrdinal(endDay) - startOrdinal;
    if (spent != null) {
      for (int i = 0; i < spent.length; i++) {
        if (spent[i] > m.limitDays[i]) {
          out.breaches |= 1L << i;
        }
      }
    }
  }

}
