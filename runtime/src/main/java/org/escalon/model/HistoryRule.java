package org.escalon.model;

/** A rule over a case's history that raises an escalation when it becomes true. */
public sealed interface HistoryRule {

  /** A grade of a scale given {@code times} times in a row, to the same section when so said. */
  record Graded(String scale, String grade, int times, boolean sameSection)
      implements HistoryRule {}

  /** An event has happened at least {@code atLeast} times. */
  record Count(String event, int atLeast) implements HistoryRule {}

  /** At least a duration has passed since an event. */
  record Since(Timespan duration, String event) implements HistoryRule {}

  /** A yes/no attribute of the case holds. */
  record Holds(String attribute) implements HistoryRule {}

  /** Both rules hold. */
  record And(HistoryRule left, HistoryRule right) implements HistoryRule {}

  /** Either rule holds. */
  record Or(HistoryRule left, HistoryRule right) implements HistoryRule {}
}
