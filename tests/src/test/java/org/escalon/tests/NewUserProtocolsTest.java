package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.escalon.compiler.Compilation;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Policies the language was not designed from, written by a new user with only the language
 * reference in hand (see the .md beside each): they must check cleanly with the grammar as it is.
 */
class NewUserProtocolsTest {

  private static final Path DIR = Path.of("src/test/resources/new-user");

  @TestFactory
  Stream<DynamicTest> policiesNotInTheSeedsCanBeExpressed() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(DIR)) {
      files = list.filter(p -> p.toString().endsWith(".esc")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "no new-user protocols in " + DIR);
    return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
      Compilation c = new EscalonCompiler().compile(SourceText.of(p.toString(), Files.readString(p)));
      assertTrue(c.succeeded(), () -> p + ": " + c.diagnostics().sorted());
      assertEquals(List.of(), c.diagnostics().sorted(), p + " has warnings");
      assertTrue(Files.exists(Path.of(p.toString().replaceAll("\\.esc$", ".md"))),
          "the notes beside " + p);
    }));
  }
}
