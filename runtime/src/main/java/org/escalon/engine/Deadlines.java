package org.escalon.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.machine.OperationalModel;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.Timescale;

/**
 * The deadlines the engine computed, kept with the log ({@code due=} on the line of the event
 * that set each one), so that replay takes them from the log instead of counting working days
 * again. A log written before a bank holiday was announced or a closure day was added then
 * replays to exactly the state it was written from, and its deadline lines stay where they were.
 */
final class Deadlines {

  private Deadlines() {}

  /**
   * The state a log leads to, with the deadline after event {@code i} taken from
   * {@code recorded.get(i)} when the log recorded one (for the running stay as well).
   */
  static EscalationState replay(Protocol protocol, WorkingCalendar calendar, List<CaseEvent> log,
      Map<Integer, Instant> recorded) {
    return states(protocol, calendar, log, recorded).get(log.size());
  }

  /**
   * For each event of a log, the deadline to record on its line: the one running after it when
   * the event set it (a stage entered, an extension granted, a condition that changed the
   * timescale), else empty.
   */
  static List<Optional<Instant>> toRecord(Protocol protocol, WorkingCalendar calendar,
      List<CaseEvent> log, Map<Integer, Instant> recorded) {
    return lines(protocol, calendar, log, recorded).stream().map(Line::due).toList();
  }

  /**
   * What the line of an event of a log says besides the event: the deadline it set ({@link
   * #toRecord}) and, for a deadline that passed, the timescale that set it, as the stay recorded
   * it (the one the model chose on entering, which the line's comment cites).
   */
  record Line(Optional<Instant> due, Optional<Timescale> missed, Optional<Right> right) {

    /** The line of an event the engine would refuse: nothing set, nothing applied. */
    static Line none() {
      return new Line(Optional.empty(), Optional.empty(), Optional.empty());
    }
  }

  /** The line of each event of a log; throws {@link RefusedEvent} if the engine refuses one. */
  static List<Line> lines(Protocol protocol, WorkingCalendar calendar, List<CaseEvent> log,
      Map<Integer, Instant> recorded) {
    List<EscalationState> states = states(protocol, calendar, log, recorded);
    OperationalModel model = OperationalModel.of(protocol);
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < log.size(); i++) {
      EscalationState before = states.get(i);
      EscalationState after = states.get(i + 1);
      boolean set = after.deadline().isPresent() && (!after.deadline().equals(before.deadline())
          || after.visits().size() != before.visits().size());
      Optional<Timescale> missed = log.get(i) instanceof CaseEvent.DeadlinePassed
          ? before.currentVisit().flatMap(v -> protocol.stage(v.stage()).flatMap(v::timescaleOf))
          : Optional.empty();
      lines.add(new Line(set ? after.deadline() : Optional.empty(), missed,
          right(model, calendar, before, log.get(i))));
    }
    return lines;
  }

  /** The right a bypass or referral took (the one its line cites); none for other events. */
  private static Optional<Right> right(OperationalModel model, WorkingCalendar calendar,
      EscalationState before, CaseEvent event) {
    if (event instanceof CaseEvent.Bypass b) {
      return AppliedRights.of(model, calendar, before, b);
    }
    return event instanceof CaseEvent.Refer r ? AppliedRights.of(model, calendar, before, r)
        : Optional.empty();
  }

  /** The state before the first event and after each one. */
  private static List<EscalationState> states(Protocol protocol, WorkingCalendar calendar,
      List<CaseEvent> log, Map<Integer, Instant> recorded) {
    Rules rules = new Rules(org.escalon.machine.OperationalModel.of(protocol), calendar);
    List<EscalationState> states = new ArrayList<>(List.of(EscalationState.initial()));
    EscalationState s = EscalationState.initial();
    for (int i = 0; i < log.size(); i++) {
      s = recorded(rules.apply(s, log.get(i)).state(), recorded.get(i));
      states.add(s);
    }
    return states;
  }

  /** The state after an event, with the deadline the log recorded for it, if any. */
  static EscalationState recorded(EscalationState s, Instant due) {
    return due != null && s.deadline().isPresent() ? withDeadline(s, due) : s;
  }

  /** The state with the running stay's deadline moved to {@code due}. */
  private static EscalationState withDeadline(EscalationState s, Instant due) {
    List<StageVisit> visits = new ArrayList<>(s.visits());
    if (!visits.isEmpty() && visits.get(visits.size() - 1).left().isEmpty()) {
      StageVisit v = visits.get(visits.size() - 1);
      visits.set(visits.size() - 1, new StageVisit(v.stage(), v.entered(), Optional.of(due),
          v.timescale(), v.left(), v.leftBy(), v.extensions(), v.answered(), v.missed(),
          v.unavailable()));
    }
    return new EscalationState(s.status(), s.stage(), s.raisedAt(), s.raisedBy(),
        Optional.of(due),
        s.waitingFor(), visits, s.completed(), s.extensionsInTotal(), s.pendingExtension(),
        s.agreements(), s.advice(), s.attributes(), s.gradings(), s.occurrences(), s.reminders(),
        s.referrals(), s.triggered(), s.outcome(), s.resolvedAt(), s.lastEventAt(),
        s.stepClocks(), s.dates(), s.done());
  }
}
