package org.escalon.simulate;

import java.time.LocalDate;
import java.util.Optional;
import org.escalon.model.Timespan;

/** One line of a scenario: when something happens, what, and the line that says so. */
public record ScenarioStep(When when, Action action, int line) {

  /** When a step happens, at noon of the day it names. */
  public sealed interface When {

    /** The n-th working day after entering a stage (day 0 = the day it is entered). */
    record AtStage(String stage, int visit, int day) implements When {}

    /** The n-th working day after the escalation's start date. */
    record FromStart(int day) implements When {}

    /** A date. */
    record OnDate(LocalDate date) implements When {}

    /** Before the escalation is raised (case facts known from the start). */
    record Before() implements When {}
  }

  /** What happens. */
  public sealed interface Action {

    /** The escalation is raised by a role, at a stage. */
    record Raise(String by, Optional<String> stage, Optional<String> reason) implements Action {}

    /** The current stage's respondent answers, resolving the concern or not. */
    record Respond(String by, boolean resolving) implements Action {}

    /** A role bypasses to a stage or an outcome. */
    record Bypass(String by, String target, Optional<String> reason) implements Action {}

    /** A role refers to an outcome. */
    record Refer(String by, String outcome, Optional<String> reason) implements Action {}

    /** A role asks for more time. */
    record AskForTime(String by, Timespan amount, boolean inWriting, Optional<String> rationale)
        implements Action {}

    /** A role grants the time asked for. */
    record GrantTime(String by) implements Action {}

    /** {@code IRO sets the timescale to 10 working days}: a timescale set during the case. */
    record SetTime(String by, Timespan amount) implements Action {}

    /** {@code IRO escalates}: the escalator moves on after a soft deadline was missed. */
    record Escalate(String by) implements Action {}

    /**
     * {@code TeamManager is unavailable}: the host says an addressee of the current stage is
     * unavailable, and the substitute the stage names answers in its place.
     */
    record Unavailable(String role) implements Action {}

    /** A role gives its agreement. */
    record Agree(String role) implements Action {}

    /** A role gives its advice. */
    record Advise(String role) implements Action {}

    /** A case attribute takes a value. */
    record Set(String attribute, String value) implements Action {}

    /**
     * {@code ServiceManager decides justified} ({@code decides not justified}): a role takes a
     * decision of the stage.
     */
    record Decide(String by, String decision, boolean yes) implements Action {}

    /** A section of the plan is graded. */
    record Grade(String scale, String section, String grade) implements Action {}

    /** A declared event happens. */
    record Happen(String event) implements Action {}

    /**
     * {@code conference is set for 2026-12-14}, or {@code conference is set in 5 working days}
     * (that many working days after the day of the step): the host sets (or moves) a known date,
     * held at the start of that day in the protocol's zone.
     */
    record SetDate(String date, Optional<LocalDate> on, Optional<Timespan> in)
        implements Action {}

    /** The raiser withdraws the escalation. */
    record Withdraw(String by, Optional<String> reason) implements Action {}

    /** {@code IRO reports follow_up done}: a role reports a step of the stage done, by its id. */
    record Done(String by, String step) implements Action {}
  }
}
