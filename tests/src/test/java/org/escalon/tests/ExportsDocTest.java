package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples in docs/exports.md are what the commands print for the page's protocol. */
class ExportsDocTest {

  private static final Pattern BLOCK = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

  @TempDir Path dir;

  private static List<String> blocks(String language) {
    String doc = Repository.read(Repository.root().resolve("docs/exports.md"));
    List<String> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(doc);
    while (m.find()) {
      if (m.group(1).equals(language)) {
        blocks.add(m.group(2));
      }
    }
    return blocks;
  }

  private Path example() throws IOException {
    List<String> esc = blocks("esc");
    assertEquals(1, esc.size(), "one protocol on the page");
    Path file = dir.resolve("example.esc");
    Files.writeString(file, esc.get(0));
    Repository.Run check = Repository.cli("check", "--quiet", file.toString());
    assertEquals(0, check.exitCode(), check.err());
    return file;
  }

  private static String squeeze(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }

  @Test
  void theMermaidIsWhatDiagramPrints() throws IOException {
    Repository.Run run = Repository.cli("diagram", example().toString(), "--format", "mermaid");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals(List.of(run.out()), blocks("mermaid"));
  }

  @Test
  void theTimerIsWhatTheBpmnHas() throws IOException {
    Repository.Run run = Repository.cli("export", example().toString(), "--format", "bpmn");
    assertEquals(0, run.exitCode(), run.err());
    for (String xml : blocks("xml")) {
      assertTrue(squeeze(run.out()).contains(squeeze(xml)), xml);
    }
  }

  @Test
  void theJsonBeginsAsThePageSays() throws IOException {
    Repository.Run run = Repository.cli("export", example().toString(), "--format", "json");
    assertEquals(0, run.exitCode(), run.err());
    for (String json : blocks("json")) {
      assertTrue(run.out().startsWith(json), json);
    }
  }

  @Test
  void theCalendarHookHasTheNamesTheTimersUse() {
    String java = String.join("\n", blocks("java"));
    assertTrue(java.contains("\"" + EscalonBusinessCalendar.WORKING_DAYS + "\""), java);
    assertTrue(java.contains("\"" + EscalonBusinessCalendar.CALENDAR + "\""), java);
    String bpmn = Repository.read(Path.of("src/test/resources/exports/st-helens-penkford.bpmn"));
    assertTrue(bpmn.contains("flowable:businessCalendarName=\""
        + EscalonBusinessCalendar.WORKING_DAYS + "\""), "the timers name the calendar");
  }
}
