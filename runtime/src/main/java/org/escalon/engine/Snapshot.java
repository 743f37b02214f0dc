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
  private static final String PROTOCOL = "# protocol: ";
  private static final String VERSION = "# version: ";

  private static final String FINGERPRINT = "# fingerprint: ";

  private Snapshot() {}

  /**
   * The snapshot of an escalation, run by the engine or by a generated machine: the protocol's
   * name, version and {@link Fingerprint}, then the log with the deadlines the engine computed.
   */
  public static String write(EscalationMachine escalation) {
    Protocol p = escalation.protocol();
    WorkingCalendar calendar = escalation instanceof Escalation e ? e.calendar()
        : WorkingCalendar.of(p.header().calendar(), p.header().zone());
    return HEADER + "\n"
        + PROTOCOL + EventLog.escape(p.name()) + "\n"
        + VERSION + EventLog.escape(p.header().version().orElse("")) + "\n"
        + FINGERPRINT + Fingerprint.of(p) + "\n"
        + EventLog.format(escalation.log(), p, Deadlines.lines(p, calendar, escalation.log(),
            escalation.deadlinesRecorded()));
  }

  /**
   * Restores a snapshot, its deadlines as recorded; throws {@link ProtocolMismatch} if it was
   * written under another protocol or other rules, {@link IllegalArgumentException} if it is not
   * a snapshot or holds a log the engine could not have written ({@link EventLog#parse(String,
   * Protocol, WorkingCalendar)}), naming the line.
   */
  public static Escalation restore(String text, Protocol protocol, WorkingCalendar calendar,
      EscalationListener listener) {
    checkHeader(text, protocol);
    return Escalation.restore(protocol, calendar, listener,
        EventLog.parse(text, protocol, calendar), EventLog.dues(text));
  }

  /**
   * The log a snapshot holds, for any machine to replay; throws {@link IllegalArgumentException}
   * if the text is not a snapshot of this protocol.
   */
  public static List<CaseEvent> events(String text, Protocol protocol) {
    checkHeader(text, protocol);
    return EventLog.parse(text);
  }

  /**
   * A snapshot is restored only against the protocol it was written under: the same name and
   * version and, when it carries a fingerprint, the same rules ({@link ProtocolMismatch}). The
   * calendar half may differ: the deadlines are in the log.
   */
  private static void checkHeader(String text, Protocol protocol) {
    List<String> lines = text.lines().limit(3).toList();
    if (lines.size() < 3 || !lines.get(0).equals(HEADER)) {
      throw new IllegalArgumentException("not an Escalon snapshot: the first line is not `"
          + HEADER + "`");
    }
    String name = field(lines.get(1), PROTOCOL, 2);
    String version = field(lines.get(2), VERSION, 3);
    Optional<Fingerprint> stored = fingerprint(text);
    String ours = EventLog.escape(protocol.name());
    String ourVersion = EventLog.escape(protocol.header().version().orElse(""));
    Fingerprint current = Fingerprint.of(protocol);
    boolean sameRules = stored.map(f -> f.rules().equals(current.rules())).orElse(true);
    if (!name.equals(ours) || !version.equals(ourVersion) || !sameRules) {
      throw new ProtocolMismatch(name, version, stored, ours, ourVersion, current);
    }
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

  // "# protocol:" with nothing after it is a value of "", not a line too short to read
  private static String field(String line, String prefix, int number) {
    String bare = prefix.strip();
    if (line.startsWith(prefix)) {
      return line.substring(prefix.length());
    }
    if (line.equals(bare)) {
      return "";
    }
    throw new IllegalArgumentException("line " + number + " of the snapshot: expected `" + prefix
        + "...`");
  }
}
