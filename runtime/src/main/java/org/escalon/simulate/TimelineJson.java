package org.escalon.simulate;

import java.time.ZoneId;

/** A timeline as JSON for tools: instants in ISO 8601 with the protocol's offset. */
final class TimelineJson {

  private TimelineJson() {}

  static String render(Timeline t) {
    ZoneId zone = t.start().getZone();
    StringBuilder out = new StringBuilder("{\n");
    out.append("  \"protocol\": ").append(Json.string(t.protocol())).append(",\n");
    out.append("  \"scenario\": ").append(Json.string(t.scenario())).append(",\n");
    out.append("  \"start\": ").append(Json.string(t.start().toOffsetDateTime().toString()))
        .append(",\n");
    out.append("  \"end\": ").append(Json.string(t.end().name().toLowerCase(java.util.Locale.ROOT)))
        .append(",\n");
    out.append("  \"outcome\": ").append(t.outcome().map(Json::string).orElse("null"))
        .append(",\n");
    out.append("  \"workingDays\": ").append(t.workingDays()).append(",\n");
    out.append("  \"rows\": [");
    for (int i = 0; i < t.rows().size(); i++) {
      TimelineRow r = t.rows().get(i);
      out.append(i == 0 ? "\n" : ",\n").append("    {");
      out.append("\"at\": ").append(Json.string(r.at().atZone(zone).toOffsetDateTime().toString()));
      out.append(", \"date\": ").append(Json.string(r.date().toString()));
      out.append(", \"workingDay\": ").append(r.workingDay());
      out.append(", \"stage\": ").append(Json.string(r.stage()));
      out.append(", \"kind\": ").append(Json.string(r.kind().name().toLowerCase(java.util.Locale.ROOT)));
      out.append(", \"what\": ").append(Json.string(r.what()));
      out.append(", \"to\": ").append(Json.strings(r.to()));
      out.append(", \"copied\": ").append(Json.strings(r.copied()));
      out.append(", \"deadline\": ").append(r.deadline()
          .map(d -> Json.string(d.atZone(zone).toOffsetDateTime().toString())).orElse("null"));
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
