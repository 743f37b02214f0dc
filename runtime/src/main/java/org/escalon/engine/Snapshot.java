package org.escalon.engine;

import java.util.List;
import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.model.Protocol;

/**
 * A snapshot of an escalation as text: the protocol it runs and its log. The state is a function
 * of the log, so restoring replays it and gives back an equal state; the protocol's name and
 * version are checked so a snapshot is never restored against another policy.
 */
public final class Snapshot {

  private static final String HEADER = "# escalon snapshot 1";

  private Snapshot() {}

  private static final String FINGERPRINT = "# fingerprint: ";

  /**
   * The snapshot of an escalation, run by the engine or by a generated machine: the protocol's
   * name, version and {@link Fingerprint}, then the log with the deadlines the engine computed.
   */
  public static String write(EscalationMachine escalation) {
    Protocol p = escalation.protocol();
    WorkingCalendar calendar = escalation instanceof Escalation e ? e.calendar()
        : WorkingCalendar.of(p.header().calendar(), p.header().zone());
    return HEADER + "\n"
        + "# protocol: " + p.name() + "\n"
        + "# version: " + p.header().version().orElse("") + "\n"
        + FINGERPRINT + Fingerprint.of(p) + "\n"
        + EventLog.format(escalation.log(), p, Deadlines.toRecord(p, calendar, escalation.log(),
            escalation.deadlinesRecorded()));
  }

  /**
   * Restores a snapshot, its deadlines as recorded; throws {@link ProtocolMismatch} if it was
   * written under another protocol or other rules, {@link IllegalArgumentException} if it is not a
   * snapshot.
   */
  public static Escalation restore(String text, Protocol protocol, WorkingCalendar calendar,
      EscalationListener listener) {
    return Escalation.restore(protocol, calendar, listener, events(text, protocol),
        EventLog.dues(text));
  }

  /**
   * The log a snapshot holds, for any machine to replay; throws {@link IllegalArgumentException}
   * if the text is not a snapshot of this protocol.
   */
  public static List<CaseEvent> events(String text, Protocol protocol) {
    List<String> lines = text.lines().limit(3).toList();
    if (lines.size() < 3 || !lines.get(0).equals(HEADER)) {
      throw new IllegalArgumentException("not an Escalon snapshot");
    }
    String name = lines.get(1).substring(lines.get(1).indexOf(':') + 2);
    String version = lines.get(2).substring(lines.get(2).indexOf(':') + 1).strip();
    checkIdentity(name, version, fingerprint(text), protocol);
    return EventLog.parse(text);
  }

  /** The fingerprint line of a snapshot's header, if it has one (snapshots before it do not). */
  private static Optional<Fingerprint> fingerprint(String text) {
    return text.lines().limit(8).takeWhile(l -> l.startsWith("#"))
        .filter(l -> l.startsWith(FINGERPRINT))
        .map(l -> Fingerprint.parse(l.substring(FINGERPRINT.length())).orElseThrow(
            () -> new IllegalArgumentException("the snapshot's fingerprint line is not `"
                + FINGERPRINT + "rules:... calendar:...`")))
        .findFirst();
  }

  /**
   * A snapshot is restored only against the protocol it was written under: the same name and
   * version and, when it carries a fingerprint, the same rules. The calendar half may differ: the
   * deadlines are in the log.
   */
  private static void checkIdentity(String name, String version, Optional<Fingerprint> stored,
      Protocol protocol) {
    String ourVersion = protocol.header().version().orElse("");
    Fingerprint ours = Fingerprint.of(protocol);
    boolean sameRules = stored.map(f -> f.rules().equals(ours.rules())).orElse(true);
    if (!name.equals(protocol.name()) || !version.equals(ourVersion) || !sameRules) {
      throw new ProtocolMismatch(name, version, stored, protocol.name(), ourVersion, ours);
    }
  }
}
