package org.escalon.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.escalon.model.Duration;
import org.escalon.model.Target;

/**
 * A mutable copy of a state that one event works on. It is thrown away if the event is refused,
 * which is how a refused event leaves the state exactly as it was.
 */
final class Working {
  EscalationState.Status status;
  Optional<String> stage;
  Optional<Instant> raisedAt;
  Optional<Instant> deadline;
  Optional<Target> waitingFor;
  final List<StageVisit> visits;
  final List<String> completed;
  int extensionsInTotal;
  Optional<Duration> pendingExtension;
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
  final List<Effect> effects = new ArrayList<>();

  Working(EscalationState s) {
    status = s.status();
    stage = s.stage();
    raisedAt = s.raisedAt();
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
  }

  EscalationState freeze() {
    return new EscalationState(status, stage, raisedAt, deadline, waitingFor, visits, completed,
        extensionsInTotal, pendingExtension, agreements, advice, attributes, gradings, occurrences,
        reminders, referrals, triggered, outcome, resolvedAt, lastEventAt);
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
}
