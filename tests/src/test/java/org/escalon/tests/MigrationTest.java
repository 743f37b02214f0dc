package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationListener;
import org.escalon.engine.ProtocolMismatch;
import org.escalon.engine.Snapshot;
import org.escalon.engine.StageVisit;
import org.escalon.migration.Landing;
import org.escalon.migration.Migration;
import org.escalon.migration.MigrationPlan;
import org.escalon.migration.MigrationRefused;
import org.escalon.model.Protocol;
import org.escalon.model.Stage;
import org.escalon.model.Step;
import org.junit.jupiter.api.Test;

/**
 * Moving live escalations to a new version: Kent escalations at every stage moved to Kent v2,
 * each checked event by event against a fresh run under v2 from the landing point; a stage the
 * plan does not map is reported, not guessed; the move is an event that replays.
 */
class MigrationTest {

  static final Protocol KENT = VersionsTest.KENT;
  static final Protocol KENT_V2 = VersionsTest.compile("kent-iro-v2.esc",
      Repository.read(RevisionGoldenTest.REVISIONS.resolve("kent-iro-v2.esc")));
  static final Instant LATER = Instant.parse("2027-06-01T12:00:00Z");

  /** A Kent escalation raised on 14 December 2026, nobody responding, until it is at a stage. */
  static Escalation at(Protocol p, String stage, EscalationListener listener) {
    Escalation e = new Escalation(p, VersionsTest.calendar(p), listener);
    e.apply(new CaseEvent.Raise(VersionsTest.RAISED, "IRO", Optional.empty(), Optional.empty()));
    while (!e.state().stage().orElseThrow().equals(stage)) {
      e.advanceTo(e.nextDue().orElseThrow());
    }
    return e;
  }

  @Test
  void kentAtEveryStageMovesToV2AndRunsOnAsAFreshRunFromTheLandingPoint() {
    MigrationPlan plan = MigrationPlan.between(KENT, KENT_V2).mapEqualStages().build();
    assertEquals(List.of(), plan.unmapped());
    for (Stage stage : KENT.stages()) {
      Escalation live = at(KENT, stage.key(), new EscalationListener() {});
      StageVisit stay = live.state().currentVisit().orElseThrow();
      Instant move = stay.entered().plus(Duration.ofHours(1));
      Landing landing = new Migration(plan).validate(live, move);
      assertTrue(landing.canMove(), stage.key() + ": " + landing.describe());
      assertEquals(Optional.of(stage.key()), landing.stage());
      RecordingListener heard = new RecordingListener();
      Escalation moved = new Migration(plan).migrate(live, move, heard);
      assertEquals(landing.deadline(), moved.state().deadline(), stage.key());
      assertEquals(landing.completed(), moved.state().completed(), stage.key());
      assertEquals(live.state().completed(), moved.state().completed(), "what it has completed");
      assertTrue(heard.told.isEmpty(), "nobody is told again: " + heard.told);

      // a fresh run under v2, brought to the same stage at the same instant
      RecordingListener freshHeard = new RecordingListener();
      Escalation fresh = new Escalation(KENT_V2, VersionsTest.calendar(KENT_V2), freshHeard);
      fresh.apply(new CaseEvent.Raise(stay.entered(), "IRO", Optional.empty(),
          Optional.empty()));
      while (!fresh.state().stage().orElseThrow().equals(stage.key())) {
        Stage here = KENT_V2.stage(fresh.state().stage().orElseThrow()).orElseThrow();
        fresh.apply(new CaseEvent.Respond(stay.entered(), respondent(here), false));
      }
      assertEquals(fresh.state().deadline(), moved.state().deadline(), "the deadline under "
          + "v2's timescale, stage " + stage.key());
      int freshLanded = fresh.log().size();
      freshHeard.told.clear();
      moved.advanceTo(LATER);
      fresh.advanceTo(LATER);
      List<CaseEvent> after = moved.log().subList(1, moved.log().size());
      List<CaseEvent> freshAfter = fresh.log().subList(freshLanded, fresh.log().size());
      assertFalse(after.isEmpty(), stage.key());
      assertEquals(freshAfter, after, "event by event after landing at stage " + stage.key());
      assertEquals(freshHeard.told, heard.told, "the host is told the same, stage "
          + stage.key());
      assertEquals(fresh.state().stage(), moved.state().stage());
      assertEquals(fresh.state().outcome(), moved.state().outcome());
      assertEquals(fresh.state().waitingFor(), moved.state().waitingFor());
      // the old escalation is as it was
      assertEquals(Optional.of(stage.key()), live.state().stage());
    }
  }

  private static String respondent(Stage stage) {
    return stage.steps().stream().filter(Step.EscalateTo.class::isInstance)
        .map(s -> ((Step.EscalateTo) s).roles().get(0)).findFirst().orElseThrow();
  }

