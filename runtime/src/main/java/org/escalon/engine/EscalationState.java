package org.escalon.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.escalon.model.Timespan;
import org.escalon.model.Target;

/**
 * Where one escalation stands: its status, who raised it and when, its stage and deadline, the
 * stages visited and completed,
 * extensions, agreements and advice given, steps required before a stage reported done, the case's facts and history, and how it ended.
 * Immutable; equal states print equally.
 */
public record EscalationState(
    Status status,
    Optional<String> stage,
    Optional<Instant> raisedAt,
    Optional<String> raisedBy,
    Optional<Instant> deadline,
    Optional<Target> waitingFor,
    List<StageVisit> visits,
    List<String> completed,
    int extensionsInTotal,
    Optional<Timespan> pendingExtension,
    List<String> agreements,
    List<String> advice,
    SortedMap<String, String> attributes,
    SortedMap<String, List<String>> gradings,
    SortedMap<String, List<Instant>> occurrences,
    List<ActiveReminder> reminders,
    List<String> referrals,
    List<String> triggered,
    Optional<String> outcome,
    Optional<String> resolvedAt,
    Optional<Instant> lastEventAt,
    List<StepClock> stepClocks,
    SortedMap<String, Instant> dates,
    List<String> done) {

  /** Whether an escalation has not begun, is running, or has ended. */
  public enum Status {
    NOT_RAISED,
    OPEN,
    ENDED
  }

  public EscalationState {
    visits = List.copyOf(visits);
    completed = List.copyOf(completed);
    agreements = List.copyOf(agreements);
    advice = List.copyOf(advice);
    attributes = unmodifiable(attributes);
    gradings = unmodifiable(gradings);
    occurrences = unmodifiable(occurrences);
    reminders = List.copyOf(reminders);
    referrals = List.copyOf(referrals);
    triggered = List.copyOf(triggered);
    stepClocks = List.copyOf(stepClocks);
    dates = unmodifiable(dates);
    done = List.copyOf(done);
  }

  /**
   * A state in which no step required before a stage has been reported done ({@code done}: their
   * ids, in the order reported).
   */
  public EscalationState(Status status, Optional<String> stage, Optional<Instant> raisedAt,
      Optional<String> raisedBy, Optional<Instant> deadline, Optional<Target> waitingFor,
      List<StageVisit> visits, List<String> completed, int extensionsInTotal,
      Optional<Timespan> pendingExtension, List<String> agreements, List<String> advice,
      SortedMap<String, String> attributes, SortedMap<String, List<String>> gradings,
      SortedMap<String, List<Instant>> occurrences, List<ActiveReminder> reminders,
      List<String> referrals, List<String> triggered, Optional<String> outcome,
      Optional<String> resolvedAt, Optional<Instant> lastEventAt, List<StepClock> stepClocks,
      SortedMap<String, Instant> dates) {
    this(status, stage, raisedAt, raisedBy, deadline, waitingFor, visits, completed,
        extensionsInTotal, pendingExtension, agreements, advice, attributes, gradings,
        occurrences, reminders, referrals, triggered, outcome, resolvedAt, lastEventAt,
        stepClocks, dates, List.of());
  }

  /** A state with no known date set ({@code CaseEvent.SetDate}). */
  public EscalationState(Status status, Optional<String> stage, Optional<Instant> raisedAt,
      Optional<String> raisedBy, Optional<Instant> deadline, Optional<Target> waitingFor,
      List<StageVisit> visits, List<String> completed, int extensionsInTotal,
      Optional<Timespan> pendingExtension, List<String> agreements, List<String> advice,
      SortedMap<String, String> attributes, SortedMap<String, List<String>> gradings,
      SortedMap<String, List<Instant>> occurrences, List<ActiveReminder> reminders,
      List<String> referrals, List<String> triggered, Optional<String> outcome,
      Optional<String> resolvedAt, Optional<Instant> lastEventAt, List<StepClock> stepClocks) {
    this(status, stage, raisedAt, raisedBy, deadline, waitingFor, visits, completed,
        extensionsInTotal, pendingExtension, agreements, advice, attributes, gradings,
        occurrences, reminders, referrals, triggered, outcome, resolvedAt, lastEventAt,
        stepClocks, new TreeMap<>());
  }

  /** A state with no step clocks (a protocol whose steps have no deadlines). */
  public EscalationState(Status status, Optional<String> stage, Optional<Instant> raisedAt,
      Optional<String> raisedBy, Optional<Instant> deadline, Optional<Target> waitingFor,
      List<StageVisit> visits, List<String> completed, int extensionsInTotal,
      Optional<Timespan> pendingExtension, List<String> agreements, List<String> advice,
      SortedMap<String, String> attributes, SortedMap<String, List<String>> gradings,
      SortedMap<String, List<Instant>> occurrences, List<ActiveReminder> reminders,
      List<String> referrals, List<String> triggered, Optional<String> outcome,
      Optional<String> resolvedAt, Optional<Instant> lastEventAt) {
    this(status, stage, raisedAt, raisedBy, deadline, waitingFor, visits, completed,
        extensionsInTotal, pendingExtension, agreements, advice, attributes, gradings,
        occurrences, reminders, referrals, triggered, outcome, resolvedAt, lastEventAt,
        List.of());
  }

  /** The state of a case before anything has happened. */
  public static EscalationState initial() {
    return new EscalationState(Status.NOT_RAISED, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), 0,
        Optional.empty(), List.of(), List.of(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>(),
        List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The stays at the current stage so far, the last one being the present stay. */
  public Optional<StageVisit> currentVisit() {
    return status == Status.OPEN && !visits.isEmpty()
        ? Optional.of(visits.get(visits.size() - 1)) : Optional.empty();
  }

  /**
   * The instant an event meant for {@code at} is dated: {@code at}, or the last event's instant
   * when that is later, as no event is dated before the last one.
   */
  public Instant notBeforeLastEvent(Instant at) {
    return lastEventAt.filter(last -> last.isAfter(at)).orElse(at);
  }

  /** When the engine must next be told that time has passed, if ever. */
  public Optional<Instant> nextDue() {
    if (status != Status.OPEN) {
      // an ended escalation still has the clocks of its outcome's steps (and any left running)
      return nextStepDue();
    }
    return earlier(nextMoveDue(), nextStepDue());
  }

  /**
   * When the stage's deadline or a reminder next falls, step clocks left aside: what moves an
   * open escalation on or reminds someone (populations follow only these).
   */
  public Optional<Instant> nextMoveDue() {
    if (status != Status.OPEN) {
      return Optional.empty();
    }
    Optional<Instant> due = deadline;
    for (ActiveReminder r : reminders) {
      if (due.isEmpty() || r.next().isBefore(due.get())) {
        due = Optional.of(r.next());
      }
    }
    return due;
  }

  /** When the next running step clock falls, if one runs. */
  public Optional<Instant> nextStepDue() {
    return status == Status.NOT_RAISED ? Optional.empty() : StepClockBook.next(stepClocks);
  }

  private static Optional<Instant> earlier(Optional<Instant> a, Optional<Instant> b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isPresent() && b.get().isBefore(a.get()) ? b : a;
  }

  private static <V> SortedMap<String, V> unmodifiable(Map<String, V> map) {
    // most states have no attributes, gradings or occurrences: share one empty map for them
    return map.isEmpty() ? java.util.Collections.emptySortedMap()
        : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(map));
  }

  /**
   * The state as the facts the operational model's interpreter asks about, at an instant (time
   * since an event is counted to then on the calendar).
   */
  public org.escalon.machine.Facts facts(org.escalon.calendar.WorkingCalendar calendar,
      Instant now) {
    return new Working(this, calendar, now);
  }
}
