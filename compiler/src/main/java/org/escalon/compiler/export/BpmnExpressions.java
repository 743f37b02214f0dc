package org.escalon.compiler.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.machine.AnchorCases;
import org.escalon.machine.Guard;
import org.escalon.machine.Timescales;
import org.escalon.model.TimeUnit;
import org.escalon.model.Timescale;
import org.escalon.model.Timespan;

/**
 * The expressions of the BPMN export, in the unified expression language (JUEL) that Flowable,
 * Camunda 7 and Activiti evaluate: the operational model's guards over the process variables the
 * host sets, and the timer descriptions read by Escalon's business calendars. Variables are read
 * with {@code execution.getVariable}, so one that was never set is null rather than an error.
 */
final class BpmnExpressions {

  /** The business calendar that counts the days of an ISO duration as working days. */
  static final String WORKING_DAYS = "escalon-working-days";

  /** The business calendar that counts ISO durations in calendar time, rolled to a working day. */
  static final String CALENDAR = "escalon-calendar";

  /** The timer description for a stage none of whose timescales applies to the case. */
  static final String NEVER = "never";

  /** A stage's timer: what to count and which calendar counts it. */
  record Timer(String description, String calendar) {}

  private BpmnExpressions() {}

  static String variable(String name) {
    return "execution.getVariable('" + name + "')";
  }

  static String completed(String stage) {
    return "completed_" + stage;
  }

  static String agreed(String role) {
    return "agreed_" + role;
  }

  static String advised(String role) {
    return "advised_" + role;
  }

  /** Set by the host when a step a stage requires before it is entered is reported done. */
  static String done(String step) {
    return "done_" + step;
  }

  static String last(String event) {
    return "last_" + event;
  }

  /** A whole expression: {@code ${...}}. */
  static String expression(String body) {
    return "${" + body + "}";
  }

  /**
   * A guard as a JUEL test. The history of a case (events, gradings, time since an event) is
   * what a trigger's rule speaks of, and triggers are the host's to evaluate: no flow of the
   * process is guarded by one.
   */
  static String guard(Guard guard) {
    return guard.accept(new Guard.Visitor<String>() {
      @Override
      public String always() {
        return "true";
      }

      @Override
      public String attribute(Guard.Attribute g) {
        return variable(g.name()) + " == '" + g.value() + "'";
      }

      @Override
      public String completed(Guard.Completed g) {
        return variable(BpmnExpressions.completed(g.stage())) + " == true";
      }

      @Override
      public String agreed(Guard.Agreed g) {
        return variable(BpmnExpressions.agreed(g.role())) + " == true";
      }

      @Override
      public String advised(Guard.Advised g) {
        return variable(BpmnExpressions.advised(g.role())) + " == true";
      }

      @Override
      public String done(Guard.Done g) {
        return variable(BpmnExpressions.done(g.step())) + " == true";
      }

      @Override
      public String occurred(Guard.Occurred g) {
        throw history(g);
      }

      @Override
      public String graded(Guard.Graded g) {
        throw history(g);
      }

      @Override
      public String elapsed(Guard.Elapsed g) {
        throw history(g);
      }

      @Override
      public String not(Guard.Not g) {
        return "not (" + g.operand().accept(this) + ")";
      }

      @Override
      public String and(Guard.And g) {
        return "(" + g.left().accept(this) + ") and (" + g.right().accept(this) + ")";
      }

      @Override
      public String or(Guard.Or g) {
        return "(" + g.left().accept(this) + ") or (" + g.right().accept(this) + ")";
      }
    });
  }

  private static IllegalArgumentException history(Guard g) {
    return new IllegalArgumentException("a case's history is the host's to test, not the "
        + "process's: " + g);
  }

  /** Every guard at once, each in brackets. */
  static String all(List<Guard> guards) {
    return String.join(" and ", guards.stream().map(g -> "(" + guard(g) + ")").toList());
  }

  /** The ISO 8601 duration of a timescale, read by the calendar {@link #calendar} names. */
  static String iso(Timespan d) {
    return switch (d.unit()) {
      case WORKING_DAYS, CALENDAR_DAYS -> "P" + d.amount() + "D";
      case SAME_WORKING_DAY -> "P0D";
      case WEEKS -> "P" + d.amount() + "W";
      case MONTHS -> "P" + d.amount() + "M";
      case HOURS -> "PT" + d.amount() + "H";
    };
  }

  /**
   * The period of a reminder, for the engine's own cycle calendar: weeks as days, since cycles are
   * read as XML Schema durations, which have no weeks.
   */
  static String cycle(Timespan d) {
    return d.unit() == TimeUnit.WEEKS ? "P" + 7 * d.amount() + "D" : iso(d);
  }

  static String calendar(Timespan d) {
    return switch (d.unit()) {
      case WORKING_DAYS, SAME_WORKING_DAY -> WORKING_DAYS;
      case CALENDAR_DAYS, WEEKS, MONTHS, HOURS -> CALENDAR;
    };
  }

