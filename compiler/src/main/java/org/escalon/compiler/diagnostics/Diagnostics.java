package org.escalon.compiler.diagnostics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the diagnostics of a run. Each phase adds every problem it finds; the driver stops
 * between phases when there are errors.
 */
public final class Diagnostics {

  private final List<Diagnostic> all = new ArrayList<>();

  public void add(Diagnostic diagnostic) {
    all.add(diagnostic);
  }

  public void report(Diagnostic.Builder builder) {
    add(builder.build());
  }

  public boolean hasErrors() {
    return all.stream().anyMatch(d -> d.severity() == Severity.ERROR);
  }

  /** Every diagnostic, in the order of the file (line, then column), so output is stable. */
  public List<Diagnostic> sorted() {
    List<Diagnostic> copy = new ArrayList<>(all);
    copy.sort(
        Comparator.comparingInt((Diagnostic d) -> d.span().line())
            .thenComparingInt(d -> d.span().column())
            .thenComparing(d -> d.code().name()));
    return copy;
  }

  public List<Diagnostic> all() {
    return List.copyOf(all);
  }
}
