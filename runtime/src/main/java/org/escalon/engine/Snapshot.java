package org.escalon.engine;

import java.util.List;
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

  private Snapshot() {}

  /** The snapshot of an escalation, run by the engine or by a generated machine. */
  public static String write(EscalationMachine escalation) {
    Protocol p = escalation.protocol();
    return HEADER + "\n"
        + PROTOCOL + EventLog.escape(p.name()) + "\n"
        + VERSION + EventLog.escape(p.header().version().orElse("")) + "\n"
        + EventLog.format(escalation.log(), p);
  }

  /**
   * Restores a snapshot; throws {@link IllegalArgumentException} if it is not one of this
   * protocol, or holds a log the engine could not have written ({@link EventLog#parse(String,
   * Protocol, WorkingCalendar)}), naming the line.
   */
  public static Escalation restore(String text, Protocol protocol, WorkingCalendar calendar,
      EscalationListener listener) {
    checkHeader(text, protocol);
    return Escalation.restore(protocol, calendar, listener,
        EventLog.parse(text, protocol, calendar));
  }

  /**
   * The log a snapshot holds, for any machine to replay; throws {@link IllegalArgumentException}
   * if the text is not a snapshot of this protocol.
   */
  public static List<CaseEvent> events(String text, Protocol protocol) {
    checkHeader(text, protocol);
    return EventLog.parse(text);
  }

  private static void checkHeader(String text, Protocol protocol) {
    List<String> lines = text.lines().limit(3).toList();
    if (lines.size() < 3 || !lines.get(0).equals(HEADER)) {
      throw new IllegalArgumentException("not an Escalon snapshot: the first line is not `"
          + HEADER + "`");
    }
    String name = field(lines.get(1), PROTOCOL, 2);
    String version = field(lines.get(2), VERSION, 3);
    String ours = EventLog.escape(protocol.name());
    String ourVersion = EventLog.escape(protocol.header().version().orElse(""));
    if (!name.equals(ours) || !version.equals(ourVersion)) {
      throw new IllegalArgumentException("the snapshot is of \"" + name + "\" version " + version
          + ", not of \"" + ours + "\"" + (ourVersion.isEmpty() ? "" : " version " + ourVersion));
    }
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
