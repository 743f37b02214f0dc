package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code escalon compile}: what it writes, what it says, and its exit codes. */
class CompileCommandTest {

  @TempDir Path dir;

  @Test
  void compilesEveryProtocolToItsGoldenJava() throws IOException {
    Path out = dir.resolve("src");
    Repository.Run run = Repository.cli("compile", Repository.root().resolve("protocols")
        .toString(), "--out", out.toString(), "--package", GeneratedJavaTest.PACKAGE);
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().endsWith("6 protocols compiled to Java, 0 with errors\n"), run.out());
    assertTrue(run.out().contains("kent-iro.esc -> org/escalon/protocols/KentIro.java, "
        + "org/escalon/protocols/KentIroModel.java"), run.out());
    Path folder = out.resolve("org/escalon/protocols");
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(12, files.count());
    }
    assertEquals(Files.readString(Path.of("src/test/resources/golden/java/KentIro.java.txt")),
        Files.readString(folder.resolve("KentIro.java")));
  }

  @Test
  void conformanceTestsDriveTheGeneratedMachineAndCompileWithIt() throws IOException {
    Path out = dir.resolve("src");
    Path tests = dir.resolve("test");
    Repository.Run run = Repository.cli("compile", Repository.root().resolve(
        "protocols/kent-iro.esc").toString(), "--out", out.toString(), "--package", "org.example",
        "--conformance-tests", tests.toString());
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("kent-iro.esc -> org/example/KentIro.java, "
        + "org/example/KentIroModel.java, org/example/KentIroConformanceProperties.java"),
        run.out());
    String test = Files.readString(tests.resolve("org/example/KentIroConformanceProperties.java"));
    assertTrue(test.contains("public class KentIroConformanceProperties {")
        && test.contains("return new KentIro();"), "a concrete class on the machine: " + test);
    java.util.Map<String, String> sources = new java.util.TreeMap<>();
    for (String name : java.util.List.of("KentIro", "KentIroModel")) {
      sources.put("org.example." + name, Files.readString(out.resolve("org/example/" + name
          + ".java")));
    }
    sources.put("org.example.KentIroConformanceProperties", test);
    InMemoryJavac.Result compiled = InMemoryJavac.compile(sources);
    assertTrue(compiled.compiled(), "" + compiled.messages());
  }

  @Test
  void aBadPackageIsAUsageError() {
    Repository.Run run = Repository.cli("compile", "x.esc", "--out", dir.toString(),
        "--package", "org.example.class");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("`org.example.class` is not a Java package name"), run.err());
    assertEquals(2, Repository.cli("compile", "x.esc", "--package", "p").exitCode(),
        "no --out");
  }

  @Test
  void aBrokenProtocolWritesNothingAndSaysWhere() throws IOException {
    Path file = dir.resolve("broken.esc");
    Files.writeString(file, "protocol \"P\" {\n  raised by IRO\n  role IRO \"I\"\n"
        + "  stage 1 \"S\" { to Nobody respond within 5 days }\n}\n");
    Path out = dir.resolve("out");
    Repository.Run run = Repository.cli("compile", "--format", "short", file.toString(), "--out",
        out.toString(), "--package", "p");
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("broken.esc:4:"), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
    assertFalse(Files.exists(out), "nothing is written for a protocol with errors");
    assertTrue(run.out().contains("0 protocols compiled to Java, 1 with errors"), run.out());
  }

  @Test
  void aMissingFileIsAnInputError() {
    Repository.Run run = Repository.cli("compile", dir.resolve("nope.esc").toString(), "--out",
        dir.toString(), "--package", "p");
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("error[E0107]"), run.err());
  }

  @Test
  void twoFilesForOneClassAreRefused() throws IOException {
    Path a = Files.createDirectories(dir.resolve("a")).resolve("kent-iro.esc");
    Path b = Files.createDirectories(dir.resolve("b")).resolve("kent_iro.esc");
    Files.copy(Repository.root().resolve("protocols/kent-iro.esc"), a);
    Files.copy(Repository.root().resolve("protocols/kent-iro.esc"), b);
    Repository.Run run = Repository.cli("compile", a.toString(), b.toString(), "--out",
        dir.resolve("out").toString(), "--package", "p");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("would both be the class `KentIro`"), run.err());
  }
}
