package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract: exit codes, no stack traces, and `fmt` never losing a file. */
class CliTest {

  private static final String MESSY = "protocol \"P\" {  raised by IRO role IRO \"I\"\n"
      + "role TeamManager \"T\" stage 1 \"S\" { to TeamManager respond within 5 working days "
      + "when not resolved go to unresolved source \"s\" }\n"
      + "outcome unresolved \"U\" { notify IRO source \"s\" } }\n";

  @TempDir Path dir;

  @Test
  void versionAndHelpExitZero() {
    Repository.Run version = Repository.cli("--version");
    assertEquals(0, version.exitCode());
    assertTrue(version.out().startsWith("escalon "), version.out());
    Repository.Run help = Repository.cli("--help");
    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("check") && help.out().contains("fmt")
        && help.out().contains("explain"), help.out());
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, Repository.cli("check").exitCode(), "no file given");
    assertEquals(2, Repository.cli("frobnicate").exitCode(), "unknown command");
    assertEquals(2, Repository.cli("check", "--format").exitCode(), "option without value");
    assertEquals(2, Repository.cli().exitCode(), "no command");
  }

  @Test
  void aMissingFileIsAnInputErrorNotACrash() {
    Repository.Run run = Repository.cli("check", dir.resolve("nope.esc").toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("error[E0107]"), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
  }

  @Test
  void shortFormatIsOneLinePerDiagnostic() throws IOException {
    Path file = dir.resolve("p.esc");
    Files.writeString(file, MESSY.replace("5 working days", "5 days"));
    Repository.Run run = Repository.cli("check", "--format", "short", file.toString());
    assertEquals(1, run.exitCode());
    assertEquals(file + ":2:66: error[E0301]: `5 days` does not say which days\n", run.err());
  }

  @Test
  void fmtRewritesCanonicallyAndCheckReportsWithoutWriting() throws IOException {
    Path file = dir.resolve("p.esc");
    Files.writeString(file, MESSY);
    Repository.Run check = Repository.cli("fmt", "--check", file.toString());
    assertEquals(1, check.exitCode());
    assertEquals(MESSY, Files.readString(file), "--check changes nothing");
    Repository.Run fmt = Repository.cli("fmt", file.toString());
    assertEquals(0, fmt.exitCode(), fmt.err());
    String formatted = Files.readString(file);
    assertTrue(formatted.contains("\n  stage 1 \"S\" {\n"), formatted);
    assertEquals(0, Repository.cli("fmt", "--check", file.toString()).exitCode());
    assertEquals(0, Repository.cli("check", "--quiet", file.toString()).exitCode());
  }

  @Test
  void fmtLeavesAFileWithSyntaxErrorsAlone() throws IOException {
    Path file = dir.resolve("broken.esc");
    String broken = MESSY.replace("respond within", "respond inside");
    Files.writeString(file, broken);
    Repository.Run run = Repository.cli("fmt", file.toString());
    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("error[E0101]"), run.err());
    assertEquals(broken, Files.readString(file));
  }
}
