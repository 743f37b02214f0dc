package org.escalon.simulate;

import java.time.ZoneId;

/**
 * A timeline as JSON for tools: every instant in ISO 8601 in UTC, with the protocol's zone named
 * once, and beside each the local date (for a deadline, the last day for a response).
 */
final class TimelineJson {

  private TimelineJson() {}

  static String render(Timeline t) {
    ZoneId zone = t.start().getZone();
    StringBuilder out = new StringBuilder("{\n");
    out.append("  \"protocol\": ").append(Json.string(t.protocol())).append(",\n");
    out.append("  \"scenario\": ").append(Json.string(t.scenario())).append(",\n");
    out.append("  \"zone\": ").append(Json.string(zone.getId())).append(",\n");
    out.append("  \"start\": ").append(Json.string(Dates.utc(t.start().toInstant())))
        .append(",\n");
    out.append("  \"startLocalDate\": ").append(Json.string(t.start().toLocalDate().toString()))
        .append(",\n");
    out.append("  \"end\": ").append(Json.string(t.end().name().toLowerCase(java.util.Locale.ROOT)))
        .append(",\n");
    out.append("  \"outcome\": ").append(t.outcome().map(Json::string).orElse("null"))
        .append(",\n");
    out.append("  \"workingDays\": ").append(t.workingDays()).append(",\n");
    out.append("  \"timescaleDays\": ").append(t.timescaleDays()).append(",\n");
    out.append("  \"softTimescaleDays\": ").append(t.softDays()).append(",\n");
    out.append("  \"rows\": [");
    for (int i = 0; i < t.rows().size(); i++) {
      TimelineRow r = t.rows().get(i);
      out.append(i == 0 ? "\n" : ",\n").append("    {");
      out.append("\"at\": ").append(Json.string(Dates.utc(r.at())));
      out.append(", \"localDate\": ").append(Json.string(r.date().toString()));
      out.append(", \"localTime\": ")
          .append(Json.string(r.at().atZone(zone).toLocalTime().toString()));
      out.append(", \"workingDay\": ").append(r.workingDay());
      out.append(", \"stage\": ").append(Json.string(r.stage()));
      out.append(", \"kind\": ").append(Json.string(r.kind().name().toLowerCase(java.util.Locale.ROOT)));
      out.append(", \"what\": ").append(Json.string(r.what()));
      out.append(", \"to\": ").append(Json.strings(r.to()));
      out.append(", \"copied\": ").append(Json.strings(r.copied()));
      out.append(", \"deadline\": ").append(r.deadline()
          .map(d -> Json.string(Dates.utc(d))).orElse("null"));
      out.append(", \"deadlineLastDay\": ").append(r.deadline()
          .map(d -> Json.string(TimelineFormat.lastDay(d, zone).toString())).orElse("null"));
      out.append(", \"policy\": ").append(r.citation().map(c -> Json.string(c.text()))
          .orElse("null"));
      out.append(", \"source\": ").append(r.citation().filter(c -> c.span().isKnown())
          .map(c -> Json.string(c.span().toString())).orElse("null"));
      out.append('}');
    }
    out.append(t.rows().isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
    return out.toString();
  }
}
