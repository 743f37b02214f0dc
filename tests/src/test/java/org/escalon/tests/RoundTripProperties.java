package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.escalon.compiler.ast.ProtocolFile;
import org.escalon.compiler.diagnostics.Diagnostics;
import org.escalon.compiler.format.AstPrinter;
import org.escalon.compiler.format.SpanEraser;
import org.escalon.compiler.syntax.SourceParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For every protocol in {@code protocols/}: parse(print(ast)) equals ast, spans aside, and
 * formatting is idempotent. (Generated protocols are covered by {@code AstPrinterProperties}.)
 * Each seed is also kept in the canonical layout, so that `escalon fmt` changes nothing in it and
 * the line numbers its policy map ({@code .md}) cites stay true after an author formats it.
 */
class RoundTripProperties {

  @TestFactory
  Stream<DynamicTest> printingThenParsingGivesTheSameTree() {
    return Repository.protocols().stream().map(p -> DynamicTest.dynamicTest(
        p.getFileName().toString(), () -> {
          ProtocolFile ast = parse(p.toString(), Repository.read(p));
          String printed = new AstPrinter().print(ast);
          ProtocolFile again = parse(p + " (formatted)", printed);
          assertEquals(SpanEraser.erase(ast), SpanEraser.erase(again), "round trip of " + p);
          assertEquals(printed, new AstPrinter().print(again), "fmt is idempotent on " + p);
        }));
  }

  @TestFactory
  Stream<DynamicTest> everySeedIsInTheCanonicalLayout() {
    return Repository.protocols().stream().map(p -> DynamicTest.dynamicTest(
        p.getFileName().toString(), () -> {
          String source = Repository.read(p);
          assertEquals(new AstPrinter().print(parse(p.toString(), source)), source,
              p + " is not in the layout `escalon fmt` prints: run `escalon fmt " + p
                  + "` and renumber the line references of its .md");
        }));
  }

  private static ProtocolFile parse(String path, String text) {
    Diagnostics diagnostics = new Diagnostics();
    Optional<ProtocolFile> ast = new SourceParser().parse(path, text, diagnostics);
    assertEquals(List.of(), diagnostics.all(), "syntax errors in " + path);
    return ast.orElseThrow();
  }
}
