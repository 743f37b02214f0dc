package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationListener;
import org.escalon.engine.EscalationMachine;
import org.escalon.engine.EventLog;
import org.escalon.machine.RaiseClocks;
import org.escalon.model.Protocol;
import org.escalon.simulate.Scenario;
import org.escalon.simulate.ScenarioParser;
import org.escalon.simulate.Simulator;
import org.escalon.simulate.TimelineFormat;
import org.junit.jupiter.api.Test;

/**
 * A clock on raising (issue 14): "raise it within 2 working days of the disagreement or of the
 * decision". The escalation does not exist while the clock runs, so the engine never refuses a
 * late raise: it records it (the log, {@code Escalation.raisedLate}, the timeline). The generated
 * machine keeps the raise and the events as the engine does, so the model's rule reads the same
 * answer from its state.
 */
class RaiseClockTest {

  static final String CLOCKED = """
      protocol "Raised within 2 working days" {
        raised by Complainant
        source "test"
        role Complainant "Professional who disagrees"
        role TeamManager "Team Manager"
        event disagreement "The professionals disagree"
        event decision "The decision disagreed with is received"
        raise within 2 working days after disagreement or decision source "1.1: within 2 working days of the disagreement or of the decision"
        stage 1 "To the Team Manager" {
          to TeamManager
          respond within 3 working days
          when not resolved go to resolved
          source "1.2"
        }
      }
      """;

  private static final Protocol PROTOCOL = OperationalModelTest.compile(CLOCKED);
  private static final GeneratedMachines MACHINES = new GeneratedMachines(List.of(PROTOCOL));
  // Monday 14 December 2026, 09:00 in London
  private static final Instant MONDAY = Instant.parse("2026-12-14T09:00:00Z");

  private static Instant day(int n) {
    return MONDAY.plusSeconds(86_400L * n);
  }

  private static CaseEvent raise(Instant at) {
    return new CaseEvent.Raise(at, "Complainant", Optional.empty(), Optional.empty());
  }

  @Test
  void aRaiseAfterTheClockClosesIsRecordedLateNotRefused() {
    Escalation e = Escalation.of(PROTOCOL);
    e.apply(new CaseEvent.Occur(MONDAY, "disagreement"));
    e.apply(raise(day(3)));
    RaiseClocks.Late late = e.raisedLate().orElseThrow();
    assertEquals("disagreement", late.event());
    assertEquals(Instant.parse("2026-12-17T00:00:00Z"), late.due(),
        "2 working days after Monday close at the end of Wednesday");
    assertEquals(Optional.of("1"), e.state().stage(), "the late raise is not refused");
    assertTrue(EventLog.format(e.log(), PROTOCOL).contains("# raised late: due by "
        + "2026-12-17T00:00:00Z, counted from disagreement"), EventLog.format(e.log(), PROTOCOL));
  }

  @Test
  void theClockCountsFromTheLastOfItsEventsBeforeTheRaise() {
    Escalation e = Escalation.of(PROTOCOL);
    e.apply(new CaseEvent.Occur(MONDAY, "disagreement"));
    e.apply(new CaseEvent.Occur(day(2), "decision"));
    e.apply(raise(day(3)));
    assertEquals(Optional.empty(), e.raisedLate(), "within 2 working days of the decision");
    Escalation untold = Escalation.of(PROTOCOL);
    untold.apply(raise(day(30)));
    assertEquals(Optional.empty(), untold.raisedLate(), "no event told: no clock ran");
  }

  @Test
  void theGeneratedMachineKeepsWhatTheRuleReads() {
    EscalationMachine engine = Escalation.of(PROTOCOL);
    EscalationMachine machine = MACHINES.machine(0, new EscalationListener() { });
    for (EscalationMachine m : List.of(engine, machine)) {
      m.apply(new CaseEvent.Occur(MONDAY, "disagreement"));
      m.apply(raise(day(3)));
    }
    assertEquals(engine.state(), machine.state());
    assertTrue(RaiseClocks.late(PROTOCOL, ((Escalation) engine).calendar(),
        machine.state().raisedAt(), machine.state().occurrences()).isPresent());
  }

  @Test
  void theReportSaysTheClockAndFormattingKeepsIt() {
    assertEquals(List.of("An escalation must be raised within 2 working days after disagreement "
        + "or decision (a late raise is recorded, never refused)"),
        new org.escalon.describe.PlainEnglish(PROTOCOL).raiseClocks());
    Protocol soon = OperationalModelTest.compile(CLOCKED.replace(
        "raise within 2 working days after disagreement or decision",
        "raise as soon as possible after disagreement"));
    assertEquals(List.of("An escalation should be raised as soon as possible (by the close of the "
        + "next working day) after disagreement (a late raise is recorded, never refused)"),
        new org.escalon.describe.PlainEnglish(soon).raiseClocks());
    for (String line : List.of("raise within 2 working days after disagreement or decision",
        "raise as soon as possible after disagreement", "raise immediately after decision",
        "raise within the same working day after disagreement where possible")) {
      String text = CLOCKED.replace(
          "raise within 2 working days after disagreement or decision", line);
      org.escalon.compiler.diagnostics.Diagnostics diagnostics =
          new org.escalon.compiler.diagnostics.Diagnostics();
      String printed = new org.escalon.compiler.format.AstPrinter().print(
          new org.escalon.compiler.syntax.SourceParser().parse("t.esc", text, diagnostics)
              .orElseThrow());
      assertTrue(printed.contains(line), printed);
    }
  }

  @Test
  void theTimelineSaysTheRaiseWasLate() throws Exception {
    Scenario scenario = ScenarioParser.parse("""
        scenario "raised three working days after the disagreement"
        day 0: disagreement happens
        day 3: Complainant raises at stage 1
        """, "late.scenario");
    String text = TimelineFormat.TABLE.render(new Simulator(PROTOCOL).run(scenario,
        LocalDate.of(2026, 12, 14)));
    assertTrue(text.replaceAll("\\s+", " ").contains("(raised late: due by the close of Wed 16 Dec 2026, 2 working days "
        + "after disagreement on Mon 14 Dec 2026; recorded, not refused)"), text);
  }
}
