package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.escalon.model.Protocol;
import org.escalon.simulate.Behaviour;
import org.escalon.simulate.Population;
import org.escalon.simulate.PopulationReport;
import org.escalon.simulate.Scenario;
import org.escalon.simulate.ScenarioParser;
import org.escalon.simulate.ScenarioStep;
import org.escalon.simulate.ScenarioWriter;
import org.escalon.simulate.Simulator;
import org.escalon.simulate.Timeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code escalon simulate}: its outputs, its population report, and what it says to bad input. */
class SimulateCommandTest {

  private static final String KENT = Repository.root().resolve("protocols/kent-iro.esc")
      .toString();

  @Test
  void csvHasAHeaderAndOneLineARow() {
    Repository.Run run = Repository.cli("simulate", KENT, "--start", "2026-12-14", "--format",
        "csv");
    assertEquals(0, run.exitCode(), run.err());
    String[] lines = run.out().split("\r\n");
    assertEquals("at_utc,local_date,local_time,working_day,stage,kind,what,to,copied,"
        + "deadline_utc,deadline_last_day,policy", lines[0]);
    assertEquals(kentWorstCase().rows().size() + 1, lines.length);
    assertTrue(lines[1].startsWith("2026-12-14T09:00:00Z,2026-12-14,09:00,0,informal,raised,"),
        lines[1]);
  }

