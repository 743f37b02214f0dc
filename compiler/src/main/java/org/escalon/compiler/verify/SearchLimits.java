package org.escalon.compiler.verify;

import java.time.Duration;

/**
 * How far the verifier may go before it says it cannot decide (E0609): states, transitions,
 * starting states, seconds and memory. Each is checked as the search goes, so no limit is passed
 * by much before the search stops, and the finding names the one that stopped it.
 *
 * @param states the most abstract states explored
 * @param transitions the most moves between them
 * @param time the longest the exploration may take
 * @param memory the most heap the verifier lets the whole program use, in bytes
 */
public record SearchLimits(int states, long transitions, Duration time, long memory) {

  /** What {@code escalon verify} uses unless told otherwise. */
  public static SearchLimits defaults() {
    return new SearchLimits(Verifier.DEFAULT_MAX_STATES, 20_000_000L, Duration.ofSeconds(120),
        Runtime.getRuntime().maxMemory() / 10 * 8);
  }

  /** The same limits with another number of states. */
  public SearchLimits withStates(int n) {
    return new SearchLimits(n, transitions, time, memory);
  }

  /** The same limits with another number of transitions. */
  public SearchLimits withTransitions(long n) {
    return new SearchLimits(states, n, time, memory);
  }

  /** The same limits with another time. */
  public SearchLimits withTime(Duration t) {
    return new SearchLimits(states, transitions, t, memory);
  }

  /** Which limit stopped a search, and the words for it. */
  enum Kind {
    STATES("states", "--max-states"),
    TRANSITIONS("transitions", "--max-transitions"),
    TIME("seconds", "--max-seconds"),
    MEMORY("memory", "heap (java -Xmx)");

    final String what;
    final String option;

    Kind(String what, String option) {
      this.what = what;
      this.option = option;
    }
  }

  /** A limit passed: the search stops at once, and says which. */
  static final class Reached extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final Kind kind;

    Reached(Kind kind, String message) {
      super(message, null, false, false);
      this.kind = kind;
    }
  }

  Budget budget() {
    return new Budget(this);
  }

  /** What one search has used so far of its limits. */
  static final class Budget {
    private final SearchLimits limits;
    private final long deadline;
    private long starts;
    private long transitions;
    private long ticks;

    private Budget(SearchLimits limits) {
      this.limits = limits;
      this.deadline = System.nanoTime() + limits.time.toNanos();
    }

    /** How many combinations of starting facts there are: more than the states is too many. */
    void starts(long combinations) {
      if (combinations > limits.states) {
        throw new Reached(Kind.STATES, "a case can be raised with "
            + (combinations == Long.MAX_VALUE ? "more than 9 x 10^18" : combinations)
            + " combinations of facts (the attributes a condition reads, the agreements and "
            + "events the first stage needs), more than the " + limits.states
            + " states allowed; the verifier stopped before building them");
      }
    }

    /** One more combination of starting facts tried. */
    void start() {
      if (++starts > limits.states) {
        throw new Reached(Kind.STATES, "there are more than " + limits.states
            + " combinations of facts a case can have when it is raised; the verifier stopped "
            + "before building them");
      }
      tick();
    }

    /** One more state found. */
    void state(int count) {
      if (count > limits.states) {
        throw new Reached(Kind.STATES, "there are more than " + limits.states
            + " states to explore; the verifier stopped");
      }
      tick();
    }

    /** More transitions found. */
    void transitions(int more) {
      tick();
      transitions += more;
      if (transitions > limits.transitions) {
        throw new Reached(Kind.TRANSITIONS, "there are more than " + limits.transitions
            + " transitions to explore; the verifier stopped");
      }
    }

    // the clock is read every 64 steps (reading it at every one was a twentieth of a search),
    // the heap every 4,096: cheap, and never far past a limit
    private void tick() {
      if ((++ticks & 0x3F) != 0) {
        return;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new Reached(Kind.TIME, "the exploration took more than "
            + limits.time.toSeconds() + " seconds; the verifier stopped");
      }
      if ((ticks & 0xFFF) != 0) {
        return;
      }
      Runtime rt = Runtime.getRuntime();
      if (rt.totalMemory() - rt.freeMemory() > limits.memory) {
        System.gc();
        if (rt.totalMemory() - rt.freeMemory() > limits.memory) {
          throw new Reached(Kind.MEMORY, "the exploration needs more than "
              + limits.memory / (1024 * 1024) + " MiB of memory; the verifier stopped");
        }
      }
    }
  }
}
