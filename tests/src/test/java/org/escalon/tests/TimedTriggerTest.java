package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.EscalationMachine;
import org.escalon.engine.EscalationState;
import org.escalon.engine.EventLog;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

/**
 * A trigger whose rule waits for time ({@code at least 1 month since came_into_care and
 * life_story_work_not_started}): the rule becomes true when the month passes, with nothing else
 * happening, and the escalation is raised at that instant, not at whatever event comes next. The
 * engine and the generated machine agree throughout, and both tell a scheduler when to wake.
 */
class TimedTriggerTest {

  private static final Protocol PROTOCOL = ProtocolsTest.compile(
      Repository.root().resolve("tests/src/test/resources/constructs/timed-trigger.esc"))
      .protocol().orElseThrow();
  private static final GeneratedMachines MACHINES = new GeneratedMachines(List.of(PROTOCOL));
  private static final WorkingCalendar CALENDAR =
      WorkingCalendar.of(PROTOCOL.header().calendar(), PROTOCOL.header().zone());
  // Mon 14 Dec 2026, 12:00 in London; a month later is the close of Thu 14 Jan 2027
  private static final Instant CAME = Instant.parse("2026-12-14T12:00:00Z");
  private static final Instant MONTH = Instant.parse("2027-01-15T00:00:00Z");

  private static List<EscalationMachine> cameIntoCare(boolean workStarted) {
    return EngineAndMachine.both(PROTOCOL, MACHINES, List.of(
        new CaseEvent.SetAttribute(CAME.minusSeconds(3600), "life_story_work_not_started",
            workStarted ? "no" : "yes"),
        new CaseEvent.Occur(CAME, "came_into_care")));
  }

  @Test
  void whenTheMonthPassesWithNothingHappeningTheEscalationIsRaisedThen() {
    List<EscalationMachine> both = cameIntoCare(false);
    for (EscalationMachine m : both) {
      assertEquals(Optional.of(MONTH), m.nextDue(), "a scheduler is told to wake at the month");
      m.advanceTo(MONTH.minusSeconds(1));
      assertEquals(EscalationState.Status.NOT_RAISED, m.state().status());
      m.advanceTo(MONTH);
      assertEquals(Optional.of("1"), m.state().stage());
      assertEquals(Optional.of(MONTH), m.state().raisedAt(), "raised when the rule became true");
      assertEquals(new CaseEvent.TriggerDue(MONTH, "life_story_work"), m.log().get(2));
    }
    assertEquals(both.get(0).state(), both.get(1).state());
  }

  @Test
  void whenTheRuleDoesNotHoldAtTheMonthNothingIsRaisedAndTheTriggerWaitsForItsFacts() {
    List<EscalationMachine> both = cameIntoCare(true);
    Instant later = MONTH.plusSeconds(86_400 * 10);
    for (EscalationMachine m : both) {
      m.advanceTo(later);
      assertEquals(EscalationState.Status.NOT_RAISED, m.state().status());
      assertEquals(Optional.empty(), m.nextDue(), "nothing more to wake for");
      // the month has passed: the rule holds as soon as the fact does
      m.apply(new CaseEvent.SetAttribute(later, "life_story_work_not_started", "yes"));
      assertEquals(Optional.of(later), m.state().raisedAt());
    }
    assertEquals(both.get(0).state(), both.get(1).state());
  }

  @Test
  void theLogCarriesTheWakingAndALogWithoutItIsRefusedAsEdited() {
    EscalationMachine engine = cameIntoCare(false).get(0);
    engine.apply(new CaseEvent.Respond(MONTH.plusSeconds(36_000), "TeamManager", true));
    String log = EventLog.format(engine.log(), PROTOCOL);
    assertTrue(log.contains("trigger-due"), log);
    assertEquals(engine.log(), EventLog.parse(log, PROTOCOL, CALENDAR));
    String edited = log.lines().filter(l -> !l.contains("trigger-due"))
        .reduce("", (a, b) -> a + b + "\n");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EventLog.parse(edited, PROTOCOL, CALENDAR));
    assertTrue(e.getMessage().contains("the time trigger life_story_work waits for"),
        e.getMessage());
  }
}
