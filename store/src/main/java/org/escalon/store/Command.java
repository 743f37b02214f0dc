package org.escalon.store;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.EventRecord;

/**
 * What a host asks of an escalation: an event, with the key that makes asking twice harmless (a
 * retried HTTP request, a redelivered message), the user who asked, free metadata, and when it was
 * entered if that is later than when it happened ({@link CaseEvent#at()}).
 */
public record Command(String id, String actor, CaseEvent event, Map<String, String> metadata,
    Optional<Instant> enteredAt) {

  public Command {
    if (id == null || id.isBlank() || id.length() > 200) {
      throw new IllegalArgumentException("a command needs an id of 1 to 200 characters");
    }
    metadata = Map.copyOf(metadata);
  }

  /** A command entered as it happens. */
  public static Command of(String id, String actor, CaseEvent event) {
    return new Command(id, actor, event, Map.of(), Optional.empty());
  }

  /** The same command, entered at {@code at}, later than its event happened. */
  public Command enteredAt(Instant at) {
    return new Command(id, actor, event, metadata, Optional.of(at));
  }

  EventRecord record() {
    EventRecord record = EventRecord.command(event, id, actor, new TreeMap<>(metadata));
    return enteredAt.map(record::enteredAt).orElse(record);
  }
}
