package org.escalon.simulate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.escalon.calendar.BankHolidays;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.machine.AnchorCases;
import org.escalon.machine.Duty;
import org.escalon.machine.Facts;
import org.escalon.machine.Guard;
import org.escalon.machine.Guards;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.Requirement;
import org.escalon.machine.Route;
import org.escalon.machine.StageRule;
import org.escalon.machine.TargetCases;
import org.escalon.model.Timespan;
import org.escalon.model.ExtensionRule;
import org.escalon.model.Right;
import org.escalon.model.Step;
import org.escalon.model.Target;
import org.escalon.model.TimeUnit;
import org.escalon.model.Timescale;

/**
 * A population's cases run on the protocol's operational model at speed: every decision the model
 * takes for a population is taken once, here, with the population's facts (no case attribute is
 * ever set, agreement and advice are given as soon as they are needed), and compiled to arrays
 * run on epoch days and working-day ordinals, with no objects made per case. What is left to
 * decide per case (which stages have been completed, how many extensions are left) is a few
 * bits. Deadlines close at the end of a day (working days, calendar days, weeks and months,
 * counted from entering the stage or from the escalation's start), so a case's time is its days
 * plus whether it entered its stage at midnight (a deadline passing), at 09:00 (the raise) or at
 * noon (an answer or a bypass). A deadline counted from the start that has passed before its stage
 * is entered passes at once, at the same instant. A soft deadline missed is recorded and the stay
 * goes on as in the engine's cases ({@link MissedStay}): late events still come, and the
 * simulator's escalator escalates when the model says. Reminders are followed where they only
 * move the case's clock: at a stage with no deadline, which is left only for itself or an
 * outcome. A
 * protocol whose timescales are counted in hours or from an event, or whose moves depend on more
 * than this, runs through the engine ({@link EngineCases}), on the same model; properties check
 * the two agree case for case.
 */
final class ModelCases implements CaseRunner {

  /** The facts of a population's case when the model is compiled: nothing set, nothing done. */
  private static final Facts NOTHING = Facts.ofAttributes(Map.of());

  /** A target no case can ever enter: a requirement on the case that never holds. */
  private static final long NEVER = Long.MIN_VALUE;

  private final PopulationModel m;
  private final WorkingCalendar calendar;
  private final Due[][] dues; // the timescales that apply; none: the stage waits for an answer
  private final Timespan[][] reminders; // how often each reminder of a stage falls due
  private final int[] onResolved;
  private final int[] onUnsatisfactory;
  private final int[] onNoResponse;
  private final long[] stageNeeds; // completed stages a stage needs before it can be entered
  private final long[] outcomeNeeds;
  private final int[] bypassTargets;
  private final boolean[] bypassAgreesFirst; // a bypass to the target is preceded by agreement
  private final boolean[][] bypassReaches; // [target][stage]: a right takes it there from here
  private final Timespan[] extension; // null: no extension is granted at the stage
  private final boolean[] asks; // a request for more time is accepted (granted or not)
  private final boolean[] agreesFirst; // the request is preceded by agreement or advice
  private final int[] maxPerStage;
  private final int[] nextWorking;
  private final int[] maxInTotal; // of the rule that applies at the stage, as the engine counts

