package org.escalon.compiler.verify;

import java.util.ArrayList;
import java.util.List;
import org.escalon.compiler.diagnostics.Code;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.compiler.diagnostics.Diagnostics;
import org.escalon.model.Condition;
import org.escalon.model.Protocol;
import org.escalon.model.Stage;
import org.escalon.model.Target;

/**
 * What `check` says about paths that can never end, so that it does not pass a protocol the
 * verifier fails with E0602: every stage with no timescale (if nobody responds, nothing moves it
 * on), and every way the no-response routes go round the ladder for ever (W0506). The verifier
 * proves the same over every path, with conditions and requirements; these are the cases that
 * need no search. A stage with {@code only if} is followed like any other: skipped, it goes on
 * to the same no-response target.
 */
public final class EndlessPaths {

  private final Diagnostics diagnostics;

  public EndlessPaths(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  public void check(Protocol protocol) {
    for (Stage stage : protocol.stages()) {
      if (untimed(protocol, stage)) {
        diagnostics.report(Diagnostic.of(Code.W0506, "a path can never end: stage "
                + stage.key() + " " + org.escalon.machine.Interpreter.noDeadline(stage)
                + (stage.timescales().isEmpty() || stage.defaultTimescale().isPresent() ? ""
                    : " when none of its conditions holds") + ", so if nobody responds it "
                + "waits for ever")
            .at(stage.span(), noDeadlineLabel(stage))
            .note("`verify` reports the same path as E0602")
            .help(noDeadlineHelp(stage)));
      }
    }
    // Each timed stage has one no-response route, so the routes form chains; a chain that comes
    // back to a stage on it, through stages that all have timescales, never ends. Walked without
    // recursion: a ladder may have thousands of stages.
    java.util.Map<String, Integer> done = new java.util.HashMap<>();
    for (Stage first : protocol.stages()) {
      List<String> path = new ArrayList<>();
      java.util.Map<String, Integer> onPath = new java.util.HashMap<>();
      Stage stage = first;
      while (stage != null && !done.containsKey(stage.key())) {
        Integer at = onPath.get(stage.key());
        if (at != null) {
          report(protocol, path.subList(at, path.size()));
          break;
        }
        if (untimed(protocol, stage)) {
          break;
        }
        onPath.put(stage.key(), path.size());
        path.add(stage.key());
        stage = stage.transitions().onNoResponse() instanceof Target.ToStage to
            ? protocol.stage(to.key()).orElse(null) : null;
      }
      path.forEach(k -> done.put(k, 1));
    }
  }

  private void report(Protocol protocol, List<String> round) {
    diagnostics.report(Diagnostic.of(Code.W0506, "a path can never end: with no response, it "
            + "goes round " + String.join(" and ", round.stream().map(k -> "stage " + k)
                .toList()) + " for ever")
        .at(protocol.stage(round.get(round.size() - 1)).orElseThrow().span(),
            "no response here leads back round")
        .note("`verify` reports the same path as E0602")
        .help("route the last stage's `when not resolved` to an outcome, or accept that the "
            + "policy never ends and say so in the protocol's notes"));
  }

  /** Where a stage has no deadline, as the label under it says (E0602 says the same). */
  static String noDeadlineLabel(Stage stage) {
    return awaits(stage) ? "no deadline until its timescale is set: nothing moves this stage on"
        : "no timescale: nothing moves this stage on";
  }

  /** What to do about it (E0602 says the same). */
  static String noDeadlineHelp(Stage stage) {
    return awaits(stage) ? "if the policy gives a usual time, write it as the guide (`, guide "
        + "D`); if it gives none, the stage waits until its timescale is set, as the policy says"
        : "give the stage a timescale and a route for no response, or end the ladder in an "
            + "outcome";
  }

  private static boolean awaits(Stage stage) {
    return stage.timescales().stream().anyMatch(org.escalon.model.Timescale::awaitsValue);
  }

  // no timescale at all, or only conditional ones that some case meets none of; or one set
  // during the case with neither guide nor cap, which gives no deadline until it is set
  private static boolean untimed(Protocol protocol, Stage stage) {
    if (stage.defaultTimescale().isPresent()) {
      return stage.defaultTimescale().get().awaitsValue()
          && stage.timescales().stream().allMatch(org.escalon.model.Timescale::awaitsValue);
    }
    List<Condition> none = stage.timescales().stream()
        .map(t -> (Condition) new Condition.Not(t.when().orElseThrow())).toList();
    return Satisfiable.test(none, protocol);
  }
}
