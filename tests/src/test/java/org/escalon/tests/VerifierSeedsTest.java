package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.compiler.verify.Finding;
import org.escalon.compiler.verify.OutcomeTotals;
import org.escalon.compiler.verify.Verdict;
import org.escalon.compiler.verify.Verification;
import org.escalon.compiler.verify.Verifier;
import org.escalon.model.Protocol;
import org.escalon.simulate.Simulator;
import org.escalon.simulate.Timeline;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What the verifier finds in the codified policies, pinned: Bexley's 23 working days against the
 * 20 of IRO Handbook s6.2, the children's home's reminders that never end, Kent's worst case to
 * Cafcass; and every finding, word for word, is explained in the protocol's notes.
 */
class VerifierSeedsTest {

  private static final LocalDate START = LocalDate.of(2026, 12, 14);

  static Verification verify(String file) {
    Path p = Repository.root().resolve("protocols").resolve(file);
    Protocol protocol = new EscalonCompiler().compile(SourceText.of("protocols/" + file,
        Repository.read(p))).protocol().orElseThrow();
    return new Verifier().verify(protocol, START);
  }

  private static OutcomeTotals totals(Verification v, String outcome) {
    return v.totals().stream().filter(t -> t.outcome().equals(outcome)).findFirst().orElseThrow();
  }

  @Test
  void bexleyIroStagesTakeTwentyThreeWorkingDaysAgainstTheTwentyOfS62() {
    Verification v = verify("bexley-iro.esc");
    Verdict limit = v.limits().get(0);
    assertFalse(limit.holds());
    assertEquals("stages 1, 2, 3, 4 together can take 23 working days, over the limit of 20 "
        + "working days", limit.findings().get(0).message());
    assertTrue(limit.findings().get(0).notes().get(0).startsWith(
        "stage 1: 5 + stage 2: 5 + stage 3: 5 + stage 4: 8 = 23 working days"),
        limit.findings().get(0).notes().toString());
    // 23 for the formal stages, and the informal stage's soft timescale at its assumed 20
    assertEquals(43, totals(v, "cafcass").worst());
    assertTrue(v.failed());
  }

  @Test
  void bexleyCpChairStagesAlsoTakeTwentyThreeWorkingDays() {
    Verification v = verify("bexley-cp-chair.esc");
    // the CP procedure declares no limit (s6.2 is the IRO's), but its ladder adds up the same
    assertEquals(23, totals(v, "not_resolved_by_director").worst());
    assertEquals(23, totals(v, "resolved").worst());
    assertTrue(totals(v, "resolved").worst() > 20);
    assertTrue(OutcomeTotals.unbounded(totals(v, "resolved").worstWithExtensions()),
        "the CP Chair may grant more time with no maximum");
    assertFalse(v.failed(), v.findings().toString());
    assertTrue(v.verdicts().stream().allMatch(Verdict::holds));
  }

  @Test
  void theChildrensHomeRemindersNeverEnd() {
    Verification v = verify("childrens-home-template.esc");
    Verdict ends = v.verdict("every path reaches an outcome");
    assertFalse(ends.holds());
    Finding f = ends.findings().get(0);
    assertEquals("a path never reaches an outcome: stage ongoing has no timescale, so if nobody "
        + "responds it waits for ever", f.message());
    assertTrue(f.notes().contains("its reminders go on, but a reminder does not end the "
        + "escalation"));
    Timeline t = new Simulator(v.protocol()).run(f.counterexample().orElseThrow().scenario(),
        START);
    assertTrue(t.outcome().isEmpty());
    assertEquals("ongoing", t.stagesEntered().get(t.stagesEntered().size() - 1));
    assertEquals(Timeline.End.UNFINISHED, t.end(), "the fortnightly reminders run to the horizon");
    assertEquals(50, totals(v, "resolved").worst(), "10 weeks before the ongoing stage");
  }

  @Test
  void kentWorstCaseToCafcassAndS62() {
    Verification v = verify("kent-iro.esc");
    OutcomeTotals cafcass = totals(v, "cafcass");
    // the informal stage's timescale is set by the IRO: the verifier counts its cap (20)
    assertEquals(50, cafcass.worst(), "informal at its cap and six stages of 5 working days");
    assertFalse(cafcass.openEnded().isEmpty(), "waiting for agreement and advice");
    Verdict s62 = v.limits().get(0);
    assertFalse(s62.holds(), "stages 1 to 6 cannot meet s6.2");
    assertEquals("stages 1, 2, 3, 4, 5, 6 together can take 30 working days, over the limit of 20 "
        + "working days", s62.findings().get(0).message());
    assertTrue(v.verdict("Cafcass only after stages 4, 5 and 6").holds());
    assertFalse(v.verdict("every path reaches resolution or Cafcass").holds());
    List<String> waits = v.verdict("every path reaches an outcome").findings().stream()
        .map(Finding::message).toList();
    // first the path on which nobody acts after the raise, then the one that starts at stage 5
    assertEquals(List.of("a path never reaches an outcome: after stage 6, waiting to enter "
        + "cafcass: QAAssistantDirector has not agreed, and nothing makes it happen",
        "a path never reaches an outcome: after stage 6, waiting to enter cafcass: "
            + "stage 4 has not been completed, and nothing makes it happen"), waits);
  }

  @TestFactory
  Stream<DynamicTest> everyFindingIsExplainedInTheProtocolsNotes() {
    return Repository.protocols().stream().map(p -> DynamicTest.dynamicTest(
        p.getFileName().toString(), () -> {
          Verification v = verify(p.getFileName().toString());
          String notes = Repository.read(Path.of(p.toString().replaceAll("\\.esc$", ".md")));
          assertTrue(notes.contains("## What `escalon verify` finds"), p + ": no verifier section");
          String section = notes.substring(notes.indexOf("## What `escalon verify` finds"));
          for (Finding f : v.findings()) {
            assertTrue(section.contains(f.code().name() + ": " + f.message()),
                p + ": the notes do not explain `" + f.code() + ": " + f.message() + "`");
          }
          for (String note : v.totalsNotes()) {
            if (note.contains("bypass back down")) {
              assertTrue(section.contains("back down the ladder"), p + ": explain " + note);
            }
          }
        }));
  }
}
