package org.escalon.simulate;

/** How one case of a population ended, as a case runner reports it (reused from case to case). */
final class CaseOutcome {

  /** The index of the outcome in the protocol's list, or -1 if unfinished. */
  int outcome;
  /** The index of the stage it ended (or waits) at, or -1 if it never reached one. */
  int stage;
  /** Working days from the start to its last event. */
  int days;
  /** Bit i set: the case spent longer in the stages of limit i than the limit allows. */
  long breaches;

  void clear() {
    outcome = -1;
    stage = -1;
    days = 0;
    breaches = 0;
  }
}
