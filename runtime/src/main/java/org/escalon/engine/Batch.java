package org.escalon.engine;

import java.util.ArrayList;
import java.util.Arrays;
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

  /**
   * Each thread's spare buffer of effects: a call that tells the host dozens of things would
   * otherwise allocate and grow an array every time. A batch takes the spare while it is in
   * use and gives it back once it has told the host, so a listener that drives another machine
   * meanwhile gets a buffer of its own.
   */
  private static final ThreadLocal<Object[][]> SPARE = ThreadLocal.withInitial(
      () -> new Object[1][]);

  private final StateRecorder recorder;
  // most calls apply one event and no deadline: it is kept without a list
  private CaseEvent first;
  private List<CaseEvent> more;
  private Object[] effects;
  private int told;

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
    if (first == null) {
      first = event;
      return;
    }
    if (more == null) {
      more = new ArrayList<>(8);
    }
    more.add(event);
  }

  /** The last event this call has applied so far, if any. */
  public CaseEvent last() {
    return more != null ? more.get(more.size() - 1) : first;
  }

  /** Something the host must do once the call is accepted. */
  public void tell(Consumer<? super L> effect) {
    if (recorder != null) {
      return;
    }
    if (effects == null) {
      Object[][] spare = SPARE.get();
      effects = spare[0] != null ? spare[0] : new Object[64];
      spare[0] = null;
    } else if (told == effects.length) {
      effects = Arrays.copyOf(effects, told * 2);
    }
    effects[told++] = effect;
  }

  /** Accepts the call: logs its events, then tells the listener, in order. */
  @SuppressWarnings("unchecked")
  public void commit(List<CaseEvent> log, L listener) {
    if (first != null) {
      log.add(first);
    }
    if (more != null) {
      for (CaseEvent event : more) {
        log.add(event);
      }
    }
    for (int i = 0; i < told; i++) {
      ((Consumer<? super L>) effects[i]).accept(listener);
    }
    if (effects != null) {
      Arrays.fill(effects, 0, told, null);
      SPARE.get()[0] = effects;
      effects = null;
      told = 0;
    }
  }
}
