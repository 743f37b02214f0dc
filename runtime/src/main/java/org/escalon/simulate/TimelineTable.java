package org.escalon.simulate;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A timeline as a table for the terminal: one row an event, the policy paragraph beneath it. A
 * cell longer than its column (a step's name, a long list of recipients) wraps onto the lines
 * below within its own column, so every column starts at the same place on every line.
 */
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
        width[i] = Math.max(width[i], Math.min(row[i].length(), i == 3 ? WHAT : OTHER));
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

  // the widest the "What happened" column and the others grow before their cells wrap
  private static final int WHAT = 60;
  private static final int OTHER = 40;

  /** One row: as many lines as its longest cell takes, each cell wrapped in its own column. */
  private static String line(String[] row, int[] width) {
    List<List<String>> wrapped = new ArrayList<>();
    int lines = 1;
    for (int i = 0; i < row.length; i++) {
      wrapped.add(wrap(row[i], width[i]));
      lines = Math.max(lines, wrapped.get(i).size());
    }
    StringBuilder out = new StringBuilder();
    for (int k = 0; k < lines; k++) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        String cell = k < wrapped.get(i).size() ? wrapped.get(i).get(k) : "";
        if (i == 1) {
          b.append(" ".repeat(Math.max(0, width[i] - cell.length()))).append(cell);
        } else {
          b.append(cell).append(" ".repeat(Math.max(0, width[i] - cell.length())));
        }
        b.append(i == row.length - 1 ? "" : "  ");
      }
      out.append(k == 0 ? "" : "\n").append(b.toString().stripTrailing());
    }
    return out.toString();
  }

  /**
   * The cell's text in lines no longer than {@code width}, broken between words; a word longer
   * than the column (a step's id) is broken after an underscore where one falls, else at the
   * width.
   */
  static List<String> wrap(String text, int width) {
    if (text.length() <= width) {
      return List.of(text);
    }
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" +")) {
      // a word longer than the column starts on the line as it is and goes on below
      while (word.length() > width) {
        int room = width - (line.isEmpty() ? 0 : line.length() + 1);
        int cut = room <= 0 ? 0 : word.lastIndexOf('_', room - 1) + 1;
        if (cut <= 0 && !line.isEmpty()) {
          lines.add(line.toString());
          line.setLength(0);
          continue;
        }
        cut = cut <= 0 ? width : cut;
        lines.add(line.append(line.isEmpty() ? "" : " ").append(word, 0, cut).toString());
        line.setLength(0);
        word = word.substring(cut);
      }
      if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.isEmpty() ? "" : " ").append(word);
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }
}