  private ModelCases(PopulationModel m, Compiled c) {
    this.m = m;
    this.calendar = m.calendar;
    this.nextWorking = nextWorkingDays(calendar);
    int n = m.stages.size();
    dues = c.dues;
    reminders = c.reminders;
    onResolved = new int[n];
    onUnsatisfactory = new int[n];
    onNoResponse = new int[n];
    extension = new Timespan[n];
    asks = new boolean[n];
    agreesFirst = new boolean[n];
    maxPerStage = new int[n];
    maxInTotal = new int[n];
    for (int i = 0; i < n; i++) {
      StageRule s = c.model.stages().get(i);
      onResolved[i] = code(arrival(s.onResolved()));
      onUnsatisfactory[i] = code(arrival(s.onUnsatisfactory()));
      onNoResponse[i] = code(arrival(s.onNoResponse()));
      Optional<ExtensionRule> rule = s.extension();
      asks[i] = rule.isPresent() && m.extensionAmount[i].amount() > 0;
      agreesFirst[i] = !s.extensionRequires().isEmpty();
      // a stage with no deadline has nothing to extend: the request waits, never granted
      boolean grantable = asks[i] && !rule.get().grantedBy().isEmpty() && dues[i].length > 0;
      extension[i] = grantable ? m.extensionAmount[i] : null;
      maxPerStage[i] = rule.flatMap(ExtensionRule::maxPerStage).orElse(Integer.MAX_VALUE);
      maxInTotal[i] = rule.flatMap(ExtensionRule::maxInTotal).orElse(Integer.MAX_VALUE);
    }
    stageNeeds = c.stageNeeds;
    outcomeNeeds = c.outcomeNeeds;
    bypassTargets = m.bypassTargets.stream().mapToInt(this::code).toArray();
    bypassAgreesFirst = new boolean[bypassTargets.length];
    bypassReaches = new boolean[bypassTargets.length][n];
    for (int i = 0; i < bypassTargets.length; i++) {
      for (int s = 0; s < n; s++) {
        // the rights table decides, as for the engine: `any later stage` reaches only forward
        bypassReaches[i][s] = c.model.rights().find(Right.Kind.BYPASS, m.raiser,
            m.bypassTargets.get(i), Optional.of(c.model.stages().get(s).key()), NOTHING,
            false).applies().isPresent();
      }
      bypassAgreesFirst[i] = c.model.requires(m.bypassTargets.get(i))
          .stream().anyMatch(r -> given(List.of(r)));
    }
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
      Optional<Due[]> due = dues(s, m);
      Optional<Timespan[]> reminds = reminders(s.duties());
      Optional<ExtensionRule> rule = s.extension();
      if (due.isEmpty() || reminds.isEmpty() || !given(s.extensionRequires())
          || rule.isPresent() && m.extensionAmount[i].unit() == TimeUnit.HOURS) {
        return Optional.empty();
      }
      c.dues[i] = due.get();
      c.reminders[i] = reminds.get();
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
    for (int i = 0; i < n; i++) {
      StageRule s = model.stages().get(i);
      // an answer by a role the stage does not accept is refused: the engine's cases skip it
      // nor does it count who has answered a stage each of several roles must answer
      if (!s.respondents().roles().isEmpty()
          && !s.respondents().roles().contains(m.respondent[i]) || s.respondents().jointly()) {
        return Optional.empty();
      }
      if (c.reminders[i].length > 0 && !onlyMovesTheClock(c, i, m)) {
        return Optional.empty();
      }
    }
    return Optional.of(new ModelCases(m, c));
  }

  /**
   * Whether the reminders of a stage change nothing but the time of a case's last event: the
   * stage has no deadline (so a reminder never races one), every answer leaves it for itself (a
   * fresh stay, fresh reminders) or an outcome (none), a bypass cannot carry a reminder that
   * lasts until resolved to another stage, and nothing is ever waited for (a reminder lasting
   * until resolved goes on while a case waits).
   */
  private static boolean onlyMovesTheClock(Compiled c, int stage, PopulationModel m) {
    StageRule s = c.model.stages().get(stage);
    Target self = new Target.ToStage(s.key());
    for (Route exit : List.of(s.onResolved(), s.onUnsatisfactory())) {
      Target to = arrival(exit);
      if (!to.equals(self) && !(to instanceof Target.ToOutcome)) {
        return false;
      }
    }
    boolean lasting = s.duties().stream().anyMatch(d -> d.step() instanceof Step.Remind r
        && r.untilResolved());
    if (lasting && m.bypassTargets.stream().anyMatch(t -> t instanceof Target.ToStage
        && !t.equals(self))) {
      return false;
    }
    for (long needs : c.stageNeeds) {
      if (needs != 0) {
        return false;
      }
    }
    for (long needs : c.outcomeNeeds) {
      if (needs != 0) {
        return false;
      }
    }
    return c.dues[stage].length == 0;
  }

  /** What the model decides for a population before any case runs. */
  private static final class Compiled {
    final OperationalModel model;
    final Due[][] dues;
    final Timespan[][] reminders;
    final long[] stageNeeds;
    final long[] outcomeNeeds;

    Compiled(OperationalModel model, int stages, int outcomes) {
      this.model = model;
      dues = new Due[stages][];
      reminders = new Timespan[stages][];
      stageNeeds = new long[stages];
      outcomeNeeds = new long[outcomes];
    }
  }

  /** Where a route arrives for a population's case: its guards are over attributes never set. */
  private static Target arrival(Route route) {
    return route.branches().stream().filter(b -> Guards.holds(b.when(), NOTHING)).findFirst()
        .orElseThrow().to();
  }

