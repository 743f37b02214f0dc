package org.escalon.model;

import java.util.List;

/**
 * A bound on the total of the stages' timescales, such as the 20 working days of IRO Handbook
 * s6.2; {@code stages} lists the stages counted (all of them when the protocol says so).
 */
public record Limit(String title, List<String> stages, Timespan atMost, List<Citation> citations,
    SourceSpan span) {

  public Limit {
    stages = List.copyOf(stages);
    citations = List.copyOf(citations);
  }
}
