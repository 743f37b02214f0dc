package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationListener;
import org.escalon.engine.EscalationMachine;
import org.escalon.engine.RefusedEvent;
import org.escalon.engine.Snapshot;
import org.escalon.model.Protocol;
import org.escalon.model.Timespan;
import org.junit.jupiter.api.Test;

/**
 * The engine cases of {@code shared/reliability/R2R3Engine.java} on Kent's generated machine,
 * beside the engine (whose own tests are {@link EngineWhoMayActTest} and {@link EventLogTest}):
 * each is refused, or read back, in the same words, kind and citation, and leaves the same state.
 */
class GeneratedWhoMayActTest {

  private static final Protocol KENT = ProtocolsTest.compile(
      Repository.root().resolve("protocols/kent-iro.esc")).protocol().orElseThrow();
  private static final GeneratedMachines MACHINES = new GeneratedMachines(List.of(KENT));
  private static final Instant T0 = Instant.parse("2026-12-14T09:00:00Z");
  private static final CaseEvent RAISE = new CaseEvent.Raise(T0, "IRO", Optional.empty(),
      Optional.empty());

  /**
   * The engine and the generated machine, each raised, then given the same events; the kind of
   * the refusal, which both give.
   */
  private static RefusedEvent.Kind both(List<CaseEvent> accepted, CaseEvent refused, String rule) {
    List<Supplier<EscalationMachine>> machines = List.of(() -> Escalation.of(KENT),
        () -> MACHINES.machine(0, new EscalationListener() { }));
    List<String> refusals = new java.util.ArrayList<>();
    List<RefusedEvent.Kind> kinds = new java.util.ArrayList<>();
    List<Object> states = new java.util.ArrayList<>();
    for (Supplier<EscalationMachine> make : machines) {
      EscalationMachine m = make.get();
      m.apply(RAISE);
      accepted.forEach(m::apply);
      var before = m.state();
      RefusedEvent r = assertThrows(RefusedEvent.class, () -> m.apply(refused));
      assertEquals(before, m.state(), "a refusal changes nothing");
      assertEquals(rule, r.rule());
      refusals.add(r.getMessage() + " | " + r.citation() + " | " + r.kind());
      kinds.add(r.kind());
      states.add(m.state());
    }
    assertEquals(refusals.get(0), refusals.get(1), "the machine refuses as the engine does");
    assertEquals(states.get(0), states.get(1));
    return kinds.get(0);
  }

  @Test
  void cafcassCannotResolveTheInformalStage() {
    // Cafcass answers no stage of Kent's ladder: FORBIDDEN, in both
    assertEquals(RefusedEvent.Kind.FORBIDDEN, both(List.of(), new CaseEvent.Respond(
        T0.plusSeconds(60), "Cafcass", true),
        "stage informal is answered by SocialWorker, not Cafcass"));
  }

  @Test
  void cafcassCannotWithdrawAnEscalationItDidNotRaise() {
    assertEquals(RefusedEvent.Kind.FORBIDDEN, both(List.of(), new CaseEvent.Withdraw(
        T0.plusSeconds(60), "Cafcass", Optional.empty()),
        "an escalation is withdrawn by the role that raised it (IRO), not Cafcass"));
  }

  @Test
  void theIroCannotAnswerItsOwnEscalationToMoveItUp() {
    // the IRO answers no stage of Kent's ladder either
    assertEquals(RefusedEvent.Kind.FORBIDDEN, both(List.of(), new CaseEvent.Respond(
        T0.plusSeconds(60), "IRO", false),
        "stage informal is answered by SocialWorker, not IRO"));
  }

  @Test
  void moreTimeMustBePositive() {
    Instant t = T0.plusSeconds(3_600);
    both(List.of(new CaseEvent.Agree(t, "LineManager")), new CaseEvent.RequestExtension(t,
        "SocialWorker", Timespan.workingDays(-3), true, Optional.of("ill")),
        "more time must be a positive length of time, not -3 working days");
  }

  /** A bypass reason with a newline: the machine's snapshot restores, with the same state. */
  @Test
  void aReasonWithANewlineReadsBackFromTheMachinesSnapshot() {
    EscalationMachine machine = MACHINES.machine(0, new EscalationListener() { });
    machine.apply(RAISE);
    machine.apply(new CaseEvent.Decide(T0.plusSeconds(60), "IRO", "serious", true));
    machine.apply(new CaseEvent.Bypass(T0.plusSeconds(60), "IRO", "4",
        Optional.of("child at risk\nsee case note")));
    Escalation restored = Snapshot.restore(Snapshot.write(machine), KENT,
        Escalation.of(KENT).calendar(), new EscalationListener() { });
    assertEquals(machine.state(), restored.state());
    assertEquals(machine.log(), restored.log());
  }
}
