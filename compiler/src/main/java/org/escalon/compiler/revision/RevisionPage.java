package org.escalon.compiler.revision;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.compiler.diagram.Markup;
import org.escalon.compiler.diagram.SvgRenderer;
import org.escalon.compiler.report.GanttChart;
import org.escalon.compiler.report.ReportStyle;
import org.escalon.model.Protocol;
import org.escalon.simulate.TimelineRow;

/**
 * A revision as one self-contained HTML page (no scripts, nothing fetched): the change list, the
 * two ladders with the levels a change touches coloured as bpmn-js-differ colours BPMN (added
 * green, removed red, changed amber), the two worst cases overlaid on one Gantt chart and side by
 * side, the verdicts before and after, and the population's figures when one was run.
 */
public final class RevisionPage {

  private static final String CSS = """
      .summary { font-size: 1.1em; }
      ul.changes { list-style: none; padding-left: 0; }
      ul.changes li { margin: 0.2em 0; padding: 0.15em 0.5em; border-left: 5px solid; }
      ul.changes li.added { border-color: #2e7d32; background: #e8f5e9; }
      ul.changes li.removed { border-color: #c62828; background: #ffebee; }
      ul.changes li.changed, ul.changes li.renamed,
      ul.changes li.moved { border-color: #ef6c00; background: #fff3e0; }
      .mark { font-weight: bold; font-family: monospace; margin-right: 0.4em; }
      .ladders { display: flex; flex-wrap: wrap; gap: 1.5em; align-items: flex-start; }
      .ladders figure { flex: 1 1 420px; margin: 0; }
      g.diff-added rect { fill: #c8e6c9; stroke: #2e7d32; stroke-width: 3px; }
      g.diff-removed rect { fill: #ffcdd2; stroke: #c62828; stroke-width: 3px; }
      g.diff-changed rect { fill: #ffe0b2; stroke: #ef6c00; stroke-width: 3px; }
      .legend-key span { display: inline-block; padding: 0 0.5em; margin-right: 0.5em; }
      table.side td.empty { background: #f5f5f5; }
      table.side td.date { white-space: nowrap; }
      """;

