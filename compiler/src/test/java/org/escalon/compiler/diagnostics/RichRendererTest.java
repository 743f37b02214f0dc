package org.escalon.compiler.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.escalon.model.SourceSpan;
import org.junit.jupiter.api.Test;

class RichRendererTest {

  private static final SourceText SOURCE = SourceText.of("kent.esc", String.join("\n",
      "protocol \"Kent\" {",
      "  role TeamManager \"Team Manager\"",
      "  stage 2 \"To Team Manager\" {",
      "    to TeamManger",
      "  }",
      "}"));

  @Test
  void rendersTitleLocationSourceCaretsNotesAndHelp() {
    Diagnostic d = Diagnostic.of(Code.E0201, "unknown role `TeamManger`")
        .at(new SourceSpan("kent.esc", 4, 8, 4, 18), "not declared in this protocol")
        .also(new SourceSpan("kent.esc", 2, 8, 2, 19), "a role with a close name")
        .note("roles are declared once, at the top")
        .help("did you mean `TeamManager`?")
        .build();
    assertEquals(String.join("\n",
        "error[E0201]: unknown role `TeamManger`",
        " --> kent.esc:4:8",
        "  |",
        "2 |   role TeamManager \"Team Manager\"",
        "  |        ----------- a role with a close name",
        "  ...",
        "4 |     to TeamManger",
        "  |        ^^^^^^^^^^ not declared in this protocol",
        "  |",
        "  = note: roles are declared once, at the top",
        "  = help: did you mean `TeamManager`?",
        ""), new RichRenderer().render(d, SOURCE));
  }

  @Test
  void shortFormIsOneLine() {
    Diagnostic d = Diagnostic.of(Code.W0503, "`stage 2` escalates to no one")
        .at(new SourceSpan("kent.esc", 3, 9, 3, 10), "no `to` line").build();
    assertEquals("kent.esc:3:9: warning[W0503]: `stage 2` escalates to no one",
        new ShortRenderer().render(d, "kent.esc"));
  }

  @Test
  void aDiagnosticWithoutAPlaceNamesTheFileOnly() {
    Diagnostic d = Diagnostic.of(Code.E0107, "`x.esc` is not UTF-8 text").help("save as UTF-8")
        .build();
    assertEquals("error[E0107]: `x.esc` is not UTF-8 text\n --> x.esc\n  |\n  = help: save as UTF-8\n",
        new RichRenderer().render(d, SourceText.of("x.esc", "")));
  }
}
