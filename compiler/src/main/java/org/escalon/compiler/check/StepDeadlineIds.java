package org.escalon.compiler.check;

import java.util.HashMap;
import java.util.Map;
import org.escalon.compiler.diagnostics.Code;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.compiler.diagnostics.Diagnostics;
import org.escalon.machine.Duty;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.StageRule;
import org.escalon.machine.StepClocks;
import org.escalon.model.Protocol;
import org.escalon.model.Step;

/**
 * The deadlines of steps. E0360: in one stage, two steps with a deadline ({@code within}) may not
 * share an id ({@link StepClocks#id}), or the host could not say which one it reports done.
 * E0361: an outcome's step cannot count its deadline from an event. E0364: steps required before
 * a stage with one id are done by one role.
 */
public final class StepDeadlineIds {

  private final Diagnostics diagnostics;

  public StepDeadlineIds(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  public void check(Protocol protocol) {
    // E0361: an ended escalation takes no more events, so an outcome's step cannot wait for one
    for (org.escalon.model.Outcome o : protocol.outcomes()) {
      for (Step s : o.steps()) {
        if (StepClocks.within(s).isPresent() && StepClocks.from(s).filter(
            org.escalon.model.Timescale.Anchor.Event.class::isInstance).isPresent()) {
          diagnostics.report(Diagnostic.of(Code.E0361, "a step of outcome " + o.name()
                  + " counts its deadline from an event")
              .at(s.span(), "counted from an event")
              .note("an escalation that has reached an outcome has ended and takes no more "
                  + "events, so this deadline could never start")
              .help("count it from the outcome (drop `after ...`), or move the step to the "
                  + "stage where the event happens"));
        }
      }
    }
    for (StageRule stage : OperationalModel.of(protocol).stages()) {
      Map<String, Step> first = new HashMap<>();
      for (Duty d : stage.duties()) {
        if (StepClocks.within(d.step()).isEmpty()) {
          continue;
        }
        String id = StepClocks.id(d.step());
        Step earlier = first.putIfAbsent(id, d.step());
        if (earlier != null && earlier != d.step()) {
          diagnostics.report(Diagnostic.of(Code.E0360, "two steps of stage " + stage.key()
                  + " with deadlines have the id `" + id + "`")
              .at(d.step().span(), "this step's deadline")
              .also(earlier.span(), "the first step with this id")
              .note("the host reports a step done by its id (`StepDone`), so each clock in a "
                  + "stage needs its own")
              .help("name the action (`action NAME \"what\"`), or merge the two steps"));
        }
      }
    }
    oneRolePerRequiredStep(protocol);
  }

  /**
   * E0364: a step required before a stage is reported done by its id, by its role; two stages
   * that require steps with one id must name one role, or the report could not say whose it is.
   */
  private void oneRolePerRequiredStep(Protocol protocol) {
    Map<String, org.escalon.model.Precondition.Done> first = new HashMap<>();
    for (org.escalon.model.Stage stage : protocol.stages()) {
      for (org.escalon.model.Precondition p : stage.preconditions()) {
        if (!(p instanceof org.escalon.model.Precondition.Done d)) {
          continue;
        }
        var earlier = first.putIfAbsent(StepClocks.id(d.step()), d);
        if (earlier != null && !StepClocks.by(earlier.step()).equals(StepClocks.by(d.step()))) {
          diagnostics.report(Diagnostic.of(Code.E0364, "two steps required before a stage "
                  + "have the id `" + StepClocks.id(d.step()) + "` and different roles")
              .at(d.span(), "done by " + StepClocks.by(d.step()).orElse(""))
              .also(earlier.span(), "done by " + StepClocks.by(earlier.step()).orElse(""))
              .note("the host reports a step done by its id, and only its role may")
              .help("name the action (`requires action NAME \"...\" by ROLE`), or have one "
                  + "role do both"));
        }
      }
    }
  }
}