  @Test
  void theMoveIsAnEventInTheLogAndReplaysUnderTheNewVersionOnly() {
    MigrationPlan plan = MigrationPlan.between(KENT, KENT_V2).mapEqualStages().build();
    Escalation live = at(KENT, "3", new EscalationListener() {});
    Instant move = live.state().currentVisit().orElseThrow().entered().plusSeconds(60);
    Escalation moved = new Migration(plan).migrate(live, move, new EscalationListener() {});
    CaseEvent.Migrated first = (CaseEvent.Migrated) moved.log().get(0);
    assertEquals("undated (no version or date in the published text)", first.fromVersion());
    assertEquals(List.of("informal", "1", "2"), first.completed());
    String snapshot = Snapshot.write(moved);
    assertTrue(snapshot.contains(" migrated from-version="), snapshot);
    Escalation restored = Snapshot.restore(snapshot, KENT_V2, VersionsTest.calendar(KENT_V2),
        new EscalationListener() {});
    assertEquals(moved.state(), restored.state());
    assertEquals(moved.log(), restored.log());
    assertThrows(ProtocolMismatch.class, () -> Snapshot.restore(snapshot, KENT,
        VersionsTest.calendar(KENT), new EscalationListener() {}));
  }

  @Test
  void aStageThePlanDoesNotMapIsReportedNotGuessed() {
    Escalation live = at(KENT_V2, "practice", new EscalationListener() {});
    MigrationPlan back = MigrationPlan.between(KENT_V2, KENT).mapEqualStages().build();
    assertEquals(List.of("practice"), back.unmapped());
    Instant move = live.state().currentVisit().orElseThrow().entered().plusSeconds(60);
    Landing landing = new Migration(back).validate(live, move);
    assertFalse(landing.canMove());
    assertTrue(landing.describe().contains("stage practice, which the plan does not map"),
        landing.describe());
    List<CaseEvent> before = live.log();
    MigrationRefused refused = assertThrows(MigrationRefused.class,
        () -> new Migration(back).migrate(live, move, new EscalationListener() {}));
    assertEquals(landing, refused.landing());
    assertEquals(before, live.log(), "the live escalation is untouched");
    // an explicit mapping says where it goes
    MigrationPlan mapped = MigrationPlan.between(KENT_V2, KENT).map("practice", "3")
        .mapEqualStages().build();
    Landing there = new Migration(mapped).validate(live, move);
    assertTrue(there.canMove(), there.describe());
    assertEquals(Optional.of("3"), there.stage());
    assertThrows(IllegalArgumentException.class,
        () -> MigrationPlan.between(KENT_V2, KENT).map("practice", "9"));
  }

  @Test
  void anEndedEscalationStaysWithItsVersion() {
    Escalation ended = at(KENT, "2", new EscalationListener() {});
    ended.apply(new CaseEvent.Respond(Instant.parse("2027-01-04T10:00:00Z"), "TeamManager",
        true));
    MigrationPlan plan = MigrationPlan.between(KENT, KENT_V2).mapEqualStages().build();
    Landing landing = new Migration(plan).validate(ended, LATER);
    assertFalse(landing.canMove(), landing.describe());
    assertTrue(landing.describe().contains("it has ended (resolved)"), landing.describe());
    // and one waiting for what Cafcass requires moves once it has gone on, not before
    Escalation waiting = VersionsTest.kentUntil(KENT, Instant.parse("2027-03-01T12:00:00Z"));
    Landing wait = new Migration(plan).validate(waiting, LATER);
    assertFalse(wait.canMove(), wait.describe());
    assertTrue(wait.describe().contains("waiting for what the next level requires"),
        wait.describe());
  }

  @Test
  void migratePlanPrintsThePlanAndWhatItCannotMap() {
    String kent = VersionsTest.KENT_FILE.toString();
    String v2 = RevisionGoldenTest.REVISIONS.resolve("kent-iro-v2.esc").toString();
    Repository.Run forward = Repository.cli("migrate-plan", kent, v2);
    assertEquals(0, forward.exitCode(), forward.err());
    assertTrue(forward.out().contains("stage 3 -> stage 3 (same key)"), forward.out());
    assertTrue(forward.out().contains("stage practice (\u201cPractice Manager\u201d) is new"),
        forward.out());
    Repository.Run back = Repository.cli("migrate-plan", v2, kent);
    assertEquals(1, back.exitCode(), back.err());
    assertTrue(back.out().contains("Not mapped: stage practice."), back.out());
    Repository.Run mapped = Repository.cli("migrate-plan", v2, kent, "--map", "practice=3");
    assertEquals(0, mapped.exitCode(), mapped.err());
    assertTrue(mapped.out().contains("stage practice -> stage 3 (mapped explicitly)"),
        mapped.out());
    Repository.Run wrong = Repository.cli("migrate-plan", v2, kent, "--map", "practice=9");
    assertEquals(2, wrong.exitCode());
    assertTrue(wrong.err().contains("the new version has no stage 9"), wrong.err());
    Repository.Run shape = Repository.cli("migrate-plan", v2, kent, "--map", "practice");
    assertEquals(2, shape.exitCode());
  }
}
