package org.escalon.store;

import java.time.Instant;
import java.util.List;

/**
 * Lets time pass for the escalations that are due: each tick finds those whose next deadline or
 * reminder falls by now and advances each in its own transaction. Several schedulers may run at
 * once (one per node): an escalation two of them advance is advanced by one, the other gets a
 * conflict and moves on. A crash mid-tick loses nothing: what was not committed is still due at the
 * next tick. Escalations waiting for something other than time ({@link #waiting}) have no next
 * deadline; an event (an agreement, advice) moves them on.
 */
public final class Scheduler {

  private final EscalationStore store;
  private final int batch;

  /** A scheduler that advances at most {@code batch} escalations a tick. */
  public Scheduler(EscalationStore store, int batch) {
    if (batch < 1) {
      throw new IllegalArgumentException("a batch is at least one escalation");
    }
    this.store = store;
    this.batch = batch;
  }

  /** What one tick did: escalations advanced, and those another caller advanced first. */
  public record Tick(int advanced, int conflicts) {}

  /** Advances every escalation due by {@code now}, up to the batch. */
  public Tick tick(Instant now) {
    int advanced = 0;
    int conflicts = 0;
    for (String id : store.due(now, batch)) {
      try {
        if (store.advance(id, now).isPresent()) {
          advanced++;
        }
      } catch (ConcurrentUpdateException e) {
        conflicts++;
      }
    }
    return new Tick(advanced, conflicts);
  }

  /** The escalations waiting for something other than time, and what each waits for. */
  public List<Waiting> waiting() {
    return store.waiting();
  }
}
