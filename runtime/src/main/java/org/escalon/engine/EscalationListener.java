package org.escalon.engine;

/**
 * What a host implements to carry out the side effects of an escalation: one callback per kind.
 * Every method does nothing by default, so a host implements only what it needs.
 */
public interface EscalationListener {

  default void escalate(Effect.EscalateTo effect) {}

  default void copy(Effect.CopyTo effect) {}

  default void inform(Effect.Inform effect) {}

  default void act(Effect.Act effect) {}

  default void keep(Effect.Keep effect) {}

  default void remind(Effect.Remind effect) {}

  default void concluded(Effect.Concluded effect) {}

  /** Hands an effect to the callback of its kind. */
  static void deliver(Effect effect, EscalationListener listener) {
    if (effect instanceof Effect.EscalateTo e) {
      listener.escalate(e);
    } else if (effect instanceof Effect.CopyTo e) {
      listener.copy(e);
    } else if (effect instanceof Effect.Inform e) {
      listener.inform(e);
    } else if (effect instanceof Effect.Act e) {
      listener.act(e);
    } else if (effect instanceof Effect.Keep e) {
      listener.keep(e);
    } else if (effect instanceof Effect.Remind e) {
      listener.remind(e);
    } else if (effect instanceof Effect.Concluded e) {
      listener.concluded(e);
    }
  }
}
