package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.escalon.model.Protocol;
import org.escalon.simulate.Scenario;
import org.escalon.simulate.ScenarioParser;
import org.escalon.simulate.Simulator;
import org.escalon.simulate.TimelineFormat;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The expected timelines in {@code protocols/timelines/}: every protocol's worst case, and every
 * scenario in {@code protocols/scenarios/}, from a start that crosses Christmas and New Year
 * 2026-27 (Monday 14 December 2026) and one that crosses Easter 2027 (Monday 22 March 2027).
 * Refresh with {@code -Dgolden.update=true} and review the diff against the policy and calendar.
 */
class SimulatorGoldenTest {

  static final List<LocalDate> STARTS = List.of(LocalDate.of(2026, 12, 14),
      LocalDate.of(2027, 3, 22));

  private static final Path TIMELINES = Repository.root().resolve("protocols/timelines");

  @TestFactory
  Stream<DynamicTest> everyProtocolAndScenarioMatchesItsExpectedTimeline() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path esc : Repository.protocols()) {
      String name = esc.getFileName().toString().replace(".esc", "");
      Protocol protocol = ProtocolsTest.compile(esc).protocol().orElseThrow();
      for (LocalDate start : STARTS) {
        tests.add(DynamicTest.dynamicTest(name + " worst case from " + start,
            () -> check(protocol, Scenario.worstCase(), start, name + "-worst-case-" + start)));
      }
      for (Path file : scenarios(name)) {
        Scenario scenario = ScenarioParser.parse(Files.readString(file), file.toString());
        String base = file.getFileName().toString().replace(".scenario", "");
        for (LocalDate start : STARTS) {
          tests.add(DynamicTest.dynamicTest(base + " from " + start,
              () -> check(protocol, scenario, start, base + "-" + start)));
        }
      }
    }
    return tests.stream();
  }

  private static final Path CONSTRUCTS = Path.of("src/test/resources/constructs");

  /**
   * The small protocols that show one construct of the language each ({@code
   * src/test/resources/constructs/NAME.esc}), with their scenarios beside them ({@code
   * NAME-*.scenario}) and their expected timelines in {@code constructs/timelines/}: a construct
   * no seed protocol uses yet still has a dated timeline to review.
   */
  @TestFactory
  Stream<DynamicTest> everyConstructExampleMatchesItsExpectedTimeline() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    List<Path> protocols;
    try (Stream<Path> files = Files.list(CONSTRUCTS)) {
      protocols = files.filter(p -> p.toString().endsWith(".esc")).sorted().toList();
    }
    for (Path esc : protocols) {
      String name = esc.getFileName().toString().replace(".esc", "");
      Protocol protocol = ProtocolsTest.compile(esc).protocol().orElseThrow();
      List<Path> scenarios;
      try (Stream<Path> files = Files.list(CONSTRUCTS)) {
        scenarios = files.filter(p -> p.getFileName().toString().startsWith(name + "-")
            && p.toString().endsWith(".scenario")).sorted().toList();
      }
      for (Path file : scenarios) {
        Scenario scenario = ScenarioParser.parse(Files.readString(file), file.toString());
        String base = file.getFileName().toString().replace(".scenario", "");
        for (LocalDate start : STARTS) {
          tests.add(DynamicTest.dynamicTest(base + " from " + start,
              () -> check(protocol, scenario, start, CONSTRUCTS.resolve("timelines"),
                  base + "-" + start)));
        }
      }
    }
    return tests.stream();
  }

  static List<Path> scenarios(String protocol) {
    try (Stream<Path> files = Files.list(Repository.root().resolve("protocols/scenarios"))) {
      return files.filter(p -> p.getFileName().toString().startsWith(protocol + "-")
          && p.toString().endsWith(".scenario")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void check(Protocol protocol, Scenario scenario, LocalDate start, String name)
      throws IOException {
    check(protocol, scenario, start, TIMELINES, name);
  }

  private static void check(Protocol protocol, Scenario scenario, LocalDate start, Path folder,
      String name) throws IOException {
    String timeline = TimelineFormat.TABLE.render(new Simulator(protocol).run(scenario, start));
    Path golden = folder.resolve(name + ".txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(folder);
      Files.writeString(golden, timeline);
    }
    assertTrue(Files.exists(golden), golden + " is missing: run with -Dgolden.update=true");
    assertEquals(Files.readString(golden), timeline, "the timeline of " + name);
  }
}