  /**
   * A timescale that closes at the end of a day, counted from entry or from the start; its place
   * among the stage's timescales, and whether its deadline is soft (the model's {@link
   * org.escalon.machine.Interpreter#soft}), for when it is the one that counts.
   */
  private record Due(Timespan duration, boolean fromStart, int index, boolean soft) {}

  /**
   * The timescales that apply (the earliest of them counts, case by case), when each closes at
   * the end of a day and counts from entering the stage or from the start; none when none
   * applies; empty when one is in hours or counted from an event, or is a soft deadline counted
   * from the start (missed, perhaps, before the stay begins: the engine's cases play that).
   */
  private static Optional<Due[]> dues(StageRule stage, PopulationModel m) {
    List<Due> dues = new ArrayList<>();
    List<Timescale> all = m.protocol.stages().get(stage.index()).timescales();
    // a stay that waits for its timescale's value has it set on entering (EngineCases)
    boolean setOnEntry = !m.interpreter.awaitingTime(stage, NOTHING).isEmpty();
    for (Timescale t : stage.timescales().applying(NOTHING)) {
      if (t.awaitsValue() && !setOnEntry) {
        continue; // another runs, so nobody sets it: it counts no deadline
      }
      Optional<Boolean> fromStart = AnchorCases.on(t.anchor(), new AnchorCases<>() {
        @Override
        public Optional<Boolean> stageStart() {
          return Optional.of(false);
        }

        @Override
        public Optional<Boolean> escalationStart() {
          return Optional.of(true);
        }

        @Override
        public Optional<Boolean> event(String name) {
          return Optional.empty();
        }

        @Override
        public Optional<Boolean> stage(String key) {
          return Optional.empty(); // not compiled: populations run such a protocol on the engine
        }

        @Override
        public Optional<Boolean> before(String date) {
          return Optional.empty(); // a stage's timescale never counts back from a date
        }
      });
      int index = all.indexOf(t);
      boolean soft = m.interpreter.soft(stage, Optional.of(index));
      // a timescale set during the case counts its guide (or cap): populations do not set one,
      // but where the stay waits for one's value it is set on entry at the tools' bound, the
      // assumption (EngineCases plays the same)
      Timespan counted = t.initial().orElse(t.duration());
      if (fromStart.isEmpty() || counted.unit() == TimeUnit.HOURS || soft && (fromStart.get()
          || t.firmness().flatMap(Timescale.Firmness::assumed)
              .filter(a -> a.unit() == TimeUnit.HOURS).isPresent())) {
        return Optional.empty();
      }
      dues.add(new Due(counted, fromStart.get(), index, soft));
    }
    return Optional.of(dues.toArray(Due[]::new));
  }

  /**
   * How often each reminder a stage starts falls due, when a population's case decides whether
   * it starts (its guard reads only facts never set) and it counts whole days; empty otherwise.
   */
  private static Optional<Timespan[]> reminders(List<Duty> duties) {
    List<Timespan> every = new ArrayList<>();
    for (Duty d : duties) {
      if (d.step() instanceof Step.Remind r) {
        if (!onCaseOnly(d.when()) || r.every().unit() == TimeUnit.HOURS) {
          return Optional.empty();
        }
        if (Guards.holds(d.when(), NOTHING)) {
          every.add(r.every());
        }
      }
    }
    return Optional.of(every.toArray(Timespan[]::new));
  }

  /** Requirements that are only agreement or advice: a population gives them when asked. */
  private static boolean given(List<Requirement> requirements) {
    return requirements.stream().allMatch(r -> r.guard() instanceof Guard.Agreed
        || r.guard() instanceof Guard.Advised);
  }

