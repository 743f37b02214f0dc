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
        next.add(new StepClock(where, c.step(), StepClocks.due(c, at.get(), calendar),
            Optional.empty(), false));
      }
    }
    return List.copyOf(next);
  }

  /**
   * The host sets a known date, or moves it ({@code CaseEvent.SetDate}): every clock counted back
   * from it that is not done falls due again from the new date, wherever its stage (leaving a
   * stage does not stop its clocks), one that had passed too (its miss stays in the log); and the
   * clocks counted back from it of the stage the escalation is at ({@code here}, the duties that
   * apply there) start if they have not. A deadline that has already passed when the date is set
   * passes at once, recorded as any step deadline missed.
   *
   * <p>Refused for a date the protocol does not declare, and for a date that is not after the
   * moment it is set (it has passed).
   *
   * @param here the clocks counted back from the date of the stage the escalation is at
   *     ({@code where}), whose guards hold; none when it is not open
   */
  public static List<StepClock> dateSet(OperationalModel model, List<StepClock> clocks,
      String where, List<StepClocks.Clock> here, CaseEvent.SetDate e, WorkingCalendar calendar) {
    Protocol protocol = model.protocol();
    org.escalon.model.KnownDate date = protocol.date(e.date()).orElseThrow(() ->
        new RefusedEvent(e, "the protocol has no date " + e.date(), protocol.span(),
            Optional.empty()));
    if (!e.on().isAfter(e.at())) {
      throw new RefusedEvent(e, "the date of " + date.title() + " (" + e.date() + ") must be "
          + "after the moment it is set: " + e.on() + " is not after " + e.at(), date.span(),
          Optional.empty());
    }
    java.util.Map<List<String>, StepClocks.Clock> counted = StepClocks.countedBack(model,
        e.date());
    List<StepClock> next = new ArrayList<>();
    for (StepClock c : clocks) {
      StepClocks.Clock clock = counted.get(List.of(c.stage(), c.step()));
      next.add(clock != null && c.done().isEmpty() ? new StepClock(c.stage(), c.step(),
          StepClocks.due(clock, e.on(), calendar), Optional.empty(), false) : c);
    }
    for (StepClocks.Clock h : here) {
      if (next.stream().noneMatch(c -> c.stage().equals(where) && c.step().equals(h.step()))) {
        next.add(new StepClock(where, h.step(), StepClocks.due(h, e.on(), calendar),
            Optional.empty(), false));
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
        List<String> doers = StepClocks.jointly(model, c.stage(), c.step());
        jointly(model, c.stage(), doers, c.reported(), e);
        List<StepClock> next = new ArrayList<>(clocks);
        next.set(i, doers.isEmpty() ? c.doneAt(e.at()) : c.reportedBy(e.by(), e.at(), doers));
        return List.copyOf(next);
      }
    }
    boolean ended = status == EscalationState.Status.ENDED;
    String where = ended ? "outcome " + outcome.orElse("") : "stage " + stage.orElse("");
    (ended ? outcome : stage).ifPresent(x -> jointly(model, x,
        StepClocks.jointly(model, x, e.step()), List.of(), e));
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

  /**
   * A joint step ({@code by A and B}) is reported done by each of its roles, once each: refused
   * from any other role (forbidden) and from one that has already reported it (not now).
   */
  private static void jointly(OperationalModel model, String where, List<String> doers,
      List<String> reported, CaseEvent.StepDone e) {
    if (doers.isEmpty()) {
      return;
    }
    Optional<org.escalon.model.Citation> cite = StepClocks.citation(model, where, e.step());
    SourceSpan span = model.protocol().span();
    if (!doers.contains(e.by())) {
      throw new RefusedEvent(e, "step " + e.step() + " is done jointly by " + String.join(
          " and ", doers) + ", each reporting it done; " + e.by() + " is not one of them", span,
          cite);
    }
    if (reported.contains(e.by())) {
      throw new RefusedEvent(e, e.by() + " has already reported step " + e.step()
          + " done; it waits for " + String.join(" and ", doers.stream()
              .filter(d -> !reported.contains(d)).toList()), span, cite);
    }
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
