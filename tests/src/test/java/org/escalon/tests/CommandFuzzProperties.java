package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.escalon.compiler.generate.GeneratedFile;
import org.escalon.compiler.generate.JavaGenerator;
import org.escalon.model.Protocol;

/**
 * The fuzzing gate: every command (check, fmt, simulate with a scenario or a behaviour, verify,
 * compile and javac, diagram, export, report) on mutated seed protocols and on random ladders,
 * with the scenario and behaviour files mutated too. Never an exception, never exit 70, and every
 * error or warning printed names its place ({@code -->}). The default build runs
 * {@value #DEFAULT_TRIES} tries (about a minute on CI's two cores: a try runs a whole command,
 * a report or a compile taking half a second); {@code -Dfuzz.factor=50} runs fifty inputs a
 * try, the 10,000, for a run behind the switch.
 */
class CommandFuzzProperties {

  static final int DEFAULT_TRIES = 200;

  private static final List<String> SEEDS =
      Repository.protocols().stream().map(Repository::read).toList();
  private static final List<String> SCENARIOS = scenarioTexts(".scenario");
  private static final List<String> BEHAVIOURS = scenarioTexts(".behaviour");
  private static final Pattern DIAGNOSTIC = Pattern.compile("^(?:error|warning)\\[[EW]\\d{4}]",
      Pattern.MULTILINE);
  private static final Path WORK = workFolder();
  private static final Map<String, long[]> TIMES = new TreeMap<>();

  /** One try: which text, how it is broken, which command runs on it. */
  record Try(int seed, MutationProperties.Mutation mutation, int command, int sideSeed,
      MutationProperties.Mutation sideMutation,
      boolean generated) {}

  private static final String[] COMMANDS = {"check", "fmt", "simulate", "simulate-scenario",
      "simulate-behaviour", "verify", "compile", "diagram", "export", "report"};

  // no edge cases: with a few hundred tries they would all but fill the run with `check` on the
  // first seed, and the point is to spread the tries over every command
  @Property(tries = DEFAULT_TRIES, edgeCases = EdgeCasesMode.NONE)
  void everyCommandOnBrokenInputGivesLocatedDiagnostics(@ForAll("tries") Try t)
      throws IOException {
    // -Dfuzz.factor=N runs N inputs a try, each from the try's choices moved on by k
    int factor = Integer.getInteger("fuzz.factor", 1);
    for (int k = 0; k < factor; k++) {
      MutationProperties.Mutation m = t.mutation();
      one(new Try(t.seed() + k, new MutationProperties.Mutation(m.seed() + k, (m.kind() + k) % 5,
          m.a() + k, m.b(), m.bit()), t.command() + k, t.sideSeed() + k, t.sideMutation(),
          t.generated()));
    }
  }

  private static void one(Try t) throws IOException {
    String text = t.generated() ? VerifierSoundnessTest.ladder(t.seed())
        : MutationProperties.mutate(SEEDS.get(t.seed() % SEEDS.size()), t.mutation());
    Path esc = WORK.resolve("fuzz.esc");
    Files.writeString(esc, text, StandardCharsets.UTF_8);
    String command = COMMANDS[t.command() % COMMANDS.length];
    List<String> args = new ArrayList<>();
    switch (command) {
      case "check" -> args.addAll(List.of("check", esc.toString()));
      case "fmt" -> args.addAll(List.of("fmt", "--check", esc.toString()));
      case "simulate" -> args.addAll(List.of("simulate", esc.toString(), "--start", "2026-12-14",
          "--format", List.of("table", "csv", "json", "ics").get(t.sideSeed() % 4)));
      case "simulate-scenario" -> args.addAll(List.of("simulate", esc.toString(), "--scenario",
          side(SCENARIOS, t, "fuzz.scenario").toString()));
      case "simulate-behaviour" -> args.addAll(List.of("simulate", esc.toString(), "--cases",
          "20", "--behaviour", side(BEHAVIOURS, t, "fuzz.behaviour").toString()));
      case "verify" -> args.addAll(List.of("verify", "--max-states", "20000", "--max-seconds",
          "5", esc.toString()));
      case "compile" -> args.addAll(List.of("compile", esc.toString(), "--out",
          WORK.resolve("gen").toString(), "--package", "fuzz"));
      case "diagram" -> args.addAll(List.of("diagram", esc.toString(), "--format",
          List.of("svg", "dot", "mermaid").get(t.sideSeed() % 3)));
      case "export" -> args.addAll(List.of("export", esc.toString(), "--format",
          List.of("bpmn", "json").get(t.sideSeed() % 2)));
      default -> args.addAll(List.of("report", esc.toString(), "--start", "2026-12-14", "-o",
          WORK.resolve("report.html").toString()));
    }
    long began = System.nanoTime();
    Repository.Run run = Repository.cli(args.toArray(String[]::new));
    TIMES.computeIfAbsent(command, k -> new long[2])[0] += System.nanoTime() - began;
    TIMES.get(command)[1]++;
    String where = command + " on\n" + text;
    assertFalse(run.exitCode() == 70, "exit 70: " + run.err() + "\n" + where);
    assertFalse(run.err().contains("Exception") || run.err().contains("\tat "),
        "a trace: " + run.err() + "\n" + where);
    located(run.err(), where);
    if (command.equals("compile") && run.exitCode() == 0 && t.sideSeed() % 50 == 0) {
      javac(text); // javac costs a second: every 50th compiled protocol is built
    }
  }