  /**
   * The completed stages the requirements need, as a mask; agreement, advice and steps required
   * before a stage are given when needed; a condition on the case is decided now (one that never holds gives {@link #NEVER});
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
      public Optional<Long> done(Guard.Done g) {
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
      public Boolean done(Guard.Done g) {
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
    // the engine's cases stop at the first event after 00:00 of this day
    int horizonDay = (int) LocalDate.ofEpochDay(startEpochDay)
        .plusYears(Simulator.HORIZON_YEARS).toEpochDay();
    long completed = 0;
    long[] spent = m.limitStages.length > 0 ? new long[m.limitStages.length] : null;
    int stage = 0;
    int entryDay = startEpochDay; // the date of the instant the stage was entered
    int entryTime = NINE; // raised at 09:00
    int extensionsInTotal = 0;
    int endDay = startEpochDay;
    long lastEntry = -1; // the instant of the last entry a plan was drawn for (day, time of day)
    int entriesAtOnce = 0;
    // The last day of the deadline whose passing entered the stage, while the engine is still
    // letting time pass up to it; -1 when an event or the raise entered the stage.
    int passing = -1;
    while (true) {
      out.stage = stage;
      int day0 = calendar.workingOrdinal(entryDay);
      boolean timed = dues[stage].length > 0;
      int lastDay = timed ? lastDay(stage, entryDay, startEpochDay) : Integer.MAX_VALUE;
      long leaving = completed | (1L << stage);
      // A deadline counted from the start can have passed before its stage is entered: it passes
      // at once, at the instant of entry, before anything planned for the stay. When it is due by
      // the time the engine is letting pass, it passes in the same breath and the engine's cases
      // plan nothing for the stay; otherwise they draw a plan that never comes.
      boolean passed = lastDay < entryDay;
      VisitPlan p = null;
      if (!passed || passing < 0 || lastDay > passing) {
        long entry = (long) entryDay * 4 + entryTime;
        entriesAtOnce = entry == lastEntry ? entriesAtOnce + 1 : 0;
        lastEntry = entry;
        if (entriesAtOnce > stageNeeds.length) {
          // answered the moment it starts, by a stage that goes back to itself: as in the
          // engine's cases, one instant sees each stage entered at most once, so the case stops,
          // unfinished
          tally.stay(stage, Tally.Stay.OPEN);
          spend(spent, stage, endDay, day0);
          break;
        }
        p = VisitPlan.draw(random, m.behaviours[stage], m.window[stage]);
      }
      if (passed) {
        int leftDay = entryTime == MIDNIGHT ? entryDay - 1 : entryDay;
        tally.stay(stage, Tally.Stay.TIMED_OUT);
        endDay = leftDay;
        spend(spent, stage, leftDay, day0);
        completed = leaving;
        int next = onNoResponse[stage];
        if (!enterable(next, completed)) {
          break;
        }
        if (next < 0) {
          out.outcome = -next - 1;
          break;
        }
        passing = Math.max(passing, lastDay);
        stage = next;
        continue;
      }
      int next;
      int leftDay;
      Tally.Stay how;
      long escalated = -1; // a soft deadline missed, then the escalator: how MissedStay ended it
      int pick = bypassTargets.length > 0 ? p.bypassPick() % bypassTargets.length : -1;
      int bypass = p.bypassDay() >= 0 && pick >= 0 ? bypassTargets[pick] : Integer.MIN_VALUE;
      boolean bypassable = bypass != Integer.MIN_VALUE && bypassReaches[pick][stage]
          && enterable(bypass, leaving);
      boolean responding = p.responseDay() >= 0;
      // The day's events in order (a bypass, then a request for more time, then a response, on
      // the same day): the first of them that leaves the stage ends the stay.
      boolean asking = p.extensionDay() >= 0 && (!bypassable || p.extensionDay() < p.bypassDay())
          && (!responding || p.extensionDay() <= p.responseDay());
      // Events come at noon of their working day; one after the deadline never comes. The
      // events of the stay the host logs before it is left: a request for more time (and the
      // agreement it needs first), the agreement a refused bypass gives its target first.
      int extensionAt = asking ? calendar.workingEpochDay(day0 + p.extensionDay()) : -1;
      int logged = -1;
      boolean asked = asking && extensionAt <= lastDay && asks[stage] && maxPerStage[stage] > 0
          && extensionsInTotal < maxInTotal[stage];
      if (asking && extensionAt <= lastDay && (asked || agreesFirst[stage])) {
        logged = extensionAt;
      }
      if (asked && extension[stage] != null) {
        lastDay = close(extension[stage], lastDay);
        extensionsInTotal++;
        tally.extensions[stage]++;
      }
      int bypassAt = bypass != Integer.MIN_VALUE
          ? calendar.workingEpochDay(day0 + p.bypassDay()) : Integer.MAX_VALUE;
      boolean bypassing = bypassable && bypassAt <= lastDay;
      if (bypass != Integer.MIN_VALUE && !bypassing && bypassAt <= lastDay
          && bypassAgreesFirst[pick]
          && (!responding || p.bypassDay() <= p.responseDay())) {
        logged = Math.max(logged, bypassAt);
      }
      if (!timed && !bypassing && !responding) {
        // no deadline and nobody moves: the case waits at this stage, unfinished
        if (logged >= 0 && logged < horizonDay) {
          endDay = Math.max(endDay, logged);
        }
        endDay = Math.max(endDay, lastReminder(stage, entryDay, horizonDay));
        tally.stay(stage, Tally.Stay.OPEN);
        spend(spent, stage, endDay, day0);
        break;
      }
      if (bypassing && (!responding || p.bypassDay() <= p.responseDay())) {
        next = bypass;
        leftDay = calendar.workingEpochDay(day0 + p.bypassDay());
        completed = leaving;
        how = Tally.Stay.BYPASSED;
      } else {
        int answer = responding ? calendar.workingEpochDay(day0 + p.responseDay())
            : Integer.MAX_VALUE;
        Due counting = timed && answer > lastDay ? counting(stage, entryDay, startEpochDay)
            : null;
        if (answer <= lastDay) {
          next = p.resolving() ? onResolved[stage] : onUnsatisfactory[stage];
          completed = p.resolving() ? completed : leaving;
          leftDay = answer;
          how = Tally.Stay.IN_TIME;
        } else if (counting != null && counting.soft() && lastDay + 1 <= horizonDay) {
          // a soft deadline: missed and recorded, and the stay goes on (MissedStay)
          tally.missed[stage]++;
          int extensionDay = p.extensionDay() >= 0
              ? calendar.workingEpochDay(day0 + p.extensionDay()) : -1;
          int enteredOn = entryDay;
          long end = MissedStay.end(lastDay, m.interpreter.escalatesAt(
                  m.operational.stages().get(stage), Optional.of(counting.index()), lastDay,
                  d -> close(d, enteredOn)),
              horizonDay, bypass != Integer.MIN_VALUE && bypassAt > lastDay ? bypassAt : -1,
              bypassable, pick >= 0 && bypassAgreesFirst[pick],
              extensionDay > lastDay ? extensionDay : -1,
              asks[stage] && maxPerStage[stage] > 0 && extensionsInTotal < maxInTotal[stage]
                  || agreesFirst[stage],
              responding && answer > lastDay ? answer : -1);
          leftDay = MissedStay.day(end);
          if (MissedStay.how(end) == MissedStay.STOPPED) {
            // the horizon came first: the case stops, the stay open at its last event
            endDay = leftDay;
            tally.stay(stage, Tally.Stay.OPEN);
            spend(spent, stage, endDay, day0);
            break;
          }
          switch (MissedStay.how(end)) {
            case MissedStay.BYPASSED -> {
              next = bypass;
              completed = leaving;
              how = Tally.Stay.BYPASSED;
            }
            case MissedStay.ANSWERED -> {
              next = p.resolving() ? onResolved[stage] : onUnsatisfactory[stage];
              completed = p.resolving() ? completed : leaving;
              how = Tally.Stay.IN_TIME;
            }
            default -> { // ESCALATED: where no response goes
              next = onNoResponse[stage];
              completed = leaving;
              how = Tally.Stay.TIMED_OUT;
              escalated = end;
            }
          }
        } else {
          next = onNoResponse[stage];
          completed = leaving;
          leftDay = lastDay;
          how = Tally.Stay.TIMED_OUT;
        }
      }
      if (how == Tally.Stay.TIMED_OUT ? leftDay + 1 > horizonDay : leftDay >= horizonDay) {
        // the stay would end after the horizon: the case stops there, unfinished
        if (logged >= 0 && logged < horizonDay) {
          endDay = Math.max(endDay, logged);
        }
        endDay = Math.max(endDay, lastReminder(stage, entryDay, horizonDay));
        tally.stay(stage, Tally.Stay.OPEN);
        spend(spent, stage, endDay, day0);
        break;
      }
      tally.stay(stage, how);
      endDay = leftDay;
      spend(spent, stage, leftDay, day0);
      if (!enterable(next, completed)) {
        break; // waits for stages that cannot now be completed: unfinished
      }
      if (next < 0) {
        out.outcome = -next - 1;
        break;
      }
      // a deadline passes at midnight: the next stage begins the day after the last day; the
      // escalator's decision is an event, at the close of a day or at one of the day's events
      boolean midnight = escalated >= 0 ? MissedStay.atMidnight(escalated)
          : how == Tally.Stay.TIMED_OUT;
      entryDay = midnight ? leftDay + 1 : leftDay;
      entryTime = midnight ? MIDNIGHT : NOON;
      passing = how == Tally.Stay.TIMED_OUT && escalated < 0 ? leftDay : -1;
      stage = next;
    }
    out.days = calendar.workingOrdinal(endDay) - startOrdinal;
    if (spent != null) {
      for (int i = 0; i < spent.length; i++) {
        if (m.breaks(i, spent[i], out.days)) {
          out.breaches |= 1L << i;
        }
      }
    }
  }

  // The times of day a stage is entered at, in order: a deadline passing, the raise, an event.
  private static final int MIDNIGHT = 0;
  private static final int NINE = 1;
  private static final int NOON = 2;

  /** The timescale that counts at a stay: the earliest to close, the first declared on a tie. */
  private Due counting(int stage, int entryDay, int startDay) {
    Due counting = null;
    int last = Integer.MAX_VALUE;
    for (Due due : dues[stage]) {
      int closes = close(due.duration(), due.fromStart() ? startDay : entryDay);
      if (closes < last) {
        last = closes;
        counting = due;
      }
    }
    return counting;
  }

