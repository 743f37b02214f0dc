package org.escalon.compiler.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.compiler.diagnostics.Code;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.OutcomeRule;
import org.escalon.machine.StageRule;
import org.escalon.machine.StepClocks;
import org.escalon.model.Limit;
import org.escalon.model.Measure;
import org.escalon.model.Protocol;
import org.escalon.model.Stage;
import org.escalon.model.Timescale;

/**
 * What the verifier says of the deadlines on steps (docs/language.md section 10, "Deadlines on
 * steps"). A step's clock moves nothing, and whether the host does the step in time is the
 * case's, not the policy's: the verifier follows no step being done. What the policy decides is
 * when each step falls due, and that the verifier gives and checks:
 *
 * <ul>
 *   <li>each step with a deadline, with the latest it can fall due in working days from the raise
 *       (the sum of the timescales, no extension, as "when each stage is entered" counts), and
 *       whether it falls after its own stage's deadline (allowed: leaving the stage does not stop
 *       its clock, but the reader should know the escalation may have moved on);
 *   <li>W0508 when a step's clock alone runs past a limit that counts its stage: the step is due
 *       after all the time the limit allows has gone, on every path. It needs no search, so
 *       {@code check} reports it ({@link LimitChecker}, beside W0601), and {@code verify} with it.
 * </ul>
 *
 * The clocks are the operational model's ({@link StepClocks#all}), so the steps and their anchors
 * are those the engine and the generated machines start.
 */
public final class StepDeadlines {

  private StepDeadlines() {}

  /**
   * One step with a deadline.
   *
   * @param where {@code stage 1} or {@code outcome cafcass}
   * @param due how long it has and from what, in words
   * @param latest the latest it can fall due, in working days from the raise; {@link
   *     WorkingDays#UNBOUNDED} when nothing bounds it
   * @param afterStage the stage's own deadline, when the step's can fall after it
   */
  public record Row(String where, String step, String due, long latest,
      Optional<String> afterStage) {}

  /** Every step with a deadline, stage by stage, then the outcomes'. */
  static List<Row> of(Protocol protocol, List<StageTimes> times, List<OutcomeTotals> totals) {
    OperationalModel model = OperationalModel.of(protocol);
    List<Row> rows = new ArrayList<>();
    for (StageRule stage : model.stages()) {
      long entered = times.stream().filter(t -> t.stage().equals(stage.key())).findFirst()
          .map(StageTimes::latest).orElse(-1L);
      if (entered < 0) {
        continue;
      }
      Stage written = protocol.stage(stage.key()).orElseThrow();
      Optional<Timescale> own = written.defaultTimescale();
      for (StepClocks.Clock c : StepClocks.all(stage.duties())) {
        long d = WorkingDays.of(c.within());
        long latest = switch (kind(c.from())) {
          case STAGE_START -> WorkingDays.add(entered, d);
          case RAISE -> d;
          case OTHER_STAGE -> times.stream().filter(t -> t.stage().equals(
              ((Timescale.Anchor.Stage) c.from()).key())).findFirst()
              .map(t -> WorkingDays.add(t.latest(), d)).orElse(WorkingDays.UNBOUNDED);
          case EVENT -> WorkingDays.add(WorkingDays.add(entered, longestStay(written)), d);
          // the host sets the date whenever it is fixed: nothing bounds when the step falls due
          case BEFORE -> WorkingDays.UNBOUNDED;
        };
        Optional<String> after = own.filter(t -> c.from() instanceof Timescale.Anchor.StageStart
                && t.anchor() instanceof Timescale.Anchor.StageStart
                && t.bound().map(b -> WorkingDays.of(b) < d).orElse(false))
            .map(t -> t.bound().get().toString());
        rows.add(new Row("stage " + stage.key(), c.step(), due(c), latest, after));
      }
    }
    for (OutcomeRule outcome : model.outcomes()) {
      Optional<OutcomeTotals> reached = totals.stream()
          .filter(t -> t.outcome().equals(outcome.name())).findFirst();
      for (StepClocks.Clock c : StepClocks.all(outcome.duties())) {
        long d = WorkingDays.of(c.within());
        long latest = c.from() instanceof Timescale.Anchor.EscalationStart ? d
            : kind(c.from()) == Kind.BEFORE ? WorkingDays.UNBOUNDED : reached.filter(t -> t.openEnded().isEmpty())
                .map(t -> WorkingDays.add(t.worst(), d)).orElse(WorkingDays.UNBOUNDED);
        rows.add(new Row("outcome " + outcome.name(), c.step(), due(c), latest,
            Optional.empty()));
      }
    }
    return rows;
  }

