package org.escalon.engine;

import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.machine.OperationalModel;
import org.escalon.model.Right;
import org.escalon.model.Target;

/**
 * The right that let an accepted bypass or referral through, asked of the operational model's
 * rights table with the facts as they stood before the event: the right a timeline row and a log
 * line cite, so that "children in care only" is cited when it is the right that applied, not the
 * first right of its kind the role holds.
 */
public final class AppliedRights {

  private AppliedRights() {}

  /** The right that applies to the bypass from state {@code before}, if any. */
  public static Optional<Right> of(OperationalModel model, WorkingCalendar calendar,
      EscalationState before, CaseEvent.Bypass bypass) {
    Target target = model.stage(bypass.target()).isPresent()
        ? new Target.ToStage(bypass.target()) : new Target.ToOutcome(bypass.target());
    return find(model, calendar, before, bypass, Right.Kind.BYPASS, bypass.by(), target);
  }

  /** The right that applies to the referral from state {@code before}, if any. */
  public static Optional<Right> of(OperationalModel model, WorkingCalendar calendar,
      EscalationState before, CaseEvent.Refer refer) {
    return find(model, calendar, before, refer, Right.Kind.REFER, refer.by(),
        new Target.ToOutcome(refer.outcome()));
  }

  private static Optional<Right> find(OperationalModel model, WorkingCalendar calendar,
      EscalationState before, CaseEvent event, Right.Kind kind, String role, Target target) {
    Working facts = new Working(before, calendar, event.at());
    return model.rights().find(kind, role, target, before.stage(), facts,
        before.raisedAt().equals(Optional.of(event.at()))).applies();
  }
}
