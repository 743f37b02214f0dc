package org.escalon.engine;

/**
 * One method per kind of effect, for the sealed {@link Effect}: the one place that tells them
 * apart (the listener's callbacks are delivered through it), so that a reader of effects that
 * implements it handles every kind, and a new kind fails to compile in each.
 */
public interface EffectCases<R> {

  R escalateTo(Effect.EscalateTo e);

  R copyTo(Effect.CopyTo e);

  R inform(Effect.Inform e);

  R act(Effect.Act e);

  R keep(Effect.Keep e);

  R remind(Effect.Remind e);

  R waitingFor(Effect.WaitingFor e);

  R concluded(Effect.Concluded e);

  /** Calls the method for the effect's kind. */
  static <R> R on(Effect effect, EffectCases<R> cases) {
    if (effect instanceof Effect.EscalateTo e) {
      return cases.escalateTo(e);
    } else if (effect instanceof Effect.CopyTo e) {
      return cases.copyTo(e);
    } else if (effect instanceof Effect.Inform e) {
      return cases.inform(e);
    } else if (effect instanceof Effect.Act e) {
      return cases.act(e);
    } else if (effect instanceof Effect.Keep e) {
      return cases.keep(e);
    } else if (effect instanceof Effect.Remind e) {
      return cases.remind(e);
    } else if (effect instanceof Effect.WaitingFor e) {
      return cases.waitingFor(e);
    } else if (effect instanceof Effect.Concluded e) {
      return cases.concluded(e);
    }
    // Effect is sealed: ConsumerKindsTest fails when a kind is added and not listed above
    throw new IllegalStateException("a kind of effect with no case: " + effect.getClass());
  }
}
