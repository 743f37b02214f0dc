package org.escalon.simulate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.escalon.model.Citation;

/**
 * One thing that happened: when (the date, and working days since the start), at which stage, to
 * whom it went and who was copied, the deadline then running, what happened, and the policy
 * paragraph that says so.
 */
public record TimelineRow(Instant at, LocalDate date, int workingDay, String stage,
    List<String> to, List<String> copied, Optional<Instant> deadline, Kind kind, String what,
    Optional<Citation> citation) {

  /** The kinds of thing that happen to an escalation. */
  public enum Kind {
    RAISED,
    ESCALATED,
    RESPONDED,
    TIMED_OUT,
    /** A soft deadline passed with no response: recorded; the escalator decides. */
    MISSED,
    BYPASSED,
    REFERRED,
    EXTENSION_ASKED,
    EXTENSION_GRANTED,
    EXTENSION_DECLINED,
    TIMESCALE_SET,
    AGREED,
    ADVISED,
    FACT,
    /** A role took a decision of the stage ({@code decision ... by ROLE}). */
    DECIDED,
    REMINDED,
    WAITING,
    CONCLUDED,
    REFUSED,
    /** A step that says how it is done (a channel, who records) or that it is good practice. */
    STEP,
    /** A deadline on a step starts: the row's deadline is the step's, not the stage's. */
    STEP_DUE,
    /** The host reported a step done. */
    STEP_DONE,
    /** A step's deadline passed before it was done: recorded, not escalated. */
    STEP_MISSED
  }

  public TimelineRow {
    to = List.copyOf(to);
    copied = List.copyOf(copied);
  }
}
