package org.escalon.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.escalon.compiler.Compilation;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.compiler.verify.Verification;
import org.escalon.compiler.verify.Verifier;
import org.escalon.model.Protocol;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The verifier's speed in states explored per second: the state space alone ({@link #explore}),
 * and one full verification (state space, checks, totals, limits, properties, dated
 * counterexamples; {@link #verify}), of each seed protocol and of a generated protocol of 20
 * stages with every bypass right and 3 extensions per stage. The {@code states}
 * counter divided by the time is the rate; the exported Promela of the same model is what SPIN is
 * timed on (bench/RESULTS.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VerifierBenchmark {

  /** The generated protocol's name among the parameters. */
  public static final String GENERATED = "generated-20-stages";

  @Param({"bexley-cp-chair.esc", "bexley-iro.esc", "childrens-home-template.esc", "kent-iro.esc",
      "medway.esc", "st-helens-penkford.esc", GENERATED})
  public String protocol;

  private Protocol compiled;

  /** How many states each verification explores, reported per second of benchmark time. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Explored {
    public long states;
    public long transitions;

    @Setup(Level.Iteration)
    public void clear() {
      states = 0;
      transitions = 0;
    }
  }

  @Setup
  public void compile() {
    String text = protocol.equals(GENERATED) ? generated(20) : read(protocol);
    compiled = compile(protocol, text);
  }

  @Benchmark
  public Verification verify(Explored explored) {
    Verification v = new Verifier().verify(compiled, LocalDate.of(2026, 12, 14));
    explored.states += v.states();
    explored.transitions += v.transitions();
    return v;
  }

  /**
   * The state space alone (every reachable state and move, as {@code escalon verify} explores it
   * before any check): the states per second of the search itself, on the interpreter the engine
   * runs on.
   */
  @Benchmark
  public int[] explore(Explored explored) {
    int[] size = Verifier.explore(compiled, 2_000_000);
    explored.states += size[0];
    explored.transitions += size[1];
    return size;
  }

  /** Prints the generated protocol, to export it for SPIN: see bench/RESULTS.md. */
  public static void main(String[] args) {
    System.out.print(generated(args.length > 0 ? Integer.parseInt(args[0]) : 20));
  }

  static Protocol compile(String name, String text) {
    Compilation c = new EscalonCompiler().compile(SourceText.of(name, text));
    return c.protocol().orElseThrow(() -> new IllegalStateException(name + " does not compile: "
        + c.diagnostics().all()));
  }

  static String read(String file) {
    Path dir = Path.of("protocols");
    for (Path p : new Path[] {dir, Path.of("..").resolve(dir)}) {
      if (Files.isRegularFile(p.resolve(file))) {
        try {
          return Files.readString(p.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new IllegalStateException("run from the repository root: no protocols/" + file);
  }

  /**
   * A protocol of {@code n} stages, each answered in 5 working days or escalated to the next, the
   * raiser free to bypass to every stage, up to 3 extensions of 5 working days per stage, and a
 * precedence property on the last stage.
   */
  public static String generated(int n) {
    StringBuilder s = new StringBuilder("protocol \"Generated: " + n + " stages\" {\n"
        + "  raised by Raiser\n  source \"generated for the verifier benchmark\"\n"
        + "  role Raiser \"Raiser\"\n");
    for (int i = 1; i <= n; i++) {
      s.append("  role R").append(i).append(" \"Respondent ").append(i).append("\"\n");
    }
    for (int i = 1; i <= n; i++) {
      s.append("  stage ").append(i).append(" \"Stage ").append(i).append("\" {\n")
          .append("    to R").append(i).append("\n    respond within 5 working days\n")
          .append("    when not resolved go to ")
          .append(i < n ? "stage " + (i + 1) : "not_resolved").append("\n  }\n");
    }
    s.append("  outcome not_resolved \"Not resolved\" {\n    to Raiser\n  }\n");
    s.append("  Raiser may bypass to ");
    for (int i = 2; i <= n; i++) {
      s.append(i == 2 ? "" : i == n ? " and " : ", ").append("stage ").append(i);
    }
    s.append("\n  extension {\n    granted by Raiser\n    up to 5 working days\n"
        + "    at most 3 times per stage\n  }\n");
    // a property that needs the stages' history, so that the state space keeps it
    s.append("  property \"not resolved only after the last stage\" {\n"
        + "    source \"generated\"\n    not_resolved only after completed stage ").append(n)
        .append("\n  }\n}\n");
    return s.toString();
  }
}
