package org.escalon.compiler.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.escalon.compiler.diagram.Markup;
import org.escalon.compiler.diagram.OutcomeMeaning;
import org.escalon.model.Limit;
import org.escalon.model.Protocol;
import org.escalon.model.Stage;
import org.escalon.model.TimeUnit;
import org.escalon.simulate.PopulationReport;

/**
 * The simulator's population report as a board would rather see it: the caveat the behaviour
 * file gives about its rates first, then the time to an outcome as a histogram with each limit
 * drawn as a line, the outcomes' shares as one bar coloured by what they mean, what the cases
 * still running wait for, and the tables behind the charts.
 */
final class PopulationSection {

  private static final int WIDTH = 760;
  private static final int HEIGHT = 230;
  private static final int LEFT = 56;
  private static final int BOTTOM = 40;
  private static final int TOP = 34;

  private PopulationSection() {}

  static String html(PopulationReport r, Protocol protocol, Optional<String> caveat) {
    StringBuilder out = new StringBuilder();
    out.append("<p class=\"caveat\"><b>Read with care:</b> ")
        .append(esc(caveat.map(c -> "the behaviour file says: \u201C" + c + "\u201D. ")
            .orElse("the behaviour file does not say where its rates come from. ")))
        .append("Every figure here follows from the behaviour file's rates, not from real ")
        .append("cases.</p>\n");
    out.append("<p>").append(n(r.cases())).append(" escalations simulated (behaviour: ")
        .append(esc(r.behaviour())).append("; seed ").append(r.seed())
        .append("), raised on dates spread over ").append(r.from()).append(" to ").append(r.to())
        .append(". Working days are counted from the day each was raised.</p>\n");
    out.append("<h3>How long they took</h3>\n<figure>\n").append(histogram(r, protocol))
        .append("<figcaption>Working days from raising to an outcome, for the ")
        .append(n(r.toOutcome().cases())).append(" cases that reached one; each dashed line is a ")
        .append("limit the protocol declares.</figcaption>\n</figure>\n");
    out.append("<h3>How they ended</h3>\n<figure>\n").append(shares(r, protocol))
        .append("<figcaption>The share of cases ending in each outcome, coloured by what it ")
        .append("means.</figcaption>\n</figure>\n");
    if (r.unfinished() > 0) {
      out.append("<p>").append(n(r.unfinished())).append(" of ").append(n(r.cases()))
          .append(" cases (").append(percent(r.unfinished(), r.cases()))
          .append(") had not ended a year after they were raised:</p>\n<ul>\n");
      for (PopulationReport.Count c : r.unfinishedAt()) {
        Optional<Stage> stage = protocol.stage(c.name());
        out.append("<li>").append(n(c.cases())).append(" waiting at ")
            .append(esc(stage.map(Stage::title).orElse(c.name()))).append(", ")
            .append(esc(stage.map(PopulationSection::waitingFor).orElse("")))
            .append("</li>\n");
      }
      out.append("</ul>\n");
    }
    out.append("<table class=\"population outcomes\">\n<thead><tr>")
        .append("<th>Outcome</th><th>Cases</th><th>Share</th></tr></thead>\n<tbody>\n");
    for (PopulationReport.Count c : r.outcomes()) {
      String title = protocol.outcome(c.name()).map(o -> o.title()).orElse(c.name());
      row(out, title, c.cases(), r.cases());
    }
    if (r.unfinished() > 0) {
      row(out, "unfinished after a year", r.unfinished(), r.cases());
    }
    out.append("</tbody>\n</table>\n");
    out.append("<table class=\"population days\">\n<thead><tr>")
        .append("<th></th><th>Cases</th><th>Median</th><th>90th percentile</th><th>Worst</th>")
        .append("</tr></thead>\n<tbody>\n");
    days(out, "from raising to an outcome", r.toOutcome());
    days(out, "from raising to resolution", r.toResolution());
    out.append("</tbody>\n</table>\n");
    if (!r.limitBreaches().isEmpty()) {
      out.append("<h3>Limits broken</h3>\n<table class=\"population limits\">\n<thead><tr>")
          .append("<th>Limit</th><th>Cases</th><th>Share</th></tr></thead>\n<tbody>\n");
      for (PopulationReport.Count c : r.limitBreaches()) {
        row(out, c.name(), c.cases(), r.cases());
      }
      out.append("</tbody>\n</table>\n");
    }
    out.append("<h3>Stage by stage</h3>\n<table class=\"population stages\">\n<thead><tr>")
        .append("<th>Stage</th><th>Stays</th><th>Answered in time</th><th>Timed out</th>")
        .append("<th>Bypassed</th><th>Otherwise left</th><th>Still open</th>")
        .append("<th>More time granted</th></tr></thead>\n<tbody>\n");
    for (PopulationReport.StageRecord s : r.stages()) {
      out.append("<tr><td>").append(esc(protocol.stage(s.stage()).map(Stage::title)
          .orElse(s.stage()))).append("</td>");
      for (long v : new long[] {s.stays(), s.inTime(), s.timedOut(), s.bypassed(), s.other(),
          s.open(), s.extensions()}) {
        out.append("<td class=\"number\">").append(n(v)).append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
    return out.toString();
  }

  private static String waitingFor(Stage stage) {
    if (stage.defaultTimescale().isEmpty()) {
      return "for a response: the stage has no timescale, so nothing moves the case on";
    }
    return "for a response, an agreement or a precondition that the simulated year did not bring";
  }

  /** Cases by working day to an outcome, with a dashed line at each limit counted in working days. */
  private static String histogram(PopulationReport r, Protocol protocol) {
    List<Integer> byDay = r.toOutcomeByDay();
    int maxLimit = protocol.limits().stream().filter(PopulationSection::inWorkingDays)
        .mapToInt(l -> l.atMost().amount()).max().orElse(0);
    int days = Math.max(Math.max(byDay.size(), maxLimit + 2), 10);
    int bin = days <= 80 ? 1 : (int) Math.ceil(days / 80.0);
    int bins = (days + bin - 1) / bin;
    long[] counts = new long[bins];
    for (int d = 0; d < byDay.size(); d++) {
      counts[d / bin] += byDay.get(d);
    }
    long max = 1;
    for (long c : counts) {
      max = Math.max(max, c);
    }
    double plotW = WIDTH - LEFT - 16;
    double plotH = HEIGHT - TOP - BOTTOM;
    double bw = plotW / bins;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart histogram\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(HEIGHT).append("\" width=\"").append(WIDTH)
        .append("\" role=\"img\" aria-label=\"Working days from raising to an outcome\" "
            + "font-family=\"Helvetica, Arial, sans-serif\">\n")
        .append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    for (int i = 0; i < bins; i++) {
      double h = plotH * counts[i] / max;
      svg.append("  <rect class=\"bin\" x=\"").append(f(LEFT + i * bw + 0.5)).append("\" y=\"")
          .append(f(TOP + plotH - h)).append("\" width=\"").append(f(Math.max(0.5, bw - 1)))
          .append("\" height=\"").append(f(h)).append("\" fill=\"#5b7db1\"><title>")
          .append(esc(label(i, bin) + ": " + n(counts[i]) + " cases")).append("</title></rect>\n");
    }
    svg.append("  <line x1=\"").append(LEFT).append("\" y1=\"").append(f(TOP + plotH))
        .append("\" x2=\"").append(f(LEFT + plotW)).append("\" y2=\"").append(f(TOP + plotH))
        .append("\" stroke=\"#333333\"/>\n");
    int step = Math.max(1, (int) Math.ceil(bins / 10.0));
    for (int i = 0; i < bins; i += step) {
      svg.append("  <text x=\"").append(f(LEFT + i * bw + bw / 2)).append("\" y=\"")
          .append(f(TOP + plotH + 14)).append("\" font-size=\"10\" text-anchor=\"middle\" "
              + "fill=\"#333333\">").append(i * bin).append("</text>\n");
    }
    svg.append("  <text x=\"").append(f(LEFT + plotW / 2)).append("\" y=\"").append(HEIGHT - 6)
        .append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#333333\">working days from "
            + "raising to an outcome</text>\n");
    svg.append("  <text x=\"4\" y=\"").append(TOP + 4).append("\" font-size=\"10\" "
        + "fill=\"#333333\">").append(n(max)).append("</text>\n  <text x=\"4\" y=\"")
        .append(f(TOP + plotH)).append("\" font-size=\"10\" fill=\"#333333\">0</text>\n")
        .append("  <text x=\"4\" y=\"").append(f(TOP + plotH / 2)).append("\" font-size=\"10\" "
            + "fill=\"#333333\">cases</text>\n");
    int k = 0;
    for (Limit limit : protocol.limits()) {
      if (!inWorkingDays(limit)) {
        continue;
      }
      double x = LEFT + (limit.atMost().amount() + 0.5) / bin * bw;
      svg.append("  <line class=\"limit\" x1=\"").append(f(x)).append("\" y1=\"").append(TOP - 4)
          .append("\" x2=\"").append(f(x)).append("\" y2=\"").append(f(TOP + plotH))
          .append("\" stroke=\"#c62828\" stroke-width=\"2\" stroke-dasharray=\"5 3\"><title>")
          .append(esc(limit.title() + ": at most " + limit.atMost())).append("</title></line>\n")
          .append("  <text x=\"").append(f(x + 3)).append("\" y=\"").append(12 + 12 * (k % 2))
          .append("\" font-size=\"10\" fill=\"#c62828\">")
          .append(esc(shorten("limit: " + limit.atMost() + " (" + limit.title() + ")", 70)))
          .append("</text>\n");
      k++;
    }
    return svg.append("</svg>\n").toString();
  }

  private static boolean inWorkingDays(Limit limit) {
    return limit.atMost().unit() == TimeUnit.WORKING_DAYS;
  }

  /** One bar across the page, a segment per outcome in the colour of what it means. */
  private static String shares(PopulationReport r, Protocol protocol) {
    int height = 40 + 18 * (r.outcomes().size() + 1);
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart shares\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(height).append("\" width=\"").append(WIDTH)
        .append("\" role=\"img\" aria-label=\"How the cases ended\" "
            + "font-family=\"Helvetica, Arial, sans-serif\">\n")
        .append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    double x = 4;
    double w = WIDTH - 8;
    int y = 40;
    for (PopulationReport.Count c : r.outcomes()) {
      OutcomeMeaning meaning = OutcomeMeaning.of(protocol, c.name());
      String title = protocol.outcome(c.name()).map(o -> o.title()).orElse(c.name());
      double part = w * c.cases() / Math.max(1, r.cases());
      svg.append("  <rect class=\"share\" x=\"").append(f(x)).append("\" y=\"6\" width=\"")
          .append(f(part)).append("\" height=\"22\" fill=\"").append(meaning.stroke())
          .append("\" stroke=\"#ffffff\"><title>").append(esc(title + ": " + percent(c.cases(),
              r.cases()))).append("</title></rect>\n");
      x += part;
      legend(svg, y, meaning.stroke(), title + " (" + meaning.words() + "): " + n(c.cases())
          + ", " + percent(c.cases(), r.cases()));
      y += 18;
    }
    double rest = w * r.unfinished() / Math.max(1, r.cases());
    svg.append("  <rect class=\"share unfinished\" x=\"").append(f(x)).append("\" y=\"6\" width=\"")
        .append(f(rest)).append("\" height=\"22\" fill=\"#bdbdbd\"/>\n");
    legend(svg, y, "#bdbdbd", "unfinished after a year: " + n(r.unfinished()) + ", "
        + percent(r.unfinished(), r.cases()));
    return svg.append("</svg>\n").toString();
  }

  private static void legend(StringBuilder svg, int y, String colour, String text) {
    svg.append("  <rect x=\"4\" y=\"").append(y).append("\" width=\"12\" height=\"12\" fill=\"")
        .append(colour).append("\"/><text x=\"22\" y=\"").append(y + 10)
        .append("\" font-size=\"11\" fill=\"#1a1a1a\">").append(esc(text)).append("</text>\n");
  }

  private static String label(int i, int bin) {
    return bin == 1 ? "day " + i : "days " + i * bin + " to " + (i * bin + bin - 1);
  }

  private static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }

  private static void row(StringBuilder out, String name, long cases, long of) {
    out.append("<tr><td>").append(esc(name)).append("</td><td class=\"number\">")
        .append(n(cases)).append("</td><td class=\"number\">").append(percent(cases, of))
        .append("</td></tr>\n");
  }

  private static void days(StringBuilder out, String what, PopulationReport.Days d) {
    out.append("<tr><td>").append(what).append("</td><td class=\"number\">").append(n(d.cases()))
        .append("</td>");
    if (d.cases() == 0) {
      out.append("<td colspan=\"3\">none</td></tr>\n");
      return;
    }
    out.append("<td class=\"number\">").append(d.median()).append("</td><td class=\"number\">")
        .append(d.p90()).append("</td><td class=\"number\">").append(d.worst())
        .append("</td></tr>\n");
  }

  /** A count with thousands separated: 10,000. */
  private static String n(long v) {
    return String.format(Locale.UK, "%,d", v);
  }

  private static String percent(long part, long of) {
    return String.format(Locale.UK, "%.1f%%", 100.0 * part / Math.max(1, of));
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String esc(String s) {
    return Markup.escape(s);
  }
}
