package org.escalon.simulate;

/**
 * How the people at one stage behave in a population: the chance they respond and how many
 * working days it takes (from {@code fastest} to {@code slowest}, evenly), the chance a response
 * resolves the concern, and the chances the raiser bypasses the stage or the respondent asks for
 * more time.
 */
public record StageBehaviour(double respond, int fastest, int slowest, double resolve,
    double bypass, double extension) {

  public StageBehaviour {
    check(respond, "respond");
    check(resolve, "resolve");
    check(bypass, "bypass");
    check(extension, "extension");
    if (fastest < 0 || slowest < fastest) {
      throw new IllegalArgumentException("response days must run from a smaller number to a "
          + "larger one, not " + fastest + " to " + slowest);
    }
  }

  /** Nobody responds, bypasses or asks for more time. */
  public static final StageBehaviour NOBODY = new StageBehaviour(0, 0, 0, 0, 0, 0);

  private static void check(double p, String what) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("the chance to " + what + " must be from 0 to 1: " + p);
    }
  }
}
