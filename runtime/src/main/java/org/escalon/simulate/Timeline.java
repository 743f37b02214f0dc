package org.escalon.simulate;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What happened to one escalation, row by row on real dates.
 *
 * @param scenario the scenario's name
 * @param end how the timeline stops: the escalation ended, waits for something that never comes,
 *     or was still running at the horizon
 * @param workingDays working days from the start to the last row
 */
public record Timeline(String protocol, String scenario, ZonedDateTime start,
    List<TimelineRow> rows, Optional<String> outcome, End end, int workingDays) {

  /** How a timeline stops. */
  public enum End {
    ENDED,
    WAITING,
    UNFINISHED
  }

  public Timeline {
    rows = List.copyOf(rows);
  }

  /** The stages entered, in order (a stage entered twice appears twice). */
  public List<String> stagesEntered() {
    return rows.stream().filter(r -> r.kind() == TimelineRow.Kind.RAISED
        || r.kind() == TimelineRow.Kind.ESCALATED).map(TimelineRow::stage).toList();
  }
}
