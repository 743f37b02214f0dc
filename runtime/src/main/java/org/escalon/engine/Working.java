package org.escalon.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.TreeMap;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.machine.Facts;
import org.escalon.model.Timespan;
import org.escalon.model.Target;

/**
 * A mutable copy of a state that one event works on. It is thrown away if the event is refused,
 * which is how a refused event leaves the state exactly as it was. It is also the concrete
 * {@link Facts} the interpreter asks, at the instant of the event.
 */
final class Working implements Facts {
  private final WorkingCalendar calendar;
  private final Instant now;
  EscalationState.Status status;
  Optional<String> stage;
  Optional<Instant> raisedAt;
  Optional<String> raisedBy;
  Optional<Instant> deadline;
  Optional<Target> waitingFor;
  final List<StageVisit> visits;
  final List<String> completed;
  int extensionsInTotal;
  Optional<Timespan> pendingExtension;
  final List<String> agreements;
  final List<String> advice;
  final TreeMap<String, String> attributes;
  final TreeMap<String, List<String>> gradings;
  final TreeMap<String, List<Instant>> occurrences;
  final List<ActiveReminder> reminders;
  final List<String> referrals;
  final List<String> triggered;
  Optional<String> outcome;
  Optional<String> resolvedAt;
  Optional<Instant> lastEventAt;
  final List<StepClock> stepClocks;
  final TreeMap<String, Instant> dates;
  final List<String> done;
  final List<Effect> effects = new ArrayList<>();

  Working(EscalationState s, WorkingCalendar calendar, Instant now) {
    this.calendar = calendar;
    this.now = now;
    status = s.status();
    stage = s.stage();
    raisedAt = s.raisedAt();
    raisedBy = s.raisedBy();
    deadline = s.deadline();
    waitingFor = s.waitingFor();
    visits = new ArrayList<>(s.visits());
    completed = new ArrayList<>(s.completed());
    extensionsInTotal = s.extensionsInTotal();
    pendingExtension = s.pendingExtension();
    agreements = new ArrayList<>(s.agreements());
    advice = new ArrayList<>(s.advice());
    attributes = new TreeMap<>(s.attributes());
    gradings = new TreeMap<>(s.gradings());
    occurrences = new TreeMap<>(s.occurrences());
    reminders = new ArrayList<>(s.reminders());
    referrals = new ArrayList<>(s.referrals());
    triggered = new ArrayList<>(s.triggered());
    outcome = s.outcome();
    resolvedAt = s.resolvedAt();
    lastEventAt = s.lastEventAt();
    stepClocks = new ArrayList<>(s.stepClocks());
    dates = new TreeMap<>(s.dates());
    done = new ArrayList<>(s.done());
  }

  EscalationState freeze() {
    return new EscalationState(status, stage, raisedAt, raisedBy, deadline, waitingFor, visits,
        completed, extensionsInTotal, pendingExtension, agreements, advice, attributes, gradings,
        occurrences, reminders, referrals, triggered, outcome, resolvedAt, lastEventAt,
        stepClocks, dates, done);
  }

  /** The instant of the event this copy works on. */
  Instant now() {
    return now;
  }

  /** When the host has set a known date for, if it has. */
  Optional<Instant> date(String name) {
    return Optional.ofNullable(dates.get(name));
  }

  /** When stage {@code key} last started, if it has. */
  Optional<Instant> lastStart(String key) {
    for (int i = visits.size() - 1; i >= 0; i--) {
      if (visits.get(i).stage().equals(key)) {
        return Optional.of(visits.get(i).entered());
      }
    }
    return Optional.empty();
  }

  StageVisit currentVisit() {
    return visits.get(visits.size() - 1);
  }

  void replaceCurrentVisit(StageVisit visit) {
    visits.set(visits.size() - 1, visit);
  }

  int extensionsAtStage() {
    return visits.isEmpty() ? 0 : currentVisit().extensions();
  }

  @Override
  public boolean attribute(String name, String value) {
    return value.equals(attributes.get(name));
  }

  @Override
  public boolean completed(String stage) {
    return completed.contains(stage);
  }

  @Override
  public boolean agreed(String role) {
    return agreements.contains(role);
  }

  @Override
  public boolean advised(String role) {
    return advice.contains(role);
  }

  @Override
  public boolean done(String step) {
    return done.contains(step);
  }

  @Override
  public int occurrences(String event) {
    return occurrences.getOrDefault(event, List.of()).size();
  }

  // The last `times` gradings of one section are all the grade; any section will do.
  @Override
  public boolean graded(String scale, String grade, int times) {
    String prefix = scale + "/";
    for (Map.Entry<String, List<String>> section : gradings.entrySet()) {
      List<String> grades = section.getValue();
      if (section.getKey().startsWith(prefix) && grades.size() >= times
          && grades.subList(grades.size() - times, grades.size()).stream()
              .allMatch(grade::equals)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean elapsed(Timespan duration, String event) {
    List<Instant> times = occurrences.getOrDefault(event, List.of());
    return !times.isEmpty() && !calendar.deadline(times.get(0).atZone(calendar.zone()), duration)
        .toInstant().isAfter(now);
  }
}
