package org.escalon.compiler.verify;

import java.util.List;

/**
 * Working days from the raise to one outcome: at best (everyone acting at once), at worst without
 * extensions and at worst with them ({@link WorkingDays#UNBOUNDED} when there is no limit), and
 * the waits with no deadline that a path to it can go through.
 *
 * @param approximate whether a timescale not in working days was counted as working days
 * @param worstOnTheCalendar the worst without extensions counted as working days elapsed on the
 *     calendar (a stage entered at the close of a day starts on the next working day), where
 *     {@code worst} adds up the timescales
 */
public record OutcomeTotals(String outcome, long best, long worst, long worstWithExtensions,
    List<String> openEnded, boolean approximate, long worstOnTheCalendar) {

  public OutcomeTotals {
    openEnded = List.copyOf(openEnded);
  }

  /** Whether there is no limit to the time. */
  public static boolean unbounded(long days) {
    return days >= WorkingDays.UNBOUNDED;
  }
}
