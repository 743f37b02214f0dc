package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.escalon.compiler.diagnostics.Code;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * UI tests: each {@code ui/*.esc} is a broken protocol whose first lines say which codes it must
 * produce ({@code # expect: E0201}); its rendered diagnostics are compared with the {@code .stderr}
 * file beside it. A case that says {@code # run: verify} is run through the verifier. Refresh the expected files with {@code -Dgolden.update=true} and review the diff.
 */
class UiTest {

  private static final Path CASES = Path.of("src/test/resources/ui");
  private static final Pattern EXPECT = Pattern.compile("^# expect: ([EW]\\d{4})", Pattern.MULTILINE);
  private static final Pattern RUN = Pattern.compile("^# run: verify(.*)$", Pattern.MULTILINE);
  private static final Pattern REPORTED = Pattern.compile("^(?:error|warning)\\[([EW]\\d{4})]",
      Pattern.MULTILINE);

  @TestFactory
  Stream<DynamicTest> everyCaseRendersAsExpected() throws IOException {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(),
        () -> check(c)));
  }

  private static void check(Path esc) throws IOException {
    Repository.Run run = Repository.cli(command(esc));
    Set<String> expected = expectedCodes(esc);
    Set<String> reported = new TreeSet<>();
    Matcher m = REPORTED.matcher(run.err());
    while (m.find()) {
      reported.add(m.group(1));
    }
    assertFalse(expected.isEmpty(), esc + " says no `# expect:` code");
    assertTrue(reported.containsAll(expected),
        esc + ": expected " + expected + " but got " + reported + "\n" + run.err());
    boolean anyError = reported.stream().anyMatch(c -> c.startsWith("E"));
    assertEquals(anyError ? 1 : 0, run.exitCode(), "exit code of " + esc);
    assertFalse(run.err().contains("Exception"), "a stack trace for bad input:\n" + run.err());
    Path golden = Path.of(esc.toString().replaceAll("\\.esc$", ".stderr"));
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, run.err());
    }
    assertTrue(Files.exists(golden), golden + " is missing: run with -Dgolden.update=true");
    assertEquals(Files.readString(golden), run.err(), "rendered diagnostics of " + esc);
  }

  @Test
  void everyCodeHasAnExplanationAndAUiCase() throws IOException {
    Set<String> covered = new TreeSet<>();
    for (Path c : cases()) {
      covered.addAll(expectedCodes(c));
    }
    List<String> missing = new ArrayList<>();
    for (Code code : Code.values()) {
      String explanation = code.explanation();
      assertTrue(explanation.startsWith("# " + code.name() + ": " + code.title()),
          "explanation of " + code + " starts with its title");
      if (!covered.contains(code.name())) {
        missing.add(code.name());
      }
    }
    assertEquals(List.of(), missing, "codes without a UI case");
    assertTrue(Code.values().length >= 30, "at least 30 codes");
  }

  @Test
  void explainPrintsTheExplanation() {
    Repository.Run run = Repository.cli("explain", "E0301");
    assertEquals(0, run.exitCode());
    assertEquals(Code.E0301.explanation(), run.out());
    Repository.Run unknown = Repository.cli("explain", "E9999");
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().contains("not a diagnostic code"), unknown.err());
  }

  /**
   * {@code check --quiet FILE}, or for the verifier's cases, which say {@code # run: verify ARGS},
   * {@code verify --quiet --no-time ARGS FILE}.
   */
  private static String[] command(Path esc) throws IOException {
    String file = esc.toString().replace('\\', '/');
    Matcher m = RUN.matcher(new String(Files.readAllBytes(esc),
        java.nio.charset.StandardCharsets.ISO_8859_1));
    if (!m.find()) {
      return new String[] {"check", "--quiet", file};
    }
    List<String> args = new ArrayList<>(List.of("verify", "--quiet", "--no-time"));
    args.addAll(Arrays.asList(m.group(1).trim().split("\\s+")).stream()
        .filter(a -> !a.isEmpty()).toList());
    args.add(file);
    return args.toArray(String[]::new);
  }

  private static List<Path> cases() throws IOException {
    try (Stream<Path> files = Files.list(CASES)) {
      return files.filter(p -> p.toString().endsWith(".esc")).sorted().toList();
    }
  }

  private static Set<String> expectedCodes(Path esc) throws IOException {
    String head = new String(Files.readAllBytes(esc), java.nio.charset.StandardCharsets.ISO_8859_1);
    Set<String> codes = new TreeSet<>();
    Matcher m = EXPECT.matcher(head);
    while (m.find()) {
      codes.add(m.group(1));
    }
    if (codes.isEmpty()) {
      // cases that cannot hold a comment (an unreadable file) name their code in the file name
      String name = esc.getFileName().toString();
      Arrays.stream(Code.values()).map(Code::name).filter(name::startsWith)
          .forEach(codes::add);
    }
    return codes.stream().collect(Collectors.toCollection(TreeSet::new));
  }
}
