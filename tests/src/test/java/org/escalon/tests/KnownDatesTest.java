package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.EscalationMachine;
import org.escalon.engine.EventLog;
import org.escalon.engine.RefusedEvent;
import org.escalon.engine.StepClock;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

/**
 * Deadlines counted back from a known date (issue 14, point 5): "reports must be shared 48 hours
 * before the conference". The host sets the date ({@code SetDate}); until then no clock counted
 * back from it runs; moving it moves them; the engine and the generated machine agree.
 */
class KnownDatesTest {

  static final String SOURCE = """
      protocol "Reports before the conference" {
        raised by CPChair
        role CPChair "Child Protection Conference Chair"
        role SocialWorker "Social Worker"
        role TeamManager "Team Manager"
        date conference "the review child protection conference"
        stage 1 "To the Team Manager" {
          to TeamManager
          action share_report "share the report with the family" by SocialWorker within 48 hours before the conference source "reports shared 48 hours before the conference"
          action "send the report to the chair" by SocialWorker within 2 working days before the conference
          action acknowledge "acknowledge the concern" by TeamManager within 1 working day
          respond within 10 working days
          when not resolved go to resolved
          source "Stage 1"
        }
      }
      """;

  static final Protocol PROTOCOL = EngineFixture.compile("conference.esc", SOURCE);
  static final GeneratedMachines MACHINES = new GeneratedMachines(List.of(PROTOCOL));

  // Mon 7 Dec 2026, 09:00 in London (UTC in winter)
  static final Instant RAISED = Instant.parse("2026-12-07T09:00:00Z");
  // the conference: Mon 14 Dec 2026, 10:00
  static final Instant CONFERENCE = Instant.parse("2026-12-14T10:00:00Z");

  private static CaseEvent raise() {
    return new CaseEvent.Raise(RAISED, "CPChair", Optional.empty(), Optional.empty());
  }

  private static List<String> due(EscalationMachine m) {
    return m.state().stepClocks().stream().map(c -> c.step() + " " + c.due()
        + (c.passed() ? " passed" : "") + (c.done().isPresent() ? " done" : "")).toList();
  }

  @Test
  void noClockRunsUntilTheDateIsSetThenTheyCountBackFromIt() {
    List<EscalationMachine> both = EngineAndMachine.both(PROTOCOL, MACHINES, List.of(raise()));
    assertEquals(List.of("acknowledge 2026-12-09T00:00:00Z"), due(both.get(0)),
        "the date is not known: only the clock counted from the stage's start runs");
    List<CaseEvent> events = List.of(raise(), new CaseEvent.SetDate(
        Instant.parse("2026-12-07T11:00:00Z"), "conference", CONFERENCE));
    both = EngineAndMachine.both(PROTOCOL, MACHINES, events);
    assertEquals(List.of("acknowledge 2026-12-09T00:00:00Z",
        "share_report 2026-12-12T10:00:00Z",
        "send_the_report_to_the_chair 2026-12-11T00:00:00Z"), due(both.get(0)),
        "48 clock hours before 10:00 Mon 14 Dec is 10:00 Sat 12 Dec; 2 working days before it "
            + "is Thu 10 Dec, due by its close");
    assertEquals(Optional.of(CONFERENCE), Optional.ofNullable(both.get(0).state().dates()
        .get("conference")));
  }

  @Test
  void aDateSetBeforeTheRaiseStartsTheClocksOnEntry() {
    List<EscalationMachine> both = EngineAndMachine.both(PROTOCOL, MACHINES, List.of(
        new CaseEvent.SetDate(Instant.parse("2026-12-01T09:00:00Z"), "conference", CONFERENCE),
        raise()));
    assertEquals(3, due(both.get(0)).size(), due(both.get(0)).toString());
  }

