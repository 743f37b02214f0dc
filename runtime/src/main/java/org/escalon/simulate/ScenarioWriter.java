package org.escalon.simulate;

import java.util.Optional;
import org.escalon.simulate.ScenarioStep.Action;
import org.escalon.simulate.ScenarioStep.When;

/** Writes a scenario in the file format {@link ScenarioParser} reads, one statement a line. */
public final class ScenarioWriter {

  private ScenarioWriter() {}

  /** The scenario as a file; parsing it gives the same scenario, line numbers aside. */
  public static String write(Scenario s) {
    StringBuilder out = new StringBuilder();
    out.append("scenario ").append(quote(s.name())).append('\n');
    s.start().ifPresent(d -> out.append("start ").append(d).append('\n'));
    if (!s.agreementsWhenNeeded()) {
      out.append("agreements are withheld\n");
    }
    if (s.raisedByTrigger()) {
      out.append("raised by a trigger\n");
    }
    s.raise().ifPresent(r -> out.append("raise").append(raise(r)).append('\n'));
    for (ScenarioStep step : s.before()) {
      out.append(action(step.action())).append('\n');
    }
    for (ScenarioStep step : s.steps()) {
      out.append(when(step.when())).append(": ").append(action(step.action())).append('\n');
    }
    return out.toString();
  }

  static String when(When when) {
    return WhenCases.on(when, new WhenCases<>() {
      @Override
      public String atStage(When.AtStage a) {
        return "stage " + a.stage() + (a.visit() == 1 ? "" : " visit " + a.visit()) + ", day "
            + a.day();
      }

      @Override
      public String fromStart(When.FromStart f) {
        return "day " + f.day();
      }

      @Override
      public String onDate(When.OnDate d) {
        return d.date().toString();
      }

      @Override
      public String before(When.Before b) {
        return "before";
      }
    });
  }

  static String action(Action action) {
    return ActionCases.on(action, new ActionCases<>() {
      @Override
      public String raise(Action.Raise r) {
        return r.by() + " raises" + r.stage().map(s -> " at stage " + s).orElse("")
            + because(r.reason());
      }

      @Override
      public String respond(Action.Respond a) {
        return a.by() + (a.resolving() ? " resolves" : " does not resolve");
      }

      @Override
      public String bypass(Action.Bypass a) {
        return a.by() + " bypasses to " + a.target() + because(a.reason());
      }

      @Override
      public String refer(Action.Refer a) {
        return a.by() + " refers to " + a.outcome() + because(a.reason());
      }

      @Override
      public String askForTime(Action.AskForTime a) {
        return a.by() + " asks for " + a.amount() + (a.inWriting() ? " in writing" : "")
            + because(a.rationale());
      }

      @Override
      public String grantTime(Action.GrantTime a) {
        return a.by() + " grants more time";
      }

      @Override
      public String escalate(Action.Escalate a) {
        return a.by() + " escalates";
      }

      @Override
      public String unavailable(Action.Unavailable a) {
        return a.role() + " is unavailable";
      }

      @Override
      public String setTime(Action.SetTime a) {
        return a.by() + " sets the timescale to " + a.amount();
      }

      @Override
      public String agree(Action.Agree a) {
        return a.role() + " agrees";
      }

      @Override
      public String advise(Action.Advise a) {
        return a.role() + " advises";
      }

      @Override
      public String set(Action.Set a) {
        return "set " + a.attribute() + " to " + a.value();
      }

      @Override
      public String decide(Action.Decide a) {
        return a.by() + " decides " + (a.yes() ? "" : "not ") + a.decision();
      }

      @Override
      public String grade(Action.Grade a) {
        return "grade " + a.scale() + " section " + a.section() + " as " + a.grade();
      }

      @Override
      public String happen(Action.Happen a) {
        return a.event() + " happens";
      }

      @Override
      public String setDate(Action.SetDate a) {
        return a.date() + a.on().map(d -> " is set for " + d)
            .orElseGet(() -> " is set in " + a.in().orElseThrow());
      }

      @Override
      public String withdraw(Action.Withdraw a) {
        return a.by() + " withdraws" + because(a.reason());
      }

      @Override
      public String done(Action.Done a) {
        return a.by() + " reports " + a.step() + " done";
      }
    });
  }

  private static String raise(Action.Raise r) {
    return (r.by().isEmpty() ? "" : " by " + r.by()) + r.stage().map(s -> " at stage " + s)
        .orElse("") + because(r.reason());
  }

  private static String because(Optional<String> reason) {
    return reason.map(r -> " because " + quote(r)).orElse("");
  }

  // The format has no escapes: a double quote inside text becomes a single one.
  private static String quote(String text) {
    return '"' + text.replace('"', '\'').replace('\n', ' ') + '"';
  }
}
