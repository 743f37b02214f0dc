package org.escalon.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.model.Protocol;
import org.escalon.simulate.Behaviour;
import org.escalon.simulate.BehaviourParser;
import org.escalon.simulate.Population;
import org.escalon.simulate.PopulationReport;
import org.escalon.simulate.ScenarioException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Populations of every seed protocol with the illustrative behaviour of
 * {@code protocols/scenarios/illustrative.behaviour} (responses, resolutions, bypasses and
 * requests for more time), {@value #CASES} cases a call over 2027, on one thread, report
 * included. Scores are cases per second; the target is a million a second for every protocol.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SeedPopulationBenchmark {

  static final int CASES = 50_000;

  @Param({"bexley-cp-chair", "bexley-iro", "childrens-home-template", "kent-iro", "medway",
      "st-helens-penkford"})
  public String protocol;

  private Population population;
  private Population.Settings oneThread;

  @Setup
  public void setUp() throws IOException, ScenarioException {
    Path folder = EscalationBenchmark.protocolFile().getParent();
    Path file = folder.resolve(protocol + ".esc");
    Protocol p = new EscalonCompiler().compile(SourceText.of(file.toString(),
        Files.readString(file, StandardCharsets.UTF_8))).protocol().orElseThrow();
    Path rates = folder.resolve("scenarios/illustrative.behaviour");
    Behaviour behaviour = BehaviourParser.parse(Files.readString(rates, StandardCharsets.UTF_8),
        rates.toString());
    population = new Population(p, behaviour);
    oneThread = new Population.Settings(CASES, 7, LocalDate.of(2027, 1, 1),
        LocalDate.of(2027, 12, 31), 1);
  }

  /** Cases of the protocol per second, on one thread. */
  @Benchmark
  @OperationsPerInvocation(CASES)
  public PopulationReport illustrativeOneThread() {
    return population.run(oneThread, done -> { });
  }
}
