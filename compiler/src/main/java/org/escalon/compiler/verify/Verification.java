package org.escalon.compiler.verify;

import java.util.ArrayList;
import java.util.List;
import org.escalon.compiler.diagnostics.Diagnostics;
import org.escalon.compiler.diagnostics.Severity;
import org.escalon.model.Protocol;
import org.escalon.model.Target;

/**
 * What verifying one protocol found: the size of its state space and the time it took, the
 * built-in checks, the totals to each outcome, the declared limits and properties, and, for each
 * failure, a counterexample.
 *
 * @param nanos how long exploring and checking took (not part of any deterministic output)
 * @param neverReached the stages never entered and outcomes never reached on any path (the
 *     findings of the reachability check say so in words)
 */
public record Verification(
    Protocol protocol,
    int states,
    int transitions,
    long nanos,
    boolean truncated,
    List<Verdict> checks,
    List<OutcomeTotals> totals,
    List<StageTimes> stageTimes,
    List<String> totalsNotes,
    List<Verdict> limits,
    List<Verdict> properties,
    List<Target> neverReached) {

  public Verification {
    neverReached = List.copyOf(neverReached);
    checks = List.copyOf(checks);
    totals = List.copyOf(totals);
    stageTimes = List.copyOf(stageTimes);
    totalsNotes = List.copyOf(totalsNotes);
    limits = List.copyOf(limits);
    properties = List.copyOf(properties);
  }

  /**
   * Every step with a deadline and the latest it can fall due, from the stage times and totals
   * ({@link StepDeadlines}).
   */
  public List<StepDeadlines.Row> stepDeadlines() {
    return truncated ? List.of() : StepDeadlines.of(protocol, stageTimes, totals);
  }

  /** Every verdict: checks, then limits, then properties. */
  public List<Verdict> verdicts() {
    List<Verdict> all = new ArrayList<>(checks);
    all.addAll(limits);
    all.addAll(properties);
    return all;
  }

  /** Every finding, in the order of the verdicts. */
  public List<Finding> findings() {
    return verdicts().stream().flatMap(v -> v.findings().stream()).toList();
  }

  /** The findings as diagnostics. */
  public Diagnostics diagnostics() {
    Diagnostics d = new Diagnostics();
    findings().forEach(f -> d.add(f.diagnostic()));
    return d;
  }

  /** Whether a check, limit or property failed (warnings do not count). */
  public boolean failed() {
    return truncated || findings().stream().anyMatch(f -> f.code().severity() == Severity.ERROR);
  }

  /** The verdict of a check, limit or property by name. */
  public Verdict verdict(String name) {
    return verdicts().stream().filter(v -> v.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no verdict " + name));
  }
}
