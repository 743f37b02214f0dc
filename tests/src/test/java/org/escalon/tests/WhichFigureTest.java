package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every tool's figures agree and say which is which: `check`'s total counts only the deadlines
 * that must be met and gives the soft ones apart, with the total `verify` reaches when it counts
 * each at its assumption; the report's limit sums are the verifier's; Kent's two worst cases (56
 * working days with the IRO's timescale at its cap, 41 in the simulated timeline, where nobody
 * sets it and the guide counts) are named as such in `check`, `verify` and the report.
 */
class WhichFigureTest {

  private static final Path SOFT = Path.of("src/test/resources/constructs/soft-deadlines.esc");
  private static final String KENT = "../protocols/kent-iro.esc";
  private static final String KENT_WORDS = "a timescale set during the case counts at its cap "
      + "(stage informal: up to 20 working days) in the worst case of `check` and `verify`, which "
      + "takes 56 working days on the calendar; the simulated worst case, in which nobody sets "
      + "one, counts the guide (stage informal: 5 working days) and takes 41 working days on the "
      + "calendar";

  @Test
  void checksTotalLeavesTheSoftDeadlinesOutAndGivesVerifysFigureApart() throws IOException {
    // stage 1's soft deadline given an assumption, so that every figure is bounded
    Path file = soft("5 working days where possible",
        "5 working days where possible, assume at most 10 working days");
    Repository.Run check = Repository.cli("check", file.toString());
    assertEquals(0, check.exitCode(), check.err());
    assertTrue(check.out().contains("timescales: no stage deadline that must be met; soft "
        + "deadlines, not in that total"), check.out());
    assertTrue(check.out().contains("stage 1 5 working days where possible (assume at most 10 "
        + "working days)"), check.out());
    assertTrue(check.out().contains("with each soft deadline at its assumption, as `verify` "
        + "counts them: 28 working days in total"), check.out());
    Repository.Run verify = Repository.cli("verify", file.toString());
    // the verifier's worst total to `unresolved`: 10 + 3 + 15, the same 28
    Matcher row = Pattern.compile("\\n\\s+unresolved\\s+0\\s+(\\d+)\\s").matcher(verify.out());
    assertTrue(row.find(), verify.out());
    assertEquals("28", row.group(1), verify.out());
    // the limit on stages 2 and 3: 3 + 15 at their assumptions, in the verifier and the report
    assertTrue(verify.out().contains("sum of the timescales 18 working days"), verify.out());
    Path html = Files.createTempFile("soft-assumed", ".html");
    Repository.Run report = Repository.cli("report", file.toString(), "--start", "2026-12-14",
        "-o", html.toString());
    assertTrue(report.exitCode() <= 1, report.err());
    String page = Files.readString(html);
    assertTrue(page.contains("<td>20 working days</td><td>18 working days</td>"), page);
    assertTrue(page.contains("To the Service Manager (10 working days, as a guide, assume at "
        + "most 15 working days)"), page);
  }

  /**
   * The checker's W0601 counts a soft deadline at its assumption, as `verify` does, rather than
   * leaving the limit unchecked: stage 3 assumed to take up to 20 working days puts stages 2 and 3
   * at 3 + 20 = 23, over their 20, in both tools.
   */
  @Test
  void checksLimitWarningCountsTheAssumptionsAsVerifyDoes() throws IOException {
    Path file = soft("assume at most 15 working days", "assume at most 20 working days");
    Repository.Run check = Repository.cli("check", file.toString());
    assertTrue(check.err().contains("warning[W0601]: the stages' timescales add up to 23 working "
        + "days, over the limit of 20 working days"), check.err());
    assertTrue(check.err().contains("stage 2: assume at most 3 working days + stage 3: assume at "
        + "most 20 working days = 23"), check.err());
    Repository.Run verify = Repository.cli("verify", file.toString());
    assertTrue(verify.out().contains("sum of the timescales 23 working days"), verify.out());
  }

  /** The example of soft deadlines with one of its lines changed, in a file of its own. */
  private static Path soft(String line, String changed) throws IOException {
    Path file = Files.createTempFile("soft", ".esc");
    return Files.writeString(file, Files.readString(SOFT).replace(line, changed));
  }

  @Test
  void theSimulatedTimelineCountsTheSoftDeadlinesApart() {
    Repository.Run run = Repository.cli("simulate", SOFT.toString(), "--start", "2026-12-14");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("the timescales of the stages it went through add up to 0 "
        + "working days that must be met, and their soft deadlines to 16 more"), run.out());
  }

  @Test
  void kentsTwoWorstCasesSayWhichIsWhich() throws IOException {
    Repository.Run check = Repository.cli("check", KENT);
    assertTrue(check.out().contains("on the calendar: 56 working days elapse"), check.out());
    assertTrue(check.out().contains("which worst case: " + KENT_WORDS), check.out());
    Repository.Run verify = Repository.cli("verify", KENT);
    assertTrue(verify.out().contains("note: " + KENT_WORDS), verify.out());
    assertTrue(verify.out().contains("56 + waits"), verify.out());
    Repository.Run simulate = Repository.cli("simulate", KENT, "--start", "2026-12-14");
    assertTrue(simulate.out().contains("ended in cafcass after 41 working days elapsed on the "
        + "calendar"), simulate.out());
    Path html = Files.createTempFile("kent", ".html");
    Repository.Run report = Repository.cli("report", KENT, "--start", "2026-12-14", "-o",
        html.toString());
    assertTrue(report.exitCode() <= 1, report.err());
    String page = Files.readString(html);
    assertTrue(page.contains("it ends after 41 working days on the calendar (nobody sets the "
        + "timescales set during the case, so their guides count; at their caps, as `check` and "
        + "`verify` count them, 56)"), "the report's summary names both worst cases");
    assertTrue(page.contains("counts the guide (“Informal Resolution”: 5 working days) and takes "
        + "41 working days on the calendar"), "the report carries the verifier's note");
  }
}
