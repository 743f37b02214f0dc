package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.escalon.compiler.verify.PromelaExporter;
import org.escalon.compiler.verify.Verification;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A second opinion: each protocol of protocols/ and each of their mutants is exported to Promela
 * and checked by SPIN, claim by claim (every path ends, each stage and outcome reached, each
 * property and limit, the worst total to each outcome), and SPIN must agree with the verifier on
 * every one. Runs where {@code spin} and {@code gcc} are installed ({@code .ci/run} installs
 * them); skipped elsewhere.
 */
class SpinAgreementTest {

  private static final Pattern ERRORS = Pattern.compile("errors: (\\d+)");

  @TestFactory
  Stream<DynamicTest> spinAgreesWithTheVerifier() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : Repository.protocols()) {
      Protocol original = VerifierMutationTest.compile(file);
      String name = file.getFileName().toString();
      tests.add(DynamicTest.dynamicTest(name, () -> agree(name, original)));
      for (Mutants.Mutant m : Mutants.of(original)) {
        tests.add(DynamicTest.dynamicTest(name + ": " + m.name(),
            () -> agree(name + ": " + m.name(), m.protocol())));
      }
    }
    // the small protocols that show one construct each, which no seed may use yet
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/constructs"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".esc")).sorted().toList()) {
        String name = file.getFileName().toString();
        tests.add(DynamicTest.dynamicTest(name, () -> agree(name,
            VerifierMutationTest.compile(file))));
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return tests.stream();
  }

  private static void agree(String name, Protocol protocol) throws Exception {
    Assumptions.assumeTrue(installed("spin", "-V") && installed("gcc", "--version"),
        "spin and gcc are not installed (apt-get install spin gcc)");
    Verification v = VerifierMutationTest.verify(protocol);
    PromelaExporter exporter = new PromelaExporter(protocol);
    String model = exporter.export(Optional.of(v));
    Path dir = Files.createTempDirectory("escalon-spin");
    try {
      Files.writeString(dir.resolve("model.pml"), model, StandardCharsets.UTF_8);
      run(dir, 120, "spin", "-a", "model.pml");
      run(dir, 300, "gcc", "-O0", "-w", "-o", "pan", "pan.c");
      Map<String, String> spin = new LinkedHashMap<>();
      Map<String, String> verifier = new LinkedHashMap<>();
      for (PromelaExporter.ClaimName c : exporter.claimNames(v)) {
        String output = run(dir, 300, "./pan", "-a", "-m1000000", "-N", c.name());
        assertFalse(output.contains("max search depth too small"), name + ": " + c.name());
        Matcher m = ERRORS.matcher(output);
        assertTrue(m.find(), name + ": no verdict from SPIN for " + c.name() + "\n" + output);
        spin.put(c.name(), m.group(1).equals("0") ? "holds" : "fails");
        verifier.put(c.name(), c.says());
      }
      assertEquals(verifier, spin, name + ": SPIN and the verifier disagree");
    } finally {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(dir);
    }
  }

  private static boolean installed(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String run(Path dir, int seconds, String... command) throws Exception {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(seconds, TimeUnit.SECONDS), String.join(" ", command) + " took too long");
    if (!command[0].equals("./pan")) {
      assertEquals(0, p.exitValue(), String.join(" ", command) + ":\n" + output);
    }
    return output;
  }
}
