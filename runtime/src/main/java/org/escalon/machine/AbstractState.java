package org.escalon.machine;

/**
 * A state of an open escalation that {@link Interpreter#enabled} lists the moves from: its facts,
 * where it stands, and a fresh {@link Successor} for each move to work on. Time is abstract: a
 * deadline is running or not, and may pass whenever one is running.
 *
 * @param <P> the type of state, which each successor freezes into
 */
public interface AbstractState<P> extends Facts {

  /** The index of the stage the escalation is at (or was at, when it waits to move on). */
  int stage();

  /** Whether a deadline is running. */
  boolean deadlineRunning();

  /** Whether a request for more time waits for an answer. */
  boolean extensionPending();

  /** Extensions granted during this stay at the stage. */
  int extensionsAtStage();

  /** Extensions granted since the escalation was raised. */
  int extensionsInTotal();

  /** A copy of this state for one move to change. */
  Successor<P> successor();

  /** A state one move changes, with what the moves besides routing do to it. */
  interface Successor<P> extends Course, Facts {

    @Override
    default Facts facts() {
      return this;
    }


    /**
     * {@code role} sets the stage's timescale, which gave no deadline until then ({@link
     * Interpreter#awaitingTime}): the timescales it sets count from now on.
     */
    void setTime(StageRule stage, String role);

    /** A request for more time is made: it waits for an answer. */
    void askForTime();

    /** The request is granted: the deadline moves, and the extension counts. */
    void grantTime();

    /** The request is declined: nothing else changes. */
    void declineTime();

    /**
     * A request waiting for an answer lapses: a soft deadline was missed, and nothing runs any
     * more that more time could extend.
     */
    void requestLapses();

    /** The escalation is referred to the outcome and goes on where it is. */
    void referConcurrently(OutcomeRule outcome);

    /** The state the move leads to. */
    P freeze();
  }
}
