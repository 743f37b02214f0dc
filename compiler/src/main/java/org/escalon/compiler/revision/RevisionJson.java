package org.escalon.compiler.revision;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.escalon.simulate.Json;
import org.escalon.simulate.PopulationReport;
import org.escalon.simulate.TimelineRow;

/** A revision as JSON: the changes, then the consequences; keys in a fixed order. */
public final class RevisionJson {

  /** The JSON document; ends with a newline. */
  public String render(Revision r) {
    StringBuilder out = new StringBuilder("{\n");
    field(out, 1, "before", Json.string(r.beforeFile())).append(",\n");
    field(out, 1, "after", Json.string(r.afterFile())).append(",\n");
    field(out, 1, "beforeVersion", Json.string(r.before().header().version()
        .orElse(""))).append(",\n");
    field(out, 1, "afterVersion", Json.string(r.after().header().version().orElse("")))
        .append(",\n");
    field(out, 1, "changed", Boolean.toString(r.changed())).append(",\n");
    indent(out, 1).append("\"changes\": [");
    for (int i = 0; i < r.changes().size(); i++) {
      Change c = r.changes().get(i);
      out.append(i == 0 ? "\n" : ",\n");
      indent(out, 2).append("{\"group\": ").append(Json.string(lower(c.group())))
          .append(", \"kind\": ").append(Json.string(lower(c.kind())))
          .append(", \"subject\": ").append(Json.string(c.subject()))
          .append(", \"text\": ").append(Json.string(c.text()))
          .append(", \"beforeLevel\": ").append(optional(c.before()))
          .append(", \"afterLevel\": ").append(optional(c.after())).append('}');
    }
    out.append(r.changes().isEmpty() ? "],\n" : "\n  ],\n");
    consequences(r, out);
    return out.append("}\n").toString();
  }

  private static void consequences(Revision r, StringBuilder out) {
    Consequences c = r.consequences();
    indent(out, 1).append("\"consequences\": {\n");
    field(out, 2, "start", Json.string(c.start().toString())).append(",\n");
    field(out, 2, "firstDifference", optional(c.firstDifference().map(Object::toString)))
        .append(",\n");
    field(out, 2, "endBefore", Json.string(Milestone.end(c.before(), r.before()))).append(",\n");
    field(out, 2, "endAfter", Json.string(Milestone.end(c.after(), r.after()))).append(",\n");
    field(out, 2, "endShift", Json.string(Milestone.shift(c.before(), c.after()))).append(",\n");
    indent(out, 2).append("\"worstCase\": [");
    for (int i = 0; i < c.sideBySide().size(); i++) {
      Consequences.Pair p = c.sideBySide().get(i);
      out.append(i == 0 ? "\n" : ",\n");
      indent(out, 3).append("{\"before\": ").append(row(p.before(), r, true))
          .append(", \"after\": ").append(row(p.after(), r, false)).append('}');
    }
    out.append("\n    ],\n");
    indent(out, 2).append("\"outcomes\": [");
    for (int i = 0; i < c.outcomes().size(); i++) {
      Consequences.OutcomeShift o = c.outcomes().get(i);
      out.append(i == 0 ? "\n" : ",\n");
      indent(out, 3).append("{\"outcome\": ").append(Json.string(o.outcome()))
          .append(", \"title\": ").append(Json.string(o.title()))
          .append(", \"bestBefore\": ").append(days(o.bestBefore()))
          .append(", \"bestAfter\": ").append(days(o.bestAfter()))
          .append(", \"worstBefore\": ").append(days(o.worstBefore()))
          .append(", \"worstAfter\": ").append(days(o.worstAfter())).append('}');
    }
    out.append(c.outcomes().isEmpty() ? "],\n" : "\n    ],\n");
    indent(out, 2).append("\"verdicts\": [");
    for (int i = 0; i < c.verdicts().size(); i++) {
      Consequences.VerdictShift v = c.verdicts().get(i);
      out.append(i == 0 ? "\n" : ",\n");
      indent(out, 3).append("{\"kind\": ").append(Json.string(v.kind()))
          .append(", \"title\": ").append(Json.string(v.title()))
          .append(", \"before\": ").append(Json.string(RevisionText.verdict(v.holdsBefore())))
          .append(", \"after\": ").append(Json.string(RevisionText.verdict(v.holdsAfter())))
          .append(", \"summaryBefore\": ").append(optional(v.before()))
          .append(", \"summaryAfter\": ").append(optional(v.after())).append('}');
    }
    out.append(c.verdicts().isEmpty() ? "],\n" : "\n    ],\n");
    field(out, 2, "findingsGone", Json.strings(c.findingsGone())).append(",\n");
    field(out, 2, "findingsNew", Json.strings(c.findingsNew()));
    if (c.populationBefore().isPresent() && c.populationAfter().isPresent()) {
      out.append(",\n");
      population(c.populationBefore().get(), c.populationAfter().get(), out);
    }
    out.append("\n  }\n");
  }

  private static void population(PopulationReport a, PopulationReport b, StringBuilder out) {
    indent(out, 2).append("\"population\": {\"cases\": ").append(a.cases())
        .append(", \"seed\": ").append(a.seed()).append(", \"from\": ")
        .append(Json.string(a.from().toString())).append(", \"to\": ")
        .append(Json.string(a.to().toString())).append(", \"behaviour\": ")
        .append(Json.string(a.behaviour())).append(", \"figures\": [");
    List<PopulationFigures.Figure> figures = PopulationFigures.of(a, b);
    for (int i = 0; i < figures.size(); i++) {
      PopulationFigures.Figure f = figures.get(i);
      out.append(i == 0 ? "\n" : ",\n");
      indent(out, 3).append("{\"name\": ").append(Json.string(f.name()))
          .append(", \"before\": ").append(f.before()).append(", \"after\": ")
          .append(f.after()).append('}');
    }
    out.append("\n    ]}");
  }

  private static String row(Optional<TimelineRow> row, Revision r, boolean before) {
    return row.map(x -> "{\"date\": " + Json.string(x.date().toString()) + ", \"day\": "
        + x.workingDay() + ", \"stage\": " + Json.string(x.stage()) + ", \"what\": "
        + Json.string(Milestone.what(x, before ? r.before() : r.after())) + "}")
        .orElse("null");
  }

  private static String days(Optional<Long> d) {
    return d.map(v -> org.escalon.compiler.verify.OutcomeTotals.unbounded(v) ? "\"no bound\""
        : Long.toString(v)).orElse("null");
  }

  private static String optional(Optional<String> s) {
    return s.map(Json::string).orElse("null");
  }

  private static StringBuilder field(StringBuilder out, int depth, String name, String value) {
    return indent(out, depth).append(Json.string(name)).append(": ").append(value);
  }

  private static StringBuilder indent(StringBuilder out, int depth) {
    return out.append("  ".repeat(depth));
  }

  private static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
