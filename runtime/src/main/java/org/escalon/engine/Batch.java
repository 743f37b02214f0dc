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
  private static final ThreadLocal<Buffer[]> SPARE = ThreadLocal.withInitial(
      () -> new Buffer[1]);

  /**
   * The effects told so far: each a listener call, or a list of a place's steps with the
   * conditions that held when it was told (one entry for a whole stage's steps).
   */
  private static final class Buffer {
    Object[] effects = new Object[32];
    long[] holding = new long[32];

    void grow() {
      effects = Arrays.copyOf(effects, effects.length * 2);
      holding = Arrays.copyOf(holding, holding.length * 2);
    }
  }

  private final StateRecorder recorder;
  // most calls apply one event and no deadline: it is kept without a list
  private CaseEvent first;
  private List<CaseEvent> more;
  private Buffer buffer;
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
    if (recorder == null) {
      add(effect, 0);
    }
  }

  /**
   * The steps of a place the host must do once the call is accepted, in order: those taken
   * always, and those whose condition held now (bit {@code c} of {@code holding} for condition
   * {@code c}, numbered as {@link StepCalls#conditions} lists them).
   */
  public void tell(List<? extends StepCall<? super L>> steps, long holding) {
    if (recorder == null && !steps.isEmpty()) {
      add(steps, holding);
    }
  }

  private void add(Object effect, long holding) {
    if (buffer == null) {
      Buffer[] spare = SPARE.get();
      buffer = spare[0] != null ? spare[0] : new Buffer();
      spare[0] = null;
    } else if (told == buffer.effects.length) {
      buffer.grow();
    }
    buffer.effects[told] = effect;
    buffer.holding[told++] = holding;
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
    if (buffer == null) {
      return;
    }
    Object[] effects = buffer.effects;
    for (int i = 0; i < told; i++) {
      if (effects[i] instanceof List<?> steps) {
        tell((List<StepCall<? super L>>) steps, buffer.holding[i], listener);
      } else {
        ((Consumer<? super L>) effects[i]).accept(listener);
      }
    }
    Arrays.fill(effects, 0, told, null);
    SPARE.get()[0] = buffer;
    buffer = null;
    told = 0;
  }

  private static <L> void tell(List<StepCall<? super L>> steps, long holding, L listener) {
    for (int j = 0; j < steps.size(); j++) {
      StepCall<? super L> step = steps.get(j);
      int condition = step.condition();
      if (condition == StepCalls.ALWAYS || (holding >>> condition & 1) != 0) {
        step.call().accept(listener);
      }
    }
  }
}
