package org.escalon.machine;

import org.escalon.model.Timescale;

/** One method per thing a timescale counts from, for the model's sealed anchors. */
public interface AnchorCases<R> {

  R stageStart();

  R escalationStart();

  R event(String name);

  R stage(String key);

  /** Counted back from a known date (a step's deadline only). */
  R before(String date);

  /** Calls the method for the anchor's kind. */
  static <R> R on(Timescale.Anchor anchor, AnchorCases<R> cases) {
    if (anchor instanceof Timescale.Anchor.StageStart) {
      return cases.stageStart();
    } else if (anchor instanceof Timescale.Anchor.EscalationStart) {
      return cases.escalationStart();
    } else if (anchor instanceof Timescale.Anchor.Event e) {
      return cases.event(e.name());
    } else if (anchor instanceof Timescale.Anchor.Stage s) {
      return cases.stage(s.key());
    } else if (anchor instanceof Timescale.Anchor.Before b) {
      return cases.before(b.date());
    }
    // Anchor is sealed: MachineKindsTest fails when a kind is added and not listed above
    throw new IllegalStateException("a kind of anchor with no case: " + anchor.getClass());
  }
}
