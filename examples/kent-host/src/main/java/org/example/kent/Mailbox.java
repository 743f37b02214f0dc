package org.example.kent;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.escalon.engine.Effect;
import org.escalon.store.OutboxItem;

/**
 * A notifier that turns each effect into a message and keeps the messages by outbox id: the
 * outbox delivers at least once, so an item handed again after a crash replaces its own message
 * instead of sending a second.
 */
public final class Mailbox implements EscalationService.Notifier {

  private final Map<Long, String> sent = new LinkedHashMap<>();
  private int handed;

  @Override
  public void send(OutboxItem item) {
    handed++;
    sent.put(item.id(), item.escalationId() + " @" + item.effect().at() + ": "
        + words(item.effect().effect()));
  }

  /** The messages sent, one per outbox item. */
  public List<String> messages() {
    return new ArrayList<>(sent.values());
  }

  /** How many times items were handed over, repeats included. */
  public int handed() {
    return handed;
  }

  private static String words(Effect effect) {
    if (effect instanceof Effect.EscalateTo e) {
      return "escalate at " + e.where() + " to " + String.join(", ", e.roles());
    } else if (effect instanceof Effect.WaitingFor w) {
      return "waiting for " + w.target() + ": " + String.join("; ", w.missing());
    } else if (effect instanceof Effect.Concluded c) {
      return "concluded: " + c.outcome();
    }
    return effect.getClass().getSimpleName().toLowerCase() + " at " + effect.where();
  }
}
