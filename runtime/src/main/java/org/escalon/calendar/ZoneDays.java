package org.escalon.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A zone's days as plain numbers, for deadlines counted millions of times: the day an instant
 * falls on and the instant a day begins, in epoch seconds, with the answers {@code java.time}
 * gives ({@code Instant.atZone(zone).toLocalDate()} and {@code LocalDate.atStartOfDay(zone)})
 * without its objects or its per-year cache of transitions. The zone's transitions over the
 * calendar's years are read once; the start of a day is asked of {@code java.time} the first
 * time it is needed, then kept. One per zone, shared.
 */
final class ZoneDays {

  private static final ConcurrentMap<ZoneId, ZoneDays> BUILT = new ConcurrentHashMap<>();
  private static final int FIRST_DAY = (int) WorkingDayIndex.FIRST_DAY.toEpochDay();
  private static final int LAST_DAY = (int) WorkingDayIndex.LAST_DAY.toEpochDay();
  private static final long SECONDS_PER_DAY = 86_400L;
  private static final long UNKNOWN = Long.MIN_VALUE;

  private final ZoneId zone;
  private final long[] transitions; // epoch seconds of the zone's transitions, sorted
  private final int[] offsets; // offsets[i]: the offset in seconds before transitions[i]; last: after
  private final AtomicLongArray starts; // the epoch second each day begins, UNKNOWN until asked

  private ZoneDays(ZoneId zone) {
    this.zone = zone;
    ZoneRules rules = zone.getRules();
    Instant from = Instant.ofEpochSecond((FIRST_DAY - 2) * SECONDS_PER_DAY);
    long to = (LAST_DAY + 3) * SECONDS_PER_DAY;
    List<ZoneOffsetTransition> found = new ArrayList<>();
    for (ZoneOffsetTransition t = rules.nextTransition(from); t != null && t.toEpochSecond() < to;
        t = rules.nextTransition(t.getInstant())) {
      found.add(t);
    }
    transitions = new long[found.size()];
    offsets = new int[found.size() + 1];
    offsets[0] = rules.getOffset(from).getTotalSeconds();
    for (int i = 0; i < found.size(); i++) {
      transitions[i] = found.get(i).toEpochSecond();
      offsets[i + 1] = found.get(i).getOffsetAfter().getTotalSeconds();
    }
    starts = new AtomicLongArray(LAST_DAY - FIRST_DAY + 2);
    for (int i = 0; i < starts.length(); i++) {
      starts.setPlain(i, UNKNOWN);
    }
  }

  static ZoneDays of(ZoneId zone) {
    return BUILT.computeIfAbsent(zone, ZoneDays::new);
  }

  /**
   * The epoch day of the date an instant has in the zone, or {@link Integer#MIN_VALUE} outside
   * the calendar's years.
   */
  int day(long epochSecond) {
    // the offset after the last transition at or before the instant
    int lo = 0;
    int hi = transitions.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (transitions[mid] <= epochSecond) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    long day = Math.floorDiv(epochSecond + offsets[lo], SECONDS_PER_DAY);
    return day < FIRST_DAY || day > LAST_DAY ? Integer.MIN_VALUE : (int) day;
  }

  /** The epoch second a day of the calendar's years, or the day after the last, begins. */
  long start(int epochDay) {
    int i = epochDay - FIRST_DAY;
    long known = starts.get(i);
    if (known == UNKNOWN) {
      known = LocalDate.ofEpochDay(epochDay).atStartOfDay(zone).toEpochSecond();
      starts.set(i, known);
    }
    return known;
  }
}