  /** The last day of a stage's deadline: the earliest of the timescales that apply. */
  private int lastDay(int stage, int entryDay, int startDay) {
    int last = Integer.MAX_VALUE;
    for (Due due : dues[stage]) {
      last = Math.min(last, close(due.duration(), due.fromStart() ? startDay : entryDay));
    }
    return last;
  }

  /**
   * The last day of a span counted from a day, as the calendar counts a deadline: it closes at
   * the end of this day.
   */
  private int close(Timespan span, int day) {
    int n = span.amount();
    return switch (span.unit()) {
      case WORKING_DAYS -> calendar.workingEpochDay(calendar.workingOrdinal(day) + n);
      case SAME_WORKING_DAY -> nextWorkingDay(day);
      case CALENDAR_DAYS -> nextWorkingDay(day + n);
      case WEEKS -> nextWorkingDay(day + 7 * n);
      case MONTHS -> nextWorkingDay((int) LocalDate.ofEpochDay(day).plusMonths(n).toEpochDay());
      // of() leaves a protocol with spans in hours to the engine
      case HOURS -> throw new IllegalStateException("a span in hours: " + span);
    };
  }

  private int nextWorkingDay(int day) {
    int i = day - FIRST_DAY;
    return i >= 0 && i < nextWorking.length ? nextWorking[i]
        : calendar.workingEpochDay(calendar.workingOrdinal(day));
  }

