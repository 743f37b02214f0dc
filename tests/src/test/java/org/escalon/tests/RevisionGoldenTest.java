package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code escalon diff} on realistic revisions of the seed protocols, in
 * {@code tests/src/test/resources/revisions/}: Kent v2 (two stages shortened, a stage inserted
 * that widens the limit's range, a copy list, a new right), a timescale change, a new right, a
 * copy-list change, a stage that widens a limit's range. Each in text, JSON and HTML against its
 * golden file in {@code revisions/golden/} (refresh with {@code -Dgolden.update=true} and review
 * the diff); Kent v2's page rendered in headless Chromium; a protocol against itself is no
 * change, exit 0.
 */
class RevisionGoldenTest {

  static final Path REVISIONS = Repository.root().resolve("tests/src/test/resources/revisions");
  private static final Path OUT = Path.of("target/revisions");

  /** Each revision: the seed protocol it revises and the revised file. */
  static final List<String[]> CASES = List.of(
      new String[] {"kent-iro", "kent-iro-v2"},
      new String[] {"medway", "medway-timescale"},
      new String[] {"bexley-iro", "bexley-iro-new-right"},
      new String[] {"childrens-home-template", "childrens-home-copy-list"},
      new String[] {"bexley-iro", "bexley-iro-stage-added"});

  @TestFactory
  Stream<DynamicTest> everyRevisionMatchesItsGoldenOutput() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String[] c : CASES) {
      for (String format : List.of("text", "json", "html")) {
        tests.add(DynamicTest.dynamicTest(c[1] + " as " + format, () -> check(c, format)));
      }
    }
    return tests.stream();
  }

  private static void check(String[] c, String format) throws IOException {
    Repository.Run run = diff(c[0], c[1], "--format", format);
    assertEquals(1, run.exitCode(), run.err());
    assertEquals("", run.err());
    String ext = format.equals("text") ? "txt" : format;
    Path golden = REVISIONS.resolve("golden").resolve(c[1] + "." + ext);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, run.out());
    }
    assertTrue(Files.exists(golden), golden + " is missing: run with -Dgolden.update=true");
    assertEquals(Files.readString(golden), run.out(), "the diff of " + c[1] + " as " + format);
  }

  /** The diff of a seed protocol and a revision, with paths relative to the repository. */
  static Repository.Run diff(String seed, String revision, String... more) {
    List<String> args = new ArrayList<>(List.of("diff",
        Repository.root().resolve("protocols/" + seed + ".esc").toString(),
        REVISIONS.resolve(revision + ".esc").toString(), "--start", "2026-12-14"));
    args.addAll(List.of(more));
    Repository.Run run = Repository.cli(args.toArray(String[]::new));
    String root = Repository.root() + "/";
    return new Repository.Run(run.exitCode(), run.out().replace(root, ""),
        run.err().replace(root, ""));
  }

  @Test
  void everySeedProtocolAgainstItselfIsNoChange() {
    for (Path p : Repository.protocols()) {
      for (String format : List.of("text", "json")) {
        Repository.Run run = Repository.cli("diff", p.toString(), p.toString(), "--start",
            "2026-12-14", "--format", format);
        assertEquals(0, run.exitCode(), p + ": " + run.out() + run.err());
        assertTrue(format.equals("text") ? run.out().contains("No change: the two versions "
            + "mean the same.") : run.out().contains("\"changes\": []"), run.out());
      }
    }
  }

  @Test
  void usageErrorsExitTwo() {
    String kent = Repository.root().resolve("protocols/kent-iro.esc").toString();
    Repository.Run format = Repository.cli("diff", kent, kent, "--format", "pdf");
    assertEquals(2, format.exitCode());
    assertTrue(format.err().contains("--format is text, json or html"), format.err());
    Repository.Run one = Repository.cli("diff", kent);
    assertEquals(2, one.exitCode());
    Repository.Run missing = Repository.cli("diff", kent, OUT.resolve("nope.esc").toString());
    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().contains("error[E0107]"), missing.err());
    assertFalse(missing.err().contains("Exception"), missing.err());
    Repository.Run behaviour = Repository.cli("diff", kent, kent, "--behaviour", "x.behaviour");
    assertEquals(2, behaviour.exitCode());
    assertTrue(behaviour.err().contains("give --cases N"), behaviour.err());
  }

  @Test
  void aPopulationIsRunUnderBothVersionsFromOneSeed() {
    Repository.Run run = diff("kent-iro", "kent-iro-v2", "--cases", "300", "--seed", "7",
        "--behaviour", Repository.root().resolve(
            "protocols/scenarios/illustrative.behaviour").toString(), "--no-progress");
    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.out().contains("A population of 300 cases raised from 2026-12-14"),
        run.out());
    assertTrue(run.out().contains("seed 7"), run.out());
    assertTrue(run.out().contains("working days to an outcome, worst: "), run.out());
  }

  @Test
  void kentV2RendersInHeadlessChromiumWithItsChangesMarked() throws Exception {
    Optional<Chromium> chromium = Chromium.find(OUT.resolve("profiles"));
    assumeTrue(chromium.isPresent(), "chromium is not installed (.ci/run installs it)");
    Files.createDirectories(OUT);
    Path html = OUT.resolve("kent-iro-v2.html").toAbsolutePath();
    Repository.Run run = diff("kent-iro", "kent-iro-v2", "--format", "html", "-o",
        html.toString());
    assertEquals(1, run.exitCode(), run.err());
    Chromium.Run dom = chromium.get().run(html, "--dump-dom");
    assertEquals(0, dom.exitCode(), dom.err());
    assertEquals(List.of(), Chromium.consoleMessages(dom), "console messages");
    for (String marked : List.of(
        "class=\"level stage diff-added\" id=\"esc-after-stage_practice\"",
        "class=\"level stage diff-changed\" id=\"esc-after-stage_3\"",
        "class=\"level stage diff-changed\" id=\"esc-before-stage_3\"",
        "class=\"level stage diff-changed\" id=\"esc-after-stage_4\"",
        "class=\"level stage\" id=\"esc-after-stage_5\"",
        "<li class=\"added\">", "<li class=\"changed\">",
        "class=\"gantt overlay\"", "class=\"stay before\"", "class=\"stay after\"")) {
      assertTrue(dom.out().contains(marked), "the page has " + marked);
    }
    Path png = OUT.resolve("kent-iro-v2.png").toAbsolutePath();
    Chromium.Run shot = chromium.get().run(html, "--hide-scrollbars", "--window-size=1280,6000",
        "--screenshot=" + png);
    assertEquals(0, shot.exitCode(), shot.err());
    assertEquals(List.of(), Chromium.consoleMessages(shot), "console messages");
    BufferedImage image = ImageIO.read(png.toFile());
    Map<String, Integer> seen = ReportTest.colours(image, Map.of(
        "the added stage, green", 0xc8e6c9,
        "the changed stages, amber", 0xffe0b2,
        "the new version's Gantt bars", 0x5b7db1));
    seen.forEach((what, pixels) -> assertTrue(pixels > 200, what + " show: " + pixels
        + " pixels in " + png));
  }
}
