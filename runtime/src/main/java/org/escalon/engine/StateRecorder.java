package org.escalon.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.machine.OperationalModel;
import org.escalon.model.Timespan;
import org.escalon.model.Target;

/**
 * The history of an escalation as a generated machine replays its log: the stays at each stage,
 * the stages completed, agreements, advice, facts, gradings, referrals and triggers, in the order
 * they happened. A generated machine keeps only what its next decision needs; its {@code state()}
 * replays the log with a recorder to give the same {@link EscalationState} as the engine. Which
 * timescale set a stay's deadline is asked of {@link ResponseDue}, on the history heard so far,
 * as the engine asks it on entering.
 */
public final class StateRecorder {

  private final OperationalModel model;
  private final WorkingCalendar calendar;

  private Optional<Instant> raisedAt = Optional.empty();
  private Optional<String> raisedBy = Optional.empty();
  private final List<StageVisit> visits = new ArrayList<>();
  private final List<String> completed = new ArrayList<>();
  private int extensionsInTotal;
  private final List<String> agreements = new ArrayList<>();
  private final List<String> advice = new ArrayList<>();
  private final TreeMap<String, String> attributes = new TreeMap<>();
  private final TreeMap<String, List<String>> gradings = new TreeMap<>();
  private final TreeMap<String, List<Instant>> occurrences = new TreeMap<>();
  private final List<String> referrals = new ArrayList<>();
  private final List<String> triggered = new ArrayList<>();
  private final TreeMap<String, Instant> dates = new TreeMap<>();
  private final List<String> done = new ArrayList<>();

  /** The escalation was raised, by a role (empty: a migrated log that does not say who). */
  public void raised(Instant at, Optional<String> by) {
    raisedAt = Optional.of(at);
    raisedBy = by;
  }

  /** A recorder of an escalation of the model's protocol, counting days in the calendar. */
  public StateRecorder(OperationalModel model, WorkingCalendar calendar) {
    this.model = model;
    this.calendar = calendar;
  }

  /** A stay begins, with the deadline the machine set; the timescale is the one that counts. */
  public void entered(String stage, Instant at, Optional<Instant> deadline) {
    Working so = new Working(state(EscalationState.Status.OPEN, Optional.of(stage),
        Optional.empty(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
        Optional.empty(), Optional.of(at)), calendar, at);
    Optional<Integer> timescale = ResponseDue.due(model, model.stage(stage).orElseThrow(), so, at,
        calendar).map(ResponseDue.Choice::timescale);
    visits.add(new StageVisit(stage, at, deadline, timescale, Optional.empty(), Optional.empty(),
        0));
  }

  /** The present stay ends, unless it has already. */
  public void left(Instant at, String how) {
    int last = visits.size() - 1;
    if (last >= 0 && visits.get(last).left().isEmpty()) {
      visits.set(last, visits.get(last).leave(at, how));
    }
  }

  /** The stay's soft deadline was missed: recorded; the stay goes on. */
  public void missed(Instant at) {
    int last = visits.size() - 1;
    visits.set(last, visits.get(last).miss(at));
  }

  /**
   * A respondent of a stage each of several roles must answer answered resolving, and the stay
   * goes on: others still must.
   */
  public void answered(String role) {
    int last = visits.size() - 1;
    visits.set(last, visits.get(last).answer(role));
  }

  /** The host said {@code role}, an addressee with a substitute, is unavailable this stay. */
  public void unavailable(String role) {
    int last = visits.size() - 1;
    visits.set(last, visits.get(last).unavailable(role));
  }

  /**
   * The stay's deadline after its timescale was set during the case (not an extension), and the
   * timescale that counts from then ({@code Interpreter.TimeSet}).
   */
  public void deadlineSet(Optional<Instant> deadline, Optional<Integer> timescale) {
    int last = visits.size() - 1;
    visits.set(last, visits.get(last).deadlineSet(deadline, timescale));
  }

  public void extended(Instant deadline) {
    int last = visits.size() - 1;
    visits.set(last, visits.get(last).extend(deadline));
    extensionsInTotal++;
  }

  public void completed(String stage) {
    addOnce(completed, stage);
  }

  public void agreed(String role) {
    addOnce(agreements, role);
  }

  public void advised(String role) {
    addOnce(advice, role);
  }

  public void attribute(String name, String value) {
    attributes.put(name, value);
  }

  public void graded(String scale, String section, String grade) {
    List<String> grades = new ArrayList<>(gradings.getOrDefault(scale + "/" + section, List.of()));
    grades.add(grade);
    gradings.put(scale + "/" + section, List.copyOf(grades));
  }

  public void occurred(String event, Instant at) {
    List<Instant> times = new ArrayList<>(occurrences.getOrDefault(event, List.of()));
    times.add(at);
    occurrences.put(event, List.copyOf(times));
  }

  /** The host set (or moved) a known date. */
  public void dateSet(String date, Instant on) {
    dates.put(date, on);
  }

  /** A step required before a stage was reported done (once). */
  public void done(String step) {
    addOnce(done, step);
  }

  public void referred(String outcome) {
    addOnce(referrals, outcome);
  }

  public void triggered(String trigger) {
    triggered.add(trigger);
  }

  /** The engine's view of the escalation: the history recorded, with what the machine holds. */
  public EscalationState state(EscalationState.Status status, Optional<String> stage,
      Optional<Instant> deadline, Optional<Target> waitingFor, Optional<Timespan> pendingExtension,
      List<ActiveReminder> reminders, Optional<String> outcome, Optional<String> resolvedAt,
      Optional<Instant> lastEventAt) {
    return state(status, stage, deadline, waitingFor, pendingExtension, reminders, outcome,
        resolvedAt, lastEventAt, List.of());
  }

  /** The engine's view, with the clocks on steps the machine holds. */
  public EscalationState state(EscalationState.Status status, Optional<String> stage,
      Optional<Instant> deadline, Optional<Target> waitingFor, Optional<Timespan> pendingExtension,
      List<ActiveReminder> reminders, Optional<String> outcome, Optional<String> resolvedAt,
      Optional<Instant> lastEventAt, List<StepClock> stepClocks) {
    return new EscalationState(status, stage, raisedAt, raisedBy, deadline, waitingFor, visits,
        completed, extensionsInTotal, pendingExtension, agreements, advice, attributes, gradings,
        occurrences, reminders, referrals, triggered, outcome, resolvedAt, lastEventAt,
        stepClocks, dates, done);
  }

  private static void addOnce(List<String> list, String value) {
    if (!list.contains(value)) {
      list.add(value);
    }
  }
}
