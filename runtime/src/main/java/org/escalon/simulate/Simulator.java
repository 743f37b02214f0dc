package org.escalon.simulate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationState;
import org.escalon.engine.RefusedEvent;
import org.escalon.engine.StageVisit;
import org.escalon.machine.Interpreter;
import org.escalon.machine.OperationalModel;
import org.escalon.model.Precondition;
import org.escalon.model.Protocol;
import org.escalon.simulate.ScenarioStep.Action;
import org.escalon.simulate.ScenarioStep.When;

/**
 * Runs one escalation of a protocol through a scenario on real dates, driving the engine, and
 * writes its timeline. The escalation is raised at 09:00 on the start date; a scenario's step
 * happens at noon of the working day it names, after any deadline that falls before it.
 */
public final class Simulator {

  /** How far past the start a timeline runs before it is called unfinished. */
  public static final int HORIZON_YEARS = 1;

  private final Protocol protocol;
  private final WorkingCalendar calendar;
  private final Interpreter interpreter;

  public Simulator(Protocol protocol) {
    this.protocol = protocol;
    this.interpreter = new Interpreter(OperationalModel.of(protocol));
    this.calendar = WorkingCalendar.of(protocol.header().calendar(), protocol.header().zone());
  }

  public WorkingCalendar calendar() {
    return calendar;
  }

  /** The timeline of the scenario from a start date, up to a year long. */
  public Timeline run(Scenario scenario, LocalDate start) {
    return new Run(scenario, start).go();
  }

  /** One run: the engine, the scenario's steps not yet taken, and the rows written so far. */
  private final class Run {
    final Scenario scenario;
    final LocalDate startDate;
    final ZonedDateTime start;
    final Instant horizon;
    final RowWriter writer;
    final Escalation escalation;
    final List<ScenarioStep> waiting;
    /** When the escalator's move was refused (the row says why): it is not asked again then. */
    Instant escalatorRefused;

    Run(Scenario scenario, LocalDate startDate) {
      this.scenario = scenario;
      this.startDate = startDate;
      this.start = startDate.atTime(9, 0).atZone(calendar.zone());
      this.horizon = start.plusYears(HORIZON_YEARS).toInstant();
      this.writer = new RowWriter(protocol, calendar, startDate);
      this.escalation = new Escalation(protocol, calendar, writer);
      this.waiting = new ArrayList<>(scenario.steps());
    }

    Timeline go() {
      Instant at = start.toInstant();
      for (ScenarioStep step : scenario.before()) {
        call(at, CaseEvents.of(step.action(), at, protocol));
      }
      boolean raisesLater = waiting.stream().anyMatch(s -> s.action() instanceof Action.Raise);
      if (!scenario.raisedByTrigger() && !raisesLater
          && escalation.state().status() == EscalationState.Status.NOT_RAISED) {
        Action.Raise raise = scenario.raise().orElse(new Action.Raise("", Optional.empty(),
            Optional.empty()));
        call(at, CaseEvents.of(raise, at, protocol));
      }
      Timeline.End end = loop();
      EscalationState s = escalation.state();
      List<TimelineRow> rows = writer.rows();
      int days = Timeline.last(rows).map(r -> calendar.workingDayOf(startDate, r.at()))
          .orElse(0);
      return new Timeline(protocol.name(), scenario.name(), start, rows, s.outcome(), end, days,
          allowed(s, false), allowed(s, true));
    }

    // what each stay's deadline allowed, in working days from its day 0, added up: the
    // deadlines that must be met, or the soft ones
    private int allowed(EscalationState s, boolean soft) {
      int sum = 0;
      for (StageVisit v : s.visits()) {
        boolean isSoft = interpreter.soft(interpreter.model().stage(v.stage()).orElseThrow(),
            v.timescale());
        if (v.deadline().isPresent() && isSoft == soft) {
          LocalDate day0 = calendar.nextWorkingDay(v.entered().atZone(calendar.zone())
              .toLocalDate());
          sum += Math.max(0, calendar.workingDaysBetween(day0,
              WorkingCalendar.dayOf(v.deadline().get(), calendar.zone())));
        }
      }
      return sum;
    }

