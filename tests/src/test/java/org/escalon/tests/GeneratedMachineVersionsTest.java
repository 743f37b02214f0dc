package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationListener;
import org.escalon.engine.EscalationMachine;
import org.escalon.engine.Keyed;
import org.escalon.engine.TypedMachine;
import org.escalon.migration.Migration;
import org.escalon.migration.MigrationPlan;
import org.junit.jupiter.api.Test;

/**
 * Generated machines and versions (issue 15): a log that starts with a migration replays in the
 * generated machine of the version it moved to exactly as in the engine, and two versions'
 * machines share one typed interface, so a host can hold and drive either.
 */
class GeneratedMachineVersionsTest {

  private static final GeneratedMachines MACHINES = new GeneratedMachines(
      List.of(MigrationTest.KENT, MigrationTest.KENT_V2));

  @Test
  void aMigratedLogReplaysInTheGeneratedMachineAsInTheEngine() {
    MigrationPlan plan = MigrationPlan.between(MigrationTest.KENT, MigrationTest.KENT_V2)
        .mapEqualStages().build();
    Escalation live = MigrationTest.at(MigrationTest.KENT, "3", new EscalationListener() {});
    Instant move = live.state().currentVisit().orElseThrow().entered().plusSeconds(60);
    Escalation moved = new Migration(plan).migrate(live, move, new EscalationListener() {});
    assertInstanceOf(CaseEvent.Migrated.class, moved.log().get(0));
    RecordingListener heard = new RecordingListener();
    EscalationMachine machine = MACHINES.machine(1, heard);
    for (CaseEvent event : moved.log()) {
      machine.apply(event);
    }
    assertEquals(moved.state(), machine.state());
    assertEquals(moved.log(), machine.log());
    assertEquals(List.of(), heard.told, "a migration tells nobody again");
    // from there on, time passes under the new version in both
    Instant later = move.plus(60, ChronoUnit.DAYS);
    moved.advanceTo(later);
    machine.advanceTo(later);
    assertEquals(moved.state(), machine.state());
    assertEquals(moved.log(), machine.log());
  }

  @Test
  void twoVersionsMachinesAreHeldAndDrivenThroughOneTypedInterface() {
    Instant raised = Instant.parse("2026-12-14T09:00:00Z");
    for (int version = 0; version < 2; version++) {
      TypedMachine<?, ?, ?, ?> machine = (TypedMachine<?, ?, ?, ?>) MACHINES.machine(version,
          new EscalationListener() {});
      machine.raise(raised);
      answer(machine, raised.plus(1, ChronoUnit.HOURS), "SocialWorker");
      assertEquals("1", machine.stage().map(Keyed::key).orElseThrow(), "version " + version);
      machine.passTimeTo(raised.plus(400, ChronoUnit.DAYS));
      // Cafcass needs an agreement and advice nobody gave: it waits for them
      assertEquals("cafcass", machine.waitingFor().map(Keyed::key).orElse("none"));
    }
  }

  /** A host's call that works on either version: the role is looked up by its name. */
  private static <R extends Keyed> void answer(TypedMachine<?, ?, ?, R> machine, Instant at,
      String role) {
    machine.respond(at, machine.role(role), false);
  }
}
