package org.escalon.simulate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationListener;
import org.escalon.engine.EscalationState;
import org.escalon.engine.RefusedEvent;
import org.escalon.engine.StageVisit;
import org.escalon.machine.TargetCases;
import org.escalon.model.Precondition;
import org.escalon.model.Target;

/**
 * Runs a population's cases through the engine itself: any protocol, at the engine's speed. On
 * entering a stage the case draws its {@link VisitPlan}; the planned events happen at noon of
 * their working day unless a deadline passes first.
 */
final class EngineCases implements CaseRunner {

  private static final String REASON = "simulated";

  /** A population's facts: no attribute is ever set. */
  private static final org.escalon.machine.Facts NOTHING =
      org.escalon.machine.Facts.ofAttributes(java.util.Map.of());

  private final PopulationModel m;
  private final ZoneId zone;

  EngineCases(PopulationModel model) {
    this.m = model;
    this.zone = model.calendar.zone();
  }

  @Override
  public void run(int startEpochDay, SplittableRandom random, CaseOutcome out, Tally tally) {
    out.clear();
    LocalDate startDate = LocalDate.ofEpochDay(startEpochDay);
    Instant start = startDate.atTime(9, 0).atZone(zone).toInstant();
    Instant horizon = startDate.plusYears(Simulator.HORIZON_YEARS).atStartOfDay(zone).toInstant();
    Escalation e = new Escalation(m.operational, m.calendar, new EscalationListener() {});
    e.apply(new CaseEvent.Raise(start, m.raiser, Optional.empty(), Optional.empty()));
    List<CaseEvent> planned = new ArrayList<>();
    int seen = 0;
    Instant lastEntry = null;
    int entriesAtOnce = 0;
    boolean escalated = false;
    while (true) {
      giveWhenNeeded(e);
      EscalationState s = e.state();
      if (s.status() == EscalationState.Status.ENDED) {
        break;
      }
      if (s.currentVisit().map(v -> v.left().isPresent()).orElse(true)) {
        planned.clear(); // waiting for a precondition: nothing of the old stay still applies
      } else if (s.visits().size() > seen) {
        seen = s.visits().size();
        StageVisit visit = s.currentVisit().get();
        entriesAtOnce = visit.entered().equals(lastEntry) ? entriesAtOnce + 1 : 0;
        lastEntry = visit.entered();
        if (entriesAtOnce > m.protocol.stages().size()) {
          // answered the moment it starts, by a stage that goes back to itself: without a loop,
          // one instant sees each stage entered at most once, so time would never move on again
          break;
        }
        planned = plan(visit, random);
        escalated = false;
      }
      // a soft deadline missed with no answer planned: the simulator's escalator escalates
      Optional<Instant> escalates = Escalator.when(s, m.interpreter, m.calendar);
      if (escalates.isPresent() && !escalated && planned.stream().noneMatch(x ->
          x instanceof CaseEvent.Respond || x instanceof CaseEvent.Bypass)) {
        escalated = true;
        Instant at = s.notBeforeLastEvent(escalates.get());
        planned.add(new CaseEvent.Escalate(at, m.interpreter.escalator(m.interpreter.model()
            .stage(s.stage().orElseThrow()).orElseThrow(), s.raisedBy())));
        planned.sort(java.util.Comparator.comparing(CaseEvent::at));
      }
      // populations count no step clocks (docs/language.md, section 10): a step clock passing after
      // the last move must not lengthen the case, as it does not on the compiled model
      Optional<Instant> due = e.state().nextMoveDue();
      if (!planned.isEmpty() && (due.isEmpty() || due.get().isAfter(planned.get(0).at()))) {
        CaseEvent next = planned.remove(0);
        if (next.at().isAfter(horizon)) {
          break; // a stage that answers itself for ever: unfinished after a year
        }
        try {
          e.apply(next);
        } catch (RefusedEvent refused) {
          // a planned step the protocol does not allow here is simply not taken
        }
        continue;
      }
      if (due.isEmpty() || due.get().isAfter(horizon)) {
        break;
      }
      if (s.deadline().equals(due) && !soft(s)) {
        // the stay ends with its deadline (a soft one is only missed: a late answer may come);
        // a reminder falling due leaves it be
        planned.clear();
      }
      e.advanceTo(due.get());
    }
    record(e.state(), startEpochDay, out, tally);
  }

  private boolean soft(EscalationState s) {
    return s.currentVisit().map(v -> m.interpreter.soft(m.operational.stage(v.stage())
        .orElseThrow(), v.timescale())).orElse(false);
  }

