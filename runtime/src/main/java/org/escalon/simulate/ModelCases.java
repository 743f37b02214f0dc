package org.escalon.simulate;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.machine.Facts;
import org.escalon.machine.Guard;
import org.escalon.machine.Guards;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.Requirement;
import org.escalon.machine.Route;
import org.escalon.machine.StageRule;
import org.escalon.machine.TargetCases;
import org.escalon.model.Duration;
import org.escalon.model.ExtensionRule;
import org.escalon.model.Target;
import org.escalon.model.TimeUnit;
import org.escalon.model.Timescale;

/**
 * A population's cases run on the protocol's operational model at speed: every decision the model
 * takes for a population is taken once, here, with the population's facts (no case attribute is
 * ever set, agreement and advice are given as soon as they are needed), and compiled to arrays
 * run on epoch days and working-day ordinals, with no objects made per case. What is left to
 * decide per case (which stages have been completed, how many extensions are left) is a few
 * bits. A protocol whose timescales are not all counted in working days from entering the stage,
 * or whose moves depend on more than that, runs through the engine ({@link EngineCases}), on the
 * same model; a property checks the two agree case for case.
 */
final class ModelCases implements CaseRunner {

  /** The facts of a population's case when the model is compiled: nothing set, nothing done. */
  private static final Facts NOTHING = new Facts() {
    @Override
    public boolean attribute(String name, String value) {
      return false;
    }

    @Override
    public boolean completed(String stage) {
      return false;
    }

    @Override
    public boolean agreed(String role) {
      return false;
    }

    @Override
    public boolean advised(String role) {
      return false;
    }

    @Override
    public int occurrences(String event) {
      return 0;
    }

    @Override
    public boolean graded(String scale, String grade, int times) {
      return false;
    }

    @Override
    public boolean elapsed(Duration duration, String event) {
      return false;
    }
  };

  /** A target no case can ever enter: a requirement on the case that never holds. */
  private static final long NEVER = Long.MIN_VALUE;

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

