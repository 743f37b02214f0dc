package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.compiler.report.Prose;
import org.escalon.compiler.report.ProtocolDescriber;
import org.escalon.engine.Fingerprint;
import org.escalon.model.Canonical;
import org.escalon.model.Header;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

/** Who the policy is about (issue 14, point 13): children, adults or both, never assumed. */
class PolicySubjectTest {

  private static final String SOURCE = """
      protocol "Professional differences" {
        about adults and children
        raised by Practitioner
        role Practitioner "Practitioner"
        role LineManager "Line manager"
        stage 1 "Line managers" {
          to LineManager
          respond within 5 working days
          when not resolved go to stage 1
          source "Stage 1"
        }
      }
      """;

  private static Protocol compile(String text) {
    return new EscalonCompiler().compile(SourceText.of("about.esc", text)).protocol()
        .orElseThrow();
  }

  @Test
  void theProtocolSaysWhoItIsAboutInTheModelAndTheReport() {
    Protocol p = compile(SOURCE);
    assertEquals(List.of(Header.Subject.CHILDREN, Header.Subject.ADULTS), p.header().about());
    String overview = new ProtocolDescriber(p).describe().sections().get(0).blocks().stream()
        .filter(Prose.Paragraph.class::isInstance).map(b -> ((Prose.Paragraph) b).text())
        .findFirst().orElseThrow();
    assertTrue(overview.contains("It is about children and adults."), overview);
  }

  @Test
  void saidOrNotItChangesNoRuleAndAnUnsaidOneKeepsItsFingerprint() {
    Protocol said = compile(SOURCE);
    Protocol unsaid = compile(SOURCE.replace("  about adults and children\n", ""));
    assertEquals(List.of(), unsaid.header().about());
    assertFalse(Canonical.of(unsaid).contains("about="), "a part added later, unused, is not "
        + "written, so fingerprints taken before it still match");
    assertFalse(Fingerprint.of(said).equals(Fingerprint.of(unsaid)), "saying it is a change");
  }
}
