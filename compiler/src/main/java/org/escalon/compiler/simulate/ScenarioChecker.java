package org.escalon.compiler.simulate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.escalon.compiler.check.Suggestions;
import org.escalon.model.Attribute;
import org.escalon.model.EventType;
import org.escalon.model.Outcome;
import org.escalon.model.Protocol;
import org.escalon.model.Role;
import org.escalon.model.Scale;
import org.escalon.model.Stage;
import org.escalon.simulate.ActionCases;
import org.escalon.simulate.Scenario;
import org.escalon.simulate.ScenarioException;
import org.escalon.simulate.ScenarioParser;
import org.escalon.simulate.ScenarioStep;
import org.escalon.simulate.ScenarioStep.Action;
import org.escalon.simulate.ScenarioStep.When;

/** Reads a scenario file and checks every name in it against a protocol. */
public final class ScenarioChecker {

  /** A scenario that reads and names only what the protocol declares, or what is wrong. */
  public record Result(Optional<Scenario> scenario, List<ScenarioProblem> problems) {}

  private final Protocol protocol;
  private final String file;
  private final String[] lines;
  private final List<ScenarioProblem> problems = new ArrayList<>();

  private ScenarioChecker(Protocol protocol, String file, String source) {
    this.protocol = protocol;
    this.file = file;
    this.lines = source.split("\r?\n", -1);
  }

  public static Result check(Protocol protocol, String file, String source) {
    Scenario scenario;
    try {
      scenario = ScenarioParser.parse(source, file);
    } catch (ScenarioException e) {
      return new Result(Optional.empty(), List.of(new ScenarioProblem(file, e.line(), e.column(),
          1, e.getMessage(), e.help().isEmpty() ? Optional.empty() : Optional.of(e.help()))));
    }
    ScenarioChecker c = new ScenarioChecker(protocol, file, source);
    scenario.start().ifPresent(d -> c.start(d, lineOf(source, "start")));
    scenario.raise().ifPresent(r -> c.raise(r, lineOf(source, "raise")));
    for (ScenarioStep step : scenario.before()) {
      c.step(step);
    }
    for (ScenarioStep step : scenario.steps()) {
      c.step(step);
    }
    return new Result(c.problems.isEmpty() ? Optional.of(scenario) : Optional.empty(),
        List.copyOf(c.problems));
  }

