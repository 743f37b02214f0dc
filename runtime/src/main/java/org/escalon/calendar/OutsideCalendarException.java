package org.escalon.calendar;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A date, or a count of working days, that leaves the years the calendar knows. It is the user's
 * mistake (a start too late, a timescale too long), never a fault of the program, so the command
 * line reports it in words with the range rather than as an internal error.
 */
public final class OutsideCalendarException extends DateTimeException {

  private static final long serialVersionUID = 1L;

  OutsideCalendarException(String message) {
    super(message);
  }

  /** The first day counted. */
  public static LocalDate firstDay() {
    return WorkingDayIndex.FIRST_DAY;
  }

  /** The last day counted. */
  public static LocalDate lastDay() {
    return WorkingDayIndex.LAST_DAY;
  }
}
