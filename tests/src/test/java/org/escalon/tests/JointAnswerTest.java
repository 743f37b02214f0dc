package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationListener;
import org.escalon.engine.EscalationMachine;
import org.escalon.engine.EscalationState;
import org.escalon.engine.EventLog;
import org.escalon.engine.RefusedEvent;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

/**
 * Who answers a stage (issue 14, point 7): {@code to A or B}, either may answer; {@code to A and
 * B}, each must, and the stage is resolved only when each has answered resolving. The engine and
 * the generated machine agree, event by event, and a refusal changes nothing.
 */
class JointAnswerTest {

  static final String JOINT = """
      protocol "Joint judgement" {
        raised by IRO
        source "test"
        role IRO "Independent Reviewing Officer"
        role TeamManager "Team Manager"
        role ServiceManager "Service Manager"
        role CPChair "Child Protection Chair"
        role HeadOfQA "Head of Quality Assurance"
        role Director "Director"
        stage 1 "Team or Service Manager" {
          to TeamManager or ServiceManager
          respond within 5 working days
          source "Stage 1: the Team Manager or Service Manager"
        }
        stage 2 "Chair and Head of QA" {
          to CPChair and HeadOfQA
          respond within 5 working days
          source "Stage 2: until the CP Chair and the Head of QA are satisfied"
        }
        stage 3 "Director" {
          to Director
          respond within 5 working days
          when not resolved go to resolved
          source "Stage 3"
        }
      }
      """;

  private static final Protocol PROTOCOL = OperationalModelTest.compile(JOINT);
  private static final GeneratedMachines MACHINES = new GeneratedMachines(List.of(PROTOCOL));
  private static final Instant T0 = Instant.parse("2026-12-14T09:00:00Z");

  private static CaseEvent respond(int minutes, String by, boolean resolving) {
    return new CaseEvent.Respond(T0.plusSeconds(60L * minutes), by, resolving);
  }

  private static final CaseEvent RAISE = new CaseEvent.Raise(T0, "IRO", Optional.empty(),
      Optional.empty());

  /** The engine and the generated machine, raised and given the same events. */
  private static List<EscalationMachine> both(List<CaseEvent> events) {
    List<CaseEvent> all = new ArrayList<>(List.of(RAISE));
    all.addAll(events);
    return EngineAndMachine.both(PROTOCOL, MACHINES, all);
  }


  static final String JUDGED = """
      protocol "Judged by the IRO" {
        raised by IRO
        source "test"
        role IRO "Independent Reviewing Officer"
        role TeamManager "Team Manager"
        role ServiceManager "Service Manager"
        role HeadOfQA "Head of Quality Assurance"
        stage 1 "To the Team Manager" {
          to TeamManager
          judged by IRO    source "the decision that it is resolved sits with the IRO"
          respond within 5 working days
          source "Stage 1"
        }
        stage 2 "To the Service Manager" {
          to ServiceManager
          judged by IRO and HeadOfQA
          respond within 5 working days
          when not resolved go to resolved
          source "Stage 2"
        }
      }
      """;

  @Test
  void theJudgesAnswerAStageJudgedByThemNotItsAddressees() {
    Protocol judged = OperationalModelTest.compile(JUDGED);
    GeneratedMachines machines = new GeneratedMachines(List.of(judged));
    List<String> said = new ArrayList<>();
    List<EscalationState> states = new ArrayList<>();
    for (Supplier<EscalationMachine> make : List.<Supplier<EscalationMachine>>of(
        () -> Escalation.of(judged), () -> machines.machine(0, new EscalationListener() { }))) {
      EscalationMachine m = make.get();
      m.apply(RAISE);
      EscalationState before = m.state();
      RefusedEvent r = assertThrows(RefusedEvent.class, () -> m.apply(respond(1,
          "TeamManager", true)));
      assertEquals(before, m.state(), "a refusal changes nothing");
      assertEquals("stage 1 is answered by IRO, not TeamManager", r.rule());
      assertEquals(Optional.of("the decision that it is resolved sits with the IRO"),
          r.citation().map(c -> c.text()));
      said.add(r.getMessage() + " | " + r.kind());
      m.apply(respond(2, "IRO", false));
      m.apply(respond(3, "HeadOfQA", true));
      assertEquals(Optional.of("2"), m.state().stage(), "the IRO must judge it resolved too");
      m.apply(respond(4, "IRO", true));
      assertEquals(Optional.of("resolved"), m.state().outcome());
      states.add(m.state());
    }
    assertEquals(said.get(0), said.get(1));
    assertEquals(states.get(0), states.get(1));
  }

  @Test
  void eitherMayAnswerAStageToAOrB() {
    List<EscalationMachine> m = both(List.of(respond(1, "ServiceManager", false)));
    assertEquals(Optional.of("2"), m.get(0).state().stage());
  }

  @Test
  void aStageToAAndBIsResolvedOnlyWhenEachHasAnswered() {
    List<CaseEvent> events = List.of(respond(1, "TeamManager", false), respond(2, "CPChair", true));
    List<EscalationMachine> m = both(events);
    EscalationState waiting = m.get(0).state();
    assertEquals(Optional.of("2"), waiting.stage(), "the Head of QA has not answered yet");
    assertEquals(List.of("CPChair"), waiting.currentVisit().orElseThrow().answered());

    RefusedEvent again = EngineAndMachine.refused(m, respond(3, "CPChair", true));
    assertEquals("stage 2 is resolved when CPChair and HeadOfQA have each answered: CPChair has "
        + "answered, waiting for HeadOfQA", again.rule());
    assertEquals(RefusedEvent.Kind.NOT_NOW, again.kind());
    assertTrue(again.span().isKnown(), "cites the `to` line");
    EngineAndMachine.refused(m, respond(3, "Director", true));

    List<CaseEvent> all = new ArrayList<>(events);
    all.add(respond(4, "HeadOfQA", true));
    EscalationState resolved = both(all).get(0).state();
    assertEquals(Optional.of("resolved"), resolved.outcome());
    assertEquals(List.of("CPChair"), resolved.visits().get(1).answered());
  }

  @Test
  void oneUnsatisfactoryAnswerOfAJointStageGoesOnAtOnce() {
    List<EscalationMachine> m = both(List.of(respond(1, "TeamManager", false),
        respond(2, "CPChair", true), respond(3, "HeadOfQA", false)));
    assertEquals(Optional.of("3"), m.get(0).state().stage());
  }

  @Test
  void aPartAnswerIsReadBackFromTheLog() {
    Escalation e = Escalation.of(PROTOCOL);
    e.apply(RAISE);
    e.apply(respond(1, "TeamManager", false));
    e.apply(respond(2, "HeadOfQA", true));
    Escalation back = Escalation.restore(PROTOCOL, e.calendar(), new EscalationListener() { },
        EventLog.parse(EventLog.format(e.log(), PROTOCOL)));
    assertEquals(e.state(), back.state());
    back.apply(respond(3, "CPChair", true));
    assertEquals(Optional.of("resolved"), back.state().outcome());
  }
}
