package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.escalon.compiler.Compilation;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.compiler.verify.VerificationReport;
import org.escalon.compiler.verify.Verifier;
import org.junit.jupiter.api.Test;

/**
 * The examples of docs/verifier.md: each {@code esc} block compiles and is verified, and every
 * line of the {@code verify} blocks after it is in the verifier's report, in order.
 */
class VerifierDocsTest {

  private static final Pattern BLOCK = Pattern.compile("```(esc|verify)\\n(.*?)```",
      Pattern.DOTALL);

  @Test
  void theExamplesSayWhatTheVerifierSays() {
    String doc = Repository.read(Repository.root().resolve("docs/verifier.md"));
    Matcher m = BLOCK.matcher(doc);
    String report = null;
    int checked = 0;
    while (m.find()) {
      if (m.group(1).equals("esc")) {
        Compilation c = new EscalonCompiler().compile(SourceText.of("example.esc", m.group(2)));
        assertFalse(c.diagnostics().hasErrors(), "the example compiles: " + c.diagnostics().all());
        report = VerificationReport.render("example.esc", new Verifier().verify(
            c.protocol().orElseThrow(), LocalDate.of(2026, 12, 14)), LocalDate.of(2026, 12, 14),
            false);
        continue;
      }
      assertTrue(report != null, "a verify block follows an esc block");
      int from = 0;
      for (String line : lines(m.group(2))) {
        int at = report.indexOf(line, from);
        assertTrue(at >= 0, "the report says \"" + line + "\" after the line before:\n" + report);
        from = at + line.length();
        checked++;
      }
    }
    assertTrue(checked >= 15, "the page shows the verifier's output: " + checked + " lines");
  }

  private static List<String> lines(String block) {
    List<String> lines = new ArrayList<>();
    for (String line : block.split("\n")) {
      if (!line.isBlank()) {
        lines.add(line.strip());
      }
    }
    return lines;
  }
}
