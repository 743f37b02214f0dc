package org.escalon.engine;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An event as the log keeps it: the event, and what the host knows about how it came: the command
 * that carried it (its idempotency key), the user who entered it, free metadata, and when it was
 * entered when that is later than when it happened ({@link CaseEvent#at()}, its real date). The
 * engine's own events (deadlines, reminders) have none of these.
 */
public record EventRecord(CaseEvent event, Optional<String> commandId, Optional<String> actor,
    SortedMap<String, String> metadata, Optional<Instant> enteredAt) {

  public EventRecord {
    metadata = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(metadata));
  }

  /** An event with nothing known of how it came. */
  public static EventRecord of(CaseEvent event) {
    return new EventRecord(event, Optional.empty(), Optional.empty(), new TreeMap<>(),
        Optional.empty());
  }

  /** An event carried by a command of the host, entered by {@code actor}. */
  public static EventRecord command(CaseEvent event, String commandId, String actor,
      Map<String, String> metadata) {
    return new EventRecord(event, Optional.of(commandId), Optional.of(actor),
        new TreeMap<>(metadata), Optional.empty());
  }

  /** The same record, entered at {@code at}: later than the event happened. */
  public EventRecord enteredAt(Instant at) {
    return new EventRecord(event, commandId, actor, metadata, Optional.of(at));
  }

  /** Whether the engine made this event itself (a deadline passing, a reminder falling due, a trigger's time coming). */
  public boolean byEngine() {
    return event instanceof CaseEvent.DeadlinePassed || event instanceof CaseEvent.ReminderDue
        || event instanceof CaseEvent.StepDeadlinePassed || event instanceof CaseEvent.TriggerDue;
  }
}
