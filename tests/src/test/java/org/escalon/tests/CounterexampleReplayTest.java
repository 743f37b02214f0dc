package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.escalon.compiler.Compilation;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.Code;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.compiler.verify.Finding;
import org.escalon.compiler.verify.Verification;
import org.escalon.compiler.verify.Verifier;
import org.escalon.model.Property;
import org.escalon.model.Protocol;
import org.escalon.simulate.ScenarioParser;
import org.escalon.simulate.Simulator;
import org.escalon.simulate.Timeline;
import org.escalon.compiler.verify.VerificationReport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Counterexamples are real: each one, written as a scenario file, read back and replayed by the
 * simulator from two start dates (across Christmas and across Easter), breaks the property it was
 * reported for on the simulated timeline (a path that never ends does not end), as an oracle that
 * reads the timeline independently of the verifier decides. Taken over the codified policies,
 * their mutants, the new users' protocols and the language reference's examples.
 */
class CounterexampleReplayTest {

  private static final List<LocalDate> STARTS =
      List.of(LocalDate.of(2026, 12, 14), LocalDate.of(2027, 3, 22));

  @TestFactory
  Stream<DynamicTest> everyCounterexampleBreaksItsPropertyInTheSimulator() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    List<Protocol> protocols = new ArrayList<>();
    for (Path file : Repository.protocols()) {
      Protocol p = VerifierMutationTest.compile(file);
      protocols.add(p);
      Mutants.of(p).forEach(m -> protocols.add(m.protocol()));
    }
    // the new users' protocols: London's stage 1 requires advice before the raise, so its
    // counterexamples give it before the raise
    try (Stream<Path> newUser = Files.list(Path.of("src/test/resources/new-user"))) {
      newUser.filter(f -> f.toString().endsWith(".esc")).sorted()
          .forEach(f -> protocols.add(VerifierMutationTest.compile(f)));
    }
    for (DocsExamplesTest.Example e : DocsExamplesTest.examples("docs/language.md")) {
      if (e.expectedCode() == null) {
        Compilation c = new EscalonCompiler().compile(SourceText.of("example.esc", e.text()));
        c.protocol().ifPresent(protocols::add);
      }
    }
    int n = 0;
    for (Protocol p : protocols) {
      for (LocalDate start : STARTS) {
        Verification v = new Verifier().verify(p, start);
        for (Finding f : v.findings()) {
          if (f.counterexample().isPresent()
              && (f.code() == Code.E0602 || f.code() == Code.E0606)) {
            tests.add(DynamicTest.dynamicTest(++n + " " + p.name() + ": " + f.message(),
                () -> replay(p, f, start)));
          }
        }
      }
    }
    assertTrue(n >= 40, "enough counterexamples to replay: " + n);
    return tests.stream();
  }

  private static void replay(Protocol p, Finding f, LocalDate start) throws Exception {
    String text = VerificationReport.scenarioText(f.counterexample().orElseThrow(), start);
    Timeline t = new Simulator(p).run(ScenarioParser.parse(text, "counterexample.scenario"),
        start);
    assertFalse(t.rows().stream().anyMatch(r -> r.kind() == org.escalon.simulate.TimelineRow
        .Kind.REFUSED), "a step of the counterexample was refused:\n" + text + "\n" + t.rows());
    TimelineClaims.Trace trace = TimelineClaims.trace(p, t, new Simulator(p).calendar());
    if (f.code() == Code.E0602) {
      assertNotEquals(Timeline.End.ENDED, t.end(), "the path ends after all:\n" + text);
      return;
    }
    Property property = p.properties().stream().filter(x -> x.title().equals(f.subject()))
        .findFirst().orElseThrow();
    assertFalse(TimelineClaims.holds(property.claim(), trace),
        "the property holds on the replayed counterexample:\n" + text + "\n" + trace);
  }
}
