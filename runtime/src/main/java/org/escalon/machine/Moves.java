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
}
