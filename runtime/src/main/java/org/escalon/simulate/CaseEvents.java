package org.escalon.simulate;

import java.time.Instant;
import java.util.Optional;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.CaseEventCases;
import org.escalon.model.Protocol;
import org.escalon.simulate.ScenarioStep.Action;

/** Turns a scenario's actions into the engine's events, and says events as a reviewer would. */
public final class CaseEvents {

  private CaseEvents() {}

  /**
   * The engine's event for a scenario's action at an instant; a raise that names no one is by the
   * protocol's raiser. The simulator and the verifier's counterexample replay both use it.
   */
  public static CaseEvent of(Action action, Instant at, Protocol protocol) {
    return ActionCases.on(action, new ActionCases<>() {
      @Override
      public CaseEvent raise(Action.Raise r) {
        String by = r.by().isEmpty() ? protocol.header().raisedBy() : r.by();
        return new CaseEvent.Raise(at, by, r.stage(), r.reason());
      }

      @Override
      public CaseEvent respond(Action.Respond a) {
        return new CaseEvent.Respond(at, a.by(), a.resolving());
      }

      @Override
      public CaseEvent bypass(Action.Bypass a) {
        return new CaseEvent.Bypass(at, a.by(), a.target(), a.reason());
      }

      @Override
      public CaseEvent refer(Action.Refer a) {
        return new CaseEvent.Refer(at, a.by(), a.outcome(), a.reason());
      }

      @Override
      public CaseEvent askForTime(Action.AskForTime a) {
        return new CaseEvent.RequestExtension(at, a.by(), a.amount(), a.inWriting(),
            a.rationale());
      }

      @Override
      public CaseEvent grantTime(Action.GrantTime a) {
        return new CaseEvent.GrantExtension(at, a.by());
      }

      @Override
      public CaseEvent setDate(Action.SetDate a) {
        // "in N working days": the start of the N-th working day after the step's day
        org.escalon.calendar.WorkingCalendar calendar = org.escalon.calendar.WorkingCalendar.of(
            protocol.header().calendar(), protocol.header().zone());
        java.time.LocalDate day = a.on().orElseGet(() -> calendar.addWorkingDays(
            calendar.dayOf(at), a.in().orElseThrow().amount()));
        return new CaseEvent.SetDate(at, a.date(), day.atStartOfDay(calendar.zone()).toInstant());
      }

      @Override
      public CaseEvent setTime(Action.SetTime a) {
        return new CaseEvent.SetTimescale(at, a.by(), a.amount());
      }

      @Override
      public CaseEvent escalate(Action.Escalate a) {
        return new CaseEvent.Escalate(at, a.by());
      }

      @Override
      public CaseEvent unavailable(Action.Unavailable a) {
        return new CaseEvent.Unavailable(at, a.role());
      }

      @Override
      public CaseEvent agree(Action.Agree a) {
        return new CaseEvent.Agree(at, a.role());
      }

      @Override
      public CaseEvent advise(Action.Advise a) {
        return new CaseEvent.Advise(at, a.role());
      }

      @Override
      public CaseEvent set(Action.Set a) {
        return new CaseEvent.SetAttribute(at, a.attribute(), a.value());
      }

      @Override
      public CaseEvent decide(Action.Decide a) {
        return new CaseEvent.Decide(at, a.by(), a.decision(), a.yes());
      }

      @Override
      public CaseEvent grade(Action.Grade a) {
        return new CaseEvent.Grade(at, a.scale(), a.section(), a.grade());
      }

      @Override
      public CaseEvent happen(Action.Happen a) {
        return new CaseEvent.Occur(at, a.event());
      }

      @Override
      public CaseEvent withdraw(Action.Withdraw a) {
        return new CaseEvent.Withdraw(at, a.by(), a.reason());
      }

      @Override
      public CaseEvent done(Action.Done a) {
        return new CaseEvent.StepDone(at, a.by(), a.step());
      }
    });
  }

  /** The event as a reviewer would say it. */
  static String describe(CaseEvent event) {
    return CaseEventCases.on(event, new CaseEventCases<>() {
      @Override
      public String raise(CaseEvent.Raise e) {
        return "raised by " + e.by() + e.stage().map(s -> " at stage " + s).orElse("")
            + reason(e.reason());
      }

      @Override
      public String respond(CaseEvent.Respond e) {
        return e.by() + (e.resolving() ? " responded: resolved" : " responded: not resolved");
      }

      @Override
      public String bypass(CaseEvent.Bypass e) {
        return e.by() + " bypassed to " + e.target() + reason(e.reason());
      }

      @Override
      public String refer(CaseEvent.Refer e) {
        return e.by() + " referred to " + e.outcome() + reason(e.reason());
      }

      @Override
      public String requestExtension(CaseEvent.RequestExtension e) {
        return e.by() + " asked for " + e.amount() + " more"
            + (e.inWriting() ? ", in writing" : "") + reason(e.rationale());
      }

      @Override
      public String grantExtension(CaseEvent.GrantExtension e) {
        return e.by() + " granted more time";
      }

      @Override
      public String declineExtension(CaseEvent.DeclineExtension e) {
        return e.by() + " declined more time";
      }

      @Override
      public String setTimescale(CaseEvent.SetTimescale e) {
        return e.by() + " set the timescale: " + e.amount();
      }

      @Override
      public String escalate(CaseEvent.Escalate e) {
        return e.by() + " escalated after the soft deadline was missed";
      }

      @Override
      public String unavailable(CaseEvent.Unavailable e) {
        return e.role() + " is unavailable";
      }

      @Override
      public String agree(CaseEvent.Agree e) {
        return e.role() + " agreed";
      }

      @Override
      public String advise(CaseEvent.Advise e) {
        return e.role() + " gave advice";
      }

      @Override
      public String setAttribute(CaseEvent.SetAttribute e) {
        return e.attribute() + " set to " + e.value();
      }

      @Override
      public String decide(CaseEvent.Decide e) {
        return e.by() + " decided " + (e.yes() ? "" : "not ") + e.decision();
      }

      @Override
      public String grade(CaseEvent.Grade e) {
        return e.scale() + " of section " + e.section() + ": " + e.grade();
      }

      @Override
      public String occur(CaseEvent.Occur e) {
        return e.event() + " happened";
      }

      @Override
      public String setDate(CaseEvent.SetDate e) {
        return e.date() + " set for " + e.on();
      }

      @Override
      public String withdraw(CaseEvent.Withdraw e) {
        return e.by() + " withdrew the escalation" + reason(e.reason());
      }

      @Override
      public String deadlinePassed(CaseEvent.DeadlinePassed e) {
        return "no response by the deadline";
      }

      @Override
      public String reminderDue(CaseEvent.ReminderDue e) {
        return "reminder due";
      }

      @Override
      public String triggerDue(CaseEvent.TriggerDue e) {
        return "the time trigger " + e.trigger() + " waits for came";
      }

      @Override
      public String stepDone(CaseEvent.StepDone e) {
        return e.by() + " reported " + e.step() + " done";
      }

      @Override
      public String stepDeadlinePassed(CaseEvent.StepDeadlinePassed e) {
        return "the deadline on " + e.step() + " passed";
      }

      // before the exhaustive cases a migration fell into "reminder due"; no scenario writes one
      @Override
      public String migrated(CaseEvent.Migrated e) {
        return "moved onto this version from version " + e.fromVersion() + " at stage "
            + e.stage();
      }
    });
  }

  private static String reason(Optional<String> reason) {
    return reason.map(r -> " (" + r + ")").orElse("");
  }
}
