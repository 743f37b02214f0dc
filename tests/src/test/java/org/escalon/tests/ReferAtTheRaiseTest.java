package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationListener;
import org.escalon.engine.EscalationMachine;
import org.escalon.engine.RefusedEvent;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

/**
 * A right limited in time (issue 14 point 8): {@code IRO may refer to cafcass at the raise
 * concurrently}, "a concurrent referral to Cafcass at the same time that s/he instigates the
 * dispute resolution process", is accepted dated the raise's instant and refused later, by the
 * engine and the generated machine alike.
 */
class ReferAtTheRaiseTest {

  private static final Protocol AT_RAISE = ProtocolsTest.compile(Repository.root()
      .resolve("tests/src/test/resources/rights/refer-at-the-raise.esc")).protocol().orElseThrow();
  private static final GeneratedMachines MACHINES = new GeneratedMachines(List.of(AT_RAISE));
  private static final Instant T0 = Instant.parse("2027-03-22T09:00:00Z");
  private static final CaseEvent RAISE = new CaseEvent.Raise(T0, "IRO", Optional.empty(),
      Optional.empty());

  private static CaseEvent refer(Instant at) {
    return new CaseEvent.Refer(at, "IRO", "cafcass", Optional.empty());
  }

  @Test
  void aReferralAtTheRaiseRunsAlongside() {
    Escalation engine = Escalation.of(AT_RAISE);
    EscalationMachine machine = MACHINES.machine(0, new EscalationListener() {});
    for (CaseEvent e : List.of(RAISE, refer(T0))) {
      engine.apply(e);
      machine.apply(e);
    }
    assertEquals(List.of("cafcass"), engine.state().referrals());
    assertEquals(Optional.of("1"), engine.state().stage());
    assertEquals(engine.state(), machine.state());
  }

  @Test
  void laterItIsRefusedCitingTheRight() {
    Escalation engine = Escalation.of(AT_RAISE);
    EscalationMachine machine = MACHINES.machine(0, new EscalationListener() {});
    engine.apply(RAISE);
    machine.apply(RAISE);
    RefusedEvent byEngine = assertThrows(RefusedEvent.class,
        () -> engine.apply(refer(T0.plusSeconds(3_600))));
    RefusedEvent byMachine = assertThrows(RefusedEvent.class,
        () -> machine.apply(refer(T0.plusSeconds(3_600))));
    assertTrue(byEngine.getMessage().contains("only at the raise"), byEngine.getMessage());
    assertEquals(byEngine.getMessage(), byMachine.getMessage());
  }
}
