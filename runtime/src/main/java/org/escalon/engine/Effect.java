package org.escalon.engine;

import java.util.List;
import java.util.Optional;
import org.escalon.model.Citation;
import org.escalon.model.Manner;

/** A side effect the host must carry out; the engine only says so. */
public sealed interface Effect {

  /** The stage (or outcome) whose step this is. */
  String where();

  Optional<Citation> citation();

  /** Send the escalation to these roles (in both agencies when so said). */
  record EscalateTo(String where, List<String> roles, boolean bothAgencies,
      Optional<Citation> citation) implements Effect {}

  /** Copy these roles in. */
  record CopyTo(String where, List<String> roles, Optional<Citation> citation) implements Effect {}

  /**
   * Notify, advise or consult roles, by someone other than the raiser when {@code by} says so,
   * by the channels and as required or good practice as {@code manner} says.
   */
  record Inform(String where, String how, List<String> roles, Optional<String> what,
      Optional<String> by, Optional<Citation> citation, Manner manner) implements Effect {

    /** Required, by no channel in particular. */
    public Inform(String where, String how, List<String> roles, Optional<String> what,
        Optional<String> by, Optional<Citation> citation) {
      this(where, how, roles, what, by, citation, Manner.REQUIRED);
    }
  }

  /**
   * An action someone must take (or, when {@code manner} says so, should as good practice);
   * {@code id} is the action's stable id, kept when its words are reworded, which a host stores.
   */
  record Act(String where, String id, String what, Optional<String> by,
      Optional<Citation> citation, Manner manner) implements Effect {

    /** Required, by no channel in particular. */
    public Act(String where, String id, String what, Optional<String> by,
        Optional<Citation> citation) {
      this(where, id, what, by, citation, Manner.REQUIRED);
    }
  }

  /** Record a form or a note (by {@code by} when not the raiser), and send it to roles. */
  record Keep(String where, String record, List<String> sentTo, Optional<Citation> citation,
      Optional<String> by, Manner manner) implements Effect {

    /** Recorded by the raiser, required, by no channel in particular. */
    public Keep(String where, String record, List<String> sentTo, Optional<Citation> citation) {
      this(where, record, sentTo, citation, Optional.empty(), Manner.REQUIRED);
    }
  }

  /** Remind roles, copying others. */
  record Remind(String where, List<String> roles, List<String> copying,
      Optional<Citation> citation) implements Effect {}

  /**
   * The escalation cannot go on to {@code target} until what {@code missing} names is given (an
   * agreement, advice, a stage completed, a fact about the case); it has no deadline meanwhile,
   * so a scheduler driven by {@code nextDue} alone would never look at it again. A stage just
   * entered whose timescale waits for its value (set during the case, with neither guide nor
   * cap) is its own {@code target}: it has no deadline until "its timescale, set by IRO" is set.
   */
  record WaitingFor(String where, String target, List<String> missing,
      Optional<Citation> citation) implements Effect {
    public WaitingFor {
      missing = List.copyOf(missing);
    }
  }

  /** The escalation has ended in an outcome ({@code resolved}, a referral...). */
  record Concluded(String where, String outcome, Optional<Citation> citation) implements Effect {}
}