  private List<CaseEvent> plan(StageVisit visit, SplittableRandom random) {
    int stage = m.stageIndex.get(visit.stage());
    VisitPlan p = VisitPlan.draw(random, m.behaviours[stage], m.window[stage]);
    LocalDate day0 = visit.entered().atZone(zone).toLocalDate();
    List<CaseEvent> events = new ArrayList<>();
    // a timescale that waits for its value is set on entry, at the bound the tools take (the
    // assumption), as the compiled model counts it: a population's worst case, never longer
    List<String> setters = m.interpreter.awaitingTime(m.operational.stages().get(stage),
        NOTHING);
    if (!setters.isEmpty()) {
      events.add(new CaseEvent.SetTimescale(visit.entered(), setters.get(0),
          m.protocol.stages().get(stage).timescales().stream()
              .filter(org.escalon.model.Timescale::awaitsValue).findFirst().orElseThrow()
              .duration()));
    }
    if (p.bypassDay() >= 0 && !m.bypassTargets.isEmpty()) {
      Instant at = at(visit, day0, p.bypassDay());
      Target target = m.bypassTargets.get(p.bypassPick() % m.bypassTargets.size());
      giveFor(events, at, target);
      events.add(new CaseEvent.Bypass(at, m.raiser, TargetCases.name(target), Optional.of(REASON)));
    }
    if (p.extensionDay() >= 0 && m.extension.get(stage).isPresent()) {
      Instant at = at(visit, day0, p.extensionDay());
      var rule = m.extension.get(stage).get();
      for (Precondition pre : rule.preconditions()) {
        give(events, at, pre);
      }
      events.add(new CaseEvent.RequestExtension(at, m.requester(stage),
          m.extensionAmount[stage], true, Optional.of(REASON)));
      if (!rule.grantedBy().isEmpty()) {
        events.add(new CaseEvent.GrantExtension(at, rule.grantedBy().get(0)));
      }
    }
    if (p.responseDay() >= 0) {
      // a stage each of several roles must answer is resolved by each one's answer
      for (String by : org.escalon.machine.Interpreter.answerers(
          m.operational.stages().get(stage), m.respondent[stage], p.resolving())) {
        events.add(new CaseEvent.Respond(at(visit, day0, p.responseDay()), by, p.resolving()));
      }
    }
    events.sort(java.util.Comparator.comparing(CaseEvent::at));
    return events;
  }

  private Instant at(StageVisit visit, LocalDate day0, int day) {
    Instant noon = m.calendar.addWorkingDays(day0, day).atTime(12, 0).atZone(zone).toInstant();
    return noon.isBefore(visit.entered()) ? visit.entered() : noon;
  }

  private void giveFor(List<CaseEvent> events, Instant at, Target target) {
    for (Precondition p : Preconditions.of(m.protocol, target)) {
      give(events, at, p);
    }
  }

  private static void give(List<CaseEvent> events, Instant at, Precondition p) {
    Preconditions.giving(p, at, EscalationState.initial()).ifPresent(events::add);
  }

  // What a stage or outcome waits for (agreement, advice, a step done before it) is given at
  // once, as in the worst case.
  private void giveWhenNeeded(Escalation e) {
    EscalationState s = e.state();
    if (s.status() != EscalationState.Status.OPEN || s.waitingFor().isEmpty()) {
      return;
    }
    Instant at = s.lastEventAt().orElseThrow();
    for (Precondition p : Preconditions.of(m.protocol, s.waitingFor().get())) {
      EscalationState now = e.state();
      if (now.status() == EscalationState.Status.OPEN) {
        Preconditions.giving(p, at, now).ifPresent(e::apply);
      }
    }
  }

  private void record(EscalationState s, int startEpochDay, CaseOutcome out, Tally tally) {
    out.outcome = s.outcome().map(o -> m.outcomeIndex.getOrDefault(o, -1)).orElse(-1);
    List<StageVisit> visits = s.visits();
    out.stage = visits.isEmpty() ? -1 : m.stageIndex.get(visits.get(visits.size() - 1).stage());
    int end = (int) WorkingCalendar.dayOf(s.lastEventAt().orElseThrow(), zone).toEpochDay();
    out.days = m.calendar.workingOrdinal(end) - m.calendar.workingOrdinal(startEpochDay);
    long[] spent = new long[m.limitStages.length];
    for (StageVisit v : visits) {
      int stage = m.stageIndex.get(v.stage());
      tally.stay(stage, stay(v));
      tally.extensions[stage] += v.extensions();
      if (v.missed().isPresent()) {
        tally.missed[stage]++;
      }
      int entry = (int) v.entered().atZone(zone).toLocalDate().toEpochDay();
      int last = v.left().map(l -> (int) WorkingCalendar.dayOf(l, zone).toEpochDay()).orElse(end);
      for (int i = 0; i < spent.length; i++) {
        if ((m.limitStages[i] & (1L << stage)) != 0) {
          spent[i] += m.limitDays(i, entry, last);
        }
      }
    }
    for (int i = 0; i < spent.length; i++) {
      if (m.breaks(i, spent[i], out.days)) {
        out.breaches |= 1L << i;
      }
    }
  }

  private static Tally.Stay stay(StageVisit v) {
    String how = v.leftBy().orElse("");
    return switch (how) {
      case "" -> Tally.Stay.OPEN;
      case "resolved", "unsatisfactory" -> Tally.Stay.IN_TIME;
      case "no response" -> Tally.Stay.TIMED_OUT;
      case "bypassed" -> Tally.Stay.BYPASSED;
      default -> Tally.Stay.OTHER;
    };
  }
}
