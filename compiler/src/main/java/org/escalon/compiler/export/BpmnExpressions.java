package org.escalon.compiler.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.model.Condition;
import org.escalon.model.Timespan;
import org.escalon.model.Precondition;
import org.escalon.model.Stage;
import org.escalon.model.Timescale;

/**
 * The expressions of the BPMN export, in the unified expression language (JUEL) that Flowable,
 * Camunda 7 and Activiti evaluate: conditions over the process variables the host sets, and the
 * timer descriptions read by Escalon's business calendars. Variables are read with {@code
 * execution.getVariable}, so one that was never set is null rather than an error.
 */
final class BpmnExpressions {

  /** The business calendar that counts the days of an ISO duration as working days. */
  static final String WORKING_DAYS = "escalon-working-days";

  /** The business calendar that counts ISO durations in calendar time, rolled to a working day. */
  static final String CALENDAR = "escalon-calendar";

  /** The timer description for a stage none of whose timescales applies to the case. */
  static final String NEVER = "never";

  /** A stage's timer: what to count and which calendar counts it, each text or an expression. */
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

  static String last(String event) {
    return "last_" + event;
  }

  /** A whole expression: {@code ${...}}. */
  static String expression(String body) {
    return "${" + body + "}";
  }

  static String condition(Condition c) {
    if (c instanceof Condition.Holds h) {
      return variable(h.attribute()) + " == 'yes'";
    } else if (c instanceof Condition.Is i) {
      return variable(i.attribute()) + " == '" + i.value() + "'";
    } else if (c instanceof Condition.Not n) {
      return "not (" + condition(n.operand()) + ")";
    } else if (c instanceof Condition.And a) {
      return "(" + condition(a.left()) + ") and (" + condition(a.right()) + ")";
    }
    Condition.Or o = (Condition.Or) c;
    return "(" + condition(o.left()) + ") or (" + condition(o.right()) + ")";
  }

  /** Every precondition at once; {@code onlyIf} is checked apart, as the engine does. */
  static String preconditions(List<Precondition> preconditions) {
    List<String> parts = new ArrayList<>();
    for (Precondition p : preconditions) {
      if (p instanceof Precondition.Completed c) {
        c.stages().forEach(s -> parts.add(variable(completed(s)) + " == true"));
      } else if (p instanceof Precondition.Agreement a) {
        parts.add(variable(agreed(a.role())) + " == true");
      } else if (p instanceof Precondition.Advice a) {
        parts.add(variable(advised(a.role())) + " == true");
      } else {
        parts.add("(" + condition(((Precondition.Holds) p).condition()) + ")");
      }
    }
    return String.join(" and ", parts);
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
    return d.unit() == org.escalon.model.TimeUnit.WEEKS ? "P" + 7 * d.amount() + "D" : iso(d);
  }

  static String calendar(Timespan d) {
    return switch (d.unit()) {
      case WORKING_DAYS, SAME_WORKING_DAY -> WORKING_DAYS;
      default -> CALENDAR;
    };
  }

  /**
   * The timer of a stage, if it has a timescale. One timescale counted from the stage's start is
   * plain text ({@code P5D}); otherwise the description is chosen when the stage starts: the first
   * conditional timescale whose condition holds, else the unconditional one, else {@link #NEVER}.
   */
  static Optional<Timer> timer(Stage stage) {
    List<Timescale> timescales = stage.timescales();
    if (timescales.isEmpty()) {
      return Optional.empty();
    }
    Timescale only = timescales.get(0);
    if (timescales.size() == 1 && only.when().isEmpty()
        && only.anchor() instanceof Timescale.Anchor.StageStart) {
      return Optional.of(new Timer(iso(only.duration()), calendar(only.duration())));
    }
    List<Timescale> conditional = timescales.stream().filter(t -> t.when().isPresent()).toList();
    Optional<Timescale> fallback = stage.defaultTimescale();
    String description = fallback.map(BpmnExpressions::description).orElse("'" + NEVER + "'");
    String calendar = "'" + fallback.or(() -> conditional.stream().reduce((a, b) -> b))
        .map(t -> calendar(t.duration())).orElse(WORKING_DAYS) + "'";
    boolean oneCalendar = true;
    for (int i = conditional.size() - 1; i >= 0; i--) {
      Timescale t = conditional.get(i);
      String test = "(" + condition(t.when().orElseThrow()) + ")";
      description = test + " ? " + description(t) + " : (" + description + ")";
      String own = "'" + calendar(t.duration()) + "'";
      oneCalendar &= own.equals(calendar);
      calendar = oneCalendar ? own : test + " ? " + own + " : (" + calendar + ")";
    }
    return Optional.of(new Timer(expression(description),
        oneCalendar ? calendar.substring(1, calendar.length() - 1) : expression(calendar)));
  }

  /** A timescale's description as a JUEL string: counted from now, or from an ISO instant. */
  private static String description(Timescale t) {
    String iso = iso(t.duration());
    if (t.anchor() instanceof Timescale.Anchor.EscalationStart) {
      return variable("raisedAt") + ".concat('/" + iso + "')";
    } else if (t.anchor() instanceof Timescale.Anchor.Event e) {
      String last = variable(last(e.name()));
      return "(" + last + " == null) ? '" + NEVER + "' : " + last + ".concat('/" + iso + "')";
    }
    return "'" + iso + "'";
  }
}
