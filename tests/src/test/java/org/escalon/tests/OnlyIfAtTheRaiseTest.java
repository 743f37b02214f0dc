package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Effect;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationListener;
import org.escalon.engine.EscalationMachine;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 point 6: an {@code only if} on the stage an escalation is raised at is honoured at the
 * raise (a start at a stage that does not apply goes on past it, as a move there would), and the
 * duties done at once ({@code when C go to stage N}, {@code when C { ... }}) act alike, in the
 * engine and in the generated machine. The verifier's side is pinned in the compiler module
 * (EngineAgreementProperties), SPIN's by SpinAgreementTest over the construct examples.
 */
class OnlyIfAtTheRaiseTest {

  private static final Protocol ONLY_IF = ProtocolsTest.compile(Repository.root()
      .resolve("tests/src/test/resources/constructs/only-if-at-the-raise.esc")).protocol()
      .orElseThrow();
  private static final GeneratedMachines MACHINES = new GeneratedMachines(
      List.of(ONLY_IF, AtOnceTest.AT_ONCE));
  private static final Instant T0 = Instant.parse("2027-03-22T09:00:00Z");

  private static final CaseEvent START_AT_TWO = new CaseEvent.Raise(T0, "IRO",
      Optional.of("2"), Optional.empty());

  @Test
  void aStartAtAStageThatDoesNotApplyGoesOnPastItInTheEngine() {
    Escalation engine = Escalation.of(ONLY_IF);
    engine.apply(START_AT_TWO);
    assertEquals(Optional.of("3"), engine.state().stage());
  }

  @Test
  void andInTheGeneratedMachine() {
    EscalationMachine machine = MACHINES.machine(0, new EscalationListener() {});
    machine.apply(START_AT_TWO);
    assertEquals(Optional.of("3"), machine.state().stage());
  }

  @Test
  void aStartAtAStageThatAppliesStaysThere() {
    Escalation engine = Escalation.of(ONLY_IF);
    EscalationMachine machine = MACHINES.machine(0, new EscalationListener() {});
    for (var e : List.of(new CaseEvent.SetAttribute(T0, "cp_plan", "yes"), START_AT_TWO)) {
      engine.apply(e);
      machine.apply(e);
    }
    assertEquals(Optional.of("2"), engine.state().stage());
    assertEquals(engine.state(), machine.state());
  }

  /** The at-once example: risk arising at stage 1, then passing and arising again. */
  @Test
  void theGeneratedMachineMovesAndTellsAtOnceAsTheEngineDoes() {
    List<Effect> heardByEngine = new ArrayList<>();
    List<Effect> heardByMachine = new ArrayList<>();
    Escalation engine = new Escalation(AtOnceTest.AT_ONCE, WorkingCalendar.of(
        AtOnceTest.AT_ONCE.header().calendar(), AtOnceTest.AT_ONCE.header().zone()),
        new EscalationListener() {
          @Override
          public void heard(Effect effect) {
            heardByEngine.add(effect);
          }
        });
    EscalationMachine machine = MACHINES.machine(1, new EscalationListener() {
      @Override
      public void heard(Effect effect) {
        heardByMachine.add(effect);
      }
    });
    List<CaseEvent> events = List.of(
        new CaseEvent.Raise(T0, "IRO", Optional.empty(), Optional.empty()),
        new CaseEvent.SetAttribute(T0.plusSeconds(60), "immediate_risk", "yes"),
        new CaseEvent.SetAttribute(T0.plusSeconds(120), "immediate_risk", "no"),
        new CaseEvent.SetAttribute(T0.plusSeconds(180), "immediate_risk", "yes"));
    for (CaseEvent e : events) {
      engine.apply(e);
      machine.apply(e);
      assertEquals(engine.state(), machine.state(), "after " + e);
    }
    assertEquals(Optional.of("3"), machine.state().stage());
    assertEquals(heardByEngine, heardByMachine);
  }
}
