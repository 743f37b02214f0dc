package org.escalon.compiler.verify;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.escalon.simulate.Json;
import org.escalon.simulate.Simulator;
import org.escalon.simulate.TimelineFormat;

/**
 * The verifier's result for tools: one JSON object per protocol with the search's size, every
 * verdict with its findings, the totals, and each counterexample's steps, scenario and timeline
 * (the simulator's JSON). Days with no limit are {@code null}.
 */
public final class VerificationJson {

  private VerificationJson() {}

  public static String render(String file, Verification v, LocalDate start, boolean withTime) {
    List<String> fields = new ArrayList<>();
    fields.add(field("file", string(file)));
    fields.add(field("protocol", string(v.protocol().name())));
    fields.add(field("states", Integer.toString(v.states())));
    fields.add(field("transitions", Integer.toString(v.transitions())));
    if (withTime) {
      fields.add(field("millis", Long.toString(v.nanos() / 1_000_000)));
    }
    fields.add(field("failed", Boolean.toString(v.failed())));
    fields.add(field("start", string(start.toString())));
    fields.add(field("checks", verdicts(v, v.checks(), start)));
    List<String> totals = new ArrayList<>();
    for (OutcomeTotals t : v.totals()) {
      totals.add(object(List.of(field("outcome", string(t.outcome())),
          field("best", days(t.best())), field("worst", days(t.worst())),
          field("worstWithExtensions", days(t.worstWithExtensions())),
          field("worstOnTheCalendar", days(t.worstOnTheCalendar())),
          field("openEndedWaits", strings(t.openEnded())),
          field("approximate", Boolean.toString(t.approximate())))));
    }
    fields.add(field("totals", array(totals)));
    List<String> stages = new ArrayList<>();
    for (StageTimes t : v.stageTimes()) {
      stages.add(object(List.of(field("stage", string(t.stage())),
          field("earliest", days(t.earliest())), field("latest", days(t.latest())))));
    }
    fields.add(field("stages", array(stages)));
    fields.add(field("totalsNotes", strings(v.totalsNotes())));
    List<String> steps = new ArrayList<>();
    for (StepDeadlines.Row r : v.stepDeadlines()) {
      steps.add(object(List.of(field("where", string(r.where())), field("step", string(r.step())),
          field("due", string(r.due())), field("latest", days(r.latest())),
          field("afterStageDeadline", r.afterStage().map(d -> string(d)).orElse("null")))));
    }
    if (!steps.isEmpty()) {
      fields.add(field("stepDeadlines", array(steps)));
    }
    fields.add(field("limits", verdicts(v, v.limits(), start)));
    fields.add(field("properties", verdicts(v, v.properties(), start)));
    return object(fields);
  }

  private static String verdicts(Verification v, List<Verdict> verdicts, LocalDate start) {
    List<String> out = new ArrayList<>();
    for (Verdict d : verdicts) {
      List<String> findings = new ArrayList<>();
      for (Finding f : d.findings()) {
        List<String> ff = new ArrayList<>();
        ff.add(field("code", string(f.code().name())));
        ff.add(field("message", string(f.message())));
        ff.add(field("line", Integer.toString(f.span().line())));
        ff.add(field("column", Integer.toString(f.span().column())));
        ff.add(field("notes", strings(f.notes())));
        f.counterexample().ifPresent(c -> ff.add(field("counterexample",
            counterexample(v, c, start))));
        findings.add(object(ff));
      }
      out.add(object(List.of(field("name", string(d.name())),
          field("holds", Boolean.toString(d.holds())), field("summary", string(d.summary())),
          field("findings", array(findings)))));
    }
    return array(out);
  }

  private static String counterexample(Verification v, Counterexample c, LocalDate start) {
    List<String> steps = new ArrayList<>();
    for (Counterexample.Step s : c.steps()) {
      List<String> f = new ArrayList<>();
      f.add(field("what", string(s.what())));
      f.add(field("where", string(s.where())));
      f.add(field("policy", s.citation().map(x -> string(x.text())).orElse("null")));
      f.add(field("line", s.span().isKnown() ? Integer.toString(s.span().line()) : "null"));
      f.add(field("scenarioLine", s.scenarioLine().map(VerificationJson::string)
          .orElse("null")));
      steps.add(object(f));
    }
    String timeline = TimelineFormat.JSON.render(new Simulator(v.protocol())
        .run(c.scenario(), start)).strip();
    return object(List.of(field("timing", string(c.timing().name().toLowerCase(
            java.util.Locale.ROOT))), field("steps", array(steps)),
        field("ending", string(c.ending())),
        field("scenario", string(VerificationReport.scenarioText(c, start))),
        field("timeline", timeline)));
  }

  private static String days(long d) {
    return OutcomeTotals.unbounded(d) ? "null" : Long.toString(d);
  }

  private static String field(String name, String value) {
    return string(name) + ": " + value;
  }

  private static String object(List<String> fields) {
    return "{" + String.join(", ", fields) + "}";
  }

  private static String array(List<String> items) {
    return "[" + String.join(", ", items) + "]";
  }

  private static String strings(List<String> items) {
    return array(items.stream().map(VerificationJson::string).toList());
  }

  static String string(String s) {
    return Json.string(s);
  }
}
