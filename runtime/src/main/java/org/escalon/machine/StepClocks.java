package org.escalon.machine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.time.Instant;
import java.util.function.Function;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.model.Step;
import org.escalon.model.Timescale;
import org.escalon.model.Timespan;
import org.escalon.model.Words;

/**
 * Deadlines on steps, decided once: a step that says {@code within D} ({@code action},
 * {@code record}, {@code notify} / {@code advise} / {@code consult}) starts a clock of its own when
 * its stage (or outcome) is entered and its guard holds; the clock runs beside the stage's
 * response timescale and stops when the host reports the step done ({@code StepDone}), when it
 * passes (recorded, never escalating: the stage's response timescale does that), or when the
 * escalation ends. Each step has an id the host names it by ({@link #id}).
 */
public final class StepClocks {

  private StepClocks() {}

  /**
   * A step with a deadline: its id, how long it has, what it counts from (the start of its stage
   * unless the step says otherwise), and the step.
   */
  public record Clock(String step, Timespan within, Timescale.Anchor from, Step of) {}

  /**
   * The clocks the duties that apply start on entering their stage: each step with a
   * {@code within}, in the order written, except those counted from an event ({@link #onEvent}).
   */
  public static List<Clock> of(List<Duty> applying) {
    return clocks(applying).stream().filter(c -> !(c.from() instanceof Timescale.Anchor.Event))
        .toList();
  }

  /**
   * The clocks of the duties counted back from a known date: the host setting the date (or moving
   * it) while the escalation is at their stage starts them (again).
   */
  public static List<Clock> onDate(List<Duty> applying, String date) {
    return clocks(applying).stream().filter(c -> c.from().equals(
        new Timescale.Anchor.Before(date))).toList();
  }

  /** The clocks an event starts (again) while the escalation is at the duties' stage. */
  public static List<Clock> onEvent(List<Duty> applying, String event) {
    return clocks(applying).stream().filter(c -> c.from().equals(
        new Timescale.Anchor.Event(event))).toList();
  }

  /**
   * Every clock the duties can start, whatever their guards and anchors (events included): what
   * the verifier counts when it says when each step falls due.
   */
  public static List<Clock> all(List<Duty> duties) {
    return clocks(duties);
  }

  private static List<Clock> clocks(List<Duty> applying) {
    List<Clock> clocks = new ArrayList<>();
    for (Duty d : applying) {
      within(d.step()).ifPresent(w -> clocks.add(new Clock(id(d.step()), w,
          from(d.step()).orElse(new Timescale.Anchor.StageStart()), d.step())));
    }
    return clocks;
  }

  /**
   * The instant a clock counts from, decided once: the stage's start ({@code entered}), the
   * escalation's ({@code raisedAt}), the last start of another stage ({@code lastStart}; none if
   * it has not been entered, and the clock does not start), or, for a clock counted from an
   * event, {@code happened}: the instant the event happened, which starts it.
   */
  public static Optional<Instant> countedFrom(Clock clock, Instant entered,
      Optional<Instant> raisedAt, Function<String, Optional<Instant>> lastStart,
      Optional<Instant> happened) {
    return countedFrom(clock, entered, raisedAt, lastStart, happened, d -> Optional.empty());
  }

  /**
   * {@link #countedFrom(Clock, Instant, Optional, Function, Optional)}, for a machine that keeps
   * the known dates the host has set ({@code dates}): a clock counted back from a date counts
   * from the date (back, {@link #due}); none until the date is set, and the clock does not start.
   */
  public static Optional<Instant> countedFrom(Clock clock, Instant entered,
      Optional<Instant> raisedAt, Function<String, Optional<Instant>> lastStart,
      Optional<Instant> happened, Function<String, Optional<Instant>> dates) {
    return AnchorCases.on(clock.from(), new AnchorCases<Optional<Instant>>() {
      @Override
      public Optional<Instant> stageStart() {
        return Optional.of(entered);
      }

      @Override
      public Optional<Instant> escalationStart() {
        return raisedAt;
      }

      @Override
      public Optional<Instant> event(String name) {
        return happened;
      }

      @Override
      public Optional<Instant> stage(String key) {
        return lastStart.apply(key);
      }

      @Override
      public Optional<Instant> before(String date) {
        return dates.apply(date);
      }
    });
  }

  /**
   * When a clock counted from {@code from} ({@link #countedFrom}) falls: its time after that
   * instant, or, for one counted back from a known date, its time before the date
   * ({@link WorkingCalendar#before}).
   */
  public static Instant due(Clock clock, Instant from, WorkingCalendar calendar) {
    return clock.from() instanceof Timescale.Anchor.Before
        ? calendar.before(from.atZone(calendar.zone()), clock.within()).toInstant()
        : calendar.deadline(from.atZone(calendar.zone()), clock.within()).toInstant();
  }

  /** What a step's deadline counts from when it says ({@code within D after ...}). */
  public static Optional<Timescale.Anchor> from(Step step) {
    return onDeadline(step, Step.Inform::from, Step.Act::from, Step.Keep::from);
  }

  /**
   * Every clock of the model counted back from a known date, by its stage's (or outcome's) key and
   * its step's id: what the host setting or moving the date moves.
   */
  public static java.util.Map<List<String>, Clock> countedBack(OperationalModel model,
      String date) {
    java.util.Map<List<String>, Clock> counted = new java.util.LinkedHashMap<>();
    Timescale.Anchor back = new Timescale.Anchor.Before(date);
    for (StageRule s : model.stages()) {
      all(s.duties()).stream().filter(c -> c.from().equals(back))
          .forEach(c -> counted.putIfAbsent(List.of(s.key(), c.step()), c));
    }
    for (OutcomeRule o : model.outcomes()) {
      all(o.duties()).stream().filter(c -> c.from().equals(back))
          .forEach(c -> counted.putIfAbsent(List.of(o.name(), c.step()), c));
    }
    return counted;
  }

