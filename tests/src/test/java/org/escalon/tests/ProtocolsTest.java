package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.escalon.compiler.Compilation;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.model.Protocol;
import org.escalon.model.Stage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The codified source policies: each checks cleanly, cites its sources, and has its map beside it. */
class ProtocolsTest {

  /** Policies whose ladders run past IRO Handbook s6.2's 20 working days, as published. */
  private static final List<String> OVER_THEIR_LIMIT = List.of("bexley-iro.esc", "kent-iro.esc");

  /**
   * Policies that, as published, leave stages with no timescale (none at all, or only for some
   * cases), so that a path can wait for ever: `check` warns W0506 for each such stage.
   */
  private static final java.util.Map<String, Integer> UNTIMED = java.util.Map.of(
      "childrens-home-template.esc", 1, "st-helens-penkford.esc", 5,
      // a timescale the policy leaves to the case, with no guide: no deadline until it is set
      "bexley-iro.esc", 1, "medway.esc", 1);

  @TestFactory
  Stream<DynamicTest> everyProtocolChecksWithoutErrorsOrWarnings() {
    return Repository.protocols().stream().map(p -> DynamicTest.dynamicTest(
        p.getFileName().toString(), () -> {
          Compilation c = compile(p);
          assertTrue(c.succeeded(), p + " has errors: " + c.diagnostics().sorted());
          // the only warnings allowed are a published policy breaking its own statutory limit
          // and, as `verify` says E0602, the stages a published policy gives no timescale
          List<String> expected = new java.util.ArrayList<>(
              OVER_THEIR_LIMIT.contains(p.getFileName().toString()) ? List.of("W0601") : List.of());
          for (int i = 0; i < UNTIMED.getOrDefault(p.getFileName().toString(), 0); i++) {
            expected.add(0, "W0506");
          }
          assertEquals(expected.stream().sorted().toList(), c.diagnostics().sorted().stream()
              .map(d -> d.code().name()).sorted().toList(), p + ": " + c.diagnostics().sorted());
          Protocol protocol = c.protocol().orElseThrow();
          assertFalse(protocol.stages().isEmpty());
          for (Stage stage : protocol.stages()) {
            assertFalse(stage.citations().isEmpty(), "stage " + stage.key() + " of " + p
                + " cites no source");
          }
          assertTrue(Files.exists(Path.of(p.toString().replaceAll("\\.esc$", ".md"))),
              "the rule map beside " + p);
        }));
  }

  @Test
  void theSixProceduresOfTheFiveSeedsAreCodified() {
    List<String> names = Repository.protocols().stream().map(p -> p.getFileName().toString())
        .toList();
    assertEquals(List.of("bexley-cp-chair.esc", "bexley-iro.esc", "childrens-home-template.esc",
        "kent-iro.esc", "medway.esc", "st-helens-penkford.esc"), names);
  }

  @Test
  void bexleyIroBreaksTheTwentyWorkingDayLimitAsWritten() {
    // 5 + 5 + 5 + 8 = 23 working days: encoded faithfully, and the checker says so
    Compilation c = compile(Repository.root().resolve("protocols/bexley-iro.esc"));
    assertEquals(List.of("the stages' timescales add up to 23 working days, over the limit of 20 "
        + "working days"), c.diagnostics().sorted().stream()
        .filter(d -> d.code().name().equals("W0601")).map(d -> d.message()).toList());
    Protocol p = c.protocol().orElseThrow();
    // the formal stages; the informal one's timescale is set by the IRO (assumed at most 20)
    int total = p.stages().stream().filter(s -> !s.key().equals("informal"))
        .flatMap(s -> s.defaultTimescale().stream())
        .mapToInt(t -> t.duration().amount()).sum();
    assertEquals(23, total);
    assertTrue(p.limits().stream().anyMatch(l -> l.atMost().amount() == 20));
  }

  @Test
  void kentCafcassNeedsStagesFourFiveAndSixAgreementAndAdvice() {
    Protocol p = compile(Repository.root().resolve("protocols/kent-iro.esc")).protocol()
        .orElseThrow();
    String preconditions = p.outcome("cafcass").orElseThrow().preconditions().toString();
    assertTrue(preconditions.contains("Completed[stages=[4, 5, 6]")
        || preconditions.contains("[4, 5, 6]"), preconditions);
    assertTrue(preconditions.contains("Agreement"), preconditions);
    assertTrue(preconditions.contains("Advice"), preconditions);
    assertEquals(2, p.triggers().size(), "the inadequate and two-consecutive-RI triggers");
  }

  @Test
  void checkingTheFolderPrintsASummaryPerProtocolAndExitsZero() {
    Repository.Run run = Repository.cli("check", Repository.root().resolve("protocols").toString());
    assertEquals(0, run.exitCode(), run.err());
    for (Path p : Repository.protocols()) {
      assertTrue(run.out().contains(p.getFileName().toString()), run.out());
    }
    assertTrue(run.out().contains("stages ("), run.out());
    assertTrue(run.out().contains("roles ("), run.out());
    assertTrue(run.out().contains("outcomes ("), run.out());
    assertTrue(run.out().contains("23 working days in total"), run.out());
    assertTrue(run.out().contains("6 protocols checked, 0 with errors"), run.out());
  }

  static Compilation compile(Path p) {
    return new EscalonCompiler().compile(SourceText.of(p.getFileName().toString(),
        Repository.read(p)));
  }
}