  /**
   * The timer of a stage, if it has a timescale, by the model's rule ({@link Timescales}): the
   * conditional timescales that hold apply, else the unconditional one, and the earliest deadline
   * of those that apply counts. One timescale counted from the stage's start is plain text
   * ({@code P5D}). Otherwise the description is an expression, evaluated when the stage starts,
   * that lists every timescale that applies, separated by {@code ;} ({@code never} when none
   * does): the business calendar counts each and keeps the earliest. When the stage's timescales
   * are counted by different calendars, each is marked with the calendar that counts it
   * ({@code escalon-calendar:PT24H}).
   */
  static Optional<Timer> timer(Timescales timescales) {
    if (timescales.isEmpty()) {
      return Optional.empty();
    }
    // a timescale set during the case counts its guide (or cap): a running timer is not moved
    // when the value is set (docs/language.md, section 10); one with neither has no timer (the
    // engine has no deadline until a value is set, which BPMN cannot wait for: docs/exports.md)
    List<Timescale> every = new ArrayList<>(timescales.otherwise());
    timescales.conditional().forEach(c -> every.add(c.timescale()));
    if (every.stream().allMatch(Timescale::awaitsValue)) {
      return Optional.empty();
    }
    List<String> calendars = every.stream().flatMap(t -> t.initial().stream())
        .map(BpmnExpressions::calendar).distinct().toList();
    boolean marked = calendars.size() > 1;
    String calendar = marked ? WORKING_DAYS : calendars.get(0);
    if (timescales.conditional().isEmpty() && every.size() == 1) {
      // counted from the stage's start: plain text, nothing to choose when the stage starts
      String plain = iso(every.get(0).initial().orElseThrow());
      if (description(every.get(0), false).equals("'" + plain + "'")) {
        return Optional.of(new Timer(plain, calendar));
      }
    }
    String otherwise = timescales.otherwise().isEmpty() ? "'" + NEVER + "'"
        : listed(timescales.otherwise().stream().map(t -> description(t, marked)).toList());
    List<Timescales.Conditional> conditional = timescales.conditional();
    if (conditional.isEmpty()) {
      return Optional.of(new Timer(expression(otherwise), calendar));
    }
    List<String> tests = conditional.stream().map(c -> "(" + guard(c.when()) + ")").toList();
    String holding;
    if (conditional.size() == 1) {
      holding = description(conditional.get(0).timescale(), marked);
    } else {
      StringBuilder list = new StringBuilder("''");
      for (int i = 0; i < conditional.size(); i++) {
        list.append(".concat(").append(tests.get(i)).append(" ? (")
            .append(description(conditional.get(i).timescale(), marked))
            .append(").concat(';') : '')");
      }
      holding = list.toString();
    }
    return Optional.of(new Timer(expression(String.join(" or ", tests) + " ? " + holding
        + " : (" + otherwise + ")"), calendar));
  }

  /** Several descriptions as one JUEL string, separated by {@code ;}. */
  private static String listed(List<String> descriptions) {
    if (descriptions.size() == 1) {
      return descriptions.get(0);
    }
    StringBuilder list = new StringBuilder("''");
    descriptions.forEach(d -> list.append(".concat(").append(d).append(").concat(';')"));
    return list.toString();
  }

  /**
   * A timescale's description as a JUEL string: counted from now, or from an ISO instant; marked
   * with its calendar when the stage's timescales are counted by more than one.
   */
  private static String description(Timescale t, boolean marked) {
    if (t.awaitsValue()) {
      return "'" + NEVER + "'"; // no deadline until a value is set
    }
    Timespan d = t.initial().orElseThrow();
    String iso = (marked ? calendar(d) + ":" : "") + iso(d);
    return AnchorCases.on(t.anchor(), new AnchorCases<>() {
      @Override
      public String stageStart() {
        return "'" + iso + "'";
      }

      @Override
      public String escalationStart() {
        return marked ? "'" + calendar(d) + ":'.concat(" + variable("raisedAt")
            + ").concat('/" + iso(d) + "')"
            : variable("raisedAt") + ".concat('/" + iso + "')";
      }

      @Override
      public String event(String name) {
        String last = variable(last(name));
        String from = marked ? "'" + calendar(d) + ":'.concat(" + last + ")" : last;
        return "(" + last + " == null) ? '" + NEVER + "' : " + from + ".concat('/"
            + iso(d) + "')";
      }

      @Override
      public String stage(String key) {
        throw new IllegalStateException("a stage's response timescale never counts from a stage: only a step's deadline does (the grammar has no way to say it)");
      }

      @Override
      public String before(String date) {
        throw new IllegalStateException("a stage's response timescale never counts back from a date: only a step's deadline does (the grammar has no way to say it)");
      }
    });
  }
}