  /** The ids of the steps among duties that a host may report done. */
  public static List<String> ids(List<Duty> duties) {
    List<String> ids = new ArrayList<>();
    for (Duty d : duties) {
      String id = id(d.step());
      if (!id.isEmpty() && !ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }

  /**
   * A step's id: an action's own id; {@code record_} and the form's name or the note's words;
   * the kind of informing and the roles ({@code notify_service_manager}); none (empty) for
   * escalating, copying and reminding, which have no deadline.
   */
  public static String id(Step step) {
    return StepCases.on(step, new StepCases<String>() {
      @Override
      public String escalateTo(Step.EscalateTo s) {
        return "";
      }

      @Override
      public String copy(Step.Copy s) {
        return "";
      }

      @Override
      public String inform(Step.Inform s) {
        return Words.snake(s.kind().name().toLowerCase(Locale.ROOT) + " "
            + String.join(" ", s.roles()), "step");
      }

      @Override
      public String act(Step.Act s) {
        return s.id();
      }

      @Override
      public String keep(Step.Keep s) {
        return Words.snake("record " + s.form().or(s::note).orElse(""), "step");
      }

      @Override
      public String remind(Step.Remind s) {
        return "";
      }
    });
  }

  /**
   * Whether any stage of the model has a step with this id, or requires it done before it is
   * entered (one a host may report done).
   */
  public static boolean known(OperationalModel model, String step) {
    return model.stages().stream().anyMatch(s -> ids(s.duties()).contains(step))
        || new Interpreter(model).requiredBefore(step).isPresent();
  }

  /** The citation of the step with this id at a stage, if it has one. */
  public static Optional<org.escalon.model.Citation> citation(OperationalModel model,
      String stage, String step) {
    return step(model, stage, step).flatMap(Step::citation);
  }

  /** The word for urgency of the step with this id at a stage, if its deadline is written so. */
  public static Optional<Timescale.Firmness.Word> urgency(OperationalModel model, String stage,
      String step) {
    return step(model, stage, step).flatMap(StepClocks::urgency);
  }

  /**
   * The roles that must each report a joint step done ({@code action ... by A and B}) at a stage
   * or outcome: the step is done when all of them have; empty for any other step.
   */
  public static List<String> jointly(OperationalModel model, String stage, String step) {
    return step(model, stage, step).filter(Step.Act.class::isInstance).map(Step.Act.class::cast)
        .filter(Step.Act::joint).map(Step.Act::doers).orElse(List.of());
  }

  /**
   * Whether {@code role} may never report {@code step} done: every step with that id is a joint
   * step that does not name the role.
   */
  public static boolean neverDoneBy(OperationalModel model, String step, String role) {
    Optional<Guard.Done> before = new Interpreter(model).requiredBefore(step);
    if (before.isPresent()) {
      return !before.get().by().equals(role); // a step required before a stage: its role's
    }
    List<Step> all = java.util.stream.Stream.concat(
        model.stages().stream().flatMap(s -> s.duties().stream()),
        model.outcomes().stream().flatMap(o -> o.duties().stream()))
        .map(Duty::step).filter(x -> id(x).equals(step)).toList();
    return !all.isEmpty() && all.stream().allMatch(x -> x instanceof Step.Act a && a.joint()
        && !a.doers().contains(role));
  }

  private static Optional<Step> step(OperationalModel model, String stage, String step) {
    List<Duty> duties = model.stage(stage).map(StageRule::duties)
        .or(() -> model.outcome(stage).map(OutcomeRule::duties)).orElse(List.of());
    return duties.stream().map(Duty::step).filter(x -> id(x).equals(step)).findFirst();
  }

  /**
   * The word for urgency a step's deadline is written with ({@code action "acknowledge"
   * immediately}), when it is: {@link #within} is then the timescale the word stands for.
   */
  public static Optional<Timescale.Firmness.Word> urgency(Step step) {
    return onDeadline(step, Step.Inform::urgency, Step.Act::urgency, Step.Keep::urgency);
  }

  /** Who does a step that names its doer ({@code by ROLE}; the first of a joint step's). */
  public static Optional<String> by(Step step) {
    return onDeadline(step, Step.Inform::by, Step.Act::by, Step.Keep::by);
  }

  /** How long a step has, when it says. */
  public static Optional<Timespan> within(Step step) {
    return onDeadline(step, Step.Inform::within, Step.Act::within, Step.Keep::within);
  }

  /**
   * A part of the deadline of a step that can have one ({@code notify} and the like, {@code
   * action}, {@code record}); none for the others.
   */
  private static <T> Optional<T> onDeadline(Step step,
      Function<Step.Inform, Optional<T>> inform, Function<Step.Act, Optional<T>> act,
      Function<Step.Keep, Optional<T>> keep) {
    return StepCases.on(step, new StepCases<Optional<T>>() {
      @Override
      public Optional<T> escalateTo(Step.EscalateTo s) {
        return Optional.empty();
      }

      @Override
      public Optional<T> copy(Step.Copy s) {
        return Optional.empty();
      }

      @Override
      public Optional<T> inform(Step.Inform s) {
        return inform.apply(s);
      }

      @Override
      public Optional<T> act(Step.Act s) {
        return act.apply(s);
      }

      @Override
      public Optional<T> keep(Step.Keep s) {
        return keep.apply(s);
      }

      @Override
      public Optional<T> remind(Step.Remind s) {
        return Optional.empty();
      }
    });
  }

}
