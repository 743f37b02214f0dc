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
import org.escalon.engine.EscalationState;
import org.escalon.engine.EventLog;
import org.escalon.engine.Keyed;
import org.escalon.engine.RefusedEvent;
import org.escalon.engine.Snapshot;
import org.escalon.engine.TypedMachine;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

/**
 * Only the role that raised an escalation withdraws it (issue 13, point 3): the state records who
 * raised it, in the engine and the generated machines alike; a withdrawal by anyone else, even a
 * role that could have raised it, is refused {@code FORBIDDEN} with the rule and its citation and
 * changes nothing. A log written before migrations recorded the raiser still restores.
 */
class OnlyTheRaiserWithdrawsTest {

  private static final Protocol RAISERS = OperationalModelTest.compile("""
      protocol "Raisers" {
        raised by IRO source "the IRO raises a concern"
        source "test"
        role IRO "Independent Reviewing Officer"
        role Chair "Conference Chair"
        role TeamManager "Team Manager"
        role Director "Director"
        stage 1 "One" { source "1" to TeamManager respond within 5 working days }
        stage 2 "Two" {
          source "2"
          to Director
          respond within 5 working days
          when not resolved go to cafcass
        }
        outcome cafcass "Referral to Cafcass" { source "Cafcass" }
        Chair may start at stage 2 source "the Chair may escalate straight to stage 2"
      }
      """);
  private static final GeneratedMachines MACHINES = new GeneratedMachines(List.of(RAISERS));
  private static final Instant T0 = Instant.parse("2026-12-14T09:00:00Z");
  private static final Instant T1 = T0.plusSeconds(60);

  private static final CaseEvent IRO_RAISES = new CaseEvent.Raise(T0, "IRO", Optional.empty(),
      Optional.empty());
  private static final CaseEvent CHAIR_RAISES = new CaseEvent.Raise(T0, "Chair",
      Optional.of("2"), Optional.empty());

  private static CaseEvent withdraw(String by) {
    return new CaseEvent.Withdraw(T1, by, Optional.of("no longer needed"));
  }

  /** The refusal of the event, after checking it left the machine exactly as it was. */
  private static RefusedEvent refused(EscalationMachine m, CaseEvent event) {
    EscalationState before = m.state();
    List<CaseEvent> logged = m.log();
    RefusedEvent refusal = assertThrows(RefusedEvent.class, () -> m.apply(event));
    assertEquals(before, m.state(), "a refusal changes nothing");
    assertEquals(logged, m.log(), "a refusal is not logged");
    return refusal;
  }

  private static String words(RefusedEvent r) {
    return r.rule() + " | " + r.span() + " | " + r.citation() + " | " + r.kind();
  }

  @SuppressWarnings("unchecked")
  private static TypedMachine<?, ?, ?, Keyed> generated() {
    return (TypedMachine<?, ?, ?, Keyed>) MACHINES.machine(0, new EscalationListener() { });
  }

  @Test
  void theEngineRefusesAWithdrawalByARoleThatDidNotRaiseIt() {
    // the Chair may raise escalations, but did not raise this one; the refusal cites the
    // protocol's source (the lowering keeps no citation of its own for `raised by`)
    onlyTheRaiserWithdraws(IRO_RAISES, "Chair", "test");
    // raised by the Chair under its right to start: the refusal cites that right
    onlyTheRaiserWithdraws(CHAIR_RAISES, "IRO", "the Chair may escalate straight to stage 2");
  }

  /** After the raise, {@code other} may not withdraw (nor may the TeamManager); the raiser may. */
  private static void onlyTheRaiserWithdraws(CaseEvent raise, String other, String cited) {
    String raiser = ((CaseEvent.Raise) raise).by();
    Escalation engine = Escalation.of(RAISERS);
    engine.apply(raise);
    assertEquals(Optional.of(raiser), engine.state().raisedBy());
    RefusedEvent refusal = refused(engine, withdraw(other));
    assertEquals("an escalation is withdrawn by the role that raised it (" + raiser + "), not "
        + other, refusal.rule());
    assertEquals(RefusedEvent.Kind.FORBIDDEN, refusal.kind());
    assertEquals(Optional.of(cited), refusal.citation().map(c -> c.text()));
    assertTrue(refusal.span().isKnown(), refusal.getMessage());
    assertEquals(RefusedEvent.Kind.FORBIDDEN, refused(engine, withdraw("TeamManager")).kind());
    engine.apply(withdraw(raiser));
    assertEquals(Optional.of("withdrawn"), engine.state().outcome());
  }

