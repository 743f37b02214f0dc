package org.escalon.bench;

import java.util.concurrent.TimeUnit;
import org.escalon.compiler.service.Analysis;
import org.escalon.compiler.service.DocumentService;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One keystroke in an editor on Kent's protocol, as the compiler service answers it: the document
 * changes by one character, and the service re-checks it whole (parse, check, lower, the limit
 * checks) and returns its diagnostics and ladder SVG. Two benchmarks: a keystroke that leaves the
 * protocol valid (a digit of a timescale changes, so the model and ladder are rebuilt), and one
 * that breaks it (a name half typed: the diagnostics are new, the ladder is the last good one).
 * The target is 50 ms.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KeystrokeBenchmark {

  private static final String URI = "file:///protocols/kent-iro.esc";

  private final DocumentService service = new DocumentService();
  private String[] valid;
  private String[] broken;
  private int version;

  @Setup
  public void open() {
    String kent = VerifierBenchmark.read("kent-iro.esc");
    // alternate between two texts so that every call is a real change
    String six = kent.replaceFirst("respond within 5 working days", "respond within 6 working days");
    valid = new String[] {kent, six};
    broken = new String[] {kent.replaceFirst("    to TeamManager\n", "    to TeamMan\n"),
        kent.replaceFirst("    to TeamManager\n", "    to TeamMa\n")};
    service.update(URI, ++version, kent);
  }

  @Benchmark
  public int keystrokeValid() {
    return answer(service.update(URI, ++version, valid[version % 2]));
  }

  @Benchmark
  public int keystrokeBroken() {
    return answer(service.update(URI, ++version, broken[version % 2]));
  }

  // what an editor reads back: the diagnostics and the ladder
  private static int answer(Analysis a) {
    return a.diagnostics().size() + a.ladder().orElse("").length();
  }
}
