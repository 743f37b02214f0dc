package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.EscalationMachine;
import org.escalon.engine.EscalationState;
import org.escalon.engine.RefusedEvent;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

/**
 * A judgement a named role makes at any time (issue 14): {@code decision serious "..." by IRO}
 * declared in the protocol, outside every stage, read by the rights to start higher and to
 * bypass ({@code if serious}). The IRO may take it before the raise and during the case; anyone
 * else is refused, and nothing changes. The engine and the generated machine agree throughout.
 */
class JudgementTest {

  private static final Protocol PROTOCOL = ProtocolsTest.compile(
      Repository.root().resolve("tests/src/test/resources/constructs/judgement.esc")).protocol()
      .orElseThrow();
  private static final GeneratedMachines MACHINES = new GeneratedMachines(List.of(PROTOCOL));
  private static final Instant T0 = Instant.parse("2027-03-22T09:00:00Z");

  private static Instant at(int minutes) {
    return T0.plusSeconds(60L * minutes);
  }

  private static CaseEvent startAt(String stage, int minutes) {
    return new CaseEvent.Raise(at(minutes), "IRO", Optional.of(stage), Optional.empty());
  }

  private static List<EscalationMachine> both(List<CaseEvent> events) {
    return EngineAndMachine.both(PROTOCOL, MACHINES, events);
  }

  @Test
  void judgedSeriousBeforeTheRaiseTheIroStartsHigher() {
    for (EscalationMachine m : both(List.of(
        new CaseEvent.Decide(at(0), "IRO", "serious", true), startAt("2", 10)))) {
      assertEquals(Optional.of("2"), m.state().stage());
    }
  }

  @Test
  void notJudgedSeriousTheStartHigherIsNotNow() {
    // the right is the IRO's; its condition does not hold yet
    RefusedEvent r = EngineAndMachine.refused(both(List.of()), startAt("2", 10));
    assertEquals(RefusedEvent.Kind.NOT_NOW, r.kind());
    RefusedEvent no = EngineAndMachine.refused(both(List.of(
        new CaseEvent.Decide(at(0), "IRO", "serious", false))), startAt("3", 10));
    assertEquals(RefusedEvent.Kind.NOT_NOW, no.kind());
  }

  @Test
  void judgedByAnotherRoleItIsRefusedAndNothingChanges() {
    // before the raise, and during the case: `refused` checks that the state is unchanged
    RefusedEvent before = EngineAndMachine.refused(both(List.of()),
        new CaseEvent.Decide(at(0), "TeamManager", "serious", true));
    assertEquals(RefusedEvent.Kind.FORBIDDEN, before.kind());
    assertTrue(before.getMessage().contains("serious is decided by IRO, not TeamManager"),
        before.getMessage());
    assertEquals(13, before.span().line(), "cites the decision's line");
    List<EscalationMachine> raised = both(List.of(startAt("1", 0)));
    EngineAndMachine.refused(raised, new CaseEvent.Decide(at(5), "Director", "serious", true));
    // the refused judgement did not make the issue serious: the bypass is still refused
    assertEquals(RefusedEvent.Kind.NOT_NOW, EngineAndMachine.refused(raised,
        new CaseEvent.Bypass(at(10), "IRO", "3", Optional.empty())).kind());
  }

  @Test
  void judgedSeriousDuringTheCaseTheIroBypasses() {
    for (EscalationMachine m : both(List.of(startAt("1", 0),
        new CaseEvent.Decide(at(5), "IRO", "serious", true),
        new CaseEvent.Bypass(at(10), "IRO", "3", Optional.empty())))) {
      assertEquals(Optional.of("3"), m.state().stage());
    }
  }

  @Test
  void judgedAgainNotSeriousTheBypassIsForbiddenOnceMore() {
    List<EscalationMachine> raised = both(List.of(startAt("1", 0),
        new CaseEvent.Decide(at(5), "IRO", "serious", true),
        new CaseEvent.Decide(at(6), "IRO", "serious", false)));
    EngineAndMachine.refused(raised, new CaseEvent.Bypass(at(10), "IRO", "2", Optional.empty()));
  }

  @Test
  void theJudgementMayBeTakenAfterTheEnd() {
    // a fact of the case, like an attribute: it stands apart from the ladder
    List<EscalationMachine> ended = both(List.of(new CaseEvent.Decide(at(0), "IRO", "serious",
        true), startAt("3", 1), new CaseEvent.Respond(at(2), "Director", true),
        new CaseEvent.Decide(at(3), "IRO", "serious", false)));
    assertEquals(EscalationState.Status.ENDED, ended.get(0).state().status());
  }

  @Test
  void aDecisionCannotBeSetAsAnAttribute() {
    RefusedEvent r = EngineAndMachine.refused(both(List.of()),
        new CaseEvent.SetAttribute(at(0), "serious", "yes"));
    assertTrue(r.getMessage().contains("serious is a decision: IRO takes it at any time"),
        r.getMessage());
  }
}
