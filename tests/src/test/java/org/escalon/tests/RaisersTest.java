package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationListener;
import org.escalon.engine.EscalationMachine;
import org.escalon.engine.RefusedEvent;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

/**
 * Who raises (issue 14, point 7): {@code raised by IRO or CPChair}, either may raise, a trigger
 * names which of them raises it, and whoever raised a case is its escalator (the soft deadline's
 * {@code Escalate}, the withdrawal). The engine and the generated machine agree, event by event,
 * and refuse in the same words.
 */
class RaisersTest {

  static final String RAISERS = """
      protocol "Raised by the IRO or the CP Chair" {
        raised by IRO or CPChair
        source "test: concerns identified by the IRO or the CP Chair"
        role IRO "Independent Reviewing Officer"
        role CPChair "Child Protection Chair"
        role TeamManager "Team Manager"
        role ServiceManager "Service Manager"
        event plan_not_endorsed "The conference did not endorse the plan"
        stage 1 "To the Team Manager" {
          to TeamManager
          respond within 5 working days where possible
          source "Stage 1"
        }
        stage 2 "To the Service Manager" {
          to ServiceManager
          respond within 5 working days
          when not resolved go to resolved
          source "Stage 2"
        }
        trigger not_endorsed "Plan not endorsed" {
          when plan_not_endorsed occurs at least 1 times
          raise at stage 1 by CPChair
          source "s5: disagreement with the CP plan"
        }
      }
      """;

  private static final Protocol PROTOCOL = OperationalModelTest.compile(RAISERS);
  private static final GeneratedMachines MACHINES = new GeneratedMachines(List.of(PROTOCOL));
  private static final Instant T0 = Instant.parse("2026-12-14T09:00:00Z");
  private static final Instant LATER = Instant.parse("2026-12-23T12:00:00Z");

  private static CaseEvent raise(String by) {
    return new CaseEvent.Raise(T0, by, Optional.empty(), Optional.empty());
  }

  /** The engine and the generated machine, given the same events. */
  private static List<EscalationMachine> both(List<CaseEvent> events) {
    return EngineAndMachine.both(PROTOCOL, MACHINES, events);
  }

  @Test
  void eitherRoleOnTheRaisedByLineRaisesAndNoOtherDoes() {
    RefusedEvent r = EngineAndMachine.refused(both(List.of()), raise("TeamManager"));
    assertEquals("escalations are raised by IRO or CPChair, not TeamManager", r.rule());
    assertEquals(RefusedEvent.Kind.FORBIDDEN, r.kind());
    assertEquals(Optional.of("CPChair"), both(List.of(raise("CPChair"))).get(0).state().raisedBy());
    assertEquals(Optional.of("IRO"), both(List.of(raise("IRO"))).get(0).state().raisedBy());
  }

  @Test
  void whoeverRaisedTheCaseEscalatesAfterASoftDeadlineAndWithdrawsIt() {
    List<EscalationMachine> m = both(List.of(raise("CPChair")));
    m.forEach(x -> x.advanceTo(LATER));
    RefusedEvent r = EngineAndMachine.refused(m, new CaseEvent.Escalate(LATER, "IRO"));
    assertEquals("after a soft deadline is missed, the escalation is moved on by the role that "
        + "raised it (CPChair), not IRO", r.rule());
    EngineAndMachine.refused(m, new CaseEvent.Withdraw(LATER, "IRO", Optional.of("changed")));
    m.forEach(x -> x.apply(new CaseEvent.Escalate(LATER, "CPChair")));
    assertEquals(m.get(0).state(), m.get(1).state());
    assertEquals(Optional.of("2"), m.get(0).state().stage());
  }

  @Test
  void aTriggerRaisesAsTheRoleItNames() {
    List<EscalationMachine> m = both(List.of(new CaseEvent.Occur(T0, "plan_not_endorsed")));
    assertEquals(Optional.of("CPChair"), m.get(0).state().raisedBy());
    assertEquals(Optional.of("1"), m.get(0).state().stage());
  }

  static final String ESCALATED_BY = """
      protocol "Escalated by the team manager" {
        raised by Practitioner
        source "test"
        role Practitioner "Practitioner"
        role TeamManager "Team Manager"
        role OtherPractitioner "Practitioner in the other agency"
        role OtherTeamManager "Team Manager in the other agency"
        stage 1 "Practitioner to practitioner" {
          to OtherPractitioner
          respond within 5 working days where possible
          source "Stage 1"
        }
        stage 2 "Team Manager to Team Manager" {
          to OtherTeamManager
          escalated by TeamManager  source "Stage 2: the team manager escalates it"
          respond within 5 working days where possible
          when not resolved go to resolved
          source "Stage 2"
        }
      }
      """;

  @Test
  void theStagesEscalatorMovesItOnInPlaceOfTheRaiser() {
    Protocol p = OperationalModelTest.compile(ESCALATED_BY);
    GeneratedMachines machines = new GeneratedMachines(List.of(p));
    List<EscalationMachine> m = new ArrayList<>();
    for (Supplier<EscalationMachine> make : List.<Supplier<EscalationMachine>>of(
        () -> Escalation.of(p), () -> machines.machine(0, new EscalationListener() { }))) {
      EscalationMachine x = make.get();
      x.apply(raise("Practitioner"));
      x.advanceTo(LATER);
      x.apply(new CaseEvent.Escalate(LATER, "Practitioner"));
      m.add(x);
    }
    assertEquals(Optional.of("2"), m.get(0).state().stage(), "stage 1: the raiser escalates");
    Instant later = LATER.plusSeconds(86_400L * 20);
    m.forEach(x -> x.advanceTo(later));
    RefusedEvent r = EngineAndMachine.refused(m, new CaseEvent.Escalate(later, "Practitioner"));
    assertEquals("after a soft deadline is missed, the escalation is moved on by the role that "
        + "escalates stage 2 (TeamManager), not Practitioner", r.rule());
    assertEquals(Optional.of("Stage 2: the team manager escalates it"),
        r.citation().map(c -> c.text()));
    m.forEach(x -> x.apply(new CaseEvent.Escalate(later, "TeamManager")));
    assertEquals(m.get(0).state(), m.get(1).state());
    assertEquals(Optional.of("resolved"), m.get(0).state().outcome());
  }
}
