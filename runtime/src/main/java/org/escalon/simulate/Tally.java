package org.escalon.simulate;

/** Counts of stays at each stage, by how they ended; tallies of chunks add up in any order. */
final class Tally {

  /** How a stay at a stage ended. */
  enum Stay {
    IN_TIME,
    TIMED_OUT,
    BYPASSED,
    OTHER,
    OPEN
  }

  final long[][] stays; // [stage][Stay]
  final long[] extensions; // [stage]
  final long[] missed; // [stage]: soft deadlines missed (recorded; the escalator decided)

  Tally(int stages) {
    stays = new long[stages][Stay.values().length];
    extensions = new long[stages];
    missed = new long[stages];
  }

  void stay(int stage, Stay how) {
    stays[stage][how.ordinal()]++;
  }

  void add(Tally other) {
    for (int s = 0; s < stays.length; s++) {
      for (int k = 0; k < stays[s].length; k++) {
        stays[s][k] += other.stays[s][k];
      }
      extensions[s] += other.extensions[s];
      missed[s] += other.missed[s];
    }
  }
}
