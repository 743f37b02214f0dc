package org.escalon.model;

/**
 * The quantity a limit or a bounded property bounds. The two differ because a stage entered when
 * the one before it times out, at the close of a day, starts counting on the next working day:
 * on the calendar each move up the ladder also costs the day it happens on.
 */
public enum Measure {
  /** The sum of the declared timescales of the stages on a path: "timescales in total". */
  TIMESCALES("the sum of the timescales"),
  /** The working days that pass on the calendar from the raise: what a child waits. */
  ELAPSED("working days elapsed on the calendar from the raise");

  private final String words;

  Measure(String words) {
    this.words = words;
  }

  /** What the quantity is, as the verifier, the simulator and the report say it. */
  public String words() {
    return words;
  }

  /** The one sentence that explains why the two figures of one rule differ. */
  public static final String DIFFERENCE = "the sum of the timescales adds up each stage's "
      + "timescale; working days elapsed are counted on the calendar from the raise, where a "
      + "stage entered when the one before it times out (at the close of a day) starts on the "
      + "next working day, so each move up the ladder also costs a day";
}
