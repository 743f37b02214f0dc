package org.escalon.compiler.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.escalon.compiler.diagnostics.Code;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.compiler.diagnostics.Diagnostics;
import org.escalon.machine.Interpreter;
import org.escalon.machine.OperationalModel;
import org.escalon.model.Condition;
import org.escalon.model.Limit;
import org.escalon.model.Measure;
import org.escalon.model.Protocol;
import org.escalon.model.Stage;
import org.escalon.model.Target;
import org.escalon.model.Timescale;

/**
 * Adds up the timescales of the stages a limit counts along each path on which nobody responds
 * (no extension, no bypass), when every counted timescale runs from its stage's own start in the
 * limit's unit, and warns when the longest is over the limit (W0601). Each counts at its bound
 * ({@link Timescale#bound}), as {@code verify} counts it: a soft deadline at its assumption (the
 * escalator escalates when it runs out), and one with no assumption bounds nothing to add.
 */
public final class LimitChecker {

  private final Diagnostics diagnostics;

  public LimitChecker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  public void check(Protocol protocol) {
    Optional<Long> elapsed = elapsed(protocol);
    String calendar = elapsed.map(days -> "on the calendar, with nobody responding, " + days
        + " working days elapse from the raise to the end (" + Measure.DIFFERENCE + ")")
        .orElse("");
    for (Limit limit : protocol.limits()) {
      StepDeadlines.beyond(protocol, limit).forEach(f -> diagnostics.add(f.diagnostic()));
      if (limit.measure() == Measure.ELAPSED) {
        if (limit.atMost().unit() == org.escalon.model.TimeUnit.WORKING_DAYS && elapsed.isPresent()
            && elapsed.get() > limit.atMost().amount()) {
          diagnostics.report(Diagnostic.of(Code.W0601, "with nobody responding, "
                  + elapsed.get() + " working days elapse on the calendar, over the limit of "
                  + limit.atMost())
              .at(limit.span(), "this limit")
              .note(calendar)
              .help("shorten the stages' timescales, or record that the policy breaks "
                  + limit.citations().stream().findFirst().map(c -> c.text())
                      .orElse(limit.title())));
        }
        continue;
      }
      total(protocol, limit).ifPresent(total -> {
        if (total.sum() > limit.atMost().amount()) {
          Diagnostic.Builder d = Diagnostic.of(Code.W0601, "the stages' timescales add up to "
                  + total.sum() + " " + limit.atMost().unit().words(total.sum() == 1 ? 1 : 2)
                  + ", over the limit of " + limit.atMost())
              .at(limit.span(), "this limit")
              .note(String.join(" + ", total.parts()) + " = " + total.sum())
              .note("this is the path on which nobody responds, without extensions")
              .note(calendar.isEmpty() ? "the limit bounds the sum of the timescales"
                  : "the limit bounds the sum of the timescales; " + calendar);
          capsAndGuides(protocol).ifPresent(d::note);
          diagnostics.report(d.help("shorten the stages' timescales, or record that the policy "
              + "breaks " + limit.citations().stream().findFirst().map(c -> c.text())
                  .orElse(limit.title())));
        }
      });
    }
  }

  /**
   * The working days that elapse on the calendar along the path on which nobody responds, from
   * the first stage, when every stage on it counts working days from its own start: each stage
   * after the first is entered at the close of a day, so its day 0 is the next working day.
   */
  public static java.util.Optional<Long> elapsed(Protocol p) {
    return elapsed(p, false);
  }

  /**
   * The same, with each timescale set during the case at its guide ({@link Timescale#initial}):
   * the simulated worst case, in which nobody sets one. Empty when no stage on the path has a
   * guide to count, so that the figure is only given where it differs, or when the path meets one
   * with neither guide nor cap (it waits there for ever: nobody sets it).
   */
  public static java.util.Optional<Long> elapsedAtTheGuides(Protocol p) {
    boolean guided = p.stages().stream().flatMap(s -> s.timescales().stream())
        .anyMatch(t -> !t.initial().equals(Optional.of(t.duration())));
    return guided ? elapsed(p, true) : java.util.Optional.empty();
  }

