package org.escalon.engine;

/**
 * One method per kind of case event, for the sealed {@link CaseEvent}: the one place that tells
 * them apart, so that a reader of events that implements it (the rules, refusals, the log, the
 * timelines) handles every kind, and a new kind fails to compile in each.
 */
public interface CaseEventCases<R> {

  R raise(CaseEvent.Raise e);

  R respond(CaseEvent.Respond e);

  R bypass(CaseEvent.Bypass e);

  R refer(CaseEvent.Refer e);

  R requestExtension(CaseEvent.RequestExtension e);

  R grantExtension(CaseEvent.GrantExtension e);

  R declineExtension(CaseEvent.DeclineExtension e);

  R setTimescale(CaseEvent.SetTimescale e);

  R escalate(CaseEvent.Escalate e);

  R unavailable(CaseEvent.Unavailable e);

  R agree(CaseEvent.Agree e);

  R advise(CaseEvent.Advise e);

  R setAttribute(CaseEvent.SetAttribute e);

  R decide(CaseEvent.Decide e);

  R grade(CaseEvent.Grade e);

  R occur(CaseEvent.Occur e);

  R setDate(CaseEvent.SetDate e);

  R withdraw(CaseEvent.Withdraw e);

  R deadlinePassed(CaseEvent.DeadlinePassed e);

  R reminderDue(CaseEvent.ReminderDue e);

  R triggerDue(CaseEvent.TriggerDue e);

  R migrated(CaseEvent.Migrated e);

  R stepDone(CaseEvent.StepDone e);

  R stepDeadlinePassed(CaseEvent.StepDeadlinePassed e);

  /** Calls the method for the event's kind. */
  static <R> R on(CaseEvent event, CaseEventCases<R> cases) {
    if (event instanceof CaseEvent.Raise e) {
      return cases.raise(e);
    } else if (event instanceof CaseEvent.Respond e) {
      return cases.respond(e);
    } else if (event instanceof CaseEvent.Bypass e) {
      return cases.bypass(e);
    } else if (event instanceof CaseEvent.Refer e) {
      return cases.refer(e);
    } else if (event instanceof CaseEvent.RequestExtension e) {
      return cases.requestExtension(e);
    } else if (event instanceof CaseEvent.GrantExtension e) {
      return cases.grantExtension(e);
    } else if (event instanceof CaseEvent.DeclineExtension e) {
      return cases.declineExtension(e);
    } else if (event instanceof CaseEvent.SetTimescale e) {
      return cases.setTimescale(e);
    } else if (event instanceof CaseEvent.Escalate e) {
      return cases.escalate(e);
    } else if (event instanceof CaseEvent.Unavailable e) {
      return cases.unavailable(e);
    } else if (event instanceof CaseEvent.Agree e) {
      return cases.agree(e);
    } else if (event instanceof CaseEvent.Advise e) {
      return cases.advise(e);
    } else if (event instanceof CaseEvent.SetAttribute e) {
      return cases.setAttribute(e);
    } else if (event instanceof CaseEvent.Decide e) {
      return cases.decide(e);
    } else if (event instanceof CaseEvent.Grade e) {
      return cases.grade(e);
    } else if (event instanceof CaseEvent.Occur e) {
      return cases.occur(e);
    } else if (event instanceof CaseEvent.SetDate e) {
      return cases.setDate(e);
    } else if (event instanceof CaseEvent.Withdraw e) {
      return cases.withdraw(e);
    } else if (event instanceof CaseEvent.DeadlinePassed e) {
      return cases.deadlinePassed(e);
    } else if (event instanceof CaseEvent.ReminderDue e) {
      return cases.reminderDue(e);
    } else if (event instanceof CaseEvent.TriggerDue e) {
      return cases.triggerDue(e);
    } else if (event instanceof CaseEvent.Migrated e) {
      return cases.migrated(e);
    } else if (event instanceof CaseEvent.StepDone e) {
      return cases.stepDone(e);
    } else if (event instanceof CaseEvent.StepDeadlinePassed e) {
      return cases.stepDeadlinePassed(e);
    }
    // CaseEvent is sealed: EngineKindsTest fails when a kind is added and not listed above
    throw new IllegalStateException("a kind of event with no case: " + event.getClass());
  }
}
