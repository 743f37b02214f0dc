package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationListener;
import org.escalon.engine.EventLog;
import org.escalon.engine.Fingerprint;
import org.escalon.engine.ProtocolMismatch;
import org.escalon.engine.RefusedEvent;
import org.escalon.engine.Snapshot;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

/**
 * Live escalations and protocol versions: a snapshot carries its protocol's fingerprint (the same
 * however the file is laid out or commented); restoring under other rules is refused naming both
 * versions; a log written before a closure day was added restores unchanged after it, because the
 * deadlines the engine computed are in the log.
 */
class VersionsTest {

  static final Path KENT_FILE = Repository.root().resolve("protocols/kent-iro.esc");
  static final String KENT_TEXT = Repository.read(KENT_FILE);
  static final Protocol KENT = compile("kent-iro.esc", KENT_TEXT);
  static final Instant RAISED = Instant.parse("2026-12-14T09:00:00Z");

  static Protocol compile(String name, String text) {
    var c = new EscalonCompiler().compile(SourceText.of(name, text));
    assertTrue(c.succeeded(), name + ": " + c.diagnostics().all());
    return c.protocol().orElseThrow();
  }

  static WorkingCalendar calendar(Protocol p) {
    return WorkingCalendar.of(p.header().calendar(), p.header().zone());
  }

  /** Kent raised on Monday 14 December 2026 with nobody responding, followed up to {@code now}. */
  static Escalation kentUntil(Protocol p, Instant now) {
    Escalation e = new Escalation(p, calendar(p), new EscalationListener() {});
    e.apply(new CaseEvent.Raise(RAISED, "IRO", Optional.empty(), Optional.empty()));
    e.advanceTo(now);
    return e;
  }

  /** Kent with one more closure day, Thursday 14 January 2027, inside stage 3's stay. */
  static Protocol kentWithClosure() {
    // the blank line after the header's source goes, so that every later line keeps its number:
    // a stay records its timescale, spans and all, and the restored state is compared whole
    return compile("kent-iro.esc", KENT_TEXT.replace("  calendar england-and-wales\n",
        "  calendar england-and-wales\n  closed 2027-01-14\n")
        .replace("dispute resolution procedure\"\n\n", "dispute resolution procedure\"\n"));
  }

  @Test
  void aSnapshotCarriesTheFingerprintAndReformattingDoesNotChangeIt() throws IOException {
    String snapshot = Snapshot.write(kentUntil(KENT, Instant.parse("2027-01-12T12:00:00Z")));
    assertTrue(snapshot.lines().anyMatch(l -> l.equals("# fingerprint: " + Fingerprint.of(KENT))),
        snapshot);
    String uncommented = String.join("\n", KENT_TEXT.lines()
        .filter(l -> !l.strip().startsWith("#")).map(l -> "    " + l.strip() + "   ").toList());
    assertEquals(Fingerprint.of(KENT), Fingerprint.of(compile("k.esc", uncommented)),
        "comments and indentation");
    Path copy = Files.createDirectories(Path.of("target/versions")).resolve("kent-fmt.esc");
    Files.writeString(copy, uncommented);
    Repository.Run fmt = Repository.cli("fmt", copy.toString());
    assertEquals(0, fmt.exitCode(), fmt.err());
    assertNotEquals(uncommented, Files.readString(copy), "fmt changed the layout");
    assertEquals(Fingerprint.of(KENT), Fingerprint.of(compile("k.esc", Files.readString(copy))),
        "escalon fmt");
    Fingerprint closed = Fingerprint.of(kentWithClosure());
    assertEquals(Fingerprint.of(KENT).rules(), closed.rules(), "a closure day is calendar data");
    assertNotEquals(Fingerprint.of(KENT).calendar(), closed.calendar(), "calendar data included");
    String changed = KENT_TEXT.replaceFirst(
        "respond within 5 working days(\\s+source \"Stage 2: work)",
        "respond within 6 working days$1");
    assertNotEquals(KENT_TEXT, changed, "the test's edit must find Kent's stage 2 timescale");
    Protocol timescale = compile("k.esc", changed);
    assertNotEquals(Fingerprint.of(KENT).rules(), Fingerprint.of(timescale).rules());
  }

