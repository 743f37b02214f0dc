package org.escalon.tests;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.compiler.export.BpmnExporter;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationState;
import org.escalon.engine.StageVisit;
import org.escalon.model.Protocol;
import org.escalon.model.Target;

/** Runs a scenario on Escalon's own engine, and says what it did in the BPMN run's terms. */
final class EscalonRun {

  private EscalonRun() {}

  static BpmnRun.Result run(Protocol protocol, EngineScenario scenario, LocalDate start,
      Instant horizon) {
    Escalation escalation = Escalation.of(protocol);
    WorkingCalendar calendar = escalation.calendar();
    Instant raised = BpmnRun.raised(calendar, start);
    scenario.facts().forEach((attribute, value) ->
        escalation.apply(new CaseEvent.SetAttribute(raised, attribute, value)));
    escalation.apply(new CaseEvent.Raise(raised, protocol.header().raisedBy(), scenario.startAt(),
        Optional.of("the scenario starts here")));
    for (EngineScenario.Step step : scenario.steps()) {
      escalation.apply(event(BpmnRun.at(calendar, start, step.day()), step.act()));
    }
    EscalationState state = escalation.advanceTo(horizon);
    return new BpmnRun.Result(state.visits().stream().map(StageVisit::stage).toList(),
        state.visits().stream().map(v -> v.stage() + " at " + v.entered()).toList(), end(state));
  }

  private static CaseEvent event(Instant at, EngineScenario.Act act) {
    Optional<String> reason = Optional.of("the scenario says so");
    if (act instanceof EngineScenario.Respond r) {
      return new CaseEvent.Respond(at, r.by(), r.resolving());
    } else if (act instanceof EngineScenario.Bypass b) {
      return new CaseEvent.Bypass(at, b.by(), b.target(), reason);
    } else if (act instanceof EngineScenario.Refer r) {
      return new CaseEvent.Refer(at, r.by(), r.outcome(), reason);
    } else if (act instanceof EngineScenario.Agree a) {
      return new CaseEvent.Agree(at, a.role());
    } else if (act instanceof EngineScenario.Advise a) {
      return new CaseEvent.Advise(at, a.role());
    }
    EngineScenario.Set s = (EngineScenario.Set) act;
    return new CaseEvent.SetAttribute(at, s.attribute(), s.value());
  }

  private static String end(EscalationState state) {
    if (state.status() == EscalationState.Status.ENDED) {
      return "ended at " + BpmnExporter.node(new Target.ToOutcome(state.outcome().orElseThrow()));
    }
    if (state.waitingFor().isPresent()) {
      return "waiting at wait_" + BpmnExporter.node(state.waitingFor().get());
    }
    return "at " + BpmnExporter.node(new Target.ToStage(state.stage().orElseThrow()));
  }
}
