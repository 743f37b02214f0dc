package org.escalon.compiler.verify;

/**
 * One abstract state of an escalation: where it is, and the facts of the case that the protocol's
 * rules and properties can tell apart (see {@link ProtocolIndex}). Time is not part of it: a
 * deadline is either pending or not, and totals in working days are weights on the paths.
 *
 * @param ended whether the escalation has ended (in {@code outcome})
 * @param stage the current stage's index; when ended, the stage it ended from
 * @param waiting the target being waited for (stage i is i, outcome j is stages + j), or -1
 * @param outcome the outcome's index when ended, or -1
 * @param completed the tracked stages completed, one bit each
 * @param consents the agreements then the advice given, one bit each
 * @param attributes the tracked attributes' values, packed (as {@link ProtocolIndex} lays them out)
 * @param extensionsAtStage extensions granted in this stay, up to the largest per-stage cap
 * @param extensionsInTotal extensions granted in all, up to the largest total cap
 * @param pending whether a request for more time waits for an answer
 * @param occurred which anchor events have happened, one bit each
 * @param timescales the current stay's timescales that apply, one bit each; none when no deadline
 * @param acts the role actions of the properties done on entering the stage (or outcome)
 * @param entered whether the last move entered the stage
 */
record State(
    boolean ended,
    int stage,
    int waiting,
    int outcome,
    Bits completed,
    Bits consents,
    Bits attributes,
    int extensionsAtStage,
    int extensionsInTotal,
    boolean pending,
    Bits occurred,
    Bits timescales,
    Bits acts,
    boolean entered) {

  boolean open() {
    return !ended;
  }

  boolean hasDeadline() {
    return !timescales.isEmpty();
  }

  boolean isWaiting() {
    return waiting >= 0;
  }
}
