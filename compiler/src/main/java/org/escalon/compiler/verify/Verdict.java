package org.escalon.compiler.verify;

import java.util.List;

/**
 * The result of one check, limit or property: whether it holds, a line saying what was found,
 * and the findings that say why not.
 */
public record Verdict(Kind kind, String name, boolean holds, List<Finding> findings,
    String summary) {

  /** What was verified. */
  public enum Kind {
    CHECK,
    LIMIT,
    PROPERTY
  }

  public Verdict {
    findings = List.copyOf(findings);
  }

  /** The name an invariant's verdict goes by, beside the properties: "invariant: TITLE". */
  public static String invariant(String title) {
    return "invariant: " + title;
  }
}
