package org.escalon.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What one call to a generated machine does: the events it applies (deadlines passing included)
 * and the effects it owes the host, kept aside until the whole call is accepted, as the engine
 * does. A batch that replays a log carries a {@link StateRecorder} instead and keeps no effects.
 *
 * @param <L> the machine's typed listener
 */
public final class Batch<L> {

  private final StateRecorder recorder;
  private List<CaseEvent> events;
  private List<Consumer<? super L>> effects;

  /** A batch for a live call. */
  public Batch() {
    this.recorder = null;
  }

  /** A batch for a replay, whose history goes to {@code recorder}. */
  public Batch(StateRecorder recorder) {
    this.recorder = recorder;
  }

  /** Whether this batch replays a log for its history (and so owes the host nothing). */
  public boolean recording() {
    return recorder != null;
  }

  /** The recorder of a replay; only a recording batch has one. */
  public StateRecorder history() {
    if (recorder == null) {
      throw new IllegalStateException("a live call records no history");
    }
    return recorder;
  }

  /** An event this call applied, to be logged when the call is accepted. */
  public void applied(CaseEvent event) {
    if (events == null) {
      events = new ArrayList<>(4);
    }
    events.add(event);
  }

  /** Something the host must do once the call is accepted. */
  public void tell(Consumer<? super L> effect) {
    if (recorder != null) {
      return;
    }
    if (effects == null) {
      effects = new ArrayList<>(16);
    }
    effects.add(effect);
  }

  /** Accepts the call: logs its events, then tells the listener, in order. */
  public void commit(List<CaseEvent> log, L listener) {
    if (events != null) {
      log.addAll(events);
    }
    if (effects != null) {
      for (Consumer<? super L> effect : effects) {
        effect.accept(listener);
      }
    }
  }
}