  private ModelCases(PopulationModel m, Compiled c) {
    this.m = m;
    this.calendar = m.calendar;
    int n = m.stages.size();
    timescale = c.timescale;
    onResolved = new int[n];
    onUnsatisfactory = new int[n];
    onNoResponse = new int[n];
    extensionDays = new int[n];
    maxPerStage = new int[n];
    int total = Integer.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      StageRule s = c.model.stages().get(i);
      onResolved[i] = code(arrival(s.onResolved()));
      onUnsatisfactory[i] = code(arrival(s.onUnsatisfactory()));
      onNoResponse[i] = code(arrival(s.onNoResponse()));
      Optional<ExtensionRule> rule = s.extension();
      boolean grantable = rule.isPresent() && !rule.get().grantedBy().isEmpty()
          && m.extensionAmount[i].amount() > 0;
      extensionDays[i] = grantable ? m.extensionAmount[i].amount() : -1;
      maxPerStage[i] = rule.flatMap(ExtensionRule::maxPerStage).orElse(Integer.MAX_VALUE);
      if (rule.isPresent() && rule.get().maxInTotal().isPresent()) {
        total = rule.get().maxInTotal().get();
      }
    }
    maxInTotal = total;
    stageNeeds = c.stageNeeds;
    outcomeNeeds = c.outcomeNeeds;
    bypassTargets = m.bypassTargets.stream().mapToInt(this::code).toArray();
    horizonDays = 366 * Simulator.HORIZON_YEARS;
  }

  /**
   * The model compiled for a population, if everything it decides for one is fixed in advance
   * or a matter of completed stages; otherwise the engine must run it.
   */
  static Optional<ModelCases> of(PopulationModel m, OperationalModel model) {
    int n = model.stages().size();
    if (n > 63 || m.protocol.limits().stream()
        .anyMatch(l -> l.atMost().unit() != TimeUnit.WORKING_DAYS)) {
      return Optional.empty();
    }
    Compiled c = new Compiled(model, n, model.outcomes().size());
    Target first = new Target.ToStage(model.stages().get(0).key());
    if (!arrival(model.route(first)).equals(first)) {
      return Optional.empty(); // the raise is skipped on: the engine decides what that means
    }
    for (int i = 0; i < n; i++) {
      StageRule s = model.stages().get(i);
      Optional<Integer> days = workingDays(s.timescales().applying(NOTHING));
      Optional<ExtensionRule> rule = s.extension();
      if (days.isEmpty() || !given(s.extensionRequires()) || rule.isPresent()
          && m.extensionAmount[i].unit() != TimeUnit.WORKING_DAYS) {
        return Optional.empty();
      }
      c.timescale[i] = days.get();
      Optional<Long> needs = needs(s.requires(), m);
      if (needs.isEmpty()) {
        return Optional.empty();
      }
      c.stageNeeds[i] = needs.get();
    }
    for (int i = 0; i < model.outcomes().size(); i++) {
      Optional<Long> needs = needs(model.outcomes().get(i).requires(), m);
      if (needs.isEmpty()) {
        return Optional.empty();
      }
      c.outcomeNeeds[i] = needs.get();
    }
    // a bypass gives the agreement its target asks for; one skipped on elsewhere is the engine's
    for (Target t : m.bypassTargets) {
      if (!arrival(model.route(t)).equals(t)) {
        return Optional.empty();
      }
    }
    return Optional.of(new ModelCases(m, c));
  }

  /** What the model decides for a population before any case runs. */
  private static final class Compiled {
    final OperationalModel model;
    final int[] timescale;
    final long[] stageNeeds;
    final long[] outcomeNeeds;

    Compiled(OperationalModel model, int stages, int outcomes) {
      this.model = model;
      timescale = new int[stages];
      stageNeeds = new long[stages];
      outcomeNeeds = new long[outcomes];
    }
  }

  /** Where a route arrives for a population's case: its guards are over attributes never set. */
  private static Target arrival(Route route) {
    return route.branches().stream().filter(b -> Guards.holds(b.when(), NOTHING)).findFirst()
        .orElseThrow().to();
  }

  /** The earliest of the timescales that apply, when all count working days from entry. */
  private static Optional<Integer> workingDays(List<Timescale> applying) {
    int days = Integer.MAX_VALUE;
    for (Timescale t : applying) {
      boolean fromEntry = t.anchor() instanceof Timescale.Anchor.StageStart;
      TimeUnit unit = t.duration().unit();
      if (!fromEntry || unit != TimeUnit.WORKING_DAYS && unit != TimeUnit.SAME_WORKING_DAY) {
        return Optional.empty();
      }
      days = Math.min(days, t.duration().amount());
    }
    return days == Integer.MAX_VALUE ? Optional.empty() : Optional.of(days);
  }

  /** Requirements that are only agreement or advice: a population gives them when asked. */
  private static boolean given(List<Requirement> requirements) {
    return requirements.stream().allMatch(r -> r.guard() instanceof Guard.Agreed
        || r.guard() instanceof Guard.Advised);
  }

  /**
   * The completed stages the requirements need, as a mask; agreement and advice are given when
   * needed; a condition on the case is decided now (one that never holds gives {@link #NEVER});
   * anything else leaves the protocol to the engine.
   */
  private static Optional<Long> needs(List<Requirement> requirements, PopulationModel m) {
    long mask = 0;
    for (Requirement r : requirements) {
      Optional<Long> part = mask(r.guard(), m);
      if (part.isEmpty()) {
        return Optional.empty();
      }
      mask |= part.get();
    }
    return Optional.of(mask);
  }

  private static Optional<Long> mask(Guard guard, PopulationModel m) {
    return guard.accept(new Guard.Visitor<Optional<Long>>() {
      @Override
      public Optional<Long> always() {
        return Optional.of(0L);
      }

      @Override
      public Optional<Long> attribute(Guard.Attribute g) {
        return decided(g);
      }

      @Override
      public Optional<Long> completed(Guard.Completed g) {
        return Optional.of(1L << m.stageIndex.get(g.stage()));
      }

      @Override
      public Optional<Long> agreed(Guard.Agreed g) {
        return Optional.of(0L);
      }

      @Override
      public Optional<Long> advised(Guard.Advised g) {
        return Optional.of(0L);
      }

      @Override
      public Optional<Long> occurred(Guard.Occurred g) {
        return decided(g);
      }

      @Override
      public Optional<Long> graded(Guard.Graded g) {
        return decided(g);
      }

      @Override
      public Optional<Long> elapsed(Guard.Elapsed g) {
        return Optional.empty();
      }

      @Override
      public Optional<Long> not(Guard.Not g) {
        return decided(g);
      }

      @Override
      public Optional<Long> and(Guard.And g) {
        Optional<Long> left = g.left().accept(this);
        Optional<Long> right = g.right().accept(this);
        return left.isPresent() && right.isPresent() ? Optional.of(left.get() | right.get())
            : Optional.empty();
      }

      @Override
      public Optional<Long> or(Guard.Or g) {
        return decided(g);
      }

      // a guard on the case's facts, which a population never sets: decided now, if it can be
      private Optional<Long> decided(Guard g) {
        return onCaseOnly(g) ? Optional.of(Guards.holds(g, NOTHING) ? 0L : NEVER)
            : Optional.empty();
      }
    });
  }

  /** Whether the guard reads only facts a population never changes. */
  private static boolean onCaseOnly(Guard guard) {
    return guard.accept(new Guard.Visitor<Boolean>() {
      @Override
      public Boolean always() {
        return true;
      }

      @Override
      public Boolean attribute(Guard.Attribute g) {
        return true;
      }

      @Override
      public Boolean completed(Guard.Completed g) {
        return false;
      }

      @Override
      public Boolean agreed(Guard.Agreed g) {
        return false;
      }

      @Override
      public Boolean advised(Guard.Advised g) {
        return false;
      }

      @Override
      public Boolean occurred(Guard.Occurred g) {
        return true;
      }

      @Override
      public Boolean graded(Guard.Graded g) {
        return true;
      }

      @Override
      public Boolean elapsed(Guard.Elapsed g) {
        return false;
      }

      @Override
      public Boolean not(Guard.Not g) {
        return g.operand().accept(this);
      }

      @Override
      public Boolean and(Guard.And g) {
        return g.left().accept(this) && g.right().accept(this);
      }

      @Override
      public Boolean or(Guard.Or g) {
        return g.left().accept(this) && g.right().accept(this);
      }
    });
  }

  // A target as one int: a stage's index, or -(outcome index + 1).
  private int code(Target t) {
    return TargetCases.on(t, new TargetCases<>() {
      @Override
      public Integer stage(String key) {
        return m.stageIndex.get(key);
      }

      @Override
      public Integer outcome(String name) {
        return -(m.outcomeIndex.get(name) + 1);
      }
    });
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
