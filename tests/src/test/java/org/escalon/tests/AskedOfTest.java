package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.EscalationMachine;
import org.escalon.engine.RefusedEvent;
import org.escalon.model.Protocol;
import org.escalon.model.Timespan;
import org.junit.jupiter.api.Test;

/**
 * An extension requirement asked of some requesters only (issue 14): {@code requires agreement
 * of LineManager when requested by SocialWorker or CaseHoldingManager}. The engine and the
 * generated machine refuse a social worker's request before the agreement, in the same words and
 * changing nothing, and take a partner's without it.
 */
class AskedOfTest {

  private static final Protocol PROTOCOL = ProtocolsTest.compile(
      Repository.root().resolve("tests/src/test/resources/constructs/asked-of.esc")).protocol()
      .orElseThrow();
  private static final GeneratedMachines MACHINES = new GeneratedMachines(List.of(PROTOCOL));
  private static final Instant T0 = Instant.parse("2027-03-22T09:00:00Z");

  private static Instant at(int minutes) {
    return T0.plusSeconds(60L * minutes);
  }

  private static List<EscalationMachine> raisedThen(CaseEvent... events) {
    List<CaseEvent> all = new ArrayList<>(List.of(new CaseEvent.Raise(T0, "IRO",
        Optional.empty(), Optional.empty())));
    all.addAll(List.of(events));
    return EngineAndMachine.both(PROTOCOL, MACHINES, all);
  }

  private static CaseEvent ask(String by, int minutes) {
    return new CaseEvent.RequestExtension(at(minutes), by, Timespan.workingDays(3), true,
        Optional.empty());
  }

  @Test
  void aSocialWorkersRequestWaitsForTheLineManager() {
    RefusedEvent r = EngineAndMachine.refused(raisedThen(), ask("SocialWorker", 10));
    assertTrue(r.getMessage().contains("LineManager has not agreed"), r.getMessage());
    assertEquals(30, r.span().line(), "cites the requires line");
    RefusedEvent manager = EngineAndMachine.refused(raisedThen(), ask("CaseHoldingManager", 10));
    assertEquals(r.getMessage(), manager.getMessage());
  }

  @Test
  void onceTheLineManagerAgreesTheSocialWorkerMayAsk() {
    for (EscalationMachine m : raisedThen(new CaseEvent.Agree(at(5), "LineManager"),
        ask("SocialWorker", 10), new CaseEvent.GrantExtension(at(15), "IRO"))) {
      assertEquals(1, m.state().extensionsInTotal());
    }
  }

  @Test
  void aPartnersRequestNeedsNoAgreement() {
    for (EscalationMachine m : raisedThen(ask("MultiAgencyPartner", 10),
        new CaseEvent.GrantExtension(at(15), "IRO"))) {
      assertEquals(1, m.state().extensionsInTotal());
    }
  }
}
