package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Effect;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationMachine;
import org.escalon.engine.EventLog;
import org.escalon.engine.RefusedEvent;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

/**
 * A substitute when the addressee is unavailable (issue 14, point 7): {@code to TeamManager, or
 * DutyTeamManager when unavailable}. Once the host says the Team Manager is unavailable
 * ({@code CaseEvent.Unavailable}), the Duty Team Manager is sent the escalation and answers in
 * their place; before, the Duty Team Manager's answer is refused. The engine and the generated
 * machine agree, event by event, in what they tell the host and in their refusals.
 */
class SubstituteTest {

  static final String DUTY = """
      protocol "Duty Team Manager" {
        raised by Practitioner
        source "test"
        role Practitioner "Practitioner"
        role TeamManager "Team Manager"
        role DutyTeamManager "Duty Team Manager"
        role ServiceManager "Service Manager"
        stage 1 "Team Manager" {
          to TeamManager, or DutyTeamManager when unavailable source "if the Team Manager is unavailable, the Duty Team Manager"
          respond within 2 working days
          source "Stage 1"
        }
        stage 2 "Service Manager" {
          to ServiceManager
          respond within 5 working days
          when not resolved go to resolved
          source "Stage 2"
        }
      }
      """;

  private static final Protocol PROTOCOL = OperationalModelTest.compile(DUTY);
  private static final GeneratedMachines MACHINES = new GeneratedMachines(List.of(PROTOCOL));
  private static final Instant T0 = Instant.parse("2026-12-14T09:00:00Z");

  private static Instant at(int minutes) {
    return T0.plusSeconds(60L * minutes);
  }

  /** The engine and the generated machine, each with a host that writes down what it is told. */
  private static List<EscalationMachine> machines(List<RecordingListener> hosts) {
    List<Supplier<EscalationMachine>> makers = List.of(
        () -> new Escalation(PROTOCOL, Escalation.of(PROTOCOL).calendar(), hosts.get(0)),
        () -> MACHINES.machine(0, hosts.get(1)));
    List<EscalationMachine> out = new ArrayList<>();
    makers.forEach(m -> out.add(m.get()));
    out.forEach(m -> m.apply(new CaseEvent.Raise(T0, "Practitioner", Optional.empty(),
        Optional.empty())));
    return out;
  }


  @Test
  void theSubstituteAnswersOnlyOnceTheAddresseeIsSaidToBeUnavailable() {
    List<RecordingListener> hosts = List.of(new RecordingListener(), new RecordingListener());
    List<EscalationMachine> m = machines(hosts);

    RefusedEvent early = EngineAndMachine.refused(m, new CaseEvent.Respond(at(1), "DutyTeamManager", true));
    assertEquals("stage 1 is answered by TeamManager, not DutyTeamManager: DutyTeamManager "
        + "answers in TeamManager's place only once TeamManager is said to be unavailable",
        early.rule());
    assertEquals(RefusedEvent.Kind.NOT_NOW, early.kind());
    assertEquals(Optional.of("if the Team Manager is unavailable, the Duty Team Manager"),
        early.citation().map(c -> c.text()));

    RefusedEvent nobody = EngineAndMachine.refused(m, new CaseEvent.Unavailable(at(2), "ServiceManager"));
    assertEquals(RefusedEvent.Kind.FORBIDDEN, nobody.kind(), "no stage names a substitute for"
        + " the Service Manager");
    assertEquals(RefusedEvent.Kind.UNKNOWN,
        EngineAndMachine.refused(m, new CaseEvent.Unavailable(at(2), "Nobody")).kind());

    for (EscalationMachine x : m) {
      x.apply(new CaseEvent.Unavailable(at(3), "TeamManager"));
    }
    assertEquals(hosts.get(0).told, hosts.get(1).told, "the host is told the same");
    assertEquals(new Effect.EscalateTo("1", List.of("DutyTeamManager"), false,
        PROTOCOL.stages().get(0).steps().get(0).citation()),
        hosts.get(0).told.get(hosts.get(0).told.size() - 1),
        "the escalation is sent to the substitute");
    assertEquals(List.of("TeamManager"), m.get(0).state().currentVisit().orElseThrow()
        .unavailable());
    assertEquals(m.get(0).state(), m.get(1).state());

    RefusedEvent again = EngineAndMachine.refused(m, new CaseEvent.Unavailable(at(4), "TeamManager"));
    assertEquals("TeamManager has already been said to be unavailable at stage 1: "
        + "DutyTeamManager stands in", again.rule());

    for (EscalationMachine x : m) {
      x.apply(new CaseEvent.Respond(at(5), "DutyTeamManager", false));
    }
    assertEquals(Optional.of("2"), m.get(0).state().stage());
    assertEquals(m.get(0).state(), m.get(1).state());
    // a new stay: stage 1's substitute answers nothing there, and stands in for no one
    EngineAndMachine.refused(m, new CaseEvent.Respond(at(6), "DutyTeamManager", true));
    assertEquals(RefusedEvent.Kind.NOT_NOW,
        EngineAndMachine.refused(m, new CaseEvent.Unavailable(at(6), "TeamManager")).kind());
  }

  @Test
  void unavailabilityIsReadBackFromTheLog() {
    Escalation e = Escalation.of(PROTOCOL);
    e.apply(new CaseEvent.Raise(T0, "Practitioner", Optional.empty(), Optional.empty()));
    e.apply(new CaseEvent.Unavailable(at(1), "TeamManager"));
    String log = EventLog.format(e.log(), PROTOCOL);
    Escalation back = Escalation.restore(PROTOCOL, e.calendar(),
        new org.escalon.engine.EscalationListener() { }, EventLog.parse(log));
    assertEquals(e.state(), back.state());
    back.apply(new CaseEvent.Respond(at(2), "DutyTeamManager", true));
    assertEquals(Optional.of("resolved"), back.state().outcome());
  }
}