  /** Every error or warning is followed by the line that says where it is. */
  private static void located(String err, String where) {
    Matcher m = DIAGNOSTIC.matcher(err);
    while (m.find()) {
      int next = err.indexOf('\n', m.end());
      String following = next < 0 ? "" : err.substring(next + 1, Math.min(err.length(),
          err.indexOf('\n', next + 1) < 0 ? err.length() : err.indexOf('\n', next + 1)));
      assertTrue(following.strip().startsWith("-->") || following.strip().startsWith("= "),
          "a diagnostic without a place: " + err.substring(m.start(), Math.max(m.end(), next))
              + "\n" + where);
    }
  }

  private static void javac(String text) {
    org.escalon.compiler.Compilation c = new org.escalon.compiler.EscalonCompiler().compile(
        org.escalon.compiler.diagnostics.SourceText.of("fuzz.esc", text));
    Protocol p = c.protocol().orElseThrow();
    Map<String, String> sources = new java.util.LinkedHashMap<>();
    for (GeneratedFile f : new JavaGenerator().generate(p, "fuzz", "Fuzz")) {
      sources.put(f.qualifiedName(), f.text());
    }
    InMemoryJavac.Result result = InMemoryJavac.compile(sources);
    assertTrue(result.compiled(), String.join("\n", result.messages()) + "\n" + text);
  }

  /** A scenario or behaviour file, mutated, written beside the protocol. */
  private static Path side(List<String> texts, Try t, String name) throws IOException {
    String text = MutationProperties.mutate(texts.get(t.sideSeed() % texts.size()),
        t.sideMutation());
    Path file = WORK.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Provide
  Arbitrary<Try> tries() {
    Arbitrary<MutationProperties.Mutation> mutation = Combinators.combine(
            Arbitraries.integers().between(0, 1_000),
            Arbitraries.integers().between(0, 4),
            Arbitraries.integers().between(0, Integer.MAX_VALUE - 1),
            Arbitraries.integers().between(0, Integer.MAX_VALUE - 1),
            Arbitraries.integers().between(0, 7))
        .as(MutationProperties.Mutation::new);
    return Combinators.combine(Arbitraries.integers().between(0, 100_000), mutation,
            Arbitraries.integers().between(0, COMMANDS.length - 1),
            Arbitraries.integers().between(0, 100_000), mutation,
            Arbitraries.integers().between(0, 9).map(n -> n == 0))
        .as(Try::new);
  }

  /** How long each command took over the tries, for the closing note. */
  @AfterContainer
  static void printTimes() {
    TIMES.forEach((command, t) -> System.out.printf("fuzz %s: %d tries, %.1f s%n", command, t[1],
        t[0] / 1e9));
  }

  private static List<String> scenarioTexts(String suffix) {
    try (Stream<Path> files = Files.list(Repository.root().resolve("protocols/scenarios"))) {
      return files.filter(p -> p.toString().endsWith(suffix)).sorted().map(Repository::read)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path workFolder() {
    try {
      Path dir = Files.createTempDirectory("escalon-fuzz");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
