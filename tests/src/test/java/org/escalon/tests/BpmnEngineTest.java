package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.model.Protocol;
import org.escalon.simulate.Scenario;
import org.escalon.simulate.ScenarioException;
import org.escalon.simulate.ScenarioParser;
import org.escalon.simulate.ScenarioStep.Action;
import org.escalon.simulate.Simulator;
import org.escalon.simulate.Timeline;
import org.escalon.simulate.TimelineRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The BPMN export of every protocol, deployed on an embedded Flowable engine and driven through a
 * scenario on the engine's own clock, enters the same stages in the same order, at the same
 * instants, and ends the same way, as the simulator's timeline of the same scenario. The
 * scenarios: the worst case of every protocol, the examples in {@code protocols/scenarios} and
 * the ones beside this suite ({@code src/test/resources/bpmn}), which also holds protocols of its
 * own: two conditional timescales that both hold at a stage (the earliest deadline counts, in the
 * export as in the engine), and stages that apply only to some cases (a route's skips, decided
 * before what the stage requires). Triggers are the host's to
 * evaluate (it starts the process at the trigger's stage), so a scenario raised by a trigger is
 * not one the process can be driven through; nor is one that sets a timescale during the case
 * (the export's timer counts the guide and is not moved, docs/language.md section 10). The
 * worst case of a protocol that has such a timescale runs: nobody sets it, the guide counts.
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

  private static final Path OWN = Path.of("src/test/resources/bpmn");

  /** A scenario and the protocol it is for. */
  record Case(String protocol, Scenario scenario) {}

  /** The repository's protocols and this suite's own. */
  private static List<Path> protocols() {
    List<Path> all = new ArrayList<>(Repository.protocols());
    all.addAll(files(OWN, ".esc"));
    return all;
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (Path p : protocols()) {
      cases.add(new Case(p.getFileName().toString(), Scenario.worstCase()));
    }
    for (Path file : scenarioFiles()) {
      Scenario scenario = parse(file);
      if (drivable(scenario)) {
        cases.add(new Case(protocolOf(file), scenario));
      }
    }
    return cases;
  }

  @Test
  void everyProtocolHasAScenarioBesidesTheWorstCase() {
    List<Case> cases = cases();
    for (Path p : protocols()) {
      String name = p.getFileName().toString();
      assertTrue(cases.stream().filter(c -> c.protocol().equals(name)).count() >= 2, name);
    }
  }

  @TestFactory
  Stream<DynamicTest> theExportVisitsTheStagesTheSimulatorVisits() {
    return cases().stream().map(c -> DynamicTest.dynamicTest(
        c.protocol() + ": " + c.scenario().name(), () -> {
          Protocol protocol = compile(c.protocol());
          LocalDate start = c.scenario().start().orElse(START);
          Timeline timeline = new Simulator(protocol).run(c.scenario(), start);
          List<String> refused = timeline.rows().stream()
              .filter(r -> r.kind() == TimelineRow.Kind.REFUSED).map(TimelineRow::what).toList();
          assertEquals(List.of(), refused, "the scenario is one the protocol allows");
          BpmnRun.Result actual = flowable.run(protocol, c.scenario(), start);
          assertFalse(timeline.stagesEntered().isEmpty(), "the scenario enters a stage");
          assertEquals(timeline.stagesEntered(), actual.stages(), "the stages, in order");
          assertEquals(entries(timeline), actual.entries(), "when each stage was entered");
          assertEquals(end(timeline), actual.end(), "how it ends");
        }));
  }

  private static List<String> entries(Timeline timeline) {
    return timeline.rows().stream().filter(r -> r.kind() == TimelineRow.Kind.RAISED
        || r.kind() == TimelineRow.Kind.ESCALATED).map(r -> r.stage() + " at " + r.at()).toList();
  }

  private static String end(Timeline timeline) {
    return switch (timeline.end()) {
      case ENDED -> "ended at outcome_" + timeline.outcome().orElseThrow();
      case WAITING -> "waiting";
      case UNFINISHED -> "unfinished";
    };
  }

  /** A scenario the process can be driven through: raised at the start, with no history events. */
  private static boolean drivable(Scenario scenario) {
    return !scenario.raisedByTrigger() && Stream.concat(scenario.before().stream(),
        scenario.steps().stream()).map(s -> s.action()).noneMatch(a -> a instanceof Action.Grade
            || a instanceof Action.Happen || a instanceof Action.Raise
            || a instanceof Action.SetTime);
  }

  private static List<Path> scenarioFiles() {
    List<Path> files = new ArrayList<>(files(Repository.root().resolve("protocols/scenarios"),
        ".scenario"));
    files.addAll(files(OWN, ".scenario"));
    return files;
  }

  private static List<Path> files(Path folder, String ending) {
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(p -> p.toString().endsWith(ending)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The protocol a scenario file is for: the longest protocol name its own name starts with. */
  private static String protocolOf(Path scenario) {
    String name = scenario.getFileName().toString();
    return protocols().stream().map(p -> p.getFileName().toString())
        .filter(p -> name.startsWith(p.replaceAll("\\.esc$", "-")))
        .max((a, b) -> Integer.compare(a.length(), b.length()))
        .orElseThrow(() -> new AssertionError("no protocol for " + scenario));
  }

  private static Scenario parse(Path file) {
    try {
      return ScenarioParser.parse(Repository.read(file), file.getFileName().toString());
    } catch (ScenarioException e) {
      throw new AssertionError(file + ": " + e.getMessage(), e);
    }
  }

  /** A protocol of the repository's, or else of this suite's own, by its file's name. */
  static Protocol compile(String file) {
    Path path = Repository.root().resolve("protocols/" + file);
    if (!Files.exists(path)) {
      path = OWN.resolve(file);
    }
    return new EscalonCompiler().compile(SourceText.of(path.toString(), Repository.read(path)))
        .protocol().orElseThrow();
  }
}
