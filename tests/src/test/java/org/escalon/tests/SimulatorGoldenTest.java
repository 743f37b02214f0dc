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
    String timeline = TimelineFormat.TABLE.render(new Simulator(protocol).run(scenario, start));
    Path golden = TIMELINES.resolve(name + ".txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(TIMELINES);
      Files.writeString(golden, timeline);
    }
    assertTrue(Files.exists(golden), golden + " is missing: run with -Dgolden.update=true");
    assertEquals(Files.readString(golden), timeline, "the timeline of " + name);
  }
}
