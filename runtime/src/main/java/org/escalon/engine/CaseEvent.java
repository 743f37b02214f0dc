package org.escalon.engine;

import java.time.Instant;
import java.util.Optional;
import org.escalon.model.Duration;

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
  record RequestExtension(Instant at, String by, Duration amount, boolean inWriting,
      Optional<String> rationale) implements CaseEvent {}

  /** The pending request for more time is granted. */
  record GrantExtension(Instant at, String by) implements CaseEvent {}

  /** The pending request for more time is declined: the deadline stays, another may be asked. */
  record DeclineExtension(Instant at, String by) implements CaseEvent {}

  /** A role gives its agreement (a precondition of some stages and outcomes). */
  record Agree(Instant at, String role) implements CaseEvent {}

  /** A role's advice has been sought and given. */
  record Advise(Instant at, String role) implements CaseEvent {}

  /** A fact about the case changes: a yes/no attribute ("yes"/"no") or a choice. */
  record SetAttribute(Instant at, String attribute, String value) implements CaseEvent {}

  /** A section of the plan is graded on a scale. */
  record Grade(Instant at, String scale, String section, String grade) implements CaseEvent {}

  /** A declared event happens to the case (the social worker changes...). */
  record Occur(Instant at, String event) implements CaseEvent {}

  /** The escalation is withdrawn by the raiser. */
  record Withdraw(Instant at, String by, Optional<String> reason) implements CaseEvent {}

  /** The current stage's deadline passed with no response. Produced by the engine. */
  record DeadlinePassed(Instant at, String stage) implements CaseEvent {}

  /** A reminder falls due. Produced by the engine. */
  record ReminderDue(Instant at, String stage) implements CaseEvent {}
}
