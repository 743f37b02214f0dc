package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.escalon.engine.RefusedEvent;
import org.escalon.model.Protocol;
import org.escalon.model.Target;
import org.junit.jupiter.api.Test;

/**
 * A step required before a stage is entered (issue 14, Kent row 49): {@code requires notify
 * QAServiceManager "..." by QAManager} in stage 3 of constructs/step-before.esc. Every move into
 * stage 3 waits until the QA Manager has reported the step done; the engine and the generated
 * machine agree on where the escalation is, and refuse in the same words.
 */
class StepBeforeTest {

  private static final Protocol PROTOCOL = ProtocolsTest.compile(
      Repository.root().resolve("tests/src/test/resources/constructs/step-before.esc"))
      .protocol().orElseThrow();
  private static final GeneratedMachines MACHINES = new GeneratedMachines(List.of(PROTOCOL));
  private static final Instant T0 = Instant.parse("2027-03-22T09:00:00Z");
  private static final String STEP = "notify_qa_service_manager";
  private static final WorkingCalendar CALENDAR = WorkingCalendar.of(
      PROTOCOL.header().calendar(), PROTOCOL.header().zone());

  private static Instant at(int minutes) {
    return T0.plusSeconds(60L * minutes);
  }

  private static final CaseEvent RAISE = new CaseEvent.Raise(T0, "IRO", Optional.empty(),
      Optional.empty());
  private static final CaseEvent STAGE_1_NOT_RESOLVED = new CaseEvent.Respond(at(60),
      "TeamManager", false);
  private static final CaseEvent STAGE_2_NOT_RESOLVED = new CaseEvent.Respond(at(120),
      "ServiceManager", false);

  private static List<EscalationMachine> both(List<CaseEvent> events) {
    return EngineAndMachine.both(PROTOCOL, MACHINES, events);
  }

  @Test
  void unreportedTheMoveIntoStage3WaitsAndTheHostIsToldWhatFor() {
    for (EscalationMachine m : both(List.of(RAISE, STAGE_1_NOT_RESOLVED,
        STAGE_2_NOT_RESOLVED))) {
      assertEquals(Optional.of(new Target.ToStage("3")), m.state().waitingFor());
      assertEquals(List.of("2"), m.state().completed().stream().filter("2"::equals).toList());
    }
    List<Effect.WaitingFor> told = new ArrayList<>();
    Escalation e = new Escalation(PROTOCOL, CALENDAR, new EscalationListener() {
      @Override
      public void waiting(Effect.WaitingFor effect) {
        told.add(effect);
      }
    });
    List.of(RAISE, STAGE_1_NOT_RESOLVED, STAGE_2_NOT_RESOLVED).forEach(e::apply);
    assertEquals(1, told.size());
    assertEquals(List.of("QAManager has not reported step " + STEP + " done"),
        told.get(0).missing());
  }

  @Test
  void reportedTheWaitingMoveEntersStage3ThenAndItsTimescaleStarts() {
    CaseEvent report = new CaseEvent.StepDone(at(600), "QAManager", STEP);
    for (EscalationMachine m : both(List.of(RAISE, STAGE_1_NOT_RESOLVED, STAGE_2_NOT_RESOLVED,
        report))) {
      assertEquals(Optional.of("3"), m.state().stage());
      assertEquals(Optional.empty(), m.state().waitingFor());
      assertEquals(at(600), m.state().visits().get(2).entered());
      assertEquals(List.of(STEP), m.state().done());
    }
  }

  @Test
  void reportedEarlierTheMoveGoesStraightIn() {
    for (EscalationMachine m : both(List.of(RAISE,
        new CaseEvent.StepDone(at(30), "QAManager", STEP), STAGE_1_NOT_RESOLVED,
        STAGE_2_NOT_RESOLVED))) {
      assertEquals(Optional.of("3"), m.state().stage());
      assertEquals(at(120), m.state().visits().get(2).entered());
    }
  }

  @Test
  void itMayBeReportedBeforeTheRaise() {
    for (EscalationMachine m : both(List.of(new CaseEvent.StepDone(T0.minusSeconds(60),
        "QAManager", STEP), RAISE, STAGE_1_NOT_RESOLVED, STAGE_2_NOT_RESOLVED))) {
      assertEquals(Optional.of("3"), m.state().stage());
    }
  }

  @Test
  void aBypassToStage3IsRefusedUntilItIsReported() {
    CaseEvent bypass = new CaseEvent.Bypass(at(30), "IRO", "3", Optional.of("urgent"));
    RefusedEvent r = EngineAndMachine.refused(both(List.of(RAISE)), bypass);
    assertTrue(r.getMessage().contains("QAManager has not reported step " + STEP + " done"),
        r.getMessage());
    for (EscalationMachine m : both(List.of(RAISE,
        new CaseEvent.StepDone(at(20), "QAManager", STEP), bypass))) {
      assertEquals(Optional.of("3"), m.state().stage());
    }
  }

  @Test
  void onlyItsRoleReportsIt() {
    RefusedEvent r = EngineAndMachine.refused(both(List.of(RAISE, STAGE_1_NOT_RESOLVED,
        STAGE_2_NOT_RESOLVED)), new CaseEvent.StepDone(at(600), "IRO", STEP));
    assertEquals(RefusedEvent.Kind.FORBIDDEN, r.kind());
    assertTrue(r.getMessage().contains("step " + STEP + " is reported done by QAManager"),
        r.getMessage());
  }

  @Test
  void itIsNotDoneAgainOnEnteringTheStage() {
    List<String> told = new ArrayList<>();
    Escalation e = new Escalation(PROTOCOL, CALENDAR, new EscalationListener() {
      @Override
      public void heard(Effect effect) {
        told.add(effect.toString());
      }
    });
    List.of(RAISE, new CaseEvent.StepDone(at(30), "QAManager", STEP), STAGE_1_NOT_RESOLVED,
        STAGE_2_NOT_RESOLVED).forEach(e::apply);
    assertTrue(told.stream().noneMatch(t -> t.contains("QAServiceManager")), told.toString());
  }
}
