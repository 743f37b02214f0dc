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
 * E0361: an outcome's step cannot count its deadline from an event.
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
  }
}
