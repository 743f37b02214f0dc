package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.compiler.verify.StepDeadlines;
import org.escalon.compiler.verify.Verification;
import org.escalon.compiler.verify.Verifier;
import org.escalon.compiler.verify.VerificationReport;
import org.escalon.model.Protocol;
import org.escalon.simulate.Scenario;
import org.escalon.simulate.Simulator;
import org.escalon.simulate.Timeline;
import org.escalon.simulate.TimelineRow;
import org.junit.jupiter.api.Test;

/**
 * Step deadlines verified (issue 14, point 4; docs/language.md section 10, "When step deadlines
 * fall"): the verifier's latest due day of each step agrees with the simulator's dated step
 * deadlines on the worst case, a step due after its stage's own deadline is marked, and W0508
 * flags a step whose clock alone outlasts a limit on its stage, and nothing else.
 */
class StepDeadlinesVerifiedTest {

  static final String SOURCE = """
      protocol "Step deadlines" {
        raised by Practitioner
        role Practitioner "Practitioner raising the concern"
        role TeamManager "Team Manager"
        role ServiceManager "Service Manager"
        form Minutes "Minutes of the meeting" { field decisions "Decisions" text }
        stage 1 "To the Team Manager" {
          to TeamManager
          action acknowledge "acknowledge the concern" by TeamManager within the same working day source "S1"
          record Minutes sent to Practitioner within 10 working days source "S1"
          respond within 5 working days
          source "Stage 1"
        }
        stage 2 "To the Service Manager" {
          to ServiceManager
          action "send an action plan" by ServiceManager within 3 working days source "S2"
          notify Practitioner "of the stage 1 review" within 12 working days after stage 1 source "S2"
          respond within 5 working days
          when not resolved go to resolved
          source "Stage 2"
        }
        limit "No more than 10 working days" {
          total of stage 1 and stage 2 at most 10 working days
          source "Timescales"
        }
      }
      """;

  private static final LocalDate START = LocalDate.of(2026, 12, 14);

  private static Protocol compile(String source) {
    return new EscalonCompiler().compile(SourceText.of("steps.esc", source)).protocol()
        .orElseThrow();
  }

  private static List<String> codes(String source) {
    return new EscalonCompiler().compile(SourceText.of("steps.esc", source)).diagnostics()
        .sorted().stream().map(d -> d.code().name()).toList();
  }

  @Test
  void theVerifierGivesTheLatestEachStepFallsDue() {
    Verification v = new Verifier().verify(compile(SOURCE), START);
    List<StepDeadlines.Row> rows = v.stepDeadlines();
    assertEquals(List.of("acknowledge", "record_minutes", "send_an_action_plan",
        "notify_practitioner"), rows.stream().map(StepDeadlines.Row::step).toList());
    // stage 1 is entered at the raise; stage 2 at the latest when stage 1's 5 working days pass
    assertEquals(List.of(0L, 10L, 8L, 12L), rows.stream().map(StepDeadlines.Row::latest).toList());
    assertEquals(Optional.of("5 working days"), rows.get(1).afterStage(),
        "the minutes can fall due after stage 1's own deadline");
    assertEquals(Optional.empty(), rows.get(0).afterStage());
    assertEquals(Optional.empty(), rows.get(3).afterStage(), "counted from another stage");
    String text = VerificationReport.render("steps.esc", v, START, false);
    assertTrue(text.contains("step deadlines, in working days from the raise"), text);
    assertTrue(text.contains("after the stage's own deadline (5 working days)"), text);
  }

  @Test
  void theFiguresAgreeWithTheSimulatedWorstCase() {
    Protocol p = compile(SOURCE);
    Verification v = new Verifier().verify(p, START);
    Timeline worst = new Simulator(p).run(Scenario.worstCase(), START);
    WorkingCalendar calendar = WorkingCalendar.of(p.header().calendar(), p.header().zone());
    List<Integer> simulated = worst.rows().stream()
        .filter(r -> r.kind() == TimelineRow.Kind.STEP_DUE)
        .map(r -> calendar.workingDayOf(START, r.deadline().orElseThrow())).toList();
    // on the calendar the move to stage 2 costs a day (section 19): stage 2's own steps fall one
    // working day later than the sum of the timescales; those of stage 1, and the one counted
    // from stage 1's start, on the same day
    assertEquals(List.of(0, 10, 9, 12), simulated, worst.rows().toString());
    List<Long> verified = v.stepDeadlines().stream().map(StepDeadlines.Row::latest).toList();
    assertEquals(List.of(0L, 10L, 8L, 12L), verified);
  }

  @Test
  void w0508FlagsAStepWhoseClockOutlastsTheLimitOnItsStage() {
    assertFalse(codes(SOURCE).contains("W0508"), "10 working days fit the limit of 10");
    assertTrue(codes(SOURCE.replace("within 10 working days source", "within 11 working days "
        + "source")).contains("W0508"), "11 working days after stage 1 starts outlast it");
    // a step counted from another stage's start is not compared: that stage may have started
    // long before
    assertFalse(codes(SOURCE.replace("within 12 working days after stage 1", "within 30 working "
        + "days after stage 1")).contains("W0508"));
    // a limit that does not count the step's stage says nothing of it
    assertFalse(codes(SOURCE.replace("within 10 working days source", "within 11 working days "
        + "source").replace("total of stage 1 and stage 2", "total of stage 2")).contains("W0508"));
  }
}
