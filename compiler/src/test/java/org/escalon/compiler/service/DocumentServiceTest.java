package org.escalon.compiler.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.escalon.compiler.diagnostics.Code;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.junit.jupiter.api.Test;

class DocumentServiceTest {

  static final String URI = "file:///protocols/kent-iro.esc";

  static String kent() throws IOException {
    return Files.readString(Path.of("../protocols/kent-iro.esc"));
  }

  /** The 1-based caret on the first occurrence of {@code word} after {@code after}. */
  static Position caret(String text, String after, String word) {
    int at = text.indexOf(word, text.indexOf(after));
    String before = text.substring(0, at);
    int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
    return new Position(line, at - before.lastIndexOf('\n') + 1);
  }

  @Test
  void kentChecksAndDrawsItsLadder() throws IOException {
    Analysis a = new DocumentService().update(URI, 1, kent());
    assertTrue(a.current());
    assertTrue(a.ladder().orElseThrow().startsWith("<svg"), a.ladder().orElseThrow());
    assertTrue(a.diagnostics().stream().anyMatch(d -> d.code() == Code.W0601));
  }

  @Test
  void aBrokenVersionKeepsTheLastGoodModelAndIndex() throws IOException {
    DocumentService service = new DocumentService();
    String kent = kent();
    service.update(URI, 1, kent);
    Analysis broken = service.update(URI, 2, kent.replace("stage 2 \"Stage 2", "stage 2 {{"));
    assertFalse(broken.current());
    assertTrue(broken.lastGood().isPresent());
    assertTrue(broken.ladder().isPresent());
    assertFalse(broken.index().symbols(SymbolKind.ROLE).isEmpty());
    assertTrue(broken.diagnostics().stream().anyMatch(d -> d.code().name().startsWith("E01")));
  }

  @Test
  void anOlderVersionDoesNotReplaceANewerOne() throws IOException {
    DocumentService service = new DocumentService();
    service.update(URI, 5, kent());
    Analysis stale = service.update(URI, 4, "protocol \"x\" {}");
    assertEquals(5, stale.version());
  }

  @Test
  void aHugeDocumentIsRefusedAndThePreviousKept() throws IOException {
    DocumentService service = new DocumentService();
    service.update(URI, 1, kent());
    assertThrows(DocumentService.DocumentTooLarge.class,
        () -> service.update(URI, 2, "#".repeat(DocumentService.MAX_CHARS + 1)));
    assertEquals(1, service.analysis(URI).orElseThrow().version());
  }

  @Test
  void theDocumentOpenedLongestAgoIsForgottenPastTheLimit() {
    DocumentService service = new DocumentService();
    for (int i = 0; i <= DocumentService.MAX_DOCUMENTS; i++) {
      service.update("file:///d" + i + ".esc", 1, "protocol \"p\" {}");
    }
    assertEquals(DocumentService.MAX_DOCUMENTS, service.open().size());
    assertTrue(service.analysis("file:///d0.esc").isEmpty());
    assertTrue(service.analysis("file:///d1.esc").isPresent());
  }

  @Test
  void aRoleIsDeclaredOnceAndUsedWhereTheLadderNamesIt() throws IOException {
    String kent = kent();
    Analysis a = new DocumentService().update(URI, 1, kent);
    Occurrence use = a.index().at(caret(kent, "stage 2 \"", "TeamManager")).orElseThrow();
    assertEquals(SymbolKind.ROLE, use.symbol().kind());
    assertFalse(use.declaration());
    List<Occurrence> all = a.index().occurrencesOf(use.symbol());
    assertTrue(all.get(0).declaration());
    assertEquals(caret(kent, "role TeamManager", "TeamManager").line(), all.get(0).span().line());
    assertTrue(all.size() >= 5, all.toString());
  }

  @Test
  void aStageHoverSaysWhatTheStageResolvesTo() throws IOException {
    String kent = kent();
    Analysis a = new DocumentService().update(URI, 1, kent);
    String hover = Hovers.at(a, caret(kent, "when not resolved go to stage 2", "2")).orElseThrow()
        .markdown();
    assertEquals("stage 2 \"Stage 2: to Team Manager\": to TeamManager, respond within 5 working"
        + " days, then stage 3 when no response", hover);
  }

  @Test
  void aMisspeltRoleIsFixedByItsSuggestion() throws IOException {
    String text = kent().replace("    to TeamManager\n", "    to TeamManagr\n");
    Analysis a = new DocumentService().update(URI, 1, text);
    Diagnostic d = a.diagnostics().stream().filter(x -> x.help().orElse("").contains("did you"))
        .findFirst().orElseThrow();
    List<Fix> fixes = Fixes.of(d);
    assertEquals(1, fixes.size());
    assertEquals("TeamManager", fixes.get(0).replacement());
    assertEquals(d.span(), fixes.get(0).span());
    assertTrue(Hovers.at(a, caret(text, "stage 2 \"", "TeamManagr")).orElseThrow().markdown()
        .contains("did you mean `TeamManager`?"));
  }

  @Test
  void daysWithoutAUnitOffersBothReadings() throws IOException {
    String text = kent().replaceFirst("respond within 5 working days", "respond within 5 days");
    Analysis a = new DocumentService().update(URI, 1, text);
    Diagnostic d = a.diagnostics().stream().filter(x -> x.code() == Code.E0301).findFirst()
        .orElseThrow();
    assertEquals(List.of("5 working days", "5 calendar days"),
        Fixes.of(d).stream().map(Fix::replacement).toList());
    int start = d.span().column() - 1;
    assertEquals("5 days", text.split("\n")[d.span().line() - 1]
        .substring(start, d.span().endColumn() - 1));
  }

  @Test
  void completionOffersRolesAfterToAndStagesAfterGoTo() throws IOException {
    String kent = kent();
    DocumentService service = new DocumentService();
    service.update(URI, 1, kent);
    String typing = kent.replace("    to TeamManager\n", "    to Team\n");
    Analysis a = service.update(URI, 2, typing);
    Position p = caret(typing, "stage 2 \"", "Team\n");
    List<String> labels = Completions.at(a, new Position(p.line(), p.column() + 4)).stream()
        .map(Completion::label).toList();
    assertEquals(List.of("TeamManager"), labels);
    assertTrue(Completions.kindsAfter("    when no response go to ").contains(SymbolKind.STAGE));
    assertTrue(Completions.kindsAfter("    only if ").contains(SymbolKind.ATTRIBUTE));
    assertEquals(java.util.Set.of(SymbolKind.FORM), Completions.kindsAfter("    record "));
  }

  @Test
  void renameFindsEveryStageReferenceAndRefusesABadName() throws IOException {
    String kent = kent();
    Analysis a = new DocumentService().update(URI, 1, kent);
    Symbol stage2 = a.index().symbol(SymbolKind.STAGE, "2").orElseThrow();
    assertTrue(Renames.of(a, stage2, "team").size() >= 2);
    assertThrows(IllegalArgumentException.class, () -> Renames.of(a, stage2, "3"));
    assertThrows(IllegalArgumentException.class, () -> Renames.of(a, stage2, "two words"));
  }

  @Test
  void theOutlineIsTheLadderInOrder() throws IOException {
    Analysis a = new DocumentService().update(URI, 1, kent());
    List<String> stages = Outline.of(a).stream()
        .filter(e -> e.symbol().kind() == SymbolKind.STAGE).map(e -> e.symbol().name()).toList();
    assertEquals(List.of("informal", "1", "2", "3", "4", "5", "6"), stages);
  }
}
