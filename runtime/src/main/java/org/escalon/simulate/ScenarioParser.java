package org.escalon.simulate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.simulate.ScenarioStep.Action;
import org.escalon.simulate.ScenarioStep.When;

/**
 * Reads a scenario file: one statement a line, {@code #} comments. The format is in {@code
 * docs/simulator.md}; the parser knows nothing of any protocol (the {@link ScenarioChecker} checks
 * names against one).
 */
public final class ScenarioParser {

  private final String file;
  private String name = "";
  private Optional<LocalDate> start = Optional.empty();
  private Optional<Action.Raise> raise = Optional.empty();
  private boolean byTrigger;
  private boolean agreementsWhenNeeded = true;
  private final List<ScenarioStep> before = new ArrayList<>();
  private final List<ScenarioStep> steps = new ArrayList<>();

  private ScenarioParser(String file) {
    this.file = file;
  }

  /** Parses a scenario; the first mistake is thrown with its line and column. */
  public static Scenario parse(String text, String file) throws ScenarioException {
    ScenarioParser p = new ScenarioParser(file);
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      ScenarioLine w = ScenarioLine.of(file, i + 1, lines[i]);
      if (!w.isEmpty()) {
        p.statement(w);
        w.end();
      }
    }
    if (p.name.isEmpty()) {
      throw new ScenarioException(file, 1, 1, "a scenario needs a name",
          "begin the file with: scenario \"what this case shows\"");
    }
    return new Scenario(p.name, p.start, p.raise, p.byTrigger, p.agreementsWhenNeeded,
        p.before, p.steps);
  }

  private void statement(ScenarioLine w) throws ScenarioException {
    if (w.accept("scenario")) {
      name = w.text("the scenario's name");
    } else if (w.accept("start")) {
      start = Optional.of(w.date("the start date"));
    } else if (w.accept("raised", "by", "a", "trigger")) {
      byTrigger = true;
    } else if (w.accept("raise")) {
      raise = Optional.of(raise(w, "the raiser"));
    } else if (w.accept("agreements", "are", "withheld")) {
      agreementsWhenNeeded = false;
    } else if (w.peek("set") || w.peek("grade") || w.peek(1, "decides") || w.peek(1, "agrees")
        || w.peek(1, "advises") || w.peek(1, "reports")) {
      // facts of the case known before the raise, judgements taken before it, and agreement,
      // advice and steps required before a stage given before it (a stage that requires them at
      // the raise needs them first)
      before.add(new ScenarioStep(new When.Before(), action(w), w.line()));
    } else {
      When when = when(w);
      w.expect(":", "after when the step happens");
      steps.add(new ScenarioStep(when, action(w), w.line()));
    }
  }

  private static Action.Raise raise(ScenarioLine w, String who) throws ScenarioException {
    String by = w.accept("by") ? w.name(who) : "";
    Optional<String> stage = w.accept("at", "stage") ? Optional.of(w.name("a stage"))
        : Optional.empty();
    return new Action.Raise(by, stage, w.because());
  }

  private static When when(ScenarioLine w) throws ScenarioException {
    if (w.accept("stage")) {
      String stage = w.name("a stage");
      int visit = w.accept("visit") ? w.number("the visit") : 1;
      if (visit < 1) {
        throw w.error("visits are counted from 1", "");
      }
      w.expect(",", "after the stage, then: day N");
      w.expect("day", "(the working day of the stage, 0 = the day it is entered)");
      return new When.AtStage(stage, visit, w.number("the working day"));
    }
    if (w.accept("day")) {
      return new When.FromStart(w.number("the working day"));
    }
    if (w.isDate()) {
      return new When.OnDate(w.date("the date"));
    }
    throw w.error("expected a statement or when a step happens",
        "steps begin with `stage 2, day 3:`, `day 4:` or a date like `2027-01-05:`;"
            + " see docs/simulator.md");
  }

  private static Action action(ScenarioLine w) throws ScenarioException {
    if (w.accept("set")) {
      String attribute = w.name("an attribute");
      w.expect("to", "between the attribute and its value");
      return new Action.Set(attribute, w.name("a value"));
    }
    if (w.accept("grade")) {
      String scale = w.name("a grading scale");
      w.expect("section", "after the scale");
      String section = w.name("a section");
      w.expect("as", "before the grade");
      return new Action.Grade(scale, section, w.name("a grade"));
    }
    String subject = w.name("a role, attribute or event");
    if (w.accept("happens")) {
      return new Action.Happen(subject);
    }
    if (w.accept("is", "set", "for")) {
      return new Action.SetDate(subject, Optional.of(w.date("the date")), Optional.empty());
    }
    if (w.accept("is", "set", "in")) {
      return new Action.SetDate(subject, Optional.empty(), Optional.of(w.duration()));
    }
    if (w.accept("resolves")) {
      return new Action.Respond(subject, true);
    }
    if (w.accept("does", "not", "resolve")) {
      return new Action.Respond(subject, false);
    }
    if (w.accept("bypasses", "to")) {
      return new Action.Bypass(subject, target(w), w.because());
    }
    if (w.accept("refers", "to")) {
      return new Action.Refer(subject, w.name("an outcome"), w.because());
    }
    if (w.accept("asks", "for")) {
      var amount = w.duration();
      boolean inWriting = w.accept("in", "writing");
      return new Action.AskForTime(subject, amount, inWriting, w.because());
    }
    if (w.accept("sets", "the", "timescale", "to")) {
      return new Action.SetTime(subject, w.duration());
    }
    if (w.accept("grants", "more", "time")) {
      return new Action.GrantTime(subject);
    }
    if (w.accept("escalates")) {
      return new Action.Escalate(subject);
    }
    if (w.accept("decides")) {
      boolean yes = !w.accept("not");
      return new Action.Decide(subject, w.name("a decision"), yes);
    }
    if (w.accept("is", "unavailable")) {
      return new Action.Unavailable(subject);
    }
    if (w.accept("agrees")) {
      return new Action.Agree(subject);
    }
    if (w.accept("advises")) {
      return new Action.Advise(subject);
    }
    if (w.accept("reports")) {
      String step = w.name("a step's id");
      w.expect("done", "after the step's id");
      return new Action.Done(subject, step);
    }
    if (w.accept("withdraws")) {
      return new Action.Withdraw(subject, w.because());
    }
    if (w.accept("raises")) {
      Optional<String> stage = w.accept("at", "stage") ? Optional.of(w.name("a stage"))
          : Optional.empty();
      return new Action.Raise(subject, stage, w.because());
    }
    throw w.error("expected what " + subject + " does",
        "one of: resolves, does not resolve, bypasses to, refers to, asks for, grants more time,"
            + " sets the timescale to, escalates, is unavailable, decides, agrees, advises, withdraws,"
            + " raises, happens, is set for DATE, is set in N working days,"
            + " reports STEP done");
  }

  private static String target(ScenarioLine w) throws ScenarioException {
    return w.accept("stage") ? w.name("a stage") : w.name("a stage or an outcome");
  }
}
