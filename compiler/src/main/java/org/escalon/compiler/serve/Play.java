package org.escalon.compiler.serve;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.model.Citation;
import org.escalon.model.Timespan;
import org.escalon.model.Protocol;
import org.escalon.model.TimeUnit;
import org.escalon.simulate.Scenario;
import org.escalon.simulate.ScenarioStep;
import org.escalon.simulate.ScenarioWriter;
import org.escalon.simulate.Simulator;
import org.escalon.simulate.Timeline;
import org.escalon.simulate.TimelineRow;

/**
 * The play panel's escalation. A play is a scenario written one click at a time: each action
 * becomes a scenario step at the stage and working day the clock shows, and what the panel shows
 * is the simulator's timeline of that scenario up to the clock. So a played run and the saved
 * scenario run by {@code escalon simulate --scenario} give the same stages and deadlines by
 * construction, and refusals are the engine's, with its rule and citation.
 *
 * <p>The server keeps no state: the page sends the whole list of clicks and the play is replayed.
 */
public final class Play {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.UK);

  private final Protocol protocol;
  private final Simulator simulator;
  private final WorkingCalendar calendar;
  private final ZoneId zone;
  private final LocalDate start;

  public Play(Protocol protocol, LocalDate start) {
    this.protocol = protocol;
    this.simulator = new Simulator(protocol);
    this.calendar = simulator.calendar();
    this.zone = calendar.zone();
    this.start = start;
  }

  /** What the panel shows after the clicks, in order; the last refused click says why. */
  public PlayView replay(List<PlayAction> actions) {
    List<ScenarioStep> steps = new ArrayList<>();
    Instant clock = null;
    Optional<String> refusal = Optional.empty();
    for (PlayAction action : actions) {
      refusal = Optional.empty();
      if (action.kind().equals("raise")) {
        clock = clock == null ? start.atTime(9, 0).atZone(zone).toInstant() : clock;
        continue;
      }
      if (clock == null) {
        refusal = Optional.of("raise the escalation first");
        continue;
      }
      Timeline now = run(steps);
      if (ended(now, clock)) {
        refusal = Optional.of("the escalation has ended");
        continue;
      }
      if (action.kind().equals("pass")) {
        Instant from = clock;
        Optional<TimelineRow> due = now.rows().stream()
            .filter(r -> r.kind() == TimelineRow.Kind.TIMED_OUT && r.at().isAfter(from))
            .findFirst();
        if (due.isPresent()) {
          clock = due.get().at();
        } else {
          refusal = Optional.of("no deadline is running: nothing happens however long one waits");
        }
        continue;
      }
      Instant was = clock;
      TimelineRow entered = lastEntry(now, was);
      int visit = (int) now.rows().stream().filter(r -> !r.at().isAfter(was))
          .filter(Play::entry).filter(r -> r.stage().equals(entered.stage())).count();
      LocalDate entryDay = entered.at().plusNanos(1).atZone(zone).toLocalDate();
      LocalDate today = clock.atZone(zone).toLocalDate();
      int day = 0;
      while (calendar.addWorkingDays(entryDay, day).isBefore(today)) {
        day++;
      }
      Instant noon = calendar.addWorkingDays(entryDay, day).atTime(12, 0).atZone(zone)
          .toInstant();
      Instant at = noon.isAfter(clock) ? noon : clock;
      ScenarioStep step = new ScenarioStep(new ScenarioStep.When.AtStage(entered.stage(), visit,
          day), scenarioAction(action, entered), steps.size() + 1);
      List<ScenarioStep> tried = new ArrayList<>(steps);
      tried.add(step);
      Timeline after = run(tried);
      Optional<TimelineRow> refused = after.rows().stream()
          .filter(r -> r.kind() == TimelineRow.Kind.REFUSED && !r.at().isAfter(at))
          .skip(refusals(now, at)).findFirst();
      if (refused.isPresent()) {
        refusal = Optional.of(refused.get().what()
            + refused.get().citation().map(Play::cited).orElse(""));
      } else {
        steps = tried;
        clock = at;
      }
    }
    return view(steps, clock, refusal);
  }

  private PlayView view(List<ScenarioStep> steps, Instant clock, Optional<String> refusal) {
    Scenario scenario = scenario(steps);
    String written = ScenarioWriter.write(scenario);
    if (clock == null) {
      return new PlayView(false, false, "", "", List.of(), List.of(), List.of(),
          refusal.orElse(""), written,
          "");
    }
    Timeline timeline = simulator.run(scenario, start);
    List<TimelineRow> shown = timeline.rows().stream().filter(r -> !r.at().isAfter(clock))
        .filter(r -> r.kind() != TimelineRow.Kind.REFUSED).toList();
    TimelineRow entered = lastEntry(timeline, clock);
    String deadline = shown.isEmpty() ? "" : shown.get(shown.size() - 1).deadline()
        .map(this::close).orElse("none");
    List<PlayView.Row> log = shown.stream().map(r -> new PlayView.Row(r.date().toString(),
        r.workingDay(), r.stage(), r.what(), r.deadline().map(this::close).orElse(""))).toList();
    boolean ended = ended(timeline, clock);
    return new PlayView(true, ended, ended ? timeline.outcome().orElse("") : entered.stage(),
        ended ? "" : deadline, entered.to(), entered.copied(), log, refusal.orElse(""), written,
        clock.atZone(zone).toLocalDateTime().toString());
  }

  private Scenario scenario(List<ScenarioStep> steps) {
    return new Scenario("played in the workspace", Optional.of(start), Optional.empty(), false,
        true, List.of(), steps);
  }

  private Timeline run(List<ScenarioStep> steps) {
    return simulator.run(scenario(steps), start);
  }

  private ScenarioStep.Action scenarioAction(PlayAction a, TimelineRow entered) {
    String recipient = entered.to().isEmpty() ? protocol.header().raisedBy() : entered.to().get(0);
    String raiser = protocol.header().raisedBy();
    Optional<String> reason = Optional.ofNullable(a.reason()).filter(r -> !r.isBlank());
    return switch (a.kind()) {
      case "respond" -> new ScenarioStep.Action.Respond(or(a.by(), recipient), a.resolving());
      case "bypass" -> new ScenarioStep.Action.Bypass(or(a.by(), raiser), a.target(), reason);
      case "time" -> new ScenarioStep.Action.AskForTime(or(a.by(), recipient),
          new Timespan(Math.max(a.days(), 1), TimeUnit.WORKING_DAYS), true, reason);
      case "grant" -> new ScenarioStep.Action.GrantTime(or(a.by(), raiser));
      case "decide" -> new ScenarioStep.Action.Decide(or(a.by(), raiser), a.target(), true);
      default -> throw new IllegalArgumentException("`" + a.kind() + "` is not a play action: "
          + "use raise, pass, respond, bypass, time, grant or decide");
    };
  }

  private static String or(String given, String otherwise) {
    return given == null || given.isBlank() ? otherwise : given;
  }

  private static boolean entry(TimelineRow r) {
    return r.kind() == TimelineRow.Kind.RAISED || r.kind() == TimelineRow.Kind.ESCALATED;
  }

  private static TimelineRow lastEntry(Timeline t, Instant clock) {
    TimelineRow last = null;
    for (TimelineRow r : t.rows()) {
      if (entry(r) && !r.at().isAfter(clock)) {
        last = r;
      }
    }
    if (last == null) {
      throw new IllegalStateException("no stage entered by " + clock);
    }
    return last;
  }

  private static boolean ended(Timeline t, Instant clock) {
    return t.rows().stream()
        .anyMatch(r -> r.kind() == TimelineRow.Kind.CONCLUDED && !r.at().isAfter(clock));
  }

  private static long refusals(Timeline t, Instant by) {
    return t.rows().stream()
        .filter(r -> r.kind() == TimelineRow.Kind.REFUSED && !r.at().isAfter(by)).count();
  }

  private static String cited(Citation c) {
    return " (policy: " + c.text() + (c.span().isKnown() ? ", line " + c.span().line() : "")
        + ")";
  }

  // worded as the simulator's table words a deadline, so that the two can be read side by side
  private String close(Instant deadline) {
    ZonedDateTime local = deadline.atZone(zone);
    return local.toLocalTime().equals(LocalTime.MIDNIGHT)
        ? "close of " + DAY.format(WorkingCalendar.dayOf(deadline, zone))
        : DAY.format(local.toLocalDate()) + " " + local.toLocalTime();
  }
}