  /** The page; ends with a newline. */
  public String render(Revision r) {
    StringBuilder out = new StringBuilder();
    Protocol a = r.before();
    Protocol b = r.after();
    out.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"Escalon\">\n<title>")
        .append(esc(b.name())).append(": what the revision changes</title>\n<style>\n")
        .append(ReportStyle.CSS).append(CSS).append("</style>\n</head>\n<body>\n");
    out.append("<header>\n<p class=\"kicker\">Revision</p>\n<h1>").append(esc(b.name()))
        .append("</h1>\n<table class=\"meta\">\n");
    meta(out, "Before", r.beforeFile() + ", version " + a.header().version().orElse("not stated"));
    meta(out, "After", r.afterFile() + ", version " + b.header().version().orElse("not stated"));
    meta(out, "Worst case dated from", Milestone.DAY.format(r.consequences().start()));
    out.append("</table>\n</header>\n");
    out.append("<section id=\"changes\" class=\"major\">\n<h2>1. What changes</h2>\n");
    if (!r.changed()) {
      out.append("<p class=\"summary\">No change: the two versions mean the same.</p>\n");
    } else {
      out.append("<p class=\"summary\">").append(r.changes().size())
          .append(r.changes().size() == 1 ? " change" : " changes").append(".</p>\n");
      changes(r.changes(), out);
    }
    out.append("</section>\n");
    ladders(r, out);
    worstCase(r, out);
    checks(r, out);
    out.append("</body>\n</html>\n");
    return out.toString();
  }

  private static void changes(List<Change> changes, StringBuilder out) {
    Change.Group group = null;
    for (Change c : changes) {
      if (c.group() != group) {
        if (group != null) {
          out.append("</ul>\n");
        }
        group = c.group();
        out.append("<h3>").append(esc(group.title())).append("</h3>\n<ul class=\"changes\">\n");
      }
      out.append("<li class=\"").append(kind(c.kind())).append("\"><span class=\"mark\">")
          .append(RevisionText.mark(c.kind())).append("</span>").append(esc(c.text()))
          .append("</li>\n");
    }
    out.append("</ul>\n");
  }

  private static void ladders(Revision r, StringBuilder out) {
    Map<String, String> before = new LinkedHashMap<>();
    Map<String, String> after = new LinkedHashMap<>();
    for (Change c : r.changes()) {
      c.before().ifPresent(id -> mark(before, id, c.kind() == Change.Kind.REMOVED
          ? "diff-removed" : "diff-changed"));
      c.after().ifPresent(id -> mark(after, id, c.kind() == Change.Kind.ADDED
          ? "diff-added" : "diff-changed"));
    }
    out.append("<section id=\"ladders\" class=\"major\">\n<h2>2. The two ladders</h2>\n")
        .append("<p class=\"legend-key\"><span class=\"diff-key added\" style=\"background:"
            + "#c8e6c9\">added</span><span class=\"diff-key removed\" style=\"background:"
            + "#ffcdd2\">removed</span><span class=\"diff-key changed\" style=\"background:"
            + "#ffe0b2\">changed</span></p>\n<div class=\"ladders\">\n")
        .append("<figure class=\"ladder-figure before\">\n")
        .append(new SvgRenderer("esc-before-", before).render(r.before()))
        .append("<figcaption>Before: ").append(esc(r.beforeFile())).append("</figcaption>\n")
        .append("</figure>\n<figure class=\"ladder-figure after\">\n")
        .append(new SvgRenderer("esc-after-", after).render(r.after()))
        .append("<figcaption>After: ").append(esc(r.afterFile())).append("</figcaption>\n")
        .append("</figure>\n</div>\n</section>\n");
  }

  /** Added and removed win over changed. */
  private static void mark(Map<String, String> marks, String id, String mark) {
    marks.merge(id, mark, (was, now) -> was.equals("diff-changed") ? now : was);
  }

  private static void worstCase(Revision r, StringBuilder out) {
    Consequences c = r.consequences();
    StageMatch match = StageMatch.of(r.before(), r.after());
    WorkingCalendar calendar = WorkingCalendar.of(r.after().header().calendar(),
        r.after().header().zone());
    out.append("<section id=\"worst-case\" class=\"major\">\n<h2>3. The worst case, before "
        + "and after</h2>\n<p>Raised on ").append(Milestone.DAY.format(c.start()))
        .append(" and followed with nobody responding. Before, it ")
        .append(esc(Milestone.end(c.before(), r.before()))).append(". After, it ")
        .append(esc(Milestone.end(c.after(), r.after())));
    String shift = Milestone.shift(c.before(), c.after());
    out.append(shift.isEmpty() ? "" : ": " + esc(shift)).append(". The first date that "
        + "differs: ").append(c.firstDifference().map(Milestone.DAY::format)
            .orElse("none")).append(".</p>\n<figure class=\"gantt-figure\">\n")
        .append(new GanttChart(r.after(), calendar).overlay(c.before(), match::newKey,
            c.after()))
        .append("<figcaption>The two worst cases on one axis: before as outlines, after as "
            + "solid bars.</figcaption>\n</figure>\n");
    out.append("<table class=\"timeline side\">\n<thead><tr><th colspan=\"3\">Before</th>"
        + "<th colspan=\"3\">After</th></tr>\n<tr><th>Date</th><th>Day</th><th>What</th>"
        + "<th>Date</th><th>Day</th><th>What</th></tr></thead>\n<tbody>\n");
    for (Consequences.Pair p : c.sideBySide()) {
      String cls = p.before().isEmpty() ? "added" : p.after().isEmpty() ? "removed"
          : p.before().get().date().equals(p.after().get().date()) ? "same" : "changed";
      out.append("<tr class=\"").append(cls).append("\">");
      cells(p.before(), r.before(), out);
      cells(p.after(), r.after(), out);
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n</section>\n");
  }

  private static void cells(Optional<TimelineRow> row, Protocol p, StringBuilder out) {
    if (row.isEmpty()) {
      out.append("<td class=\"empty\"></td><td class=\"empty\"></td><td class=\"empty\"></td>");
      return;
    }
    TimelineRow x = row.get();
    out.append("<td class=\"date\">").append(Milestone.DAY.format(x.date())).append("</td><td>")
        .append(x.workingDay()).append("</td><td>").append(esc(Milestone.what(x, p)))
        .append("</td>");
  }

  private static void checks(Revision r, StringBuilder out) {
    Consequences c = r.consequences();
    out.append("<section id=\"checks\" class=\"major\">\n<h2>4. Outcomes, limits and "
        + "properties</h2>\n");
    if (!c.outcomes().isEmpty()) {
      out.append("<h3>Working days to each outcome</h3>\n<p>The sum of the declared timescales "
          + "on the quickest and the slowest path, as the verifier bounds them, without "
          + "extensions; the worst case above counts the working days that pass on the "
          + "calendar.</p>\n<table class=\"outcomes\">\n<thead><tr>"
          + "<th>Outcome</th><th>At best, before</th><th>After</th><th>At worst, before</th>"
          + "<th>After</th></tr></thead>\n<tbody>\n");
      for (Consequences.OutcomeShift o : c.outcomes()) {
        out.append("<tr><td>").append(esc(o.title())).append("</td><td>")
            .append(Milestone.days(o.bestBefore())).append("</td><td>")
            .append(Milestone.days(o.bestAfter())).append("</td><td>")
            .append(Milestone.days(o.worstBefore())).append("</td><td>")
            .append(Milestone.days(o.worstAfter())).append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n");
    }
    if (!c.verdicts().isEmpty()) {
      out.append("<h3>Limits and properties</h3>\n<table class=\"verdicts\">\n<thead><tr>"
          + "<th>Limit or property</th><th>Before</th><th>After</th></tr></thead>\n<tbody>\n");
      for (Consequences.VerdictShift v : c.verdicts()) {
        out.append("<tr><td>").append(esc(v.kind() + " \u201c" + v.title() + "\u201d"))
            .append("</td><td>").append(RevisionText.verdict(v.holdsBefore()))
            .append(v.before().map(s -> "<br><small>" + esc(s) + "</small>").orElse(""))
            .append("</td><td>").append(RevisionText.verdict(v.holdsAfter()))
            .append(v.after().map(s -> "<br><small>" + esc(s) + "</small>").orElse(""))
            .append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n");
    }
    out.append("<h3>Verifier findings</h3>\n");
    findings("Disappear", "removed", c.findingsGone(), out);
    findings("Appear", "added", c.findingsNew(), out);
    if (c.populationBefore().isPresent() && c.populationAfter().isPresent()) {
      var a = c.populationBefore().get();
      out.append("<h3>A population of cases</h3>\n<p>").append(a.cases())
          .append(" cases raised from ").append(a.from()).append(" to ").append(a.to())
          .append(" under each version, from the same seed (").append(a.seed())
          .append(").</p>\n<table class=\"population\">\n<thead><tr><th>Figure</th>"
              + "<th>Before</th><th>After</th><th>Change</th></tr></thead>\n<tbody>\n");
      for (PopulationFigures.Figure f : PopulationFigures.of(a, c.populationAfter().get())) {
        out.append("<tr><td>").append(esc(f.name())).append("</td><td>").append(f.before())
            .append("</td><td>").append(f.after()).append("</td><td>").append(f.change())
            .append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n");
    }
    out.append("</section>\n");
  }

  private static void findings(String lead, String cls, List<String> findings,
      StringBuilder out) {
    out.append("<p>").append(lead).append(": ").append(findings.isEmpty() ? "none." : "")
        .append("</p>\n");
    if (!findings.isEmpty()) {
      out.append("<ul class=\"changes\">\n");
      findings.forEach(f -> out.append("<li class=\"").append(cls).append("\">").append(esc(f))
          .append("</li>\n"));
      out.append("</ul>\n");
    }
  }

  private static void meta(StringBuilder out, String label, String value) {
    out.append("<tr><th>").append(esc(label)).append("</th><td>").append(esc(value))
        .append("</td></tr>\n");
  }

  private static String kind(Change.Kind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String esc(String s) {
    return Markup.escape(s);
  }
}
