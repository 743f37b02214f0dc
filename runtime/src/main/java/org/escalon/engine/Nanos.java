package org.escalon.engine;

import java.time.Instant;

/**
 * Instants as nanoseconds since 1970 in a {@code long}, as generated machines keep deadlines (no
 * object per deadline, comparisons of two longs). The range covers 1677 to 2262; an instant
 * outside it is held to its ends, where no deadline lies, so comparisons with deadlines stay exact.
 */
public final class Nanos {

  private static final long PER_SECOND = 1_000_000_000L;

  private Nanos() {}

  /** An instant in nanoseconds since 1970, held to the range of a long. */
  public static long nanos(Instant t) {
    long seconds = t.getEpochSecond();
    if (seconds >= Long.MAX_VALUE / PER_SECOND) {
      return Long.MAX_VALUE;
    }
    if (seconds <= Long.MIN_VALUE / PER_SECOND) {
      return Long.MIN_VALUE + 1;
    }
    return seconds * PER_SECOND + t.getNano();
  }

  /** The instant of a count of nanoseconds since 1970. */
  public static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, PER_SECOND), Math.floorMod(nanos,
        PER_SECOND));
  }
}
