package org.escalon.engine;

/**
 * What a host implements to carry out the side effects of an escalation: one callback per kind.
 * Every callback hands its effect to {@link #heard} by default, which does nothing: a host
 * implements only the callbacks it needs, or {@code heard} alone to take every effect in one place.
 */
public interface EscalationListener {

  /** Every effect whose own callback is not overridden; does nothing unless overridden. */
  default void heard(Effect effect) {}

  default void escalate(Effect.EscalateTo effect) {
    heard(effect);
  }

  default void copy(Effect.CopyTo effect) {
    heard(effect);
  }

  default void inform(Effect.Inform effect) {
    heard(effect);
  }

  default void act(Effect.Act effect) {
    heard(effect);
  }

  default void keep(Effect.Keep effect) {
    heard(effect);
  }

  default void remind(Effect.Remind effect) {
    heard(effect);
  }

  default void concluded(Effect.Concluded effect) {
    heard(effect);
  }

  default void waiting(Effect.WaitingFor effect) {
    heard(effect);
  }

  /** Hands an effect to the callback of its kind. */
  static void deliver(Effect effect, EscalationListener listener) {
    EffectCases.on(effect, new EffectCases<Void>() {
      @Override
      public Void escalateTo(Effect.EscalateTo e) {
        listener.escalate(e);
        return null;
      }

      @Override
      public Void copyTo(Effect.CopyTo e) {
        listener.copy(e);
        return null;
      }

      @Override
      public Void inform(Effect.Inform e) {
        listener.inform(e);
        return null;
      }

      @Override
      public Void act(Effect.Act e) {
        listener.act(e);
        return null;
      }

      @Override
      public Void keep(Effect.Keep e) {
        listener.keep(e);
        return null;
      }

      @Override
      public Void remind(Effect.Remind e) {
        listener.remind(e);
        return null;
      }

      @Override
      public Void waitingFor(Effect.WaitingFor e) {
        listener.waiting(e);
        return null;
      }

      @Override
      public Void concluded(Effect.Concluded e) {
        listener.concluded(e);
        return null;
      }
    });
  }
}
