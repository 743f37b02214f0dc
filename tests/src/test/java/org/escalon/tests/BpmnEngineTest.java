package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.model.Protocol;
import org.escalon.tests.EngineScenario.Advise;
import org.escalon.tests.EngineScenario.Agree;
import org.escalon.tests.EngineScenario.Bypass;
import org.escalon.tests.EngineScenario.Refer;
import org.escalon.tests.EngineScenario.Respond;
import org.escalon.tests.EngineScenario.Step;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The BPMN export of every protocol, deployed on an embedded Flowable engine and driven through
 * scenarios on the engine's own clock, enters the same stages in the same order, and ends the same
 * way, as Escalon does for the same scenario.
 */
class BpmnEngineTest {

  private static final LocalDate START = LocalDate.of(2026, 12, 14);

  private static BpmnRun flowable;

  @BeforeAll
  static void startEngine() {
    flowable = new BpmnRun();
  }

  @AfterAll
  static void stopEngine() {
    flowable.close();
  }

  /** Besides the worst case for every protocol, a scenario that uses what each one allows. */
  static List<EngineScenario> scenarios() {
    List<EngineScenario> scenarios = new ArrayList<>();
    for (var p : Repository.protocols()) {
      scenarios.add(EngineScenario.worstCase(p.getFileName().toString()));
    }
    scenarios.add(new EngineScenario("start at stage 2, unsatisfactory, bypass to 6, agreement",
        "kent-iro.esc", Map.of(), Optional.of("2"), List.of(
            new Step(2, new Respond("TeamManager", false)),
            new Step(9, new Bypass("IRO", "6")),
            new Step(10, new Agree("QAAssistantDirector")),
            new Step(10, new Advise("LegalCounsel")))));
    scenarios.add(new EngineScenario("resolved at stage 1", "kent-iro.esc", Map.of(),
        Optional.of("1"), List.of(new Step(3, new Respond("SocialWorker", true)))));
    scenarios.add(new EngineScenario("immediate risk: same working day at every stage",
        "st-helens-penkford.esc", Map.of("immediate_risk", "yes"), Optional.empty(),
        List.of(new Step(0, new Respond("LineManager", true)))));
    scenarios.add(new EngineScenario("referral to Cafcass, bypass, a loop, then resolved",
        "childrens-home-template.esc", Map.of(), Optional.empty(), List.of(
            new Step(3, new Refer("IRO", "cafcass")),
            new Step(12, new Bypass("RegisteredManager", "week_6")),
            new Step(55, new Respond("DCS", false)),
            new Step(60, new Respond("DCS", true)))));
    scenarios.add(new EngineScenario("informal not resolved, then to the Board", "medway.esc",
        Map.of(), Optional.empty(), List.of(
            new Step(1, new Respond("Professional", false)),
            new Step(8, new Respond("ServiceManager", false)))));
    scenarios.add(new EngineScenario("start at stage 1, referral, bypass, resolved",
        "bexley-iro.esc", Map.of(), Optional.of("1"), List.of(
            new Step(1, new Refer("IRO", "cafcass")),
            new Step(2, new Bypass("IRO", "3")),
            new Step(4, new Respond("AssistantDirector", true)))));
    scenarios.add(new EngineScenario("unsatisfactory twice, then the Director's timescale",
        "bexley-cp-chair.esc", Map.of(), Optional.empty(), List.of(
            new Step(2, new Respond("TeamManager", false)),
            new Step(4, new Respond("HeadOfService", false)))));
    return scenarios;
  }

  @TestFactory
  Stream<DynamicTest> theExportVisitsTheStagesEscalonVisits() {
    return scenarios().stream().map(s -> DynamicTest.dynamicTest(
        s.protocol() + ": " + s.name(), () -> {
          Protocol protocol = compile(s.protocol());
          WorkingCalendar calendar = WorkingCalendar.of(protocol.header().calendar(),
              protocol.header().zone());
          int lastDay = s.steps().stream().mapToInt(Step::day).max().orElse(0);
          Instant horizon = BpmnRun.at(calendar, START, lastDay).plus(120, ChronoUnit.DAYS);
          BpmnRun.Result expected = EscalonRun.run(protocol, s, START, horizon);
          BpmnRun.Result actual = flowable.run(protocol, s, START, horizon);
          assertFalse(expected.stages().isEmpty(), "the scenario enters a stage");
          assertEquals(expected.stages(), actual.stages(), "the stages, in order");
          assertEquals(expected.entries(), actual.entries(), "when each stage was entered");
          assertEquals(expected.end(), actual.end(), "how it stands at the end");
        }));
  }

  static Protocol compile(String file) {
    var path = Repository.root().resolve("protocols/" + file);
    return new EscalonCompiler().compile(SourceText.of(path.toString(), Repository.read(path)))
        .protocol().orElseThrow();
  }
}
