package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationState;
import org.escalon.engine.EventLog;
import org.escalon.engine.RefusedEvent;
import org.escalon.engine.StepClock;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

/**
 * Several clocks in one stage (issue 14, point 4): each step with a {@code within} starts a clock
 * when its stage is entered; the host reports it done; one that passes is logged and does not
 * move the escalation, whose course the stage's response timescale alone decides.
 */
class StepClocksTest extends EngineFixture {

  static final String SOURCE = """
      protocol "Several clocks" {
        raised by Practitioner
        role Practitioner "Practitioner"
        role TeamManager "Team Manager"
        form Minutes "Minutes of the meeting" { field notes "Notes" text }
        stage 1 "To the Team Manager" {
          to TeamManager
          action acknowledge "acknowledge the concern" by TeamManager within the same working day source "an acknowledgement due immediately"
          action "send an action plan" by TeamManager within 2 working days source "an action plan within two working days"
          record Minutes sent to Practitioner within 15 working days source "minutes within 15 working days"
          respond within 5 working days
          when not resolved go to resolved
          source "Stage 1"
        }
      }
      """;

  static final Protocol PROTOCOL = compile("clocks.esc", SOURCE);

  StepClocksTest() {
    super(PROTOCOL, "Practitioner");
  }

  @Test
  void enteringTheStageStartsAClockOnEachStepWithADeadline() {
    raise();
    List<StepClock> clocks = escalation.state().stepClocks();
    assertEquals(List.of("acknowledge", "send_an_action_plan", "record_minutes"),
        clocks.stream().map(StepClock::step).toList());
    assertEquals(List.of(closeOf("2026-03-02"), closeOf("2026-03-04"), closeOf("2026-03-23")),
        clocks.stream().map(StepClock::due).toList());
    assertEquals(Optional.of(closeOf("2026-03-02")), escalation.nextDue(),
        "the earliest clock is next due, before the stage's deadline");
  }

  @Test
  void aStepDoneInTimeStopsItsClockAndAMissedOneIsLoggedWithoutEscalating() {
    raise();
    escalation.apply(new CaseEvent.StepDone(T0.plusSeconds(3600), "TeamManager",
        "acknowledge"));
    escalation.advanceTo(Instant.parse("2026-03-05T12:00:00Z"));
    EscalationState s = escalation.state();
    assertEquals(Optional.of("1"), s.stage(), "a missed step deadline does not escalate");
    assertEquals(EscalationState.Status.OPEN, s.status());
    StepClock plan = s.stepClocks().get(1);
    assertTrue(plan.passed());
    assertTrue(s.stepClocks().get(0).done().isPresent());
    String log = EventLog.format(escalation.log(), PROTOCOL);
    assertTrue(log.contains("step-done by=TeamManager step=acknowledge"), log);
    assertTrue(log.contains("2026-03-05T00:00:00Z step-deadline stage=1 step=send_an_action_plan"
        + "  # an action plan within two working days"), log);
    assertEquals(escalation.log(), EventLog.parse(log, PROTOCOL, escalation.calendar()),
        "the log reads back, the step's deadline line included");
    escalation.apply(new CaseEvent.StepDone(Instant.parse("2026-03-05T13:00:00Z"),
        "TeamManager", "send_an_action_plan"));
    assertTrue(escalation.state().stepClocks().get(1).done().isPresent(), "done late");
    escalation.advanceTo(Instant.parse("2026-03-10T12:00:00Z"));
    assertEquals(Optional.of("resolved"), escalation.state().outcome(),
        "the stage's own timescale escalates");
  }

  @Test
  void aStepTheStageDoesNotHaveIsRefused() {
    raise();
    RefusedEvent r = assertThrows(RefusedEvent.class, () -> escalation.apply(
        new CaseEvent.StepDone(T0.plusSeconds(60), "TeamManager", "phone_the_police")));
    assertTrue(r.getMessage().contains("stage 1 has no step phone_the_police"), r.getMessage());
    assertEquals(RefusedEvent.Kind.UNKNOWN, r.kind());
  }

