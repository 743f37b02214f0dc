package org.escalon.model;

import java.util.List;

/**
 * A bound on time, such as the 20 working days of IRO Handbook s6.2: on the sum of the stages'
 * timescales ({@code total}; {@code stages} lists the stages counted, all of them when the
 * protocol says so), or on the working days elapsed on the calendar from the raise to the end
 * ({@code elapsed}; every stage).
 */
public record Limit(String title, List<String> stages, Timespan atMost, Measure measure,
    List<Citation> citations, SourceSpan span) {

  public Limit {
    stages = List.copyOf(stages);
    citations = List.copyOf(citations);
  }

  /** A limit on the sum of the timescales. */
  public Limit(String title, List<String> stages, Timespan atMost, List<Citation> citations,
      SourceSpan span) {
    this(title, stages, atMost, Measure.TIMESCALES, citations, span);
  }
}
