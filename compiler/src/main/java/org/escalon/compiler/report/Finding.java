package org.escalon.compiler.report;

import java.util.List;
import java.util.Optional;
import org.escalon.model.Citation;
import org.escalon.simulate.Timeline;

/**
 * What checking found about one property or limit of a protocol: whether it holds, why, and when
 * it does not, a counterexample as a dated timeline a reviewer can read.
 */
public record Finding(String title, Verdict verdict, String explanation,
    Optional<Timeline> counterexample, List<Citation> citations) {

  public Finding {
    citations = List.copyOf(citations);
  }

  /** Whether the statement holds on every path, fails on one, or was not checked. */
  public enum Verdict {
    HOLDS,
    FAILS,
    NOT_CHECKED
  }
}
