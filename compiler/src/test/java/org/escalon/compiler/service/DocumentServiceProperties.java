package org.escalon.compiler.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever is typed, wherever: the service answers every question an editor asks without
 * throwing, about positions inside the text, and keeps the last good model once it had one.
 */
class DocumentServiceProperties {

  private static final String KENT = read();

  private static String read() {
    try {
      return DocumentServiceTest.kent();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Property(tries = 100)
  void anEditAnywhereIsAnsweredAndEveryAnswerPointsIntoTheText(
      @ForAll @IntRange(min = 0, max = 100_000) int where,
      @ForAll @IntRange(min = 0, max = 12) int deleted,
      @ForAll @CharRange(from = ' ', to = '~') char typed,
      @ForAll @IntRange(min = 1, max = 260) int line,
      @ForAll @IntRange(min = 1, max = 120) int column) {
    DocumentService service = new DocumentService();
    service.update(DocumentServiceTest.URI, 1, KENT);
    int at = where % KENT.length();
    String edited = KENT.substring(0, at) + typed
        + KENT.substring(Math.min(KENT.length(), at + deleted));
    Analysis a = service.update(DocumentServiceTest.URI, 2, edited);
    assertEquals(2, a.version());
    assertTrue(a.lastGood().isPresent());
    int lines = a.source().lines().size();
    for (Occurrence o : a.index().occurrences()) {
      // a broken version answers from the last version that parsed, whose lines may differ
      assertTrue(o.span().line() >= 1, o.toString());
    }
    if (a.current()) {
      for (Occurrence o : a.index().occurrences()) {
        assertTrue(o.span().endLine() <= lines, o.toString());
      }
    }
    Position caret = new Position(line, column);
    Hovers.at(a, caret);
    Completions.at(a, caret);
    Fixes.of(a.diagnostics());
    Outline.of(a);
  }
}
