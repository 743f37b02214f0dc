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
 *     of the timescales on this path that must be met, which a limit on the total of the
 *     timescales bounds
 * @param softDays the same for its soft deadlines, as written (not their assumptions), counted
 *     apart: missing one waits for the escalator, so it bounds no time by itself
 */
public record Timeline(String protocol, String scenario, ZonedDateTime start,
    List<TimelineRow> rows, Optional<String> outcome, End end, int workingDays,
    int timescaleDays, int softDays) {

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
    return last(rows).map(r -> r.at().atZone(start.getZone()).toLocalTime()
        .equals(java.time.LocalTime.MIDNIGHT)).orElse(false);
  }

  /** The day the timeline ends on: the last row's date, or the day an end at 00:00 closes. */
  public java.time.LocalDate lastDay() {
    return last(rows).map(r -> WorkingCalendar.dayOf(r.at(), start.getZone()))
        .orElse(start.toLocalDate());
  }

  /**
   * The last row of the escalation's course: a step's clock that is done or passes after the
   * escalation has ended (an outcome's letter, say) is not part of how long it took.
   */
  static java.util.Optional<TimelineRow> last(List<TimelineRow> rows) {
    for (int i = rows.size() - 1; i >= 0; i--) {
      TimelineRow.Kind k = rows.get(i).kind();
      if (k != TimelineRow.Kind.STEP_DONE && k != TimelineRow.Kind.STEP_MISSED) {
        return java.util.Optional.of(rows.get(i));
      }
    }
    return java.util.Optional.empty();
  }

  /** The stages entered, in order (a stage entered twice appears twice). */
  public List<String> stagesEntered() {
    return rows.stream().filter(r -> r.kind() == TimelineRow.Kind.RAISED
        || r.kind() == TimelineRow.Kind.ESCALATED).map(TimelineRow::stage).toList();
  }
}