    private Timeline.End loop() {
      while (true) {
        giveWhenNeeded();
        Optional<Instant> due = escalation.nextDue();
        Optional<ScenarioStep> step = nextStep();
        Optional<Instant> stepAt = step.flatMap(this::when);
        // a soft deadline missed, and the scenario says nothing more of the stay: the
        // simulator's escalator escalates (at the assumed bound, else at once)
        Optional<Instant> escalates = Escalator.when(escalation.state(), interpreter, calendar)
            .filter(x -> !saysMoreOfStay()).filter(x -> !x.equals(escalatorRefused));
        if (escalates.isPresent() && (due.isEmpty() || escalates.get().isBefore(due.get()))
            && (stepAt.isEmpty() || escalates.get().isBefore(stepAt.get()))) {
          if (escalates.get().isAfter(horizon)) {
            return Timeline.End.UNFINISHED;
          }
          // never before the last event: a late step of the stay may have come after the miss
          Instant at = escalation.state().notBeforeLastEvent(escalates.get());
          int logged = escalation.log().size();
          call(at, new CaseEvent.Escalate(at, interpreter.escalator(interpreter.model()
              .stage(escalation.state().stage().orElseThrow()).orElseThrow(),
              escalation.state().raisedBy())));
          if (escalation.log().size() == logged) {
            escalatorRefused = escalates.get();
          }
          continue;
        }
        if (due.isEmpty() && stepAt.isEmpty()) {
          tooLate(step);
          EscalationState s = escalation.state();
          if (s.status() == EscalationState.Status.ENDED) {
            return Timeline.End.ENDED;
          }
          if (s.waitingFor().isEmpty()) {
            writer.stalled(s.lastEventAt().orElse(start.toInstant()), s);
          }
          return Timeline.End.WAITING;
        }
        // a step at the very instant of a deadline is late: the deadline passes first
        boolean deadlineFirst = due.isPresent()
            && (stepAt.isEmpty() || !due.get().isAfter(stepAt.get()));
        Instant next = deadlineFirst ? due.get() : stepAt.get();
        if (next.isAfter(horizon)) {
          return Timeline.End.UNFINISHED;
        }
        if (!deadlineFirst) {
          ScenarioStep s = step.orElseThrow();
          waiting.remove(s);
          if (left(s, next)) {
            continue;
          }
          call(next, CaseEvents.of(s.action(), next, protocol));
        } else {
          advance(next);
        }
      }
    }

    private void call(Instant at, CaseEvent event) {
      EscalationState before = escalation.state();
      int logged = escalation.log().size();
      writer.beginCall();
      try {
        escalation.apply(event);
      } catch (RefusedEvent refused) {
        writer.refused(at, before, CaseEvents.describe(event) + ": refused: " + refused.rule(),
            refused.citation());
        return;
      }
      List<CaseEvent> log = escalation.log();
      writer.endCall(before, escalation.state(), log.subList(logged, log.size()));
    }

    private void advance(Instant to) {
      EscalationState before = escalation.state();
      int logged = escalation.log().size();
      writer.beginCall();
      escalation.advanceTo(to);
      List<CaseEvent> log = escalation.log();
      writer.endCall(before, escalation.state(), log.subList(logged, log.size()));
    }

    // The earliest step whose time is known; among equals, the first in the file.
    private Optional<ScenarioStep> nextStep() {
      ScenarioStep best = null;
      Instant bestAt = null;
      for (ScenarioStep s : waiting) {
        Optional<Instant> at = when(s);
        if (at.isPresent() && (bestAt == null || at.get().isBefore(bestAt))) {
          best = s;
          bestAt = at.get();
        }
      }
      return best == null ? waiting.stream().findFirst() : Optional.of(best);
    }

