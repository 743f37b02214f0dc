package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.EscalationMachine;
import org.escalon.model.Protocol;
import org.escalon.model.Timespan;
import org.junit.jupiter.api.Test;

/**
 * A timescale set during the case counts from then with its own firmness, whatever counted on
 * entering: {@code Interpreter.setTime} says which timescale counts after setting, and
 * {@code Interpreter.soft} reads it. Stage 1 of {@code constructs/soft-set-timescale.esc} must be
 * answered within 5 working days, unless proceedings have begun, when the IRO sets a timescale
 * that is a guide. The engine and the generated machine agree on each case.
 */
class SoftSetTimescaleTest {

  private static final Protocol PROTOCOL = ProtocolsTest.compile(Repository.root()
      .resolve("tests/src/test/resources/constructs/soft-set-timescale.esc")).protocol()
      .orElseThrow();
  private static final GeneratedMachines MACHINES = new GeneratedMachines(List.of(PROTOCOL));
  /** A Monday. */
  private static final Instant T0 = Instant.parse("2027-05-10T09:00:00Z");

  private static Instant day(int days) {
    return T0.plusSeconds(24L * 3600 * days);
  }

  private static List<EscalationMachine> both(List<CaseEvent> events) {
    List<CaseEvent> all = new ArrayList<>(List.of(new CaseEvent.Raise(T0, "IRO",
        Optional.empty(), Optional.empty())));
    all.addAll(events);
    return EngineAndMachine.both(PROTOCOL, MACHINES, all);
  }

  @Test
  void withNothingSetTheRequiredDeadlineMovesTheCaseOnByItself() {
    for (EscalationMachine m : both(List.of())) {
      m.advanceTo(day(10));
      assertEquals(Optional.of("2"), m.state().stage());
    }
  }

  @Test
  void aGuideSetSoShortThatItHasPassedIsMissedAndTheCaseStays() {
    // proceedings begin on Tuesday; on Friday the IRO sets 2 working days: the deadline, counted
    // from Monday, passed on Wednesday, so it passes at once, and as a guide it is only missed
    for (EscalationMachine m : both(List.of(
        new CaseEvent.SetAttribute(day(1), "court_proceedings", "yes"),
        new CaseEvent.SetTimescale(day(4), "IRO", Timespan.workingDays(2))))) {
      m.advanceTo(day(4));
      assertEquals(Optional.of("1"), m.state().stage());
      assertTrue(m.state().currentVisit().orElseThrow().missed().isPresent(), "missed");
      m.advanceTo(day(30));
      assertEquals(Optional.of("1"), m.state().stage(), "only the escalator moves it on");
      m.apply(new CaseEvent.Escalate(day(30), "IRO"));
      assertEquals(Optional.of("2"), m.state().stage());
    }
  }
}
