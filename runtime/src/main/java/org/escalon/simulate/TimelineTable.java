package org.escalon.simulate;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** A timeline as a table for the terminal: one line a row, the policy paragraph beneath it. */
final class TimelineTable {

  private TimelineTable() {}

  static String render(Timeline t) {
    ZoneId zone = t.start().getZone();
    List<String[]> cells = new ArrayList<>();
    cells.add(new String[] {"When", "Day", "Stage", "What happened", "To", "Deadline"});
    for (TimelineRow r : t.rows()) {
      cells.add(new String[] {Dates.instant(r.at(), zone), String.valueOf(r.workingDay()),
          r.stage(),
          r.what(), String.join(", ", r.to()),
          r.deadline().map(d -> TimelineFormat.deadline(d, zone)).orElse("")});
    }
    int[] width = new int[6];
    for (String[] row : cells) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], Math.min(row[i].length(), i == 3 ? 60 : 40));
      }
    }
    StringBuilder out = new StringBuilder();
    out.append(t.protocol()).append('\n');
    out.append("scenario: ").append(t.scenario()).append('\n');
    out.append("raised ").append(Dates.day(t.start().toLocalDate())).append(' ')
        .append(t.start().toLocalTime()).append(" (").append(zone).append(")\n\n");
    for (int k = 0; k < cells.size(); k++) {
      String[] row = cells.get(k);
      out.append(line(row, width)).append('\n');
      if (k > 0) {
        TimelineRow r = t.rows().get(k - 1);
        String indent = " ".repeat(width[0] + width[1] + width[2] + 6);
        if (!r.copied().isEmpty()) {
          out.append(indent).append("copied: ").append(String.join(", ", r.copied()))
              .append('\n');
        }
        String policy = TimelineFormat.policy(r.citation());
        if (!policy.isEmpty()) {
          out.append(indent).append("policy: ").append(policy).append('\n');
        }
      }
    }
    out.append('\n').append(summary(t)).append('\n');
    return out.toString();
  }

  static String summary(Timeline t) {
    return switch (t.end()) {
      case ENDED -> "ended in " + t.outcome().orElse("?") + " after " + t.workingDays()
          + " working days elapsed on the calendar; the timescales of the stages it went "
          + "through add up to " + t.timescaleDays() + " working days" + (t.softDays() == 0 ? ""
              : " that must be met, and their soft deadlines to " + t.softDays() + " more (as "
              + "written, counted apart: a missed one waits for the escalator)");
      case WAITING -> "waiting after " + t.workingDays()
          + " working days: nothing in the scenario lets it go on";
      case UNFINISHED -> "still open " + Simulator.HORIZON_YEARS + " year after the start ("
          + t.workingDays() + " working days at the last row)";
    };
  }

  private static String line(String[] row, int[] width) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < row.length; i++) {
      String cell = row[i];
      if (i == 1) {
        b.append(" ".repeat(width[i] - cell.length())).append(cell);
      } else {
        b.append(cell).append(" ".repeat(Math.max(0, width[i] - cell.length())));
      }
      b.append(i == row.length - 1 ? "" : "  ");
    }
    return b.toString().stripTrailing();
  }
}
