package org.escalon.tests;

import java.util.ArrayList;
import java.util.List;
import org.escalon.engine.Effect;
import org.escalon.engine.EscalationListener;

/** A host that only writes down every effect the engine asks of it, in order. */
final class RecordingListener implements EscalationListener {

  final List<Effect> told = new ArrayList<>();

  @Override
  public void heard(Effect effect) {
    told.add(effect);
  }
}
