package org.escalon.machine;

import org.escalon.model.ExtensionRule;

/**
 * What {@link Interpreter#enabled} reports: one method per kind of move the protocol allows from
 * an open escalation, each with the state it leads to. A new kind of move does not compile until
 * every consumer handles it.
 *
 * @param <P> the type of state
 */
public interface Moves<P> {

  /** A respondent of the stage answers, resolving the concern or not. */
  void respond(StageRule stage, String role, boolean resolving, P next);

  /** The stage's deadline passes with no response. */
  void deadlinePasses(StageRule stage, P next);

  /**
   * The role sets the stage's timescale, which gave no deadline until a value was set: from then
   * on its deadline runs.
   */
  void setTime(StageRule stage, String role, P next);

  /** The right's role bypasses to its target, using it. */
  void bypass(RightsTable.Cover right, P next);

  /** The right's role refers to the outcome, using it (concurrently when the right says so). */
  void refer(RightsTable.Cover right, OutcomeRule outcome, P next);

  /** The role asks for more time under the rule. */
  void askForTime(StageRule stage, ExtensionRule rule, String role, P next);

  /** The role grants the time asked for. */
  void grantTime(StageRule stage, ExtensionRule rule, String role, P next);

  /** The role declines the time asked for. */
  void declineTime(StageRule stage, ExtensionRule rule, String role, P next);

  // A response, a deadline and a bypass that is enabled enter a stage or end the escalation, so
  // where they lead depends only on the stage they leave and the facts of the case. A consumer
  // that has seen the same move from a state with the same stage and facts may know already
  // where it leads: it takes the move itself and answers true, and the interpreter builds no
  // successor for it. Whether the move is enabled is decided before it is asked, as always.

  /** Whether the consumer took this response itself; if not, {@link #respond} follows. */
  default boolean tookResponse(StageRule stage, String role, boolean resolving) {
    return false;
  }

  /** Whether the consumer took the stage's deadline itself; if not, {@link #deadlinePasses}. */
  default boolean tookDeadline(StageRule stage) {
    return false;
  }

  /** Whether the consumer took this bypass itself; if not, {@link #bypass} follows. */
  default boolean tookBypass(RightsTable.Cover right) {
    return false;
  }

  /**
   * Whether the consumer took every bypass enabled from the stage itself, asked before any is.
   * Which are enabled depends only on the stage and the facts too (a right's condition and what
   * its target requires read only facts), so a consumer that has seen them all from a state with
   * the same stage and facts may take the same ones again; if not, each is asked as above.
   */
  default boolean tookBypasses(StageRule stage) {
    return false;
  }
}