  /**
   * W0508: the steps of the limit's stages whose clock alone is longer than the limit. A limit
   * counts the time spent in its stages, so it has run out at most its bound after any of them
   * is entered (after the raise, for a limit on the time elapsed); a step counted from its own
   * stage's start, or from an event at that stage, falls due later than that on every path.
   */
  static List<Finding> beyond(Protocol protocol, Limit limit) {
    OperationalModel model = OperationalModel.of(protocol);
    long bound = WorkingDays.of(limit.atMost());
    boolean fromRaise = limit.measure() == Measure.ELAPSED;
    List<Finding> out = new ArrayList<>();
    for (StageRule stage : model.stages()) {
      if (!fromRaise && !limit.stages().contains(stage.key())) {
        continue;
      }
      for (StepClocks.Clock c : StepClocks.all(stage.duties())) {
        Kind k = kind(c.from());
        boolean counted = k == Kind.STAGE_START || k == Kind.EVENT || fromRaise && k == Kind.RAISE;
        long d = WorkingDays.of(c.within());
        if (counted && d > bound) {
          out.add(new Finding(Code.W0508, "limit \"" + limit.title() + "\"", "step `" + c.step()
              + "` of stage " + stage.key() + " is due " + due(c) + ", after the limit of "
              + limit.atMost() + " has run out", c.of().span(), "due " + due(c), List.of("the limit counts " + (fromRaise
                  ? "the working days from the raise to the end" : "the time spent in stage "
                  + String.join(", ", limit.stages())) + ": on every path it has run out "
                  + "within " + limit.atMost() + " of entering stage " + stage.key()
                  + ", and this step's clock alone is longer",
                  "a step's clock moves nothing: the escalation can end within the limit with "
                  + "the step still due"), Optional.of("shorten the step's deadline to fit the "
                  + "limit, or, if the policy means the step to come after, make it a step of "
                  + "the outcome that follows and say so in a comment"), Optional.empty(),
              Finding.Timing.AT_ONCE));
        }
      }
    }
    return out;
  }

  private enum Kind { STAGE_START, RAISE, OTHER_STAGE, EVENT, BEFORE }

  private static Kind kind(Timescale.Anchor a) {
    return org.escalon.machine.AnchorCases.on(a, new org.escalon.machine.AnchorCases<>() {
      @Override
      public Kind stageStart() {
        return Kind.STAGE_START;
      }

      @Override
      public Kind escalationStart() {
        return Kind.RAISE;
      }

      @Override
      public Kind event(String name) {
        return Kind.EVENT;
      }

      @Override
      public Kind stage(String key) {
        return Kind.OTHER_STAGE;
      }

      @Override
      public Kind before(String date) {
        return Kind.BEFORE;
      }
    });
  }

  private static String due(StepClocks.Clock c) {
    String word = StepClocks.urgency(c.of()).map(w -> w.words() + ": ").orElse("");
    if (c.within().unit() == org.escalon.model.TimeUnit.SAME_WORKING_DAY) {
      return word + "by the close of the working day " + anchor(c.from());
    }
    if (kind(c.from()) == Kind.BEFORE) {
      return c.within() + " before " + ((Timescale.Anchor.Before) c.from()).date()
          + ", a date the host sets";
    }
    return word + c.within() + " after " + anchor(c.from());
  }

  private static String anchor(Timescale.Anchor a) {
    return switch (kind(a)) {
      case STAGE_START -> "its stage starts";
      case RAISE -> "the raise";
      case OTHER_STAGE -> "stage " + ((Timescale.Anchor.Stage) a).key() + " starts";
      case EVENT -> ((Timescale.Anchor.Event) a).name();
      case BEFORE -> "before " + ((Timescale.Anchor.Before) a).date();
    };
  }

  // the longest a stay at the stage can last without extensions: the bound of its timescale with
  // no condition (the deadline that counts is the earliest that applies, so never later); none
  // without one, with a soft one that assumes no bound, or with one counted from an event
  private static long longestStay(Stage stage) {
    return stage.defaultTimescale()
        .filter(t -> !(t.anchor() instanceof Timescale.Anchor.Event))
        .flatMap(Timescale::bound).map(WorkingDays::of).orElse(WorkingDays.UNBOUNDED);
  }
}
