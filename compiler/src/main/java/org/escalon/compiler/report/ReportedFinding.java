package org.escalon.compiler.report;

import java.util.List;
import java.util.Optional;
import org.escalon.model.Citation;
import org.escalon.simulate.Timeline;

/**
 * What checking found about one check, limit or property of a protocol: whether it holds, why,
 * the diagnostic code and notes when it comes from one, and when it does not hold, a
 * counterexample as a dated timeline a reviewer can read.
 */
public record ReportedFinding(String title, Verdict verdict, Optional<String> code, String explanation,
    List<String> notes, Optional<Timeline> counterexample, List<Citation> citations) {

  public ReportedFinding {
    notes = List.copyOf(notes);
    citations = List.copyOf(citations);
  }

  /** A finding with no code and no notes. */
  public ReportedFinding(String title, Verdict verdict, String explanation,
      Optional<Timeline> counterexample, List<Citation> citations) {
    this(title, verdict, Optional.empty(), explanation, List.of(), counterexample, citations);
  }

  /**
   * Whether the statement holds on every path, fails on one (an error), holds with a warning
   * that a board must weigh, is a note the verifier adds to its totals, or was not checked.
   */
  public enum Verdict {
    HOLDS,
    FAILS,
    WARNS,
    NOTE,
    NOT_CHECKED
  }
}