  private static final int FIRST_DAY =
      (int) LocalDate.of(BankHolidays.FIRST_YEAR, 1, 1).toEpochDay();
  private static final int DAYS =
      (int) LocalDate.of(BankHolidays.LAST_YEAR, 12, 31).toEpochDay() - FIRST_DAY + 1;

  /**
   * The first working day on or after each day the calendar knows, looked up once: deadlines in
   * calendar days, weeks and months, and reminders, ask it several times a case, and each question
   * to the calendar is two binary searches (most of a children's home case's time, by JFR).
   */
  private static int[] nextWorkingDays(WorkingCalendar calendar) {
    // the last day the calendar knows is left to it: whether it works needs the day after
    int[] next = new int[DAYS - 1];
    int after = calendar.workingEpochDay(calendar.workingOrdinal(FIRST_DAY + DAYS - 1));
    for (int i = DAYS - 2; i >= 0; i--) {
      int day = FIRST_DAY + i;
      // a day is a working day when the count of working days before the next one is larger
      boolean working = calendar.workingOrdinal(day + 1) > calendar.workingOrdinal(day);
      next[i] = working ? day : after;
      after = next[i];
    }
    return next;
  }

  /**
   * The day the last reminder of a stay falls due by the horizon, or -1: each closes a day (it
   * falls due at midnight, the close of the day before) and the next counts from then.
   */
  private int lastReminder(int stage, int entryDay, int horizonDay) {
    int last = -1;
    for (Timespan every : reminders[stage]) {
      for (int from = entryDay; ; ) {
        int closes = close(every, from);
        if (closes + 1 > horizonDay) {
          break;
        }
        last = Math.max(last, closes);
        from = closes + 1;
      }
    }
    return last;
  }


  /** Adds a stay, to its last day, to the limits that count its stage. */
  private void spend(long[] spent, int stage, int lastDay, int day0) {
    if (spent == null) {
      return;
    }
    for (int i = 0; i < spent.length; i++) {
      if ((m.limitStages[i] & (1L << stage)) != 0) {
        spent[i] += calendar.workingOrdinal(lastDay) - day0;
      }
    }
  }
}