  @Test
  void aGeneratedMachineRefusesItAsTheEngineDoes() {
    for (CaseEvent raise : List.of(IRO_RAISES, CHAIR_RAISES)) {
      Escalation engine = Escalation.of(RAISERS);
      TypedMachine<?, ?, ?, Keyed> machine = generated();
      engine.apply(raise);
      machine.apply(raise);
      String raiser = ((CaseEvent.Raise) raise).by();
      assertEquals(Optional.of(raiser), machine.raisedBy().map(Keyed::key));
      assertEquals(engine.state(), machine.state());
      for (String other : List.of("IRO", "Chair", "TeamManager")) {
        if (!other.equals(raiser)) {
          assertEquals(words(refused(engine, withdraw(other))),
              words(refused(machine, withdraw(other))));
        }
      }
      // the typed method, with the generated role
      machine.withdraw(T1, machine.role(raiser), "no longer needed");
      engine.apply(withdraw(raiser));
      assertTrue(machine.withdrawn());
      assertEquals(engine.state(), machine.state());
      assertEquals(engine.log(), machine.log());
    }
  }

  @Test
  void whoRaisedItIsInTheSnapshotAndComesBackWithIt() {
    Escalation byChair = Escalation.of(RAISERS);
    byChair.apply(CHAIR_RAISES);
    Escalation restored = Snapshot.restore(Snapshot.write(byChair), RAISERS, byChair.calendar(),
        new EscalationListener() { });
    assertEquals(Optional.of("Chair"), restored.state().raisedBy());
    assertEquals(RefusedEvent.Kind.FORBIDDEN, refused(restored, withdraw("IRO")).kind());
  }

  /**
   * A migration names the raiser ({@code raised-by=}); a {@code migrated} line written before it
   * did still restores, with the raiser unknown: any role that may raise one may withdraw it, as
   * before, and a role that may not is refused. The generated machine agrees.
   */
  @Test
  void aMigratedLogWithoutTheRaiserStillRestores() {
    String migrated = "2026-12-14T09:00:00Z migrated from-version=1 from-fingerprint=x"
        + " raised=2026-12-10T09:00:00Z%s stage=2 entered=2026-12-14T09:00:00Z completed=1"
        + " agreements=\"\" advice=\"\" facts=\"\"\n";
    String header = "# escalon snapshot 1\n# protocol: Raisers\n# version: \n";
    String old = header + migrated.formatted("");
    Escalation engine = Snapshot.restore(old, RAISERS, Escalation.of(RAISERS).calendar(),
        new EscalationListener() { });
    assertEquals(Optional.empty(), engine.state().raisedBy());
    TypedMachine<?, ?, ?, Keyed> machine = generated();
    Snapshot.events(old, RAISERS).forEach(machine::apply);
    assertEquals(engine.state(), machine.state());
    assertEquals(Optional.empty(), machine.raisedBy());
    RefusedEvent nobody = refused(engine, withdraw("TeamManager"));
    assertTrue(nobody.rule().contains("the log does not say which"), nobody.rule());
    assertEquals(RefusedEvent.Kind.FORBIDDEN, nobody.kind());
    assertEquals(words(nobody), words(refused(machine, withdraw("TeamManager"))));
    engine.apply(withdraw("Chair"));
    machine.apply(withdraw("Chair"));
    assertEquals(engine.state(), machine.state());

    // written now, the line names the raiser, which is then the only one to withdraw
    String named = header + migrated.formatted(" raised-by=IRO");
    Escalation byIro = Snapshot.restore(named, RAISERS, Escalation.of(RAISERS).calendar(),
        new EscalationListener() { });
    assertEquals(Optional.of("IRO"), byIro.state().raisedBy());
    assertEquals(RefusedEvent.Kind.FORBIDDEN, refused(byIro, withdraw("Chair")).kind());
    assertEquals(byIro.log(), EventLog.parse(EventLog.format(byIro.log(), RAISERS)),
        "raised-by= is written and read back");
    assertTrue(EventLog.format(byIro.log(), RAISERS).contains(" raised-by=IRO "));

    // a raiser the protocol does not have is not a log the engine could have written
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> Snapshot.restore(header + migrated.formatted(" raised-by=\"Nobody\\n\""), RAISERS,
            Escalation.of(RAISERS).calendar(), new EscalationListener() { }));
    assertTrue(unknown.getMessage().startsWith("line 4 of the log: the engine refuses this event"),
        unknown.getMessage());
  }
}
