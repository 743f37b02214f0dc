package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationListener;
import org.escalon.engine.EventLog;
import org.escalon.engine.Snapshot;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

/**
 * The event log and the snapshot write every character so that it reads back the same, and refuse
 * a log the engine could not have written (the reliability report's engine cases).
 */
class EventLogTest {

  private static final Protocol KENT = ProtocolsTest.compile(
      Repository.root().resolve("protocols/kent-iro.esc")).protocol().orElseThrow();
  private static final WorkingCalendar CALENDAR =
      WorkingCalendar.of(KENT.header().calendar(), KENT.header().zone());
  private static final Instant T0 = Instant.parse("2026-12-14T09:00:00Z");

  private static Escalation raised() {
    Escalation e = new Escalation(KENT, CALENDAR, new EscalationListener() {});
    e.apply(new CaseEvent.Raise(T0, "IRO", Optional.empty(), Optional.empty()));
    return e;
  }

  @Test
  void aBypassReasonWithANewlineRestoresFromItsSnapshot() {
    Escalation e = raised();
    e.apply(new CaseEvent.Decide(T0.plusSeconds(60), "IRO", "serious", true));
    e.apply(new CaseEvent.Bypass(T0.plusSeconds(60), "IRO", "4",
        Optional.of("child at risk\nsee case note\r\t\u001b[31m\u0000\u2028\uFFFE \\ \"")));
    String snapshot = Snapshot.write(e);
    assertEquals(7, snapshot.lines().count(), "one line a header field or event:\n" + snapshot);
    Escalation back = Snapshot.restore(snapshot, KENT, CALENDAR, new EscalationListener() {});
    assertEquals(e.state(), back.state());
    assertEquals(e.log(), back.log());
    assertFalse(snapshot.chars().anyMatch(c -> c < 0x20 && c != '\n'), snapshot);
  }

  @Test
  void aSnapshotWithAnEmptyProtocolLineIsRefusedInWords() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Snapshot.restore("# escalon snapshot 1\n# protocol:\n# version:\n", KENT, CALENDAR,
            new EscalationListener() {}));
    assertTrue(e.getMessage().startsWith("the snapshot is of \"\""), e.getMessage());
    IllegalArgumentException garbled = assertThrows(IllegalArgumentException.class,
        () -> Snapshot.events("# escalon snapshot 1\nprotocol\n# version:\n", KENT));
    assertEquals("line 2 of the snapshot: expected `# protocol: ...`", garbled.getMessage());
  }

  @Test
  void aLogWithItsDeadlineLinesDeletedIsRefusedOnReplay() {
    String forged = "2026-12-14T09:00:00Z raise by=IRO\n"
        + "2027-03-01T09:00:00Z respond by=SocialWorker resolving=yes\n";
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EventLog.parse(forged, KENT, CALENDAR));
    assertTrue(e.getMessage().startsWith("line 2 of the log: the deadline of stage informal fell "
        + "due at "), e.getMessage());
    assertTrue(e.getMessage().contains("the log has no line for it"), e.getMessage());
  }

  @Test
  void theLogTheEngineWritesIsAccepted() {
    Escalation e = raised();
    e.advanceTo(Instant.parse("2027-03-01T09:00:00Z"));
    String log = EventLog.format(e.log(), KENT);
    assertEquals(e.log(), EventLog.parse(log, KENT, CALENDAR));
    assertTrue(log.contains(" deadline stage="), log);
  }

  @Test
  void eventsOutOfOrderUnknownKeysAndStrayDeadlinesAreRefused() {
    assertEquals("line 2 of the log: this event at 2026-12-14T08:00:00Z comes after one at "
        + "2026-12-14T09:00:00Z; the engine writes events in the order they happen",
        assertThrows(IllegalArgumentException.class, () -> EventLog.parse(
            "2026-12-14T09:00:00Z raise by=IRO\n2026-12-14T08:00:00Z withdraw by=IRO\n"))
            .getMessage());
    assertTrue(assertThrows(IllegalArgumentException.class, () -> EventLog.parse(
        "2026-12-14T09:00:00Z raise by=IRO colour=red\n")).getMessage()
        .startsWith("line 1 of the log: a raise event has no colour="));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> EventLog.parse(
        "2026-12-14T09:00:00Z raise by=IRO\n2026-12-14T10:00:00Z deadline stage=informal\n",
        KENT, CALENDAR)).getMessage().startsWith("line 2 of the log: nothing fell due by"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> EventLog.parse(
        "2026-12-14T09:00:00Z raise by=IRO by=IRO\n")).getMessage()
        .contains("by= is given twice"));
  }

  @Property(tries = 300)
  void everyReasonReadsBackAsItWasWritten(@ForAll @StringLength(max = 40) String reason) {
    List<CaseEvent> events = List.of(new CaseEvent.Raise(T0, "IRO", Optional.empty(),
        Optional.of(reason)));
    String log = EventLog.format(events, KENT);
    assertEquals(1, log.lines().count(), log);
    assertEquals(events, EventLog.parse(log));
  }
}
