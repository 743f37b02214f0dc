package org.escalon.compiler.verify;

import java.util.Optional;
import org.escalon.model.Citation;
import org.escalon.model.SourceSpan;

/**
 * One thing that can happen to an escalation in the verifier's model: a person acts, a deadline
 * passes, a fact of the case changes. Carries the rule that allows it, for counterexamples.
 *
 * @param kind what happens
 * @param role who acts, when someone does
 * @param target the stage, outcome, attribute or event it concerns
 * @param detail a value set, an amount of time, or how a raise came about
 * @param citation the policy paragraph behind it
 * @param span the protocol line behind it
 */
public record Move(Kind kind, String role, String target, String detail, Optional<Citation> citation,
    SourceSpan span) {

  /** The kinds of move, in the order the explorer tries them. */
  public enum Kind {
    RAISE,
    RESOLVE,
    UNSATISFACTORY,
    DEADLINE,
    BYPASS,
    REFER,
    REFER_CONCURRENTLY,
    ASK_FOR_TIME,
    GRANT_TIME,
    /** A role sets a timescale that gave no deadline until a value was set. */
    SET_TIME,
    AGREE,
    ADVISE,
    /** A role reports a step done that a stage requires before it is entered. */
    REPORT_DONE,
    SET,
    /** A role takes a decision of the stage ({@code decision ... by ROLE}). */
    DECIDE,
    OCCUR
  }

  /** The move in a few words, as a reviewer would say it. */
  public String describe() {
    return switch (kind) {
      case RAISE -> role + " raises the escalation at stage " + target
          + (detail.isEmpty() ? "" : " (" + detail + ")");
      case RESOLVE -> role + " resolves the concern";
      case UNSATISFACTORY -> role + " responds, not resolving the concern";
      case DEADLINE -> role.isEmpty()
          ? "the timescale of stage " + target + " passes with no response"
          : "the soft timescale of stage " + target + " passes with no response, and " + role
              + " escalates";
      case BYPASS -> role + " bypasses to " + target;
      case REFER -> role + " refers to " + target;
      case REFER_CONCURRENTLY -> role + " refers to " + target + ", concurrently";
      case ASK_FOR_TIME -> role + " asks for more time" + (detail.isEmpty() ? "" : " (" + detail + ")");
      case GRANT_TIME -> role + " grants more time";
      case SET_TIME -> role + " sets the timescale of stage " + target + " (" + detail + ")";
      case AGREE -> role + " agrees";
      case ADVISE -> role + " gives advice";
      case REPORT_DONE -> role + " reports " + target + " done";
      case SET -> target + " becomes " + detail;
      case DECIDE -> role + " decides " + (detail.equals("yes") ? "" : "not ") + target;
      case OCCUR -> target + " happens";
    };
  }
}
