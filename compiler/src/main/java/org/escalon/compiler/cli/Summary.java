package org.escalon.compiler.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.escalon.compiler.verify.LimitChecker;
import org.escalon.describe.PlainEnglish;
import org.escalon.model.Protocol;
import org.escalon.model.Stage;
import org.escalon.model.TimeUnit;
import org.escalon.model.Timescale;
import org.escalon.model.Timespan;

/** What `check` prints for a protocol that checked: its stages, roles, outcomes and timescales. */
final class Summary {

  private Summary() {}

  static String of(String path, Protocol p) {
    StringBuilder out = new StringBuilder();
    out.append(path).append(": ").append(p.name());
    p.header().version().ifPresent(v -> out.append(", version ").append(v));
    out.append(", ").append(p.header().status().name().toLowerCase(Locale.ROOT))
        .append('\n');
    if (!p.header().about().isEmpty()) {
      out.append("  about: ").append(String.join(" and ", p.header().about().stream()
          .map(s -> s.word()).toList())).append('\n');
    }
    line(out, "stages", p.stages().stream().map(s -> s.key() + " \"" + s.title() + "\"").toList());
    if (!p.phases().isEmpty()) {
      line(out, "phases", p.phases().stream().map(ph -> ph.name() + " (stage "
          + String.join(", ", ph.stages()) + ")").toList());
    }
    line(out, "roles", p.roles().stream().map(r -> r.name()).toList());
    line(out, "outcomes", p.outcomes().stream().map(o -> o.name()).toList());
    out.append("  timescales: ").append(timescales(p)).append('\n');
    LimitChecker.elapsed(p).ifPresent(days -> out.append("  on the calendar: ").append(days)
        .append(" working days elapse from the raise to the end when nobody responds (each move"
            + " up the ladder at the close of a day starts the next stage on the next working "
            + "day)\n"));
    LimitChecker.capsAndGuides(p).ifPresent(words -> out.append("  which worst case: ")
        .append(words).append('\n'));
    return out.toString();
  }

  private static void add(Map<TimeUnit, Long> sums, Timespan d) {
    sums.merge(d.unit(), d.unit() == TimeUnit.SAME_WORKING_DAY ? 1L : d.amount(), Long::sum);
  }

  private static String sum(Map<TimeUnit, Long> sums) {
    List<String> parts = new ArrayList<>();
    sums.forEach((unit, amount) -> parts.add(unit == TimeUnit.SAME_WORKING_DAY
        ? amount + (amount == 1 ? " stage" : " stages") + " due the same working day"
        : amount + " " + unit.words(amount == 1 ? 1 : 2)));
    return String.join(" + ", parts);
  }

  private static void line(StringBuilder out, String label, List<String> items) {
    out.append("  ").append(label).append(" (").append(items.size()).append("): ")
        .append(String.join(", ", items)).append('\n');
  }

  /** What an urgency word means, as `check` explains it (docs/language.md, section 10). */
  static String meaning(Timescale.Firmness.Word w) {
    return switch (w) {
      case IMMEDIATELY -> "by the close of the working day the stage starts, a deadline that must"
          + " be met";
      case WITHOUT_DELAY -> "by the close of the working day the stage starts, where possible (a"
          + " soft deadline)";
      case AS_SOON_AS_POSSIBLE -> "by the close of the next working day, where possible (a soft "
          + "deadline)";
      case WHERE_POSSIBLE, AS_A_GUIDE -> w.words() + " (a soft deadline)";
    };
  }