    private Optional<Instant> when(ScenarioStep step) {
      Instant after = escalation.state().lastEventAt().orElse(start.toInstant());
      // the step's day, and the instant it cannot come before; none: its stay never came
      return WhenCases.on(step.when(), new WhenCases<Optional<Instant>>() {
        @Override
        public Optional<Instant> atStage(When.AtStage a) {
          return visit(a.stage(), a.visit()).map(v -> noon(calendar.addWorkingDays(
              WorkingCalendar.dayOf(v.entered().plusNanos(1), calendar.zone()), a.day()),
              max(after, v.entered())));
        }

        @Override
        public Optional<Instant> fromStart(When.FromStart f) {
          return Optional.of(noon(calendar.addWorkingDays(startDate, f.day()), after));
        }

        @Override
        public Optional<Instant> onDate(When.OnDate d) {
          return Optional.of(noon(d.date(), after));
        }

        @Override
        public Optional<Instant> before(When.Before b) {
          return Optional.of(noon(startDate, after));
        }
      });
    }

    /** Noon on the day, or {@code earliest} if that is later. */
    private Instant noon(LocalDate day, Instant earliest) {
      return max(earliest, day.atTime(12, 0).atZone(calendar.zone()).toInstant());
    }

    // whether a step of the scenario still waits for the current stay (its stage and visit)
    private boolean saysMoreOfStay() {
      EscalationState s = escalation.state();
      Optional<StageVisit> current = s.currentVisit();
      if (current.isEmpty()) {
        return false;
      }
      String stage = current.get().stage();
      long n = s.visits().stream().filter(v -> v.stage().equals(stage)).count();
      return waiting.stream().anyMatch(w -> w.when() instanceof When.AtStage a
          && a.stage().equals(stage) && a.visit() == n);
    }

    private Optional<StageVisit> visit(String stage, int n) {
      return escalation.state().visits().stream().filter(v -> v.stage().equals(stage))
          .skip(n - 1L).findFirst();
    }

    // A step meant for a stay at a stage that ended before the step's day is not taken.
    private boolean left(ScenarioStep step, Instant at) {
      if (step.when() instanceof When.AtStage a) {
        StageVisit v = visit(a.stage(), a.visit()).orElseThrow();
        if (v.left().isPresent() && !v.left().get().isAfter(at)) {
          writer.refused(at, escalation.state(), ScenarioWriter.action(step.action())
              + ": not taken: stage " + a.stage() + " had ended (" + v.left().get() + ", "
              + v.leftBy().orElse("") + ") before day " + a.day() + " (scenario line "
              + step.line() + ")", Optional.empty());
          return true;
        }
      }
      return false;
    }

    // Steps whose stage was never entered are reported, so that no line is silently ignored.
    private void tooLate(Optional<ScenarioStep> first) {
      if (first.isEmpty()) {
        return;
      }
      Instant at = escalation.state().lastEventAt().orElse(start.toInstant());
      for (ScenarioStep s : List.copyOf(waiting)) {
        writer.refused(at, escalation.state(), ScenarioWriter.action(s.action())
            + ": not taken: " + ScenarioWriter.when(s.when()) + " never came (scenario line "
            + s.line() + ")", Optional.empty());
      }
      waiting.clear();
    }

    private void giveWhenNeeded() {
      EscalationState s = escalation.state();
      if (!scenario.agreementsWhenNeeded() || s.waitingFor().isEmpty()) {
        return;
      }
      Instant at = s.lastEventAt().orElse(start.toInstant());
      for (Precondition p : Preconditions.of(protocol, s.waitingFor().get())) {
        EscalationState now = escalation.state();
        Optional<CaseEvent> giving = Preconditions.giving(p, at, now);
        if (giving.isPresent()) {
          writer.givenWhenNeeded();
          call(at, giving.get());
        }
      }
    }

    private static Instant max(Instant a, Instant b) {
      return a.isAfter(b) ? a : b;
    }
  }
}