  /**
   * Which figure is which, where a timescale set during the case has a guide: {@code check} and
   * {@code verify} count it at its cap (the longest the case can take), the simulated worst case
   * at its guide (nobody sets one), so the two worst cases differ. The same words in {@code check},
   * {@code verify} and the report; empty when no timescale has a guide below its cap.
   */
  public static Optional<String> capsAndGuides(Protocol p) {
    List<String> caps = new ArrayList<>();
    List<String> guides = new ArrayList<>();
    boolean assumed = false;
    for (Stage stage : p.stages()) {
      for (Timescale t : stage.timescales()) {
        boolean uncapped = t.setBy().isPresent() && t.cap().isEmpty();
        boolean guided = !t.initial().equals(Optional.of(t.duration()));
        if (guided || uncapped) {
          caps.add("stage " + stage.key() + ": " + t.boundWords());
          assumed |= uncapped;
        }
        if (guided) {
          guides.add("stage " + stage.key() + ": " + t.initial().map(Object::toString)
              .orElse("none, so it waits there for ever"));
        }
      }
    }
    if (caps.isEmpty()) {
      return Optional.empty();
    }
    // with no guide below the bound, the simulated worst case counts the same figure
    return Optional.of("a timescale set during the case counts at its cap" + (assumed
        ? " or, where the policy names none, its assumption" : "") + " (" + String.join(", ",
        caps) + ") in the worst case of `check` and `verify`" + elapsed(p).map(d -> ", which "
            + "takes " + d + " working days on the calendar").orElse("") + (guides.isEmpty()
        ? "" : "; the simulated worst case, in which nobody sets one, counts the guide ("
            + String.join(", ", guides) + ")" + elapsedAtTheGuides(p).map(d -> " and takes " + d
            + " working days on the calendar").orElse("")));
  }

  private static java.util.Optional<Long> elapsed(Protocol p, boolean guides) {
    long days = 0;
    java.util.Set<String> seen = new java.util.HashSet<>();
    org.escalon.model.Target next = new org.escalon.model.Target.ToStage(p.stages().get(0).key());
    while (next instanceof org.escalon.model.Target.ToStage to && seen.add(to.key())) {
      Stage stage = p.stage(to.key()).orElseThrow();
      Timescale t = stage.defaultTimescale().orElse(null);
      if (stage.onlyIf().isPresent() || t == null || t.bound().isEmpty()
          || !stage.transitions().choices(org.escalon.model.Transitions.Response.NO_RESPONSE)
              .isEmpty()
          || !(t.anchor() instanceof Timescale.Anchor.StageStart)) {
        return java.util.Optional.empty();
      }
      // the stay lasts its bound (Timescale#bound: a soft deadline to its assumption, when the
      // escalator escalates); nobody sets a timescale in the simulated worst case: its guide
      if (guides && t.awaitsValue()) {
        return java.util.Optional.empty(); // no guide, nobody sets it: it waits for ever
      }
      org.escalon.model.Timespan d = guides && !t.soft() ? t.initial().orElseThrow()
          : t.bound().get();
      if (d.unit() != org.escalon.model.TimeUnit.WORKING_DAYS
          && d.unit() != org.escalon.model.TimeUnit.SAME_WORKING_DAY) {
        return java.util.Optional.empty();
      }
      days += (seen.size() > 1 ? 1 : 0)
          + (d.unit() == org.escalon.model.TimeUnit.WORKING_DAYS ? d.amount() : 0);
      next = stage.transitions().onNoResponse();
    }
    return next instanceof org.escalon.model.Target.ToOutcome ? java.util.Optional.of(days)
        : java.util.Optional.empty();
  }

  // a long: 99,999 working days a stage over enough stages passes the range of an int
  private record Total(long sum, List<String> parts) {}

