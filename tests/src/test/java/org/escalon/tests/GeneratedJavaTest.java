package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.escalon.compiler.generate.GeneratedFile;
import org.escalon.compiler.generate.JavaGenerator;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The generated Java of every protocol in {@code protocols/}: equal to its golden file under
 * {@code src/test/resources/golden/java/} (refreshed with {@code -Dgolden.update=true}, reviewed
 * with {@code git diff}), byte-identical when generated twice, compiling under {@code -Xlint:all
 * -Werror}, and with Javadoc on every type, method and field, citing the policy on the class and
 * on every event a host can send.
 */
class GeneratedJavaTest {

  static final String PACKAGE = "org.escalon.protocols";
  private static final Path GOLDEN = Path.of("src/test/resources/golden/java");

  /** A declaration: modifiers, then a type or a method or field name. */
  private static final Pattern DECLARATION = Pattern.compile(
      "^\\s*(public|private|protected|static|final|default)\\b(?!\\s*->).*(\\(|=|;|\\{)\\s*$");
  private static final Pattern ENUM_CONSTANT = Pattern.compile("^\\s+[A-Z][A-Z0-9_]*\\(.*[,;]$");

  static List<GeneratedFile> generate(Path esc) {
    Protocol protocol = ProtocolsTest.compile(esc).protocol().orElseThrow();
    return new JavaGenerator().generate(protocol, PACKAGE,
        JavaGenerator.className(esc.getFileName().toString()));
  }

  @TestFactory
  Stream<DynamicTest> generatedJavaEqualsItsGoldenFile() {
    return Repository.protocols().stream().map(esc -> DynamicTest.dynamicTest(
        esc.getFileName().toString(), () -> {
          List<GeneratedFile> files = generate(esc);
          List<GeneratedFile> again = generate(esc);
          assertEquals(files, again, "generating twice gives other text");
          for (GeneratedFile file : files) {
            Path golden = GOLDEN.resolve(file.className() + ".java.txt");
            if (Boolean.getBoolean("golden.update")) {
              Files.createDirectories(GOLDEN);
              Files.writeString(golden, file.text());
            }
            assertTrue(Files.exists(golden), golden + " is missing: run with -Dgolden.update=true");
            assertEquals(Files.readString(golden), file.text(), "generated " + file.className()
                + " differs from " + golden + " (refresh with -Dgolden.update=true)");
          }
        }));
  }

  @Test
  void everyProtocolCompilesWithoutWarnings() {
    Map<String, String> sources = new LinkedHashMap<>();
    for (Path esc : Repository.protocols()) {
      generate(esc).forEach(f -> sources.put(f.qualifiedName(), f.text()));
    }
    InMemoryJavac.Result result = InMemoryJavac.compile(sources);
    assertTrue(result.compiled(), String.join("\n", result.messages()));
    assertEquals(List.of(), result.messages(), "javac had something to say");
  }

  @Test
  void everyDeclarationHasJavadocAndEventsCiteThePolicy() throws IOException {
    List<String> undocumented = new ArrayList<>();
    for (Path esc : Repository.protocols()) {
      for (GeneratedFile file : generate(esc)) {
        String[] lines = file.text().split("\n");
        for (int i = 0; i < lines.length; i++) {
          String line = lines[i];
          boolean declares = DECLARATION.matcher(line).matches()
              || ENUM_CONSTANT.matcher(line).matches();
          if (declares && !line.contains(" new ") && !documented(lines, i)) {
            undocumented.add(file.className() + ":" + (i + 1) + ": " + line.strip());
          }
        }
        String source = Files.readString(esc);
        String policy = "Policy: ";
        assertTrue(file.text().split("public final class|final class")[0].contains(policy)
            || !source.contains("source \""), file.className() + ": the class cites no policy");
      }
      String machine = generate(esc).get(0).text();
      for (String event : List.of("raise", "respond", "agree", "advise", "withdraw")) {
        int at = machine.indexOf("  public void " + event + "(");
        assertTrue(at > 0, "no event method " + event);
        String doc = machine.substring(machine.lastIndexOf("/**", at), at);
        assertTrue(doc.contains("Policy: "), event + " cites no policy in " + esc);
      }
    }
    assertEquals(List.of(), undocumented, "declarations without Javadoc");
  }

  /** Whether the lines above a declaration (annotations aside) end a Javadoc comment. */
  private static boolean documented(String[] lines, int i) {
    int j = i - 1;
    while (j >= 0 && lines[j].strip().startsWith("@")) {
      j--;
    }
    return j >= 0 && lines[j].strip().equals("*/");
  }
}
