package org.escalon.engine;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.escalon.model.Timespan;

/** Something that happens to an escalation, at an instant the caller gives. */
public sealed interface CaseEvent {

  Instant at();

  /** The escalation is raised, at the first stage or at one the raiser may start at. */
  record Raise(Instant at, String by, Optional<String> stage, Optional<String> reason)
      implements CaseEvent {}

  /** The current stage's respondent answers. */
  record Respond(Instant at, String by, boolean resolving) implements CaseEvent {}

  /** A role skips to a later stage or an outcome, using a bypass right. */
  record Bypass(Instant at, String by, String target, Optional<String> reason)
      implements CaseEvent {}

  /** A role refers to an outcome (such as Cafcass) using a refer right. */
  record Refer(Instant at, String by, String outcome, Optional<String> reason)
      implements CaseEvent {}

  /** A respondent asks for more time. */
  record RequestExtension(Instant at, String by, Timespan amount, boolean inWriting,
      Optional<String> rationale) implements CaseEvent {}

  /** The pending request for more time is granted. */
  record GrantExtension(Instant at, String by) implements CaseEvent {}

  /** The pending request for more time is declined: the deadline stays, another may be asked. */
  record DeclineExtension(Instant at, String by) implements CaseEvent {}

  /**
   * A role sets the current stage's timescale during the case ("the IRO sets the timescale for
   * the work"): counted from the start of the stage, up to the protocol's cap.
   */
  record SetTimescale(Instant at, String by, Timespan amount) implements CaseEvent {}

  /**
   * The escalator moves the escalation on after the stage's soft deadline ({@code where possible},
   * {@code as a guide}) was missed: what a deadline that must be met does by itself. Refused
   * before such a deadline is missed, and from any role but the one that raised the escalation.
   */
  record Escalate(Instant at, String by) implements CaseEvent {}

  /**
   * The host says that {@code role}, an addressee of the current stage, is unavailable ("if the
   * Team Manager is unavailable, the Duty Team Manager"): the substitute the stage names for it
   * ({@code to TeamManager, or DutyTeamManager when unavailable}) is sent the escalation and
   * answers in its place for the rest of the stay. Refused where the stage names no substitute
   * for the role, or it has been said already this stay.
   */
  record Unavailable(Instant at, String role) implements CaseEvent {}

  /** A role gives its agreement (a precondition of some stages and outcomes). */
  record Agree(Instant at, String role) implements CaseEvent {}

  /** A role's advice has been sought and given. */
  record Advise(Instant at, String role) implements CaseEvent {}

  /** A fact about the case changes: a yes/no attribute ("yes"/"no") or a choice. */
  record SetAttribute(Instant at, String attribute, String value) implements CaseEvent {}

  /**
   * A role takes a decision of the current stage ({@code decision justified by ServiceManager}):
   * {@code yes} when it decides that the fact holds. Refused from another role, or at another
   * stage.
   */
  record Decide(Instant at, String by, String decision, boolean yes) implements CaseEvent {}

  /** A section of the plan is graded on a scale. */
  record Grade(Instant at, String scale, String section, String grade) implements CaseEvent {}

  /** A declared event happens to the case (the social worker changes...). */
  record Occur(Instant at, String event) implements CaseEvent {}

  /**
   * The host sets a known date ({@code date conference "..."}), or moves it: the conference is
   * to be held {@code on}. Steps due a number of working days (or hours) before it start their
   * clocks, or move them; until it is set, none runs. Refused for a date the protocol does not
   * declare, and for one not after {@code at} (a date that has passed).
   */
  record SetDate(Instant at, String date, Instant on) implements CaseEvent {}

  /** The escalation is withdrawn by the raiser. */
  record Withdraw(Instant at, String by, Optional<String> reason) implements CaseEvent {}

  /** The current stage's deadline passed with no response. Produced by the engine. */
  record DeadlinePassed(Instant at, String stage) implements CaseEvent {}

  /** A reminder falls due. Produced by the engine. */
  record ReminderDue(Instant at, String stage) implements CaseEvent {}

  /**
   * The time a trigger's rule waits for has come ({@code at least 6 months since plan_started}):
   * the triggers are asked again, as after any event, so a rule that becomes true while nothing
   * happens raises when it becomes true. Produced by the engine.
   */
  record TriggerDue(Instant at, String trigger) implements CaseEvent {}

  /**
   * The host reports a step done ("the action plan was sent"): {@code step} is its id (an
   * action's id, {@code record_...}, {@code notify_...}); a running deadline on it stops.
   */
  record StepDone(Instant at, String by, String step) implements CaseEvent {}

  /**
   * The deadline on a step of {@code stage} passed before the step was reported done: recorded,
   * not escalated. Produced by the engine.
   */
  record StepDeadlinePassed(Instant at, String stage, String step) implements CaseEvent {}

  /**
   * The escalation moved here from another version of its protocol (see {@code
   * org.escalon.migration}): the first event of its log under this version. It lands at
   * {@code stage}, whose stay began at {@code entered} (its deadline counted from then under this
   * version's timescale), with the stages it had completed, the agreements and advice given and
   * the case's facts, as the migration plan mapped them. Nobody is notified again. {@code
   * raisedBy} is the role that raised it, when this version has that role; a log written before
   * migrations recorded it has none, and then any role that may raise an escalation withdraws it.
   */
  record Migrated(Instant at, String fromVersion, String fromFingerprint, Instant raisedAt,
      Optional<String> raisedBy, String stage, Instant entered, List<String> completed,
      List<String> agreements, List<String> advice, SortedMap<String, String> attributes)
      implements CaseEvent {
    public Migrated {
      completed = List.copyOf(completed);
      agreements = List.copyOf(agreements);
      advice = List.copyOf(advice);
      attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
    }
  }
}
