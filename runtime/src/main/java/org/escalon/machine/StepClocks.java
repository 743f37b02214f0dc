package org.escalon.machine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.escalon.model.Step;
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

  /** A step with a deadline: its id, how long it has, and the step. */
  public record Clock(String step, Timespan within, Step of) {}

  /**
   * The clocks the duties that apply start: each step with a {@code within}, in the order
   * written.
   */
  public static List<Clock> of(List<Duty> applying) {
    List<Clock> clocks = new ArrayList<>();
    for (Duty d : applying) {
      within(d.step()).ifPresent(w -> clocks.add(new Clock(id(d.step()), w, d.step())));
    }
    return clocks;
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

  /** Whether any stage of the model has a step with this id (one a host may report done). */
  public static boolean known(OperationalModel model, String step) {
    return model.stages().stream().anyMatch(s -> ids(s.duties()).contains(step));
  }

  /** The citation of the step with this id at a stage, if it has one. */
  public static Optional<org.escalon.model.Citation> citation(OperationalModel model,
      String stage, String step) {
    List<Duty> duties = model.stage(stage).map(StageRule::duties)
        .or(() -> model.outcome(stage).map(OutcomeRule::duties)).orElse(List.of());
    return duties.stream().map(Duty::step).filter(x -> id(x).equals(step)).findFirst()
        .flatMap(Step::citation);
  }

  /** How long a step has, when it says. */
  public static Optional<Timespan> within(Step step) {
    return StepCases.on(step, new StepCases<Optional<Timespan>>() {
      @Override
      public Optional<Timespan> escalateTo(Step.EscalateTo s) {
        return Optional.empty();
      }

      @Override
      public Optional<Timespan> copy(Step.Copy s) {
        return Optional.empty();
      }

      @Override
      public Optional<Timespan> inform(Step.Inform s) {
        return s.within();
      }

      @Override
      public Optional<Timespan> act(Step.Act s) {
        return s.within();
      }

      @Override
      public Optional<Timespan> keep(Step.Keep s) {
        return s.within();
      }

      @Override
      public Optional<Timespan> remind(Step.Remind s) {
        return Optional.empty();
      }
    });
  }
}
