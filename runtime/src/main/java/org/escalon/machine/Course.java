package org.escalon.machine;

import org.escalon.model.Target;

/**
 * An escalation as one move changes it: the engine's working copy of a concrete state, or a state
 * exploration's abstract one. The {@link Interpreter} decides what a move does (which stage it
 * completes, where it arrives, whether it must wait there); a course carries that out in its own
 * terms (the engine counts a deadline and tells the host, a verifier sets a few bits).
 */
public interface Course {

  /** The facts the interpreter decides on; a move's changes show in them at once. */
  Facts facts();

  /** The stage has been left without being resolved. */
  void complete(StageRule stage);

  /** The escalation arrives at the stage: its timescale and duties start. */
  void enter(StageRule stage);

  /** The move towards the target waits: the target requires what does not hold yet. */
  void waitFor(Target target);

  /** The escalation ends in the outcome. */
  void conclude(OutcomeRule outcome);
}