  private static int lineOf(String source, String keyword) {
    String[] lines = source.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].strip().startsWith(keyword + " ") || lines[i].strip().equals(keyword)) {
        return i + 1;
      }
    }
    return 1;
  }

  private void step(ScenarioStep step) {
    int line = step.line();
    if (step.when() instanceof When.AtStage a) {
      stage(a.stage(), line);
    }
    ActionCases.on(step.action(), new ActionCases<Void>() {
      @Override
      public Void raise(Action.Raise r) {
        ScenarioChecker.this.raise(r, line);
        return null;
      }

      @Override
      public Void respond(Action.Respond a) {
        role(a.by(), line);
        return null;
      }

      @Override
      public Void bypass(Action.Bypass a) {
        role(a.by(), line);
        if (protocol.stage(a.target()).isEmpty() && protocol.outcome(a.target()).isEmpty()) {
          List<String> targets = new ArrayList<>(stageKeys());
          targets.addAll(protocol.outcomes().stream().map(Outcome::name).toList());
          problem(line, a.target(), "unknown stage or outcome `" + a.target() + "`", targets);
        }
        return null;
      }

      @Override
      public Void refer(Action.Refer a) {
        role(a.by(), line);
        name(protocol.outcome(a.outcome()).isPresent(), a.outcome(), line, "outcome",
            protocol.outcomes().stream().map(Outcome::name).toList());
        return null;
      }

      @Override
      public Void askForTime(Action.AskForTime a) {
        role(a.by(), line);
        return null;
      }

      @Override
      public Void grantTime(Action.GrantTime a) {
        role(a.by(), line);
        return null;
      }

      @Override
      public Void setTime(Action.SetTime a) {
        role(a.by(), line);
        return null;
      }

      @Override
      public Void escalate(Action.Escalate a) {
        role(a.by(), line);
        return null;
      }

      @Override
      public Void unavailable(Action.Unavailable a) {
        role(a.role(), line);
        return null;
      }

      @Override
      public Void agree(Action.Agree a) {
        role(a.role(), line);
        return null;
      }

      @Override
      public Void advise(Action.Advise a) {
        role(a.role(), line);
        return null;
      }

      @Override
      public Void set(Action.Set a) {
        ScenarioChecker.this.set(a, line);
        return null;
      }

      @Override
      public Void decide(Action.Decide a) {
        role(a.by(), line);
        name(protocol.attributes().stream().anyMatch(x -> x.name().equals(a.decision())
                && x.decision().isPresent()), a.decision(), line, "decision",
            protocol.attributes().stream().filter(x -> x.decision().isPresent())
                .map(Attribute::name).toList());
        return null;
      }

      @Override
      public Void grade(Action.Grade a) {
        ScenarioChecker.this.grade(a, line);
        return null;
      }

      @Override
      public Void happen(Action.Happen a) {
        name(protocol.events().stream().anyMatch(e -> e.name().equals(a.event())), a.event(),
            line, "event", protocol.events().stream().map(EventType::name).toList());
        return null;
      }

      @Override
      public Void setDate(Action.SetDate a) {
        name(protocol.date(a.date()).isPresent(), a.date(), line, "date",
            protocol.dates().stream().map(org.escalon.model.KnownDate::name).toList());
        a.in().filter(d -> d.unit() != org.escalon.model.TimeUnit.WORKING_DAYS).ifPresent(d ->
            problem(line, "in", "a date is set in working days (`is set in 5 working days`), "
                + "not in " + d, List.of()));
        return null;
      }

      @Override
      public Void done(Action.Done a) {
        role(a.by(), line);
        var model = org.escalon.machine.OperationalModel.of(protocol);
        List<String> ids = org.escalon.machine.StepClocks.ids(model.stages().stream()
            .flatMap(s -> s.duties().stream()).toList());
        name(org.escalon.machine.StepClocks.known(model, a.step()), a.step(), line, "step", ids);
        return null;
      }

      @Override
      public Void withdraw(Action.Withdraw a) {
        role(a.by(), line);
        return null;
      }
    });
  }

  // a start the calendar cannot count from is the scenario's mistake, said at its line
  private void start(java.time.LocalDate day, int line) {
    java.time.LocalDate first = org.escalon.calendar.WorkingCalendar.firstDay();
    java.time.LocalDate last = org.escalon.calendar.WorkingCalendar.lastDay();
    if (day.isBefore(first) || day.isAfter(last)) {
      String text = line >= 1 && line <= lines.length ? lines[line - 1] : "";
      int at = text.indexOf(day.toString());
      problems.add(new ScenarioProblem(file, line, at < 0 ? 1 : at + 1, 10,
          "the start " + day + " is outside the years the calendar knows (" + first + " to "
              + last + ")", Optional.of("start the scenario on a date the calendar covers")));
    }
  }

  private void raise(Action.Raise r, int line) {
    if (!r.by().isEmpty()) {
      role(r.by(), line);
    }
    r.stage().ifPresent(s -> stage(s, line));
  }

  private void set(Action.Set a, int line) {
    Optional<Attribute> attribute = protocol.attributes().stream()
        .filter(x -> x.name().equals(a.attribute())).findFirst();
    if (attribute.isEmpty()) {
      problem(line, a.attribute(), "unknown attribute `" + a.attribute() + "`",
          protocol.attributes().stream().map(Attribute::name).toList());
      return;
    }
    if (attribute.get().decision().isPresent()) {
      problem(line, a.attribute(), "`" + a.attribute() + "` is a decision: write `"
          + attribute.get().decision().get().by().get(0) + " decides " + a.attribute()
          + "` (or `decides not`)" + attribute.get().decision().get().stage()
              .map(k -> " at stage " + k).orElse(""), List.of());
      return;
    }
    List<String> values = attribute.get().isYesNo() ? List.of("yes", "no")
        : attribute.get().choices();
    if (!values.contains(a.value())) {
      problem(line, a.value(), "`" + a.attribute() + "` takes " + String.join(" or ", values)
          + ", not `" + a.value() + "`", values);
    }
  }

  private void grade(Action.Grade a, int line) {
    Optional<Scale> scale = protocol.scales().stream().filter(s -> s.name().equals(a.scale()))
        .findFirst();
    if (scale.isEmpty()) {
      problem(line, a.scale(), "unknown grading scale `" + a.scale() + "`",
          protocol.scales().stream().map(Scale::name).toList());
      return;
    }
    List<String> grades = scale.get().grades().stream().map(Scale.Grade::name).toList();
    name(grades.contains(a.grade()), a.grade(), line, "grade of `" + a.scale() + "`", grades);
  }

  private void role(String role, int line) {
    name(protocol.role(role).isPresent(), role, line, "role",
        protocol.roles().stream().map(Role::name).toList());
  }

  private void stage(String stage, int line) {
    name(protocol.stage(stage).isPresent(), stage, line, "stage", stageKeys());
  }

  private List<String> stageKeys() {
    return protocol.stages().stream().map(Stage::key).toList();
  }

  private void name(boolean known, String name, int line, String kind,
      Collection<String> declared) {
    if (!known) {
      problem(line, name, "unknown " + kind + " `" + name + "`", declared);
    }
  }

  private void problem(int line, String name, String message, Collection<String> declared) {
    String text = line >= 1 && line <= lines.length ? lines[line - 1] : "";
    int colon = Math.max(0, text.indexOf(':') + 1);
    int at = text.indexOf(name, text.startsWith("stage") && message.contains("stage")
        ? 0 : colon);
    int column = at < 0 ? 1 : at + 1;
    Optional<String> help = Suggestions.closest(name, declared).map(n -> "did you mean `" + n
        + "`?").or(() -> declared.isEmpty() ? Optional.empty()
            : Optional.of("the protocol declares " + String.join(", ",
                declared.stream().limit(8).toList()) + (declared.size() > 8 ? ", ..." : "")));
    problems.add(new ScenarioProblem(file, line, column, name.length(), message, help));
  }
}