  /**
   * The sum of the stages' own deadlines that must be met, unit by unit (one set during the case
   * at its cap, as {@code verify} counts it), then the deadlines counted from the start of the
   * escalation, which do not add up; those set during the case; the soft ones, apart from the
   * total, with the total {@code verify} gives when it counts each at its assumption.
   */
  static String timescales(Protocol p) {
    Map<TimeUnit, Long> sums = new EnumMap<>(TimeUnit.class);
    Map<TimeUnit, Long> assumed = new EnumMap<>(TimeUnit.class);
    List<String> fromStart = new ArrayList<>();
    List<String> none = new ArrayList<>();
    List<String> unbounded = new ArrayList<>();
    for (Stage stage : p.stages()) {
      Timescale t = stage.defaultTimescale().orElse(null);
      if (t == null) {
        none.add(stage.key());
      } else if (t.anchor() instanceof Timescale.Anchor.StageStart) {
        if (!t.soft()) {
          add(sums, t.duration());
        }
        t.bound().ifPresentOrElse(b -> add(assumed, b), () -> unbounded.add(stage.key()));
      } else {
        fromStart.add("stage " + stage.key() + " by " + t.duration()
            + new PlainEnglish(p).countedFrom(t.anchor()));
      }
    }
    boolean anySoft = p.stages().stream().flatMap(st -> st.timescales().stream())
        .anyMatch(Timescale::soft);
    StringBuilder out = new StringBuilder(sums.isEmpty() ? (anySoft
        ? "no stage deadline that must be met" : "no stage timescales")
        : sum(sums) + " in total" + (anySoft ? " (the deadlines that must be met)" : ""));
    if (!fromStart.isEmpty()) {
      out.append("; counted from elsewhere: ").append(String.join(", ", fromStart));
    }
    if (!none.isEmpty()) {
      out.append("; no timescale at stage ").append(String.join(", ", none));
    }
    List<String> set = new ArrayList<>();
    for (Stage stage : p.stages()) {
      stage.timescales().stream().filter(t -> t.setBy().isPresent()).findFirst().ifPresent(t ->
          set.add("stage " + stage.key() + " by " + String.join(" or ",
              t.setBy().get().roles()) + t.setBy().get().guide().map(g -> " (guide " + g + ")")
              .orElse("") + " " + t.boundWords()));
    }
    if (!set.isEmpty()) {
      boolean anyAssumed = set.stream().anyMatch(x -> x.contains(" assumed at most "));
      out.append("; set during the case (counted at their caps" + (anyAssumed ? " or assumptions"
          : "") + "): ")
          .append(String.join(", ", set));
    }
    // how firm each deadline is, and what each urgency word means (docs/language.md section 10)
    List<String> soft = new ArrayList<>();
    Set<Timescale.Firmness.Word> words = new TreeSet<>();
    for (Stage stage : p.stages()) {
      for (Timescale t : stage.timescales()) {
        t.firmness().ifPresent(f -> words.add(f.word()));
        if (t.soft()) {
          soft.add("stage " + stage.key() + " " + (t.firmness().get().word().promptly() ? ""
              : t.duration() + " ") + t.firmness().get().word().words()
              + t.firmness().get().assumed().map(a -> " (assume at most " + a + ")")
                  .orElse(" (no assumption: bounds no time)"));
        }
      }
    }
    if (!soft.isEmpty()) {
      out.append("; soft deadlines, not in that total (missed: recorded, and the escalation moves "
          + "on when ").append(String.join(" or ", p.header().raisers())).append(" escalates): ")
          .append(String.join(", ", soft)).append("; with each soft deadline at its assumption, as"
              + " `verify` counts them: ").append(unbounded.isEmpty() ? sum(assumed) + " in total"
              : "no limit (stage " + String.join(", ", unbounded) + " assumes no bound)");
    }
    for (Timescale.Firmness.Word w : words) {
      if (w.promptly()) {
        out.append("; `respond ").append(w.words()).append("` means ").append(meaning(w));
      }
    }
    // a step's deadline written with one of the words: the same timescale, counted from the step's
    Set<Timescale.Firmness.Word> onSteps = new TreeSet<>();
    java.util.stream.Stream.concat(p.stages().stream().flatMap(x -> x.steps().stream()),
        p.outcomes().stream().flatMap(x -> x.steps().stream()))
        .forEach(x -> org.escalon.machine.StepClocks.urgency(x).ifPresent(onSteps::add));
    for (Timescale.Firmness.Word w : onSteps) {
      out.append("; a step due ").append(PlainEnglish.stepUrgency(w));
    }
    // a clock on raising, in the report's words (docs/language.md section 10)
    for (String clock : new PlainEnglish(p).raiseClocks()) {
      out.append("; a").append(clock.substring(1));
    }
    return out.toString();
  }
}
