package org.escalon.compiler.verify;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.escalon.simulate.ScenarioWriter;
import org.escalon.simulate.Simulator;
import org.escalon.simulate.Timeline;
import org.escalon.simulate.TimelineFormat;

/**
 * The verifier's report for a reader: the size of the search, each check, the totals, each limit
 * and property, then every counterexample step by step with the policy behind each step, its
 * dated timeline (the simulator's own) and the scenario that replays it.
 */
public final class VerificationReport {

  private VerificationReport() {}

  // each step with a deadline: when it falls due at the latest, and whether after its stage's own
  // deadline (docs/language.md section 10, "Deadlines on steps")
  private static void stepDeadlines(StringBuilder out, Verification v) {
    List<StepDeadlines.Row> steps = v.stepDeadlines();
    if (steps.isEmpty()) {
      return;
    }
    out.append("\n  step deadlines, in working days from the raise (latest: the sum of the "
        + "timescales, no extension)\n");
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("where", "step", "due", "latest", ""));
    for (StepDeadlines.Row r : steps) {
      rows.add(List.of(r.where(), r.step(), r.due(), days(r.latest()), r.afterStage()
          .map(d -> "after the stage's own deadline (" + d + ")").orElse("")));
    }
    table(out, rows, "    ");
    out.append("    note: a step's clock moves nothing and the verifier follows no step being done"
        + " (the host reports that): it says when each step falls due, and a limit's finding "
        + "says when a step is due after the limit has run out (W0508)\n");
  }

  /**
   * The report of one protocol. Without {@code withTime}, the time the search took is left out, so
   * that the same protocol always gives the same text.
   */
  public static String render(String file, Verification v, LocalDate start, boolean withTime) {
    StringBuilder out = new StringBuilder();
    out.append(file).append(": ").append(v.protocol().name()).append('\n');
    out.append("  explored ").append(String.format(Locale.UK, "%,d", v.states()))
        .append(" states and ").append(String.format(Locale.UK, "%,d", v.transitions()))
        .append(" transitions");
    if (withTime) {
      out.append(String.format(Locale.UK, " in %.2f s", v.nanos() / 1e9));
    }
    out.append('\n');
    section(out, "checks", v.checks());
    if (!v.totals().isEmpty()) {
      out.append("\n  totals from the raise, in working days (worst: the sum of the timescales;"
          + " on the calendar: elapsed)\n");
      List<List<String>> rows = new ArrayList<>();
      rows.add(List.of("outcome", "best", "worst", "worst with extensions",
          "worst on the calendar"));
      for (OutcomeTotals t : v.totals()) {
        rows.add(List.of(t.outcome(), days(t.best()), days(t.worst())
            + (t.openEnded().isEmpty() ? "" : " + waits"), days(t.worstWithExtensions()),
            days(t.worstOnTheCalendar()) + (t.openEnded().isEmpty() ? "" : " + waits")));
      }
      table(out, rows, "    ");
      java.util.Map<String, List<String>> waits = new java.util.LinkedHashMap<>();
      for (OutcomeTotals t : v.totals()) {
        for (String wait : t.openEnded()) {
          waits.computeIfAbsent(wait, k -> new ArrayList<>()).add(t.outcome());
        }
      }
      waits.forEach((wait, outcomes) -> out.append("    + waits: before ")
          .append(String.join(" and ", outcomes)).append(", the escalation can wait with no "
              + "deadline: ").append(wait).append('\n'));
      out.append("\n  when each stage is entered, in working days from the raise\n");
      List<List<String>> times = new ArrayList<>();
      times.add(List.of("stage", "earliest", "latest"));
      for (StageTimes t : v.stageTimes()) {
        times.add(List.of(t.stage(), days(t.earliest()), days(t.latest())));
      }
      table(out, times, "    ");
      for (String note : v.totalsNotes()) {
        out.append("    note: ").append(note).append('\n');
      }
      stepDeadlines(out, v);
    }
    section(out, "limits", v.limits());
    section(out, "properties", v.properties());
    int n = 0;
    for (Finding f : v.findings()) {
      if (f.counterexample().isEmpty()) {
        continue;
      }
      n++;
      out.append("\n  counterexample ").append(n).append(": ").append(f.subject()).append(" (")
          .append(f.code().name()).append(")\n");
      counterexample(out, v, f.counterexample().get(), start);
    }
    return out.toString();
  }

  private static void section(StringBuilder out, String title, List<Verdict> verdicts) {
    if (verdicts.isEmpty()) {
      return;
    }
    out.append("\n  ").append(title).append('\n');
    List<List<String>> rows = new ArrayList<>();
    for (Verdict v : verdicts) {
      boolean warned = v.findings().stream().anyMatch(f -> f.code().name().startsWith("W"));
      rows.add(List.of(v.holds() ? (warned ? "warn" : "ok") : "FAIL", v.name(), v.summary()));
    }
    table(out, rows, "    ");
  }

  private static void counterexample(StringBuilder out, Verification v, Counterexample c,
      LocalDate start) {
    out.append("    ").append(c.timing() == Finding.Timing.AT_ONCE
        ? "the shortest path (everyone acting as soon as they can):"
        : "the slowest path (everyone taking all the time they have):").append('\n');
    int i = 1;
    for (Counterexample.Step s : c.steps()) {
      out.append(String.format(Locale.UK, "    %2d. %s", i++, s.what()));
      out.append(" -> ").append(s.where()).append('\n');
      s.citation().ifPresent(cite -> out.append("        policy: ").append(cite.text())
          .append(" (").append(cite.span().file()).append(':').append(cite.span().line())
          .append(")\n"));
    }
    out.append("        ").append(c.ending()).append('\n');
    Timeline timeline = new Simulator(v.protocol()).run(c.scenario(), start);
    out.append("\n    timeline from ").append(start).append(" (the simulator, replaying the "
        + "scenario below):\n");
    for (String line : TimelineFormat.TABLE.render(timeline).split("\n")) {
      out.append("    ").append(line).append('\n');
    }
    out.append("\n    scenario:\n");
    for (String line : scenarioText(c, start).split("\n")) {
      out.append("      ").append(line).append('\n');
    }
  }

  /** The scenario file that replays a counterexample from a start date. */
  public static String scenarioText(Counterexample c, LocalDate start) {
    org.escalon.simulate.Scenario s = c.scenario();
    return ScenarioWriter.write(new org.escalon.simulate.Scenario(s.name(),
        java.util.Optional.of(start), s.raise(), s.raisedByTrigger(), s.agreementsWhenNeeded(),
        s.before(), s.steps()));
  }

  private static String days(long d) {
    return OutcomeTotals.unbounded(d) ? "no limit" : Long.toString(d);
  }

  private static void table(StringBuilder out, List<List<String>> rows, String indent) {
    int columns = rows.get(0).size();
    int[] width = new int[columns];
    for (List<String> row : rows) {
      for (int c = 0; c < columns - 1; c++) {
        width[c] = Math.max(width[c], row.get(c).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int c = 0; c < columns; c++) {
        line.append(c < columns - 1 ? pad(row.get(c), width[c] + 2) : row.get(c));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
