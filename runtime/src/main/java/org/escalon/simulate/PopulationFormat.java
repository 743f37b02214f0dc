package org.escalon.simulate;

import java.util.Locale;

/** A population report as a table for people or JSON for tools. */
public enum PopulationFormat {
  TABLE,
  JSON;

  public String render(PopulationReport r) {
    return this == TABLE ? table(r) : json(r);
  }

  private static String table(PopulationReport r) {
    StringBuilder out = new StringBuilder();
    out.append(r.protocol()).append('\n');
    out.append(String.format(Locale.ROOT, "%,d cases (seed %d), raised between %s and %s%n",
        r.cases(), r.seed(), r.from(), r.to()));
    out.append("behaviour: ").append(r.behaviour()).append("\n\n");
    out.append("Time from raising to an outcome, in working days\n");
    days(out, "  any outcome", r.toOutcome());
    days(out, "  resolved", r.toResolution());
    out.append("\nHow the escalations ended\n");
    for (PopulationReport.Count c : r.outcomes()) {
      share(out, c.name(), c.cases(), r.cases());
    }
    share(out, "unfinished", r.unfinished(), r.cases());
    out.append("\nThe stage they ended (or wait) at\n");
    for (PopulationReport.Count c : r.endStages()) {
      share(out, "stage " + c.name(), c.cases(), r.cases());
    }
    if (!r.limitBreaches().isEmpty()) {
      out.append("\nDeclared limits broken\n");
      for (PopulationReport.Count c : r.limitBreaches()) {
        share(out, c.name(), c.cases(), r.cases());
      }
    }
    out.append("\nTimescales kept, stage by stage\n");
    out.append(String.format(Locale.ROOT, "  %-12s %10s %10s %10s %10s %10s%n", "stage",
        "stays", "in time", "timed out", "bypassed", "extended"));
    for (PopulationReport.StageRecord s : r.stages()) {
      out.append(String.format(Locale.ROOT, "  %-12s %,10d %9.1f%% %9.1f%% %9.1f%% %,10d%n",
          s.stage(), s.stays(), pct(s.inTime(), s.stays()), pct(s.timedOut(), s.stays()),
          pct(s.bypassed(), s.stays()), s.extensions()));
    }
    if (r.stages().stream().anyMatch(s -> s.missedSoft() >= 0)) {
      out.append("\nSoft deadlines missed (recorded; the escalator decided), stage by stage\n");
      for (PopulationReport.StageRecord s : r.stages()) {
        if (s.missedSoft() >= 0) {
          out.append(String.format(Locale.ROOT, "  %-12s %,10d of %,d stays  %5.1f%%%n",
              s.stage(), s.missedSoft(), s.stays(), pct(s.missedSoft(), s.stays())));
        }
      }
    }
    return out.toString();
  }

  private static void days(StringBuilder out, String label, PopulationReport.Days d) {
    out.append(d.cases() == 0 ? String.format(Locale.ROOT, "%-14s no cases%n", label)
        : String.format(Locale.ROOT, "%-14s median %d, 90th percentile %d, worst %d (%,d cases)%n",
            label, d.median(), d.p90(), d.worst(), d.cases()));
  }

  private static void share(StringBuilder out, String name, long count, long of) {
    out.append(String.format(Locale.ROOT, "  %-60s %,10d  %5.1f%%%n", clip(name), count,
        pct(count, of)));
  }

  private static String clip(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  private static double pct(long part, long whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }

  private static String json(PopulationReport r) {
    StringBuilder out = new StringBuilder("{\n");
    out.append("  \"protocol\": ").append(Json.string(r.protocol())).append(",\n");
    out.append("  \"behaviour\": ").append(Json.string(r.behaviour())).append(",\n");
    out.append("  \"cases\": ").append(r.cases()).append(",\n");
    out.append("  \"seed\": ").append(r.seed()).append(",\n");
    out.append("  \"from\": ").append(Json.string(r.from().toString())).append(",\n");
    out.append("  \"to\": ").append(Json.string(r.to().toString())).append(",\n");
    out.append("  \"toOutcome\": ").append(days(r.toOutcome())).append(",\n");
    out.append("  \"toResolution\": ").append(days(r.toResolution())).append(",\n");
    out.append("  \"outcomes\": ").append(counts(r.outcomes())).append(",\n");
    out.append("  \"unfinished\": ").append(r.unfinished()).append(",\n");
    out.append("  \"endStages\": ").append(counts(r.endStages())).append(",\n");
    out.append("  \"limitBreaches\": ").append(counts(r.limitBreaches())).append(",\n");
    out.append("  \"stages\": [");
    for (int i = 0; i < r.stages().size(); i++) {
      PopulationReport.StageRecord s = r.stages().get(i);
      out.append(i == 0 ? "\n" : ",\n").append(String.format(Locale.ROOT,
          "    {\"stage\": %s, \"stays\": %d, \"inTime\": %d, \"timedOut\": %d, \"bypassed\": %d,"
              + " \"other\": %d, \"open\": %d, \"extensions\": %d%s}",
          Json.string(s.stage()), s.stays(), s.inTime(), s.timedOut(), s.bypassed(), s.other(),
          s.open(), s.extensions(), s.missedSoft() >= 0 ? ", \"missedSoft\": " + s.missedSoft()
              : ""));
    }
    out.append(r.stages().isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
    return out.toString();
  }

  private static String days(PopulationReport.Days d) {
    return String.format(Locale.ROOT, "{\"cases\": %d, \"median\": %d, \"p90\": %d, \"worst\": %d}",
        d.cases(), d.median(), d.p90(), d.worst());
  }

  private static String counts(java.util.List<PopulationReport.Count> counts) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < counts.size(); i++) {
      b.append(i == 0 ? "" : ", ").append(Json.string(counts.get(i).name())).append(": ")
          .append(counts.get(i).cases());
    }
    return b.append('}').toString();
  }
}
