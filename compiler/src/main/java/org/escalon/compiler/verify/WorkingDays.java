package org.escalon.compiler.verify;

import java.util.List;
import org.escalon.model.Timespan;
import org.escalon.model.Stage;
import org.escalon.model.Timescale;

/**
 * Time on the verifier's abstract clock: whole working days since the raise. Durations in other
 * units are counted as working days the way a reader would (a week is five, a month about 22,
 * seven calendar days are five), and every total that used such a count says it is approximate.
 */
final class WorkingDays {

  /** Larger than any real total; adding to it stays there. */
  static final long UNBOUNDED = Long.MAX_VALUE / 4;

  private WorkingDays() {}

  /** A duration as working days, rounded up (decided in {@link Timespan#inWorkingDays}). */
  static long of(Timespan d) {
    return d.inWorkingDays();
  }

  /**
   * The longest a stay under the timescale can last, in working days ({@link Timescale#bound}):
   * {@link #UNBOUNDED} for a soft deadline with no assumption, which bounds no time.
   */
  static long bound(Timescale t) {
    return t.bound().map(WorkingDays::of).orElse(UNBOUNDED);
  }

  /** Whether the timescale bounds no time: a soft deadline with no assumption ({@link #bound}). */
  static boolean boundless(Timescale t) {
    return t.soft() && t.bound().isEmpty();
  }

  /** Whether counting the duration in working days is exact. */
  static boolean exact(Timespan d) {
    return switch (d.unit()) {
      case WORKING_DAYS, SAME_WORKING_DAY -> true;
      default -> false;
    };
  }

  static long add(long a, long b) {
    return a >= UNBOUNDED || b >= UNBOUNDED ? UNBOUNDED : Math.min(UNBOUNDED, a + b);
  }

  /**
   * When the current stay's deadline falls, for a stay entered at {@code entry}: the earliest of
   * the applicable timescales. One counted from the raise falls at its offset (or at once, if
   * that has passed); one counted from an event is taken at its longest, from the entry.
   */
  static long deadline(Stage stage, Bits timescales, long entry) {
    return deadline(stage, timescales, entry, false);
  }

  /**
   * The same, on the calendar: a stay entered when a deadline passes (at midnight) counts from
   * the next working day, so a timescale counted from its stage's start ends a day later.
   */
  static long deadline(Stage stage, Bits timescales, long entry, boolean atMidnight) {
    long earliest = UNBOUNDED;
    boolean any = false;
    List<Timescale> all = stage.timescales();
    for (int i = 0; i < all.size(); i++) {
      if (!timescales.get(i)) {
        continue;
      }
      any = true;
      Timescale t = all.get(i);
      long days = bound(t);
      long due = t.anchor() instanceof Timescale.Anchor.EscalationStart
          ? Math.max(entry, days) : add(entry + (atMidnight ? 1 : 0), days);
      earliest = Math.min(earliest, due);
    }
    // no timescale: no deadline; only soft ones with no assumption: no bound
    return earliest == UNBOUNDED && !any ? entry : earliest;
  }

  /** The longest a stay can last before its deadline, whenever it was entered. */
  static long longestStay(Stage stage, Bits timescales) {
    long longest = UNBOUNDED;
    boolean any = false;
    List<Timescale> all = stage.timescales();
    for (int i = 0; i < all.size(); i++) {
      if (timescales.get(i)) {
        any = true;
        longest = Math.min(longest, bound(all.get(i)));
      }
    }
    return longest == UNBOUNDED && !any ? 0 : longest;
  }

  /** Whether the applicable timescales of a stay count in working days from its own start. */
  static boolean exact(Stage stage, Bits timescales) {
    List<Timescale> all = stage.timescales();
    for (int i = 0; i < all.size(); i++) {
      if (timescales.get(i) && !(exact(all.get(i).duration())
          && all.get(i).anchor() instanceof Timescale.Anchor.StageStart)) {
        return false;
      }
    }
    return true;
  }

  /** A number of working days as a reader says it. */
  static String words(long days) {
    if (days >= UNBOUNDED) {
      return "no limit";
    }
    return days + (days == 1 ? " working day" : " working days");
  }
}
