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

  private Snapshot() {}

  /** The snapshot of an escalation, run by the engine or by a generated machine. */
  public static String write(EscalationMachine escalation) {
    Protocol p = escalation.protocol();
    return HEADER + "\n"
        + "# protocol: " + p.name() + "\n"
        + "# version: " + p.header().version().orElse("") + "\n"
        + EventLog.format(escalation.log(), p);
  }

  /** Restores a snapshot; throws {@link IllegalArgumentException} if it is not one of this protocol. */
  public static Escalation restore(String text, Protocol protocol, WorkingCalendar calendar,
      EscalationListener listener) {
    return Escalation.restore(protocol, calendar, listener, events(text, protocol));
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
    if (!name.equals(protocol.name()) || !version.equals(protocol.header().version().orElse(""))) {
      throw new IllegalArgumentException("the snapshot is of \"" + name + "\" version " + version
          + ", not of \"" + protocol.name() + "\"");
    }
    return EventLog.parse(text);
  }
}