  /**
   * The longest total over the paths on which nobody responds, from every stage an escalation can
   * start at; empty when a counted timescale does not add up (another anchor or unit).
   */
  private static Optional<Total> total(Protocol protocol, Limit limit) {
    if (!additive(protocol, limit)) {
      return Optional.empty();
    }
    Optional<Total> worst = Optional.empty();
    for (String start : new Interpreter(OperationalModel.of(protocol)).raiseStages()) {
      Optional<Total> path = walk(protocol, limit, new Target.ToStage(start),
          new LinkedHashSet<>(), List.of(), new Total(0, List.of()));
      if (path.isPresent() && (worst.isEmpty() || path.get().sum() > worst.get().sum())) {
        worst = path;
      }
    }
    return worst;
  }

  private static boolean additive(Protocol protocol, Limit limit) {
    return limit.stages().stream().map(k -> protocol.stage(k).orElseThrow().defaultTimescale())
        .flatMap(Optional::stream)
        .allMatch(t -> t.anchor() instanceof Timescale.Anchor.StageStart
            && t.bound().filter(b -> b.unit() == limit.atMost().unit()).isPresent());
  }

  // Follows the no-response route from a stage until an outcome or a stage already on the path.
  // A stage with `only if` is taken both ways, entered or skipped, and a path whose assumptions no
  // case can meet is dropped.
  private static Optional<Total> walk(Protocol protocol, Limit limit, Target next,
      Set<String> seen, List<Condition> assumed, Total sofar) {
    if (!(next instanceof Target.ToStage to) || seen.contains(to.key())) {
      return sofar.parts().isEmpty() ? Optional.empty() : Optional.of(sofar);
    }
    Stage stage = protocol.stage(to.key()).orElseThrow();
    Set<String> on = new LinkedHashSet<>(seen);
    on.add(stage.key());
    Optional<Total> worst = Optional.empty();
    if (stage.onlyIf().isPresent()) {
      List<Condition> skipped = with(assumed, new Condition.Not(stage.onlyIf().get()));
      if (Satisfiable.test(skipped, protocol)) {
        worst = walk(protocol, limit, stage.transitions().onNoResponse(), on, skipped, sofar);
      }
      assumed = with(assumed, stage.onlyIf().get());
      if (!Satisfiable.test(assumed, protocol)) {
        return worst;
      }
    }
    Total entered = sofar;
    Optional<Timescale> t = stage.defaultTimescale();
    if (limit.stages().contains(stage.key()) && t.isPresent()) {
      // counted at its bound, as `verify` counts it: a soft deadline at its assumption
      org.escalon.model.Timespan bound = t.get().bound().orElseThrow();
      List<String> parts = new ArrayList<>(sofar.parts());
      parts.add("stage " + stage.key() + ": " + (t.get().soft() ? "assume at most " : "")
          + bound);
      entered = new Total(sofar.sum() + bound.amount(), parts);
    }
    // each route the case chooses on no response is a path of its own, under its assumptions
    List<Condition> none = assumed;
    for (org.escalon.model.Transitions.Choice c : stage.transitions()
        .choices(org.escalon.model.Transitions.Response.NO_RESPONSE)) {
      List<Condition> chosen = with(none, c.when());
      if (Satisfiable.test(chosen, protocol)) {
        worst = longer(worst, walk(protocol, limit, c.to(), on, chosen, entered));
      }
      none = with(none, new Condition.Not(c.when()));
    }
    if (!Satisfiable.test(none, protocol)) {
      return worst;
    }
    return longer(worst, walk(protocol, limit, stage.transitions().onNoResponse(), on, none,
        entered));
  }

  private static Optional<Total> longer(Optional<Total> a, Optional<Total> b) {
    return b.isPresent() && (a.isEmpty() || b.get().sum() > a.get().sum()) ? b : a;
  }

  private static List<Condition> with(List<Condition> list, Condition c) {
    List<Condition> out = new ArrayList<>(list);
    out.add(c);
    return out;
  }
}
