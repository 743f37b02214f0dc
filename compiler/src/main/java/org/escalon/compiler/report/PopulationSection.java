package org.escalon.compiler.report;

import java.util.Locale;
import org.escalon.model.Protocol;
import org.escalon.simulate.PopulationReport;

/** The simulator's population report as the report's tables. */
final class PopulationSection {

  private PopulationSection() {}

  static String html(PopulationReport r, Protocol protocol) {
    StringBuilder out = new StringBuilder();
    out.append("<p>").append(r.cases()).append(" escalations simulated (behaviour: ")
        .append(ReportWriter.esc(r.behaviour())).append("; seed ").append(r.seed())
        .append("), raised on dates spread over ").append(r.from()).append(" to ").append(r.to())
        .append(". Working days are counted from the day each was raised.</p>\n");
    out.append("<h3>How they ended</h3>\n<table class=\"population outcomes\">\n<thead><tr>")
        .append("<th>Outcome</th><th>Cases</th><th>Share</th></tr></thead>\n<tbody>\n");
    for (PopulationReport.Count c : r.outcomes()) {
      String title = protocol.outcome(c.name()).map(o -> o.title()).orElse(c.name());
      row(out, title, c.cases(), r.cases());
    }
    if (r.unfinished() > 0) {
      row(out, "unfinished after a year", r.unfinished(), r.cases());
    }
    out.append("</tbody>\n</table>\n");
    out.append("<h3>How long they took</h3>\n<table class=\"population days\">\n<thead><tr>")
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
      out.append("<tr><td>").append(ReportWriter.esc(s.stage())).append("</td>");
      for (long n : new long[] {s.stays(), s.inTime(), s.timedOut(), s.bypassed(), s.other(),
          s.open(), s.extensions()}) {
        out.append("<td class=\"number\">").append(n).append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
    return out.toString();
  }

  private static void row(StringBuilder out, String name, long cases, long of) {
    out.append("<tr><td>").append(ReportWriter.esc(name)).append("</td><td class=\"number\">")
        .append(cases).append("</td><td class=\"number\">")
        .append(String.format(Locale.ROOT, "%.1f%%", 100.0 * cases / of)).append("</td></tr>\n");
  }

  private static void days(StringBuilder out, String what, PopulationReport.Days d) {
    out.append("<tr><td>").append(what).append("</td><td class=\"number\">").append(d.cases())
        .append("</td>");
    if (d.cases() == 0) {
      out.append("<td colspan=\"3\">none</td></tr>\n");
      return;
    }
    out.append("<td class=\"number\">").append(d.median()).append("</td><td class=\"number\">")
        .append(d.p90()).append("</td><td class=\"number\">").append(d.worst())
        .append("</td></tr>\n");
  }
}