  static final String ANCHORED = """
      protocol "Step deadlines counted from elsewhere" {
        raised by Professional
        role Professional "Professional raising the concern"
        role Counterpart "Professional in the other agency"
        role LineManager "Line manager"
        event meeting_held "the resolution meeting was held"
        form Minutes "Minutes of the meeting" { field decisions "Decisions" text }
        stage 1 "Step 1" {
          to Counterpart
          respond within 2 working days
        }
        stage 2 "Step 2" {
          to LineManager
          action discuss "discuss manager to manager" by LineManager within 5 working days after stage 1
          record Minutes within 15 working days after meeting_held
          respond within 5 working days
          when not resolved go to resolved
        }
      }
      """;

  @Test
  void aStepCountsFromAnEarlierStageOrFromAnEventAtItsStage() {
    Protocol p = new EscalonCompiler().compile(SourceText.of("anchored.esc", ANCHORED))
        .protocol().orElseThrow();
    Escalation e = Escalation.of(p);
    e.apply(new CaseEvent.Raise(T0, "Professional", Optional.empty(), Optional.empty()));
    // stage 1 times out at the close of Wed 4 March; stage 2 starts then
    e.advanceTo(Instant.parse("2026-03-05T09:00:00Z"));
    assertEquals(Optional.of("2"), e.state().stage());
    assertEquals(List.of(new StepClock("2", "discuss", closeOf("2026-03-09"), Optional.empty(),
        false)), e.state().stepClocks(), "five working days from the start of step 1 (Mon 2 "
        + "March), not of step 2; the minutes wait for the meeting");
    e.apply(new CaseEvent.Occur(Instant.parse("2026-03-06T10:00:00Z"), "meeting_held"));
    assertEquals(closeOf("2026-03-27"), e.state().stepClocks().get(1).due(),
        "15 working days from the meeting on Fri 6 March");
    String log = EventLog.format(e.log(), p);
    assertEquals(e.log(), EventLog.parse(log, p, e.calendar()));
  }

  static final String URGENT = """
      protocol "Step deadlines in words for urgency" {
        raised by Practitioner
        role Practitioner "Practitioner"
        role TeamManager "Team Manager"
        stage 1 "To the Team Manager" {
          to TeamManager
          action acknowledge "acknowledge the concern" by TeamManager immediately source "an acknowledgement immediately"
          notify Practitioner "of the meeting date" without delay
          action plan "send an action plan" by TeamManager as soon as possible
          respond within 5 working days
          when not resolved go to resolved
          source "Stage 1"
        }
      }
      """;

  @Test
  void aWordForUrgencyOnAStepMeansWhatItMeansAtAStage() {
    Protocol p = compile("urgent.esc", URGENT);
    assertEquals(List.of(Optional.of(org.escalon.model.Timescale.Firmness.Word.IMMEDIATELY.span()),
        Optional.of(org.escalon.model.Timescale.Firmness.Word.WITHOUT_DELAY.span()),
        Optional.of(org.escalon.model.Timescale.Firmness.Word.AS_SOON_AS_POSSIBLE.span())),
        p.stages().get(0).steps().stream().skip(1).map(org.escalon.machine.StepClocks::within)
            .toList(), "each step has the timescale its word stands for at a stage");
    List<org.escalon.engine.EscalationMachine> both = EngineAndMachine.both(p,
        new GeneratedMachines(List.of(p)), List.of(new CaseEvent.Raise(T0, "Practitioner",
            Optional.empty(), Optional.empty())));
    for (org.escalon.engine.EscalationMachine m : both) {
      assertEquals(List.of(closeOf("2026-03-02"), closeOf("2026-03-02"), closeOf("2026-03-03")),
          m.state().stepClocks().stream().map(StepClock::due).toList(),
          "immediately and without delay: the close of the day the stage starts; as soon as "
              + "possible: the close of the next working day");
    }
    both.forEach(m -> m.advanceTo(Instant.parse("2026-03-04T12:00:00Z")));
    assertEquals(both.get(0).state(), both.get(1).state());
    assertEquals(Optional.of("1"), both.get(0).state().stage(),
        "a missed step deadline does not escalate, whatever its word");
    assertTrue(both.get(0).state().stepClocks().stream().allMatch(StepClock::passed));
  }
}
