package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.escalon.compiler.Compilation;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.compiler.diagnostics.SourceText;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The language reference and the README cannot drift from the compiler: every ```esc block in them
 * is a protocol that checks without errors, and every ```esc-error CODE block produces that code.
 */
class DocsExamplesTest {

  private static final Pattern BLOCK =
      Pattern.compile("^```(esc(?:-error ([EW]\\d{4}))?)\\s*\\n(.*?)^```", Pattern.MULTILINE | Pattern.DOTALL);

  record Example(String file, int line, String expectedCode, String text) {}

  @TestFactory
  Stream<DynamicTest> everyExampleChecksAsItSays() {
    return Stream.of("docs/language.md", "README.md")
        .flatMap(f -> examples(f).stream())
        .map(e -> DynamicTest.dynamicTest(e.file() + ":" + e.line(), () -> check(e)));
  }

  @Test
  void theReferenceHasManyTestedExamples() {
    assertTrue(examples("docs/language.md").size() >= 25,
        "every construct has an example: " + examples("docs/language.md").size());
  }

  private static void check(Example e) {
    // named by where it stands, so that an example built on another finds its base beside it
    Compilation c = new EscalonCompiler().compile(SourceText.of(
        Repository.root().resolve(e.file()) + ":" + e.line(), e.text()));
    List<String> codes = c.diagnostics().sorted().stream().map(d -> d.code().name()).toList();
    if (e.expectedCode() == null) {
      assertTrue(!c.diagnostics().hasErrors(), "example at " + e.file() + ":" + e.line()
          + " has errors: " + c.diagnostics().sorted().stream().map(Diagnostic::message).toList());
    } else {
      assertTrue(codes.contains(e.expectedCode()), "example at " + e.file() + ":" + e.line()
          + " should produce " + e.expectedCode() + " but gave " + codes);
    }
  }

  static List<Example> examples(String file) {
    String text = Repository.read(Repository.root().resolve(Path.of(file)));
    List<Example> found = new ArrayList<>();
    Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      int line = (int) text.substring(0, m.start()).chars().filter(ch -> ch == '\n').count() + 1;
      found.add(new Example(file, line, m.group(2), m.group(3)));
    }
    return found;
  }
}
