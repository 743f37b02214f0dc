package org.escalon.compiler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.escalon.compiler.Compilation;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.junit.jupiter.api.Test;

class TitlesTest {

  private static Titles titles(String source) {
    Compilation c = new EscalonCompiler().compile(SourceText.of("t.esc", source));
    assertTrue(c.succeeded(), () -> c.diagnostics().sorted().toString());
    return new Titles(c.protocol().orElseThrow());
  }

  @Test
  void aTitlePutInIsNotSearchedForAnotherCodeName() {
    // Medway's Board has its address in its title, and the address holds the outcome's name
    Titles titles = titles("""
        protocol "Board" {
          raised by Professional
          role Professional "Professional"
          role MSCB "Medway Safeguarding Children Board (mscb@medway.gov.uk)" external
          stage 1 "Stage 1" { to Professional respond within 5 working days
            when not resolved go to mscb }
          outcome mscb "Stage 4: the Board" { to MSCB }
        }
        """);
    assertEquals("Medway Safeguarding Children Board (mscb@medway.gov.uk) tells its chair; then "
        + "Stage 4: the Board", titles.in("MSCB tells its chair; then mscb"));
  }

  @Test
  void aCodeNameInsideATitleAlreadyInTheTextStays() {
    Titles titles = titles("""
        protocol "Counsel" {
          raised by IRO
          role IRO "Independent Reviewing Officer"
          role IROLegal "IRO legal counsel"
          stage 1 "Stage 1" { to IROLegal respond within 5 working days
            when not resolved go to court }
          outcome court "To court" { to IROLegal }
        }
        """);
    assertEquals("IRO legal counsel advises Independent Reviewing Officer",
        titles.in("IRO legal counsel advises IRO"));
  }
}