  @Test
  void movingTheDateMovesTheClocksAndTheLogSaysSo() {
    List<CaseEvent> events = new ArrayList<>(List.of(raise(),
        new CaseEvent.SetDate(Instant.parse("2026-12-07T11:00:00Z"), "conference", CONFERENCE),
        new CaseEvent.StepDone(Instant.parse("2026-12-08T09:00:00Z"), "SocialWorker",
            "send_the_report_to_the_chair"),
        // the conference is put back a week, to Mon 21 Dec
        new CaseEvent.SetDate(Instant.parse("2026-12-08T12:00:00Z"), "conference",
            Instant.parse("2026-12-21T10:00:00Z"))));
    List<EscalationMachine> both = EngineAndMachine.both(PROTOCOL, MACHINES, events);
    List<StepClock> clocks = both.get(0).state().stepClocks();
    assertEquals(Instant.parse("2026-12-19T10:00:00Z"), clocks.get(1).due(),
        "the report to the family is now due 48 hours before Mon 21 Dec");
    assertEquals(Instant.parse("2026-12-11T00:00:00Z"), clocks.get(2).due(),
        "a step done stays done where it was");
    String log = EventLog.format(both.get(0).log(), PROTOCOL);
    assertTrue(log.contains("2026-12-08T12:00:00Z set-date date=conference "
        + "on=2026-12-21T10:00:00Z"), log);
    assertEquals(both.get(0).log(), EventLog.parse(log, PROTOCOL,
        ((org.escalon.engine.Escalation) both.get(0)).calendar()));
  }

  @Test
  void aDeadlineThatHasPassedWhenTheDateIsSetPassesAtOnceAndIsRecorded() {
    // set on Fri 11 Dec at 09:00: 2 working days before Mon 14 Dec ended at the close of Thu 10
    List<EscalationMachine> both = EngineAndMachine.both(PROTOCOL, MACHINES, List.of(raise(),
        new CaseEvent.SetDate(Instant.parse("2026-12-11T09:00:00Z"), "conference",
            CONFERENCE)));
    both.forEach(m -> m.advanceTo(Instant.parse("2026-12-11T09:00:00Z")));
    assertEquals(both.get(0).state(), both.get(1).state());
    assertTrue(due(both.get(0)).contains("send_the_report_to_the_chair 2026-12-11T00:00:00Z "
        + "passed"), due(both.get(0)).toString());
    String log = EventLog.format(both.get(0).log(), PROTOCOL);
    assertTrue(log.contains("step-deadline stage=1 step=send_the_report_to_the_chair"), log);
  }

  @Test
  void aDateThatHasPassedOrIsNotDeclaredIsRefused() {
    List<EscalationMachine> both = EngineAndMachine.both(PROTOCOL, MACHINES, List.of(raise()));
    RefusedEvent past = EngineAndMachine.refused(both, new CaseEvent.SetDate(
        Instant.parse("2026-12-08T09:00:00Z"), "conference",
        Instant.parse("2026-12-08T08:00:00Z")));
    assertEquals(RefusedEvent.Kind.MALFORMED, past.kind());
    assertTrue(past.getMessage().contains("must be after the moment it is set"),
        past.getMessage());
    RefusedEvent unknown = EngineAndMachine.refused(both, new CaseEvent.SetDate(
        Instant.parse("2026-12-08T09:00:00Z"), "hearing", CONFERENCE));
    assertEquals(RefusedEvent.Kind.UNKNOWN, unknown.kind());
    assertTrue(unknown.getMessage().contains("the protocol has no date hearing"),
        unknown.getMessage());
  }

  @Test
  void aScenarioSetsADeclaredDateInWorkingDaysOrOnADate() {
    String ok = """
        scenario "the conference is fixed"
        stage 1, day 1: conference is set in 6 working days
        stage 1, day 2: conference is set for 2027-01-11
        """;
    var good = org.escalon.compiler.simulate.ScenarioChecker.check(PROTOCOL, "ok.scenario", ok);
    assertEquals(List.of(), good.problems());
    assertEquals(ok, org.escalon.simulate.ScenarioWriter.write(good.scenario().orElseThrow()),
        "written back as read");
    String bad = """
        scenario "dates the protocol does not have, or counts it cannot"
        stage 1, day 1: hearing is set in 6 working days
        stage 1, day 2: conference is set in 2 weeks
        """;
    List<String> said = org.escalon.compiler.simulate.ScenarioChecker.check(PROTOCOL,
        "bad.scenario", bad).problems().stream().map(p -> p.line() + ": " + p.message()).toList();
    assertEquals(List.of("2: unknown date `hearing`",
        "3: a date is set in working days (`is set in 5 working days`), not in 2 weeks"), said);
  }
}
