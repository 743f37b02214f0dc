package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.escalon.compiler.diagram.Markup;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ratification report: self-contained, complete in its citations, the same bytes for the same
 * input; and Kent's report rendered in headless Chromium (where it is installed; CI installs it)
 * with no console messages, showing the ladder, the Gantt chart and the findings. The screenshot
 * and a PDF print are kept in {@code target/report/}.
 */
class ReportTest {

  private static final Path OUT = Path.of("target/report");

  @TempDir Path dir;

  private static String kent() {
    return Repository.root().resolve("protocols/kent-iro.esc").toString();
  }

  private Path report(String protocol, String... more) throws IOException {
    Path html = dir.resolve(Path.of(protocol).getFileName().toString() + ".html");
    List<String> args = new java.util.ArrayList<>(List.of("report", protocol, "--start",
        "2026-12-14", "-o", html.toString()));
    args.addAll(List.of(more));
    Repository.Run run = Repository.cli(args.toArray(String[]::new));
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.out());
    return html;
  }

  @Test
  void everyProtocolsReportIsSelfContainedAndCitesEverySource() throws IOException {
    for (Path p : Repository.protocols()) {
      String html = Files.readString(report(p.toString()));
      assertFalse(html.contains("<script"), "no scripts: " + p);
      assertFalse(html.contains("<link"), "no linked files: " + p);
      assertFalse(Pattern.compile("(src|href)=\"(?!#)").matcher(html).find(),
          "every link stays in the page: " + p);
      assertFalse(html.contains("@import") || html.contains("url(http"), "nothing fetched: " + p);
      for (String cited : citations(p.toString())) {
        assertTrue(html.contains(Markup.escape(cited)), p + " cites " + cited);
      }
      Protocol protocol = BpmnEngineTest.compile(p.getFileName().toString());
      for (var stage : protocol.stages()) {
        assertTrue(html.contains("id=\"stage-" + stage.key() + "\""), "stage " + stage.key()
            + " is described in " + p);
      }
      assertTrue(html.contains("@media print") && html.contains("size: A4"), "prints on A4");
    }
  }

  @Test
  void theSameInputGivesTheSameBytes() throws IOException {
    String first = Files.readString(report(kent()));
    Files.delete(dir.resolve("kent-iro.esc.html"));
    assertEquals(first, Files.readString(report(kent())));
  }

  @Test
  void kentsReportTellsTheProtocolAndItsWorstCase() throws IOException {
    String html = Files.readString(report(kent()));
    assertTrue(html.contains("Escalations are raised by the Independent Reviewing Officer."),
        "who raises it");
    assertTrue(html.contains("It may be reached only with completed stages 4, 5 and 6, agreement "
        + "of Assistant Director of QA and advice of IRO legal counsel."), "Cafcass's conditions");
    assertTrue(html.contains("ends (Stage 7: Referral to Cafcass) on Friday 12 February 2027, 41 "
        + "working days after it was raised."), "the worst case on real dates");
    assertTrue(html.contains("Christmas Day"), "bank holidays are named on the chart");
    assertTrue(html.contains("<span class=\"verdict\">fails</span> IRO Handbook s6.2"),
        "the 20 working day limit fails");
    assertTrue(html.contains("The stages&#39; timescales add up to 30 working days")
        || html.contains("The stages' timescales add up to 30 working days"), "and says why");
    assertFalse(html.contains("id=\"population\""), "no population unless asked");
  }

  @Test
  void kentsReportShowsTheVerifiersFindingsWithTheirCounterexamples() throws IOException {
    String html = Files.readString(report(kent()));
    String findings = html.substring(html.indexOf("<section id=\"findings\""),
        html.indexOf("<section id=\"sources\""));
    assertTrue(findings.contains("<span class=\"verdict\">holds</span> Cafcass only after "
        + "stages 4, 5 and 6"), "the verifier proves precedence: " + findings);
    String path = findings.substring(findings.indexOf("<span class=\"verdict\">fails</span> "
        + "every path reaches resolution or Cafcass"));
    path = path.substring(0, path.indexOf("</article>"));
    assertTrue(path.contains("Counterexample: ") && !path.contains("Counterexample: counterexample"),
        "a counterexample, named once: " + path);
    assertTrue(path.contains("<table"), "as a dated timeline: " + path);
    assertTrue(path.contains("raised by IRO at stage 6") && path.contains("waits for ever"),
        "raised at stage 6, Cafcass waits for ever for stage 4: " + path);
    assertTrue(findings.contains("<span class=\"verdict\">fails</span> every path reaches an "
        + "outcome"), "the built-in check that fails: " + findings);
  }

  @Test
  void aBrokenLimitsCounterexampleRunsThroughTheStagesItCounts() throws IOException {
    // Bexley's informal stage has no timescale: the worst case from it never reaches the limit's
    // stages, so the counterexample is raised at stage 1, which the IRO may start at
    String html = Files.readString(report(Repository.root().resolve("protocols/bexley-iro.esc")
        .toString()));
    String findings = html.substring(html.indexOf("<section id=\"findings\""),
        html.indexOf("<section id=\"sources\""));
    assertTrue(findings.contains("Counterexample: nobody responds, from stage 1"), findings);
    assertTrue(findings.contains("escalated to Director"), "it reaches stage 4");
    assertTrue(findings.contains("<td>26</td>"), "23 working days of timescales take 26 days");
  }

  @Test
  void casesAddThePopulationSummary() throws IOException {
    String html = Files.readString(report(kent(), "--cases", "200", "--seed", "3",
        "--behaviour", Repository.root().resolve("protocols/scenarios/illustrative.behaviour")
            .toString(), "--threads", "1", "--no-progress"));
    assertTrue(html.contains("id=\"population\""), "a population section");
    assertTrue(html.contains("200 escalations simulated"), html.substring(html.indexOf(
        "id=\"population\"")));
    assertTrue(html.contains("<h3>Stage by stage</h3>"));
  }

  @Test
  void badInputSaysWhatIsWrong() {
    Repository.Run date = Repository.cli("report", kent(), "--start", "2026-02-30");
    assertEquals(2, date.exitCode());
    assertTrue(date.err().contains("there is no 30 February in 2026"), date.err());
    Repository.Run missing = Repository.cli("report", dir.resolve("nope.esc").toString());
    assertEquals(1, missing.exitCode());
    assertTrue(missing.err().contains("error[E0107]"), missing.err());
    assertFalse(missing.err().contains("Exception"), missing.err());
  }

  @Test
  void kentsReportRendersInHeadlessChromium() throws Exception {
    Optional<Chromium> chromium = Chromium.find(OUT.resolve("profiles"));
    assumeTrue(chromium.isPresent(), "chromium is not installed (.ci/run installs it)");
    Files.createDirectories(OUT);
    Path html = OUT.resolve("kent-iro.html").toAbsolutePath();
    Repository.Run run = Repository.cli("report", kent(), "--start", "2026-12-14", "-o",
        html.toString());
    assertEquals(0, run.exitCode(), run.err());

    Chromium.Run dom = chromium.get().run(html, "--dump-dom");
    assertEquals(0, dom.exitCode(), dom.err());
    assertEquals(List.of(), Chromium.consoleMessages(dom), "console messages");
    assertTrue(dom.out().contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ladder\""),
        "the ladder is in the page");
    assertTrue(dom.out().contains("class=\"gantt\""), "the Gantt chart is in the page");
    assertTrue(dom.out().contains("<article class=\"finding fails\">"), "a failed finding");

    Path png = OUT.resolve("kent-iro.png").toAbsolutePath();
    Chromium.Run shot = chromium.get().run(html, "--hide-scrollbars", "--window-size=1280,16000",
        "--screenshot=" + png);
    assertEquals(0, shot.exitCode(), shot.err());
    assertEquals(List.of(), Chromium.consoleMessages(shot), "console messages");
    BufferedImage image = ImageIO.read(png.toFile());
    Map<String, Integer> seen = colours(image, Map.of(
        "ladder stage boxes", 0xe8eef7,
        "Gantt bars", 0x5b7db1,
        "bank holidays on the Gantt chart", 0xffd89b,
        "the failed finding's badge", 0xffebee));
    seen.forEach((what, pixels) -> assertTrue(pixels > 200, what + " show: " + pixels
        + " pixels in " + png));

    Path pdf = OUT.resolve("kent-iro.pdf").toAbsolutePath();
    Chromium.Run print = chromium.get().run(html, "--no-pdf-header-footer",
        "--print-to-pdf=" + pdf);
    assertEquals(0, print.exitCode(), print.err());
    String text = new String(Files.readAllBytes(pdf), java.nio.charset.StandardCharsets.ISO_8859_1);
    Matcher box = Pattern.compile("/MediaBox \\[0 0 ([0-9.]+) ([0-9.]+)]").matcher(text);
    assertTrue(box.find(), "the PDF has pages");
    assertEquals(595, Math.round(Double.parseDouble(box.group(1))), "A4 wide");
    assertEquals(842, Math.round(Double.parseDouble(box.group(2))), "A4 high");
    long pages = Pattern.compile("/Type /Page\\b").matcher(text).results().count();
    assertTrue(pages >= 5, "each major part on its own page: " + pages + " pages");
  }

  /** How many pixels of each colour the image has. */
  static Map<String, Integer> colours(BufferedImage image, Map<String, Integer> wanted) {
    Map<String, Integer> counts = new TreeMap<>();
    wanted.keySet().forEach(k -> counts.put(k, 0));
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y) & 0xffffff;
        wanted.forEach((what, colour) -> {
          if (colour == rgb) {
            counts.merge(what, 1, Integer::sum);
          }
        });
      }
    }
    return counts;
  }

  /**
   * The text of every citation of a protocol, read from its JSON export (independently of how the
   * report gathers them): every {@code citation}, {@code citations} and {@code sources} field.
   */
  private static List<String> citations(String protocol) throws IOException {
    Repository.Run run = Repository.cli("export", protocol, "--format", "json");
    List<String> texts = new java.util.ArrayList<>();
    collect(new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out()), texts);
    assertFalse(texts.isEmpty(), "the protocol cites its sources");
    return texts;
  }

  private static void collect(com.fasterxml.jackson.databind.JsonNode node, List<String> texts) {
    node.fields().forEachRemaining(field -> {
      String name = field.getKey();
      com.fasterxml.jackson.databind.JsonNode value = field.getValue();
      if (name.equals("citation") && value.isObject()) {
        texts.add(value.get("text").asText());
      } else if ((name.equals("citations") || name.equals("sources")) && value.isArray()) {
        value.forEach(c -> texts.add(c.get("text").asText()));
      }
    });
    node.elements().forEachRemaining(child -> collect(child, texts));
  }
}