  @Test
  void jsonNamesTheOutcomeAndEveryRow() {
    Repository.Run run = Repository.cli("simulate", KENT, "--start", "2026-12-14", "--format",
        "json");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("\"outcome\": \"cafcass\""), run.out());
    assertTrue(run.out().contains("\"workingDays\": 41"), run.out());
    assertEquals(kentWorstCase().rows().size(), run.out().split("\"kind\": ").length - 1);
  }

  @Test
  void icsHasOneEventADeadlineOnItsLastDay() {
    Repository.Run run = Repository.cli("simulate", KENT, "--start", "2026-12-14", "--format",
        "ics");
    assertEquals(0, run.exitCode(), run.err());
    String ics = run.out();
    assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n") && ics.endsWith("END:VCALENDAR\r\n"));
    assertEquals(7, ics.split("BEGIN:VEVENT").length - 1, "informal and stages 1 to 6");
    assertTrue(ics.contains("DTSTART;VALUE=DATE:20261221\r\n"), "informal: close of 21 Dec");
    assertTrue(ics.contains("DTSTART;VALUE=DATE:20261231\r\n"), "stage 1 across Christmas");
    for (String line : ics.split("\r\n")) {
      assertTrue(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75, line);
    }
  }

  @Test
  void aScenarioWithAnUnknownRoleIsRefusedWithItsLineAndASuggestion(@TempDir Path dir)
      throws Exception {
    Path scenario = dir.resolve("bad.scenario");
    Files.writeString(scenario, "scenario \"typo\"\nstage 2, day 1: TeamManger resolves\n");
    Repository.Run run = Repository.cli("simulate", KENT, "--start", "2026-12-14",
        "--scenario", scenario.toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("error: unknown role `TeamManger`"), run.err());
    assertTrue(run.err().contains("bad.scenario:2:17"), run.err());
    assertTrue(run.err().contains("did you mean `TeamManager`?"), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
    assertEquals("", run.out(), "nothing is simulated from a wrong scenario");
  }

  @Test
  void aScenarioThatCannotBeReadPointsAtTheWord(@TempDir Path dir) throws Exception {
    Path scenario = dir.resolve("garbled.scenario");
    Files.writeString(scenario, "scenario \"garbled\"\nstage 2 day 1: TeamManager resolves\n");
    Repository.Run run = Repository.cli("simulate", KENT, "--start", "2026-12-14",
        "--scenario", scenario.toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("expected `,` after the stage"), run.err());
    assertTrue(run.err().contains("garbled.scenario:2:9"), run.err());
  }

  @Test
  void anOutputFileInAFolderThatDoesNotExistIsAUsageErrorAndWritesNothing(@TempDir Path dir) {
    Path file = dir.resolve("no-such-folder/kent.csv");
    Repository.Run run = Repository.cli("simulate", KENT, "--start", "2026-12-14", "--format",
        "csv", "-o", file.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("there is no folder `" + file.getParent() + "`"), run.err());
    assertFalse(Files.exists(file.getParent()));
    Repository.Run folder = Repository.cli("simulate", KENT, "--start", "2026-12-14", "-o",
        dir.toString());
    assertEquals(2, folder.exitCode());
    assertTrue(folder.err().contains("it is a folder"), folder.err());
  }

  @Test
  void aDateOffTheCalendarIsAUsageError() {
    Repository.Run run = Repository.cli("simulate", KENT, "--start", "2026-13-01");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("there is no month 13"), run.err());
    Repository.Run missing = Repository.cli("simulate", KENT);
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("--start"), missing.err());
  }

  @Test
  void aPopulationReportIsTheSameWhateverTheThreads() {
    Repository.Run one = Repository.cli("simulate", KENT, "--cases", "20000", "--seed", "3",
        "--behaviour", behaviour(), "--threads", "1", "--format", "json");
    Repository.Run two = Repository.cli("simulate", KENT, "--cases", "20000", "--seed", "3",
        "--behaviour", behaviour(), "--threads", "2", "--format", "json");
    assertEquals(0, one.exitCode(), one.err());
    assertEquals(one.out(), two.out());
    assertTrue(one.out().contains("\"cases\": 20000"));
    Repository.Run ics = Repository.cli("simulate", KENT, "--cases", "10", "--format", "ics");
    assertEquals(2, ics.exitCode());
  }

  @Test
  void theWorstCasePopulationTakesTheWorstCaseTimelinesTime() {
    for (Path esc : Repository.protocols()) {
      Protocol protocol = ProtocolsTest.compile(esc).protocol().orElseThrow();
      LocalDate start = LocalDate.of(2026, 12, 14);
      Timeline timeline = new Simulator(protocol).run(Scenario.worstCase(), start);
      PopulationReport report = new Population(protocol, Behaviour.worstCase()).run(
          new Population.Settings(50, 1, start, start, 2), done -> { });
      String last = timeline.rows().get(timeline.rows().size() - 1).stage();
      if (timeline.end() == Timeline.End.ENDED) {
        assertEquals(50, report.toOutcome().cases(), esc.toString());
        assertEquals(timeline.workingDays(), report.toOutcome().worst(), esc.toString());
        assertEquals(timeline.workingDays(), report.toOutcome().median(), esc.toString());
      } else if (protocol.stage(last).map(s -> s.timescales().stream()
          .anyMatch(org.escalon.model.Timescale::awaitsValue)).orElse(false)) {
        // the timeline waits for a timescale nobody sets; a population's case has it set on
        // entering, at the assumption (the tools' bound), so every case ends
        assertEquals(50, report.toOutcome().cases(), esc.toString());
      } else {
        assertEquals(50, report.unfinished(), esc.toString());
      }
    }
  }

  @Test
  void aStageThatIsAnsweredForEverEndsUnfinishedAtTheHorizon() {
    Protocol home = childrensHome();
    Behaviour answersNeverResolve = Behaviour.everywhere("always answers, never resolves",
        new org.escalon.simulate.StageBehaviour(1, 2, 2, 0, 0, 0));
    PopulationReport r = new Population(home, answersNeverResolve).run(new Population.Settings(
        93, -701, LocalDate.of(2099, 1, 1), LocalDate.of(2099, 6, 30), 2), done -> { });
    assertEquals(93, r.unfinished() + r.toOutcome().cases());
  }

  @Test
  void aStageAnsweredTheMomentItStartsEndsUnfinishedInsteadOfGoingRoundForEver() {
    Protocol home = childrensHome();
    // every stage answered at noon of the day it starts, never resolved: from noon on, each
    // stage starts at the instant the last was answered, and "ongoing" goes back to itself
    Behaviour answersAtOnce = Behaviour.everywhere("answers at once, never resolves",
        new org.escalon.simulate.StageBehaviour(1, 0, 0, 0, 0, 0));
    // a guard against a hang (the bug this pins ran for ever), not a measure of speed
    PopulationReport r = assertTimeoutPreemptively(java.time.Duration.ofMinutes(2),
        () -> new Population(home, answersAtOnce).run(new Population.Settings(
            40, 11, LocalDate.of(2027, 1, 4), LocalDate.of(2027, 3, 31), 1), done -> { }));
    assertEquals(40, r.unfinished());
    assertEquals(0, r.toOutcome().cases());
  }

  private static Protocol childrensHome() {
    return ProtocolsTest.compile(Repository.root().resolve(
        "protocols/childrens-home-template.esc")).protocol().orElseThrow();
  }

  @Test
  void theKentLadderRunsOnTheFastPath() {
    Protocol kent = ProtocolsTest.compile(Path.of(KENT)).protocol().orElseThrow();
    assertTrue(new Population(kent, Behaviour.worstCase()).fastPath());
  }

  @Test
  void everyExampleScenarioWritesAndReadsBackTheSame() throws Exception {
    try (var files = Files.list(Repository.root().resolve("protocols/scenarios"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".scenario")).toList()) {
        Scenario read = ScenarioParser.parse(Files.readString(file), file.toString());
        Scenario again = ScenarioParser.parse(ScenarioWriter.write(read), "written");
        assertEquals(withoutLines(read), withoutLines(again), file.toString());
        assertFalse(read.steps().isEmpty() && read.before().isEmpty() && read.raise().isEmpty()
            && !read.raisedByTrigger(), file + " says something");
      }
    }
  }

  @Test
  void everyScenarioAndBehaviourInTheDocsReadsAndChecksAgainstKent() throws Exception {
    String doc = Files.readString(Repository.root().resolve("docs/simulator.md"));
    Protocol kent = ProtocolsTest.compile(Path.of(KENT)).protocol().orElseThrow();
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("```(scenario|behaviour)\n(.*?)```", java.util.regex.Pattern.DOTALL)
        .matcher(doc);
    int blocks = 0;
    while (m.find()) {
      blocks++;
      if (m.group(1).equals("scenario")) {
        var result = org.escalon.compiler.simulate.ScenarioChecker.check(kent, "docs", m.group(2));
        assertEquals(List.of(), result.problems(), m.group(2));
        Timeline t = new Simulator(kent).run(result.scenario().orElseThrow(),
            LocalDate.of(2026, 12, 14));
        assertTrue(t.rows().stream().noneMatch(r -> r.kind() == org.escalon.simulate
            .TimelineRow.Kind.REFUSED), () -> "every step of the docs' example is taken: "
            + org.escalon.simulate.TimelineFormat.TABLE.render(t));
      } else {
        org.escalon.simulate.BehaviourParser.parse(m.group(2), "docs");
      }
    }
    assertEquals(3, blocks);
  }

  private static Scenario withoutLines(Scenario s) {
    return new Scenario(s.name(), s.start(), s.raise(), s.raisedByTrigger(),
        s.agreementsWhenNeeded(), strip(s.before()), strip(s.steps()));
  }

  private static List<ScenarioStep> strip(List<ScenarioStep> steps) {
    return steps.stream().map(x -> new ScenarioStep(x.when(), x.action(), 0)).toList();
  }

  private static Timeline kentWorstCase() {
    Protocol kent = ProtocolsTest.compile(Path.of(KENT)).protocol().orElseThrow();
    return new Simulator(kent).run(Scenario.worstCase(), LocalDate.of(2026, 12, 14));
  }

  private static String behaviour() {
    return Repository.root().resolve("protocols/scenarios/illustrative.behaviour").toString();
  }
}