  @Test
  void restoringUnderOtherRulesIsRefusedNamingBothVersions() {
    String snapshot = Snapshot.write(kentUntil(KENT, Instant.parse("2027-01-12T12:00:00Z")));
    String v2Text = Repository.read(RevisionGoldenTest.REVISIONS.resolve("kent-iro-v2.esc"));
    // the issue's case: a stage gained, the version string left as it was
    Protocol sameVersion = compile("kent-iro-v2.esc", v2Text.replace(
        "version \"2 (draft revision for the board)\"",
        "version \"undated (no version or date in the published text)\""));
    ProtocolMismatch quiet = assertThrows(ProtocolMismatch.class, () -> Snapshot.restore(
        snapshot, sameVersion, calendar(sameVersion), new EscalationListener() {}));
    assertEquals(Optional.of(Fingerprint.of(KENT)), quiet.stored());
    assertEquals(Fingerprint.of(sameVersion), quiet.current());
    assertTrue(quiet.getMessage().contains(Fingerprint.of(KENT).toString())
        && quiet.getMessage().contains(Fingerprint.of(sameVersion).toString()), quiet.getMessage());
    assertThrows(ProtocolMismatch.class, () -> Snapshot.events(snapshot, sameVersion));

    Protocol v2 = compile("kent-iro-v2.esc", v2Text);
    ProtocolMismatch bumped = assertThrows(ProtocolMismatch.class, () -> Snapshot.restore(
        snapshot, v2, calendar(v2), new EscalationListener() {}));
    assertEquals("undated (no version or date in the published text)", bumped.storedVersion());
    assertEquals("2 (draft revision for the board)", bumped.currentVersion());
    assertTrue(bumped.getMessage().contains("version \"undated (no version or date in the "
        + "published text)\"") && bumped.getMessage().contains(
        "version \"2 (draft revision for the board)\""), bumped.getMessage());
  }

  @Test
  void aLiveLogWrittenBeforeAClosureDayWasAddedRestoresUnchanged() {
    Escalation live = kentUntil(KENT, Instant.parse("2027-01-12T12:00:00Z"));
    assertEquals(Optional.of("3"), live.state().stage());
    String snapshot = Snapshot.write(live);
    Protocol closed = kentWithClosure();
    Escalation restored = Snapshot.restore(snapshot, closed, calendar(closed),
        new EscalationListener() {});
    assertEquals(live.state(), restored.state(), "the deadline is the one the engine computed");
    assertEquals(live.log(), restored.log());
    assertEquals(body(snapshot), body(Snapshot.write(restored)), "reads back exactly");
    // the new calendar would have put stage 3's deadline a working day later
    assertNotEquals(live.state().deadline(), Escalation.replay(closed, calendar(closed),
        live.log()).deadline());
    // it goes on from the recorded deadline as it would have
    Instant later = Instant.parse("2027-01-20T12:00:00Z");
    live.advanceTo(later);
    restored.advanceTo(later);
    assertEquals(live.log(), restored.log());
  }

  @Test
  void anEndedLogThatCrossesTheNewClosureDayRestoresUnchanged() {
    Escalation ended = kentUntil(KENT, Instant.parse("2027-03-01T12:00:00Z"));
    String snapshot = Snapshot.write(ended);
    Protocol closed = kentWithClosure();
    Escalation restored = Snapshot.restore(snapshot, closed, calendar(closed),
        new EscalationListener() {});
    assertEquals(ended.state(), restored.state());
    assertEquals(body(snapshot), body(Snapshot.write(restored)));
    // without the recorded deadlines, replay counts again and refuses stage 3's deadline line
    RefusedEvent refused = assertThrows(RefusedEvent.class, () -> Escalation.restore(closed,
        calendar(closed), new EscalationListener() {}, EventLog.parse(snapshot)));
    assertTrue(refused.getMessage().contains("no deadline of stage 3 passes"),
        refused.getMessage());
  }

  /** A snapshot without its fingerprint line, whose calendar half follows the calendar in use. */
  private static List<String> body(String snapshot) {
    return snapshot.lines().filter(l -> !l.startsWith("# fingerprint: ")).toList();
  }
}
