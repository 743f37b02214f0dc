package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.escalon.compiler.Compilation;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.compiler.generate.GeneratedFile;
import org.escalon.compiler.generate.JavaGenerator;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/codegen.md} cannot drift from the generator: its protocol is generated into the
 * package the page names, its host example is compiled against that code (under {@code
 * -Xlint:all -Werror}) and run, and what it prints is what the page says it prints.
 */
class CodegenDocsTest {

  private static final Pattern BLOCK = Pattern.compile("^```(\\w+)\\s*\\n(.*?)^```",
      Pattern.MULTILINE | Pattern.DOTALL);

  @Test
  void theWalkthroughCompilesRunsAndPrintsWhatThePageSays() throws Exception {
    String page = Repository.read(Repository.root().resolve("docs/codegen.md"));
    String esc = block(page, "esc", 0);
    String host = block(page, "java", 0);
    int shown = page.indexOf("`Walkthrough.run()` gives:");
    assertTrue(shown > 0, "the page shows what the walkthrough prints");
    String expected = block(page.substring(shown), "text", 0);

    Compilation c = new EscalonCompiler().compile(SourceText.of("complaint.esc", esc));
    assertTrue(c.succeeded(), c.diagnostics().sorted().toString());
    Map<String, String> sources = new LinkedHashMap<>();
    for (GeneratedFile f : new JavaGenerator().generate(c.protocol().orElseThrow(),
        "org.example.escalation", "Complaint")) {
      sources.put(f.qualifiedName(), f.text());
    }
    sources.put("org.example.host.Walkthrough", host);
    InMemoryJavac.Result result = InMemoryJavac.compile(sources);
    assertTrue(result.compiled(), String.join("\n", result.messages()));
    Object printed = result.loader().loadClass("org.example.host.Walkthrough")
        .getMethod("run").invoke(null);
    assertEquals(expected, printed);
  }

  private static String block(String text, String language, int index) {
    Matcher m = BLOCK.matcher(text);
    int n = 0;
    while (m.find()) {
      if (m.group(1).equals(language) && n++ == index) {
        return m.group(2);
      }
    }
    throw new AssertionError("no ```" + language + " block number " + index);
  }
}
