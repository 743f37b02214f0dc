package org.escalon.simulate;

import java.util.SplittableRandom;

/** Runs one case of a population from a start date with its own random numbers. */
interface CaseRunner {

  void run(int startEpochDay, SplittableRandom random, CaseOutcome out, Tally tally);
}
