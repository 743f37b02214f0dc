package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One test per reproducer in {@code reliability/} (copied from the attack report, with its
 * README): each once gave an internal error, a trace, a hang or a wrong verdict; now each gives a
 * diagnostic with a code, or works. Whatever the case, never exit 70 and never a stack trace.
 */
class ReliabilityTest {

  private static final Path CASES = Path.of("src/test/resources/reliability");
  private static final String KENT = Repository.root().resolve("protocols/kent-iro.esc").toString();

  @TempDir Path out;

  /**
   * Arguments are split on {@code ;}; {@code R/x} is the reproducer {@code x}, {@code KENT} is
   * Kent's protocol, {@code OUT} a fresh folder. The exit code and a text the output must hold.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "simulate Kent from 2100-12-01 | simulate;KENT;--start;2100-12-01 | 1 | error[E0310]",
      "verify Kent from 2100-12-01 | verify;KENT;--start;2100-12-01 | 1 | error[E0310]",
      "report Kent from 2100-12-01 | report;KENT;--start;2100-12-01;-o;OUT/k.html | 1 "
          + "| error[E0310]",
      "36,500 working days, checked | check;R/r4-36500-working-days.esc | 0 | 1 protocol checked",
      "36,500 working days, simulated | simulate;R/r4-36500-working-days.esc;--start;2026-12-14 "
          + "| 1 | the working-day calendar counts from 1970-01-01 to 2100-12-31",
      "scenario starting in 2101 | simulate;KENT;--scenario;R/r4-scenario-start-2101.scenario "
          + "| 1 | the start 2101-12-14 is outside the years the calendar knows",
      "eleven-digit timescale | check;R/r4-clamped-number.esc | 1 | error[E0311]",
      "timescale of 2^31-1 | check;R/r4-int-overflow-limit.esc | 1 | error[E0311]",
      "1,300 brackets | check;R/r6-check-stackoverflow-1300-brackets.esc | 1 | error[E0108]",
      "1,200 or, compiled | compile;R/r6-compile-stackoverflow-1200-or.esc;--out;OUT;--package;p "
          + "| 1 | error[E0108]",
      "always always ..., verified | verify;R/r6-verify-stackoverflow.esc | 1 | error[E0108]",
      "behaviour for a stage that does not exist "
          + "| simulate;KENT;--cases;10;--behaviour;R/r11-unknown-stage.behaviour | 1 "
          + "| there is no stage `nosuch`",
      "/dev/zero as a protocol | check;/dev/zero | 1 | error[E0107]",
      "/dev/urandom as a protocol | check;/dev/urandom | 1 | is not an ordinary file",
      "/dev/zero as a scenario | simulate;KENT;--scenario;/dev/zero | 2 | is not an ordinary file",
      "/dev/zero as a behaviour | simulate;KENT;--cases;10;--behaviour;/dev/zero | 2 "
          + "| is not an ordinary file",
      "a folder as a scenario | simulate;KENT;--scenario;OUT | 2 | is not an ordinary file",
      "a title of 22,000 CJK characters | compile;R/r9-title-22000-cjk.esc;--out;OUT;--package;p "
          + "| 1 | error[E0312]",
  })
  void givesADiagnosticOrWorks(String what, String args, int exit, String expected) {
    Repository.Run run = run(args);
    assertEquals(exit, run.exitCode(), what + ":\n" + run.out() + run.err());
    assertTrue((run.out() + run.err()).contains(expected), what + ":\n" + run.out() + run.err());
  }

  @Test
  void aFifoIsRefusedWithoutBlocking() throws IOException, InterruptedException {
    Path fifo = out.resolve("pipe.esc");
    Process mk;
    try {
      mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      System.out.println("skipped: mkfifo is not on this machine, so no FIFO to give");
      return;
    }
    assertEquals(0, mk.waitFor(), "mkfifo");
    for (String args : List.of("check;" + fifo, "simulate;KENT;--scenario;" + fifo,
        "simulate;KENT;--cases;5;--behaviour;" + fifo)) {
      Repository.Run run = run(args);
      assertTrue(run.err().contains("is not an ordinary file"), args + ": " + run.err());
    }
  }

  /** A protocol saved as {@code unmet.esc} named its class after the machine's nested Unmet. */
  @Test
  void aProtocolNamedLikeAGeneratedTypeCompilesWithJavac() throws IOException {
    for (String name : List.of("unmet", "status", "exception", "stage", "runtime")) {
      Path esc = out.resolve(name + ".esc");
      Files.copy(CASES.resolve("r9-unmet.esc"), esc);
      Map<String, String> sources = new LinkedHashMap<>();
      GeneratedJavaTest.generate(esc).forEach(f -> sources.put(f.qualifiedName(), f.text()));
      InMemoryJavac.Result result = InMemoryJavac.compile(sources);
      assertTrue(result.compiled(), name + ".esc: " + String.join("\n", result.messages()));
    }
  }

  @Test
  void theLargeSeedCasesStillWork() {
    // the control files, one below each old limit, still verify as before
    assertEquals(1, run("verify;R/r1a-64-stages-control.esc").exitCode());
    Repository.Run roles = run("verify;R/r1b-16-roles-control.esc");
    assertTrue(roles.err().contains("error[E0606]"), roles.err());
  }

  private Repository.Run run(String args) {
    List<String> argv = new ArrayList<>();
    for (String a : args.split(";")) {
      argv.add(a.equals("KENT") ? KENT
          : a.startsWith("R/") ? CASES.resolve(a.substring(2)).toString()
          : a.replace("OUT", out.toString()));
    }
    Repository.Run run = Repository.cli(argv.toArray(String[]::new));
    assertFalse(run.exitCode() == 70, args + " was an internal error:\n" + run.err());
    assertFalse(run.err().contains("Exception") || run.err().contains("\tat "),
        args + " printed a trace:\n" + run.err());
    return run;
  }

}
