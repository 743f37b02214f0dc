package org.escalon.simulate;

import java.util.SplittableRandom;

/**
 * What will happen during one stay at a stage, drawn once on entering it: a bypass (on a working
 * day of the stage, to one of the raiser's targets), a request for more time, a response. Every
 * draw is made whether or not it is used, so that the engine and the fast path, drawing in the
 * same order, see the same numbers.
 *
 * @param bypassDay the working day of the stage the raiser bypasses on, or -1
 * @param extensionDay the working day more time is asked for (and granted), or -1
 * @param responseDay the working day the respondent responds, or -1
 */
record VisitPlan(int bypassDay, int bypassPick, int extensionDay, int responseDay,
    boolean resolving) {

  static VisitPlan draw(SplittableRandom random, StageBehaviour b, int window) {
    boolean bypass = random.nextDouble() < b.bypass();
    int bypassDay = random.nextInt(window);
    int pick = random.nextInt(Integer.MAX_VALUE);
    boolean extension = random.nextDouble() < b.extension();
    int extensionDay = random.nextInt(window);
    boolean respond = random.nextDouble() < b.respond();
    int responseDay = b.fastest() + random.nextInt(b.slowest() - b.fastest() + 1);
    boolean resolving = random.nextDouble() < b.resolve();
    return new VisitPlan(bypass ? bypassDay : -1, pick, extension ? extensionDay : -1,
        respond ? responseDay : -1, resolving);
  }

  /** The random numbers of one case: its own stream, whatever thread runs it. */
  static SplittableRandom forCase(long seed, long caseIndex) {
    return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + caseIndex * 0xBF58476D1CE4E5B9L
        + 0x94D049BB133111EBL);
  }
}
