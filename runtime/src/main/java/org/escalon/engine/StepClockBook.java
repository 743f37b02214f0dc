package org.escalon.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.StepClocks;
import org.escalon.model.Protocol;
import org.escalon.model.SourceSpan;

/**
 * The clocks on steps as the engine keeps them, one function per thing that happens to them, so
 * that the engine's rules and generated machines keep them alike: which steps start clocks is the
 * operational model's to say ({@link StepClocks}); this counts their deadlines, stops them, and
 * words the refusals.
 */
public final class StepClockBook {

  private StepClockBook() {}

  /**
   * Starts these clocks of {@code where} entered at {@code entered}, for a machine that keeps
   * neither when the escalation started nor when each stage last started: a clock counted from
   * the stage starts from {@code entered}; one counted from an event starts when it happens.
   */
  public static List<StepClock> start(List<StepClock> clocks, String where,
      List<StepClocks.Clock> started, Instant entered, WorkingCalendar calendar) {
    return start(clocks, where, started, c -> StepClocks.countedFrom(c, entered,
        Optional.empty(), key -> Optional.empty(), Optional.empty()), calendar);
  }

  /**
   * Starts these clocks of {@code where} (again, for a stage re-entered or an event that happens
   * again), each counted from the instant {@code from} gives it ({@link StepClocks#countedFrom});
   * a clock with none does not start.
   */
  public static List<StepClock> start(List<StepClock> clocks, String where,
      List<StepClocks.Clock> started, Function<StepClocks.Clock, Optional<Instant>> from,
      WorkingCalendar calendar) {
    if (started.isEmpty()) {
      return clocks;
    }
    List<StepClock> next = new ArrayList<>(clocks);
    for (StepClocks.Clock c : started) {
      Optional<Instant> at = from.apply(c);
      if (at.isPresent()) {
        next.removeIf(x -> x.stage().equals(where) && x.step().equals(c.step()));
        next.add(new StepClock(where, c.step(), calendar.deadline(at.get().atZone(
            calendar.zone()), c.within()).toInstant(), Optional.empty(), false));
      }
    }
    return List.copyOf(next);
  }

  /** When the next running clock falls, if one runs. */
  public static Optional<Instant> next(List<StepClock> clocks) {
    Optional<Instant> due = Optional.empty();
    for (StepClock c : clocks) {
      if (c.running() && (due.isEmpty() || c.due().isBefore(due.get()))) {
        due = Optional.of(c.due());
      }
    }
    return due;
  }

  /** The first running clock that falls at {@code due}, if any: it passes before anything else. */
  public static Optional<StepClock> dueAt(List<StepClock> clocks, Instant due) {
    return clocks.stream().filter(c -> c.running() && c.due().equals(due)).findFirst();
  }

  /** Withdrawing the escalation stops every clock still running. */
  public static List<StepClock> withdrawn(List<StepClock> clocks) {
    return clocks.stream().filter(c -> !c.running()).toList();
  }

  /**
   * The host reports a step done: the first clock on it not yet done stops (one that passed is
   * done late); a step with no clock is accepted when the current stage (or, once the escalation
   * has ended, its outcome) has it. Throws the refusal otherwise.
   *
   * @param stageSpan where the current stage is declared, for the refusal
   */
  public static List<StepClock> done(OperationalModel model, List<StepClock> clocks,
      EscalationState.Status status, Optional<String> stage, Optional<String> outcome,
      SourceSpan stageSpan, CaseEvent.StepDone e) {
    Protocol protocol = model.protocol();
    raised(protocol, status, e);
    if (protocol.role(e.by()).isEmpty()) {
      throw new RefusedEvent(e, "the protocol has no role " + e.by(), protocol.span(),
          Optional.empty());
    }
    for (int i = 0; i < clocks.size(); i++) {
      StepClock c = clocks.get(i);
      if (c.step().equals(e.step()) && c.done().isEmpty()) {
        List<StepClock> next = new ArrayList<>(clocks);
        next.set(i, c.doneAt(e.at()));
        return List.copyOf(next);
      }
    }
    boolean ended = status == EscalationState.Status.ENDED;
    String where = ended ? "outcome " + outcome.orElse("") : "stage " + stage.orElse("");
    List<String> ids = ended
        ? outcome.flatMap(model::outcome).map(o -> StepClocks.ids(o.duties())).orElse(List.of())
        : stage.flatMap(model::stage).map(s -> StepClocks.ids(s.duties())).orElse(List.of());
    if (!ids.contains(e.step())) {
      throw new RefusedEvent(e, where + " has no step " + e.step() + " to report done"
          + (ids.isEmpty() ? "" : " (its steps: " + String.join(", ", ids) + ")"),
          ended ? protocol.span() : stageSpan, Optional.empty());
    }
    return clocks;
  }

  /** A step's deadline passes before it was reported done: recorded; nothing else changes. */
  public static List<StepClock> passed(Protocol protocol, EscalationState.Status status,
      List<StepClock> clocks, CaseEvent.StepDeadlinePassed e) {
    raised(protocol, status, e);
    for (int i = 0; i < clocks.size(); i++) {
      StepClock c = clocks.get(i);
      if (c.running() && c.stage().equals(e.stage()) && c.step().equals(e.step())
          && !c.due().isAfter(e.at())) {
        List<StepClock> next = new ArrayList<>(clocks);
        next.set(i, c.pass());
        return List.copyOf(next);
      }
    }
    throw new RefusedEvent(e, "no deadline on step " + e.step() + " of stage " + e.stage()
        + " passes at " + e.at(), protocol.span(), Optional.empty());
  }

  // Step clocks run after the escalation has ended (an outcome's steps), not before it.
  private static void raised(Protocol protocol, EscalationState.Status status, CaseEvent e) {
    if (status == EscalationState.Status.NOT_RAISED) {
      throw new RefusedEvent(e, "the escalation has not been raised", protocol.span(),
          Optional.empty());
    }
  }
}
