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
import org.escalon.simulate.Population;
import org.escalon.simulate.PopulationReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Population simulation of Kent's IRO protocol in the worst case (nobody responds: informal
 * resolution and stages 1 to 6 time out, then Cafcass): {@value #CASES} escalations a call, start
 * dates spread over 2027, on one thread and on every core, report included. Scores are cases per
 * second ({@link OperationsPerInvocation}). The target is a million a second on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PopulationBenchmark {

  static final int CASES = 200_000;

  private Population worstCase;
  private Population.Settings oneThread;
  private Population.Settings allThreads;

  @Setup
  public void setUp() throws IOException {
    Path file = EscalationBenchmark.protocolFile();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Protocol kent = new EscalonCompiler().compile(SourceText.of(file.toString(), text))
        .protocol().orElseThrow();
    worstCase = new Population(kent, Behaviour.worstCase());
    LocalDate from = LocalDate.of(2027, 1, 1);
    oneThread = new Population.Settings(CASES, 1, from, LocalDate.of(2027, 12, 31), 1);
    allThreads = new Population.Settings(CASES, 1, from, LocalDate.of(2027, 12, 31),
        Runtime.getRuntime().availableProcessors());
    PopulationReport check = worstCase.run(oneThread, done -> { });
    if (!worstCase.fastPath() || check.outcomes().get(1).cases() != CASES) {
      throw new IllegalStateException("expected every case at Cafcass on the fast path: " + check);
    }
  }

  /** Worst-case Kent escalations per second on one thread. */
  @Benchmark
  @OperationsPerInvocation(CASES)
  public PopulationReport worstCaseKentOneThread() {
    return worstCase.run(oneThread, done -> { });
  }

  /** Worst-case Kent escalations per second on every core. */
  @Benchmark
  @OperationsPerInvocation(CASES)
  public PopulationReport worstCaseKentAllThreads() {
    return worstCase.run(allThreads, done -> { });
  }
}
