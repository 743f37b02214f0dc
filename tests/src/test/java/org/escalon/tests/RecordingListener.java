package org.escalon.tests;

import java.util.ArrayList;
import java.util.List;
import org.escalon.engine.Effect;
import org.escalon.engine.EscalationListener;

/** A host that only writes down every effect the engine asks of it, in order. */
final class RecordingListener implements EscalationListener {

  final List<Effect> told = new ArrayList<>();

  @Override
  public void escalate(Effect.EscalateTo effect) {
    told.add(effect);
  }

  @Override
  public void copy(Effect.CopyTo effect) {
    told.add(effect);
  }

  @Override
  public void inform(Effect.Inform effect) {
    told.add(effect);
  }

  @Override
  public void act(Effect.Act effect) {
    told.add(effect);
  }

  @Override
  public void keep(Effect.Keep effect) {
    told.add(effect);
  }

  @Override
  public void remind(Effect.Remind effect) {
    told.add(effect);
  }

  @Override
  public void concluded(Effect.Concluded effect) {
    told.add(effect);
  }
}
