package org.escalon.compiler.verify;

import org.escalon.machine.Facts;
import org.escalon.model.Timespan;

/**
 * The facts of an abstract state as the interpreter asks them: the tracked attributes, stages
 * completed, agreements and advice given, steps done before a stage, anchor events happened, from their bits. What the
 * state does not track (an attribute no rule reads after the raise, a grading, the time since an
 * event) is answered by {@link View}: after the raise no rule asks it; before the raise, a
 * trigger may fire on a history that supplies it, or must fire on what is set already.
 */
class CaseFacts implements Facts {

  /** How what the state does not track is answered. */
  enum View {
    /** As the rules after the raise read it: not there. */
    TRACKED,
    /** Whatever a case's history before the raise could make it: there. */
    MAY,
    /** Only what is set before the raise: not there. */
    MUST
  }

  final ProtocolIndex ix;
  private final View view;
  Bits completed;
  Bits consents;
  Bits attributes;
  Bits occurred;

  CaseFacts(ProtocolIndex ix, View view, Bits completed, Bits consents, Bits attributes,
      Bits occurred) {
    this.ix = ix;
    this.view = view;
    this.completed = completed;
    this.consents = consents;
    this.attributes = attributes;
    this.occurred = occurred;
  }

  /** The facts of a state. */
  static CaseFacts of(ProtocolIndex ix, State s) {
    return new CaseFacts(ix, View.TRACKED, s.completed(), s.consents(), s.attributes(),
        s.occurred());
  }

  @Override
  public boolean attribute(String name, String value) {
    int a = ix.attributeIndex(name);
    return a < 0 ? view == View.MAY
        : ix.domains.get(a).get(ix.value(attributes, a)).equals(value);
  }

  @Override
  public boolean completed(String stage) {
    int bit = ix.completedBit[ix.stage(stage)];
    return bit >= 0 && completed.get(bit);
  }

  @Override
  public boolean agreed(String role) {
    int bit = ix.agreements.indexOf(role);
    return bit >= 0 && consents.get(bit);
  }

  @Override
  public boolean advised(String role) {
    int bit = ix.advice.indexOf(role);
    return bit >= 0 && consents.get(ix.agreements.size() + bit);
  }

  @Override
  public boolean done(String step) {
    int bit = ix.doneBit(step);
    return bit >= 0 && consents.get(bit);
  }

  // the state knows whether an anchor event has happened, not how often; a history may repeat it
  @Override
  public int occurrences(String event) {
    if (view == View.MAY) {
      return Integer.MAX_VALUE;
    }
    int bit = ix.anchorEvents.indexOf(event);
    return bit >= 0 && occurred.get(bit) ? 1 : 0;
  }

  @Override
  public boolean graded(String scale, String grade, int times) {
    return view == View.MAY;
  }

  @Override
  public boolean elapsed(Timespan duration, String event) {
    return view == View.MAY;
  }
}
