package org.escalon.simulate;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;

/**
 * What happened to one escalation, row by row on real dates.
 *
 * @param scenario the scenario's name
 * @param end how the timeline stops: the escalation ended, waits for something that never comes,
 *     or was still running at the horizon
 * @param workingDays working days elapsed on the calendar from the raise to the last row (an
 *     instant at midnight closing the day before)
 * @param timescaleDays the working days the stages it went through allowed, added up: the sum
 *     of the timescales on this path, which a limit on the total of the timescales bounds
 */
public record Timeline(String protocol, String scenario, ZonedDateTime start,
    List<TimelineRow> rows, Optional<String> outcome, End end, int workingDays,
    int timescaleDays) {

  /** How a timeline stops. */
  public enum End {
    ENDED,
    WAITING,
    UNFINISHED
  }

  public Timeline {
    rows = List.copyOf(rows);
  }

  /** Whether the last row happens at 00:00: at the close of the day before. */
  public boolean endsAtClose() {
    return !rows.isEmpty() && rows.get(rows.size() - 1).at().atZone(start.getZone())
        .toLocalTime().equals(java.time.LocalTime.MIDNIGHT);
  }

  /** The day the timeline ends on: the last row's date, or the day an end at 00:00 closes. */
  public java.time.LocalDate lastDay() {
    return rows.isEmpty() ? start.toLocalDate()
        : WorkingCalendar.dayOf(rows.get(rows.size() - 1).at(), start.getZone());
  }

  /** The stages entered, in order (a stage entered twice appears twice). */
  public List<String> stagesEntered() {
    return rows.stream().filter(r -> r.kind() == TimelineRow.Kind.RAISED
        || r.kind() == TimelineRow.Kind.ESCALATED).map(TimelineRow::stage).toList();
  }
}
