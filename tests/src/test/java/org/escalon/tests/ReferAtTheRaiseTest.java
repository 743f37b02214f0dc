package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationListener;
import org.escalon.engine.EscalationMachine;
import org.escalon.engine.RefusedEvent;
import org.escalon.machine.Facts;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.RightsTable;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.Target;
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
  /** The same right, then one usable at any time that ends the escalation in the outcome. */
  private static final Protocol BOTH = ProtocolsTest.compile(Repository.root()
      .resolve("tests/src/test/resources/rights/refer-at-the-raise-and-any-time.esc")).protocol()
      .orElseThrow();
  private static final GeneratedMachines MACHINES = new GeneratedMachines(
      List.of(AT_RAISE, BOTH));
  private static final Instant T0 = Instant.parse("2027-03-22T09:00:00Z");
  private static final CaseEvent RAISE = new CaseEvent.Raise(T0, "IRO", Optional.empty(),
      Optional.empty());

  private static CaseEvent refer(Instant at) {
    return new CaseEvent.Refer(at, "IRO", "cafcass", Optional.empty());
  }

  /**
   * Raises the escalation and refers it at the raise, on the engine and
   * the generated machine alike; the referral runs alongside, at stage 1.
   */
  private static void referredAtTheRaise(Escalation engine, EscalationMachine machine) {
    for (CaseEvent e : List.of(RAISE, refer(T0))) {
      engine.apply(e);
      machine.apply(e);
    }
    assertEquals(List.of("cafcass"), engine.state().referrals());
    assertEquals(Optional.of("1"), engine.state().stage());
    assertEquals(engine.state(), machine.state());
  }

  @Test
  void aReferralAtTheRaiseRunsAlongside() {
    referredAtTheRaise(Escalation.of(AT_RAISE),
        MACHINES.machine(0, new EscalationListener() {}));
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

  @Test
  void atTheRaiseTheFirstRightAppliesAndLaterTheOneForAnyTime() {
    // at the raise: the right limited to the raise (concurrent), declared first
    Escalation engine = Escalation.of(BOTH);
    EscalationMachine machine = MACHINES.machine(1, new EscalationListener() {});
    referredAtTheRaise(engine, machine);
    // later: the right limited to the raise no longer shadows the one for any time, which ends
    // the escalation in the outcome instead of being refused as too late
    CaseEvent later = refer(T0.plusSeconds(3_600));
    engine.apply(later);
    machine.apply(later);
    assertEquals(Optional.of("cafcass"), engine.state().outcome());
    assertEquals(engine.state(), machine.state());
  }

  @Test
  void theRightsTableWeighsTheMoment() {
    RightsTable rights = OperationalModel.of(BOTH).rights();
    Target cafcass = new Target.ToOutcome("cafcass");
    Facts none = Facts.ofAttributes(Map.of());
    assertFalse(rights.find(Right.Kind.REFER, "IRO", cafcass, Optional.of("1"), none, false)
        .applies().orElseThrow().atRaise());
    assertTrue(rights.find(Right.Kind.REFER, "IRO", cafcass, Optional.of("1"), none, true)
        .applies().orElseThrow().atRaise());
    // with only the right at the raise, later it is still the one found, so that it is refused in
    // its own words ("only at the raise")
    assertTrue(OperationalModel.of(AT_RAISE).rights().find(Right.Kind.REFER, "IRO", cafcass,
        Optional.of("1"), none, false).applies().orElseThrow().atRaise());
  }
}
