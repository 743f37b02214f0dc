package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationMachine;
import org.escalon.engine.EventLog;
import org.escalon.engine.RefusedEvent;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

/**
 * Decisions taken during a stage (issue 14, point 6): {@code decision justified by
 * ServiceManager} at stage 2, and {@code when not resolved go to stage 3 if justified, otherwise
 * go to closed}. The host supplies the decision as a {@code CaseEvent.Decide}; the engine and the
 * generated machine take it, or refuse it (wrong role, wrong stage, no such decision, set as an
 * attribute) in the same words and of the same kind, citing the decision's line.
 */
class DecisionTest {

  private static final Protocol PROTOCOL = ProtocolsTest.compile(
      Repository.root().resolve("tests/src/test/resources/constructs/decision.esc")).protocol()
      .orElseThrow();
  private static final GeneratedMachines MACHINES = new GeneratedMachines(List.of(PROTOCOL));
  private static final Instant T0 = Instant.parse("2027-03-22T09:00:00Z");

  private static Instant at(int minutes) {
    return T0.plusSeconds(60L * minutes);
  }

  private static final CaseEvent RAISE = new CaseEvent.Raise(T0, "Practitioner",
      Optional.empty(), Optional.empty());

  /** The engine and the generated machine, raised and given the same events. */
  private static List<EscalationMachine> both(List<CaseEvent> events) {
    List<CaseEvent> all = new ArrayList<>(List.of(RAISE));
    all.addAll(events);
    return EngineAndMachine.both(PROTOCOL, MACHINES, all);
  }


  private static final CaseEvent STAGE_1_NOT_RESOLVED = new CaseEvent.Respond(at(60),
      "TeamManager", false);

  @Test
  void judgedJustifiedTheUnresolvedStageGoesOnToTheDirector() {
    for (EscalationMachine m : both(List.of(STAGE_1_NOT_RESOLVED,
        new CaseEvent.Decide(at(120), "ServiceManager", "justified", true),
        new CaseEvent.Respond(at(180), "ServiceManager", false)))) {
      assertEquals(Optional.of("3"), m.state().stage());
    }
  }

  @Test
  void judgedNotJustifiedItIsClosed() {
    for (EscalationMachine m : both(List.of(STAGE_1_NOT_RESOLVED,
        new CaseEvent.Decide(at(120), "ServiceManager", "justified", false),
        new CaseEvent.Respond(at(180), "ServiceManager", false)))) {
      assertEquals(Optional.of("not_justified"), m.state().outcome());
    }
  }

  @Test
  void undecidedTheOtherwiseRouteIsTaken() {
    for (EscalationMachine m : both(List.of(STAGE_1_NOT_RESOLVED,
        new CaseEvent.Respond(at(180), "ServiceManager", false)))) {
      assertEquals(Optional.of("not_justified"), m.state().outcome());
    }
  }

  @Test
  void theDecisionMayBeTakenAgainWhileTheStageLasts() {
    for (EscalationMachine m : both(List.of(STAGE_1_NOT_RESOLVED,
        new CaseEvent.Decide(at(120), "ServiceManager", "justified", false),
        new CaseEvent.Decide(at(150), "ServiceManager", "justified", true),
        new CaseEvent.Respond(at(180), "ServiceManager", false)))) {
      assertEquals(Optional.of("3"), m.state().stage());
    }
  }

  @Test
  void aDecisionByAnotherRoleIsForbidden() {
    RefusedEvent r = EngineAndMachine.refused(both(List.of(STAGE_1_NOT_RESOLVED)),
        new CaseEvent.Decide(at(120), "TeamManager", "justified", true));
    assertEquals(RefusedEvent.Kind.FORBIDDEN, r.kind());
    assertTrue(r.getMessage().contains("justified is decided by ServiceManager, not TeamManager"),
        r.getMessage());
    assertEquals(22, r.span().line(), "cites the decision's line");
  }

  @Test
  void aDecisionAtAnotherStageIsNotNow() {
    RefusedEvent r = EngineAndMachine.refused(both(List.of()),
        new CaseEvent.Decide(at(30), "ServiceManager", "justified", true));
    assertEquals(RefusedEvent.Kind.NOT_NOW, r.kind());
    assertTrue(r.getMessage().contains("justified is decided at stage 2, and the escalation is "
        + "at stage 1"), r.getMessage());
  }

  @Test
  void aDecisionIsNotSetAsAnAttribute() {
    RefusedEvent r = EngineAndMachine.refused(both(List.of(STAGE_1_NOT_RESOLVED)),
        new CaseEvent.SetAttribute(at(120), "justified", "yes"));
    assertEquals(RefusedEvent.Kind.FORBIDDEN, r.kind());
    assertTrue(r.getMessage().contains("justified is a decision"), r.getMessage());
  }

  @Test
  void anUnknownDecisionIsUnknown() {
    RefusedEvent r = EngineAndMachine.refused(both(List.of(STAGE_1_NOT_RESOLVED)),
        new CaseEvent.Decide(at(120), "ServiceManager", "urgent", true));
    assertEquals(RefusedEvent.Kind.UNKNOWN, r.kind());
  }

  @Test
  void theLogReadsTheDecisionBack() {
    Escalation e = Escalation.of(PROTOCOL);
    e.apply(RAISE);
    e.apply(STAGE_1_NOT_RESOLVED);
    e.apply(new CaseEvent.Decide(at(120), "ServiceManager", "justified", true));
    String text = EventLog.format(e.log(), PROTOCOL);
    assertTrue(text.contains("decide by=ServiceManager decision=justified value=yes")
        || text.contains("decide"), text);
    assertEquals(e.log(), EventLog.parse(text));
  }
}
