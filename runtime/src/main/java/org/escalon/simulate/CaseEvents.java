package org.escalon.simulate;

import java.time.Instant;
import java.util.Optional;
import org.escalon.engine.CaseEvent;
import org.escalon.model.Protocol;
import org.escalon.simulate.ScenarioStep.Action;

/** Turns a scenario's actions into the engine's events. */
final class CaseEvents {

  private CaseEvents() {}

  static CaseEvent of(Action action, Instant at, Protocol protocol) {
    if (action instanceof Action.Respond a) {
      return new CaseEvent.Respond(at, a.by(), a.resolving());
    } else if (action instanceof Action.Bypass a) {
      return new CaseEvent.Bypass(at, a.by(), a.target(), a.reason());
    } else if (action instanceof Action.Refer a) {
      return new CaseEvent.Refer(at, a.by(), a.outcome(), a.reason());
    } else if (action instanceof Action.AskForTime a) {
      return new CaseEvent.RequestExtension(at, a.by(), a.amount(), a.inWriting(), a.rationale());
    } else if (action instanceof Action.GrantTime a) {
      return new CaseEvent.GrantExtension(at, a.by());
    } else if (action instanceof Action.SetTime a) {
      return new CaseEvent.SetTimescale(at, a.by(), a.amount());
    } else if (action instanceof Action.Agree a) {
      return new CaseEvent.Agree(at, a.role());
    } else if (action instanceof Action.Advise a) {
      return new CaseEvent.Advise(at, a.role());
    } else if (action instanceof Action.Set a) {
      return new CaseEvent.SetAttribute(at, a.attribute(), a.value());
    } else if (action instanceof Action.Grade a) {
      return new CaseEvent.Grade(at, a.scale(), a.section(), a.grade());
    } else if (action instanceof Action.Happen a) {
      return new CaseEvent.Occur(at, a.event());
    } else if (action instanceof Action.Withdraw a) {
      return new CaseEvent.Withdraw(at, a.by(), a.reason());
    }
    Action.Raise r = (Action.Raise) action;
    String by = r.by().isEmpty() ? protocol.header().raisedBy() : r.by();
    return new CaseEvent.Raise(at, by, r.stage(), r.reason());
  }

  /** The event as a reviewer would say it. */
  static String describe(CaseEvent event) {
    if (event instanceof CaseEvent.Respond e) {
      return e.by() + (e.resolving() ? " responded: resolved" : " responded: not resolved");
    } else if (event instanceof CaseEvent.Bypass e) {
      return e.by() + " bypassed to " + e.target() + reason(e.reason());
    } else if (event instanceof CaseEvent.Refer e) {
      return e.by() + " referred to " + e.outcome() + reason(e.reason());
    } else if (event instanceof CaseEvent.RequestExtension e) {
      return e.by() + " asked for " + e.amount() + " more" + (e.inWriting() ? ", in writing" : "")
          + reason(e.rationale());
    } else if (event instanceof CaseEvent.GrantExtension e) {
      return e.by() + " granted more time";
    } else if (event instanceof CaseEvent.SetTimescale e) {
      return e.by() + " set the timescale: " + e.amount();
    } else if (event instanceof CaseEvent.DeclineExtension e) {
      return e.by() + " declined more time";
    } else if (event instanceof CaseEvent.Agree e) {
      return e.role() + " agreed";
    } else if (event instanceof CaseEvent.Advise e) {
      return e.role() + " gave advice";
    } else if (event instanceof CaseEvent.SetAttribute e) {
      return e.attribute() + " set to " + e.value();
    } else if (event instanceof CaseEvent.Grade e) {
      return e.scale() + " of section " + e.section() + ": " + e.grade();
    } else if (event instanceof CaseEvent.Occur e) {
      return e.event() + " happened";
    } else if (event instanceof CaseEvent.Withdraw e) {
      return e.by() + " withdrew the escalation" + reason(e.reason());
    } else if (event instanceof CaseEvent.Raise e) {
      return "raised by " + e.by() + e.stage().map(s -> " at stage " + s).orElse("")
          + reason(e.reason());
    } else if (event instanceof CaseEvent.DeadlinePassed e) {
      return "no response by the deadline";
    }
    return "reminder due";
  }

  private static String reason(Optional<String> reason) {
    return reason.map(r -> " (" + r + ")").orElse("");
  }
}
