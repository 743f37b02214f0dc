package org.escalon.compiler.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.TreeMap;
import org.escalon.calendar.BankHoliday;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.compiler.diagram.Lines;
import org.escalon.compiler.diagram.Markup;
import org.escalon.compiler.diagram.OutcomeMeaning;
import org.escalon.model.Protocol;
import org.escalon.simulate.Timeline;
import org.escalon.simulate.TimelineRow;

/**
 * A timeline as a Gantt chart on real dates, in SVG: a bar for each stay at a stage from the
 * moment it was entered to the moment it was left, a red mark at its deadline, a diamond where
 * the escalation ended in the colour of what the ending means; days across, with weekends shaded grey and bank holidays and closure days
 * amber (named in their tooltip). It scales to the width of the page.
 */
public final class GanttChart {

  private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM",
      Locale.UK);
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM uuuu",
      Locale.UK);
  private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEE d MMM uuuu",
      Locale.UK);
  private static final int LABEL = 230;
  private static final int TOP = 44;
  private static final int ROW = 26;
  private static final int PLOT = 560;

  private final Protocol protocol;
  private final WorkingCalendar calendar;

  public GanttChart(Protocol protocol, WorkingCalendar calendar) {
    this.protocol = protocol;
    this.calendar = calendar;
  }

  /** One stay at a stage: when, until when (empty while it runs on), and its deadline. */
  record Bar(String stage, Instant from, Optional<Instant> to, Optional<Instant> deadline) {}

  /** The stays of a timeline, in order. */
  static List<Bar> bars(Timeline timeline) {
    List<Bar> bars = new ArrayList<>();
    TimelineRow open = null;
    for (TimelineRow row : timeline.rows()) {
      boolean enters = row.kind() == TimelineRow.Kind.RAISED
          || row.kind() == TimelineRow.Kind.ESCALATED;
      if (open != null && (enters || row.kind() == TimelineRow.Kind.CONCLUDED)) {
        bars.add(new Bar(open.stage(), open.at(), Optional.of(row.at()), open.deadline()));
        open = null;
      }
      if (enters) {
        open = row;
      }
    }
    if (open != null) {
      bars.add(new Bar(open.stage(), open.at(), Optional.empty(), open.deadline()));
    }
    return bars;
  }

  /** The SVG of a timeline. */
  public String render(Timeline timeline) {
    ZoneId zone = calendar.zone();
    List<Bar> bars = bars(timeline);
    LocalDate first = timeline.start().toLocalDate();
    LocalDate last = lastDay(timeline, bars, zone);
    int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
    // the plot is always PLOT wide, so the chart keeps its size (and its text its size) on the
    // page however few or many days it shows: a short wait is not blown up to the page's width
    double dayWidth = (double) PLOT / days;
    int plot = PLOT;
    int width = LABEL + plot + 20;
    Optional<TimelineRow> end = timeline.rows().stream()
        .filter(r -> r.kind() == TimelineRow.Kind.CONCLUDED).reduce((a, b) -> b);
    int rows = bars.size() + (end.isPresent() ? 1 : 0);
    int height = TOP + rows * ROW + 56;
    Scale x = new Scale(first, dayWidth, zone);
    StringBuilder out = open("gantt", width, height, "The worst case from "
        + LONG.format(first) + ", day by day");
    shading(out, first, last, dayWidth, rows);
    int y = TOP;
    for (Bar bar : bars) {
      bar(out, bar, y, x, plot);
      y += ROW;
    }
    end.ifPresent(row -> {
      double cx = x.of(row.at());
      int cy = TOP + bars.size() * ROW + ROW / 2;
      label(out, y(cy), "ended: " + title(row), true);
      out.append("  <path class=\"outcome\" d=\"M").append(fmt(cx)).append(',').append(cy - 7)
          .append(" l7,7 l-7,7 l-7,-7 z\" fill=\"")
          .append(OutcomeMeaning.of(protocol, row.stage()).stroke()).append("\"><title>")
          .append(Markup.escape(LONG.format(row.date()) + ": " + row.what()))
          .append("</title></path>\n");
    });
    legend(out, TOP + rows * ROW + 22, timeline, end.map(r -> OutcomeMeaning.of(protocol,
        r.stage())));
    out.append("</svg>\n");
    return out.toString();
  }

  private static StringBuilder open(String cssClass, int width, int height, String title) {
    String id = "esc-" + cssClass.replace(' ', '-') + "-title";
    return new StringBuilder().append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"")
        .append(cssClass).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
        .append("\" width=\"100%\" role=\"img\" aria-labelledby=\"").append(id)
        .append("\" font-family=\"Helvetica, Arial, sans-serif\">\n  <title id=\"").append(id)
        .append("\">").append(Markup.escape(title)).append("</title>\n")
        .append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
  }

  /** Weekends, bank holidays and closure days as shaded columns, then the axis. */
  private void shading(StringBuilder out, LocalDate first, LocalDate last, double dayWidth,
      int rows) {
    int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
    Map<LocalDate, String> holidays = holidays(first, last);
    for (int d = 0; d < days; d++) {
      LocalDate day = first.plusDays(d);
      String name = holidays.get(day);
      boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY
          || day.getDayOfWeek() == DayOfWeek.SUNDAY;
      if (name == null && !weekend) {
        continue;
      }
      out.append("  <rect class=\"").append(name != null ? "holiday" : "weekend")
          .append("\" x=\"").append(fmt(LABEL + d * dayWidth)).append("\" y=\"").append(TOP - 6)
          .append("\" width=\"").append(fmt(dayWidth)).append("\" height=\"")
          .append(rows * ROW + 6).append("\" fill=\"").append(name != null ? "#ffd89b" : "#eeeeee")
          .append('"').append(name != null ? ">" : "/>\n");
      if (name != null) {
        out.append("<title>").append(Markup.escape(LONG.format(day) + ": " + name))
            .append("</title></rect>\n");
      }
    }
    axis(out, first, days, dayWidth, rows);
  }

  /**
   * Two timelines of one concern overlaid on one axis, for a revision: a row per stage of the
   * newer version ({@code over}, drawn as this chart's protocol), each with the older version's
   * stay as a hollow bar above the newer one's solid bar; the older version's stages that have no
   * row of their own (matched by {@code newKey}) get rows after them. Both endings are marked.
   */
  public String overlay(Timeline under, Function<String, Optional<String>> newKey,
      Timeline over) {
    ZoneId zone = calendar.zone();
    List<Bar> olds = bars(under);
    List<Bar> news = bars(over);
    List<String> rows = new ArrayList<>();
    news.forEach(b -> {
      if (!rows.contains(b.stage())) {
        rows.add(b.stage());
      }
    });
    Map<Bar, String> oldRow = new java.util.LinkedHashMap<>();
    for (Bar b : olds) {
      String row = newKey.apply(b.stage()).filter(rows::contains).orElse("old " + b.stage());
      if (!rows.contains(row)) {
        rows.add(row);
      }
      oldRow.put(b, row);
    }
    LocalDate first = under.start().toLocalDate().isBefore(over.start().toLocalDate())
        ? under.start().toLocalDate() : over.start().toLocalDate();
    LocalDate lastOld = lastDay(under, olds, zone);
    LocalDate lastNew = lastDay(over, news, zone);
    LocalDate last = lastOld.isAfter(lastNew) ? lastOld : lastNew;
    int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
    double dayWidth = Math.max(3, Math.min(22, (double) PLOT / days));
    int plot = (int) Math.ceil(days * dayWidth);
    int width = LABEL + plot + 20;
    int height = TOP + (rows.size() + 1) * ROW + 56;
    Scale x = new Scale(first, dayWidth, zone);
    StringBuilder out = open("gantt overlay", width, height, "The worst case from "
        + LONG.format(first) + " under both versions, day by day");
    shading(out, first, last, dayWidth, rows.size() + 1);
    for (int i = 0; i < rows.size(); i++) {
      String row = rows.get(i);
      int y = TOP + i * ROW;
      label(out, y, row.startsWith("old ") ? "stage " + row.substring(4) + " (before only)"
          : stageTitle(row), false);
      for (Bar b : news) {
        if (b.stage().equals(row)) {
          stay(out, b, y + ROW / 2, ROW / 2 - 3, x, plot, "after", "#5b7db1", false);
        }
      }
      for (Map.Entry<Bar, String> e : oldRow.entrySet()) {
        if (e.getValue().equals(row)) {
          stay(out, e.getKey(), y + 2, ROW / 2 - 3, x, plot, "before", "#b26a00", true);
        }
      }
    }
    int endY = TOP + rows.size() * ROW;
    label(out, endY, "ended", true);
    ending(out, under, x, endY + ROW / 4, "before", "#b26a00");
    ending(out, over, x, endY + 3 * ROW / 4, "after", "#2e7d32");
    int ly = endY + ROW + 22;
    out.append("  <g class=\"legend\" font-size=\"11\" fill=\"#333333\">\n")
        .append("    <rect x=\"4\" y=\"").append(ly).append("\" width=\"18\" height=\"8\" "
            + "fill=\"none\" stroke=\"#b26a00\" stroke-width=\"1.5\"/><text x=\"26\" y=\"")
        .append(ly + 8).append("\">before the revision</text>\n")
        .append("    <rect x=\"160\" y=\"").append(ly).append("\" width=\"18\" height=\"8\" "
            + "fill=\"#5b7db1\"/><text x=\"182\" y=\"").append(ly + 8)
        .append("\">after the revision</text>\n")
        .append("    <line x1=\"310\" y1=\"").append(ly - 2).append("\" x2=\"310\" y2=\"")
        .append(ly + 10).append("\" stroke=\"#c62828\" stroke-width=\"2\"/><text x=\"316\" y=\"")
        .append(ly + 8).append("\">a deadline</text>\n  </g>\n");
    out.append("</svg>\n");
    return out.toString();
  }

  private void stay(StringBuilder out, Bar bar, int y, int height, Scale x, int plot,
      String version, String colour, boolean hollow) {
    double from = x.of(bar.from());
    double to = bar.to().map(x::of).orElse((double) LABEL + plot);
    String tip = version + ", stage " + bar.stage() + ": from " + LONG.format(x.day(bar.from()))
        + bar.to().map(t -> " to " + LONG.format(x.day(t))).orElse(", still open")
        + bar.deadline().map(d -> "; deadline: close of " + LONG.format(x.day(d)))
            .orElse("; no deadline");
    out.append("  <rect class=\"stay ").append(version).append("\" x=\"").append(fmt(from))
        .append("\" y=\"").append(y).append("\" width=\"").append(fmt(Math.max(2, to - from)))
        .append("\" height=\"").append(height).append("\" rx=\"2\" ")
        .append(hollow ? "fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"1.5\""
            : "fill=\"" + colour + "\"").append("><title>").append(Markup.escape(tip))
        .append("</title></rect>\n");
    bar.deadline().ifPresent(d -> {
      double dx = x.of(d);
      if (dx <= LABEL + plot) {
        out.append("  <line class=\"deadline ").append(version).append("\" x1=\"")
            .append(fmt(dx)).append("\" y1=\"").append(y).append("\" x2=\"").append(fmt(dx))
            .append("\" y2=\"").append(y + height).append("\" stroke=\"#c62828\" "
                + "stroke-width=\"2\"/>\n");
      }
    });
  }

  private void ending(StringBuilder out, Timeline t, Scale x, int cy, String version,
      String colour) {
    t.rows().stream().filter(r -> r.kind() == TimelineRow.Kind.CONCLUDED).reduce((a, b) -> b)
        .ifPresent(row -> {
          double cx = x.of(row.at());
          out.append("  <path class=\"outcome ").append(version).append("\" d=\"M")
              .append(fmt(cx)).append(',').append(cy - 5).append(" l5,5 l-5,5 l-5,-5 z\" fill=\"")
              .append(colour).append("\"><title>").append(Markup.escape(version + ", "
                  + LONG.format(row.date()) + ": " + row.what())).append("</title></path>\n");
        });
  }

  /** Where the chart stops: the end, a week past a wait, or six weeks past the last stage. */
  private static LocalDate lastDay(Timeline timeline, List<Bar> bars, ZoneId zone) {
    LocalDate lastRow = timeline.rows().isEmpty() ? timeline.start().toLocalDate()
        : timeline.rows().get(timeline.rows().size() - 1).date();
    LocalDate lastEntry = bars.isEmpty() ? lastRow
        : bars.get(bars.size() - 1).from().atZone(zone).toLocalDate();
    LocalDate last = switch (timeline.end()) {
      case ENDED -> lastRow.plusDays(1);
      case WAITING -> lastRow.plusDays(7);
      case UNFINISHED -> lastEntry.plusDays(42).isBefore(lastRow) ? lastEntry.plusDays(42)
          : lastRow;
    };
    for (Bar bar : bars) {
      Optional<LocalDate> due = bar.deadline().map(d -> d.atZone(zone).toLocalDate());
      if (due.isPresent() && due.get().isAfter(last) && due.get().isBefore(last.plusDays(60))) {
        last = due.get();
      }
    }
    return last;
  }

  private Map<LocalDate, String> holidays(LocalDate first, LocalDate last) {
    Map<LocalDate, String> names = new TreeMap<>();
    for (int year = first.getYear(); year <= last.getYear(); year++) {
      for (BankHoliday h : calendar.bankHolidays().inYear(year)) {
        names.put(h.date(), h.title() + (h.substitute() ? " (substitute day)" : ""));
      }
    }
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY
          || d.getDayOfWeek() == DayOfWeek.SUNDAY;
      if (!weekend && !calendar.isWorkingDay(d)) {
        names.putIfAbsent(d, "local closure day");
      }
    }
    names.keySet().removeIf(d -> d.isBefore(first) || d.isAfter(last));
    return names;
  }

  /** Month names, and Mondays as often as they fit; a label that would collide is left out. */
  private static void axis(StringBuilder out, LocalDate first, int days, double dayWidth,
      int rows) {
    double right = LABEL + days * dayWidth;
    double monthEnd = 0;
    double mondayEnd = 0;
    for (int d = 0; d < days; d++) {
      LocalDate day = first.plusDays(d);
      double x = LABEL + d * dayWidth;
      if (d == 0 || day.getDayOfMonth() == 1) {
        out.append("  <line x1=\"").append(fmt(x)).append("\" y1=\"4\" x2=\"").append(fmt(x))
            .append("\" y2=\"").append(TOP + rows * ROW).append("\" stroke=\"#999999\"/>\n");
        String name = MONTH.format(day);
        double end = x + 2 + name.length() * 7;
        if (x >= monthEnd && end <= right) {
          out.append("  <text x=\"").append(fmt(x + 2)).append("\" y=\"14\" font-size=\"12\" "
              + "font-weight=\"bold\" fill=\"#1a1a1a\">").append(name).append("</text>\n");
          monthEnd = end + 6;
        }
      }
      if (day.getDayOfWeek() == DayOfWeek.MONDAY) {
        out.append("  <line x1=\"").append(fmt(x)).append("\" y1=\"36\" x2=\"").append(fmt(x))
            .append("\" y2=\"").append(TOP + rows * ROW).append("\" stroke=\"#dddddd\"/>\n");
        String name = DAY_MONTH.format(day);
        double end = x + 1 + name.length() * 6;
        if (x >= mondayEnd && end <= right) {
          out.append("  <text x=\"").append(fmt(x + 1)).append("\" y=\"32\" font-size=\"10\" "
              + "fill=\"#555555\">").append(name).append("</text>\n");
          mondayEnd = end + 4;
        }
      }
    }
  }

  private void bar(StringBuilder out, Bar bar, int y, Scale x, int plot) {
    label(out, y, stageTitle(bar.stage()), false);
    double from = x.of(bar.from());
    double to = bar.to().map(x::of).orElse((double) LABEL + plot);
    String tip = stageTitle(bar.stage()) + ": from " + LONG.format(bar.from().atZone(x.zone)
        .toLocalDate()) + bar.to().map(t -> " to " + LONG.format(x.day(t))).orElse(", still "
            + "open") + bar.deadline().map(d -> "; deadline: close of " + LONG.format(x.day(d)))
            .orElse("; no deadline");
    out.append("  <rect class=\"stay\" x=\"").append(fmt(from)).append("\" y=\"").append(y + 5)
        .append("\" width=\"").append(fmt(Math.max(2, to - from))).append("\" height=\"")
        .append(ROW - 10).append("\" rx=\"3\" fill=\"#5b7db1\"")
        .append(bar.to().isEmpty() ? " fill-opacity=\"0.45\"" : "").append("><title>")
        .append(Markup.escape(tip)).append("</title></rect>\n");
    bar.deadline().ifPresent(d -> {
      double dx = x.of(d);
      if (dx <= LABEL + plot) {
        out.append("  <line class=\"deadline\" x1=\"").append(fmt(dx)).append("\" y1=\"")
            .append(y + 2).append("\" x2=\"").append(fmt(dx)).append("\" y2=\"")
            .append(y + ROW - 2).append("\" stroke=\"#c62828\" stroke-width=\"2\"/>\n");
      }
    });
  }

  /** A row's label, on two lines when it is long, so that a title is not cut off. */
  private static void label(StringBuilder out, int y, String text, boolean bold) {
    List<String> lines = Lines.wrap(text, 36);
    String first = lines.get(0);
    String second = lines.size() < 2 ? "" : lines.get(1);
    if (lines.size() > 2) {
      second = second + "\u2026";
    }
    out.append("  <text x=\"4\" y=\"").append(second.isEmpty() ? y + ROW / 2 + 4 : y + ROW / 2 - 2)
        .append("\" font-size=\"11\"").append(bold ? " font-weight=\"bold\"" : "")
        .append(" fill=\"#1a1a1a\">").append(Markup.escape(first));
    if (!second.isEmpty()) {
      out.append("<tspan x=\"4\" dy=\"11\">").append(Markup.escape(second)).append("</tspan>");
    }
    out.append("</text>\n");
  }

  private static int y(int centre) {
    return centre - ROW / 2;
  }

  private String stageTitle(String key) {
    return protocol.stage(key).map(s -> s.title()).orElse("stage " + key);
  }

  private String title(TimelineRow row) {
    return protocol.outcome(row.stage()).map(o -> o.title()).orElse(row.stage());
  }

  /** The legend: only what the chart draws, each with the mark it is drawn with. */
  private static void legend(StringBuilder out, int y, Timeline timeline,
      Optional<OutcomeMeaning> ending) {
    out.append("  <g class=\"legend\" font-size=\"11\" fill=\"#333333\">\n");
    out.append("    <rect x=\"4\" y=\"").append(y).append("\" width=\"18\" height=\"10\" "
        + "rx=\"2\" fill=\"#5b7db1\"/><text x=\"26\" y=\"").append(y + 9)
        .append("\">a stay at a stage</text>\n");
    out.append("    <line x1=\"140\" y1=\"").append(y - 1).append("\" x2=\"140\" y2=\"")
        .append(y + 11).append("\" stroke=\"#c62828\" stroke-width=\"2\"/><text x=\"146\" y=\"")
        .append(y + 9).append("\">its deadline</text>\n");
    out.append("    <rect x=\"230\" y=\"").append(y).append("\" width=\"12\" height=\"10\" "
        + "fill=\"#eeeeee\"/><text x=\"246\" y=\"").append(y + 9).append("\">weekend</text>\n");
    out.append("    <rect x=\"310\" y=\"").append(y).append("\" width=\"12\" height=\"10\" "
        + "fill=\"#ffd89b\"/><text x=\"326\" y=\"").append(y + 9)
        .append("\">bank holiday or closure day</text>\n");
    if (ending.isPresent()) {
      out.append("    <path d=\"M506,").append(y - 1).append(" l6,6 l-6,6 l-6,-6 z\" fill=\"")
          .append(ending.get().stroke()).append("\"/><text x=\"516\" y=\"").append(y + 9)
          .append("\">").append(Markup.escape("how it ended: " + ending.get().words()))
          .append("</text>\n");
    } else {
      String end = timeline.end() == Timeline.End.WAITING
          ? "pale bar: waiting, nothing more due" : "pale bar: still running";
      out.append("    <rect x=\"500\" y=\"").append(y).append("\" width=\"18\" height=\"10\" "
          + "rx=\"2\" fill=\"#5b7db1\" fill-opacity=\"0.45\"/><text x=\"522\" y=\"")
          .append(y + 9).append("\">").append(Markup.escape(end)).append("</text>\n");
    }
    out.append("  </g>\n");
  }

  private static String fmt(double v) {
    long tenths = Math.round(v * 10);
    return tenths % 10 == 0 ? Long.toString(tenths / 10)
        : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
  }

  /** From instants to x, with days counted from midnight of the first day in the zone. */
  private static final class Scale {
    final LocalDate first;
    final double dayWidth;
    final ZoneId zone;

    Scale(LocalDate first, double dayWidth, ZoneId zone) {
      this.first = first;
      this.dayWidth = dayWidth;
      this.zone = zone;
    }

    // by the local clock, so that a day is a column wide even when the clocks change
    double of(Instant at) {
      var local = at.atZone(zone);
      double days = ChronoUnit.DAYS.between(first, local.toLocalDate())
          + local.toLocalTime().toSecondOfDay() / 86_400.0;
      return LABEL + days * dayWidth;
    }

    /** The day an instant closes or falls in: midnight belongs to the day before. */
    LocalDate day(Instant at) {
      return org.escalon.calendar.WorkingCalendar.dayOf(at, zone);
    }
  }
}
