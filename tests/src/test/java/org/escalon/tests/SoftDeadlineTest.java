package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationState;
import org.escalon.engine.EventLog;
import org.escalon.engine.RefusedEvent;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

/**
 * How firm a deadline is (issue 14, point 3): a soft deadline (`where possible`, `as a guide`)
 * is recorded when missed and the escalation moves on only when the escalator escalates; the
 * words for urgency stand for their timescales.
 */
class SoftDeadlineTest extends EngineFixture {

  static final String SOURCE = """
      protocol "Soft deadlines" {
        raised by IRO
        role IRO "Independent Reviewing Officer"
        role SocialWorker "Social Worker"
        role TeamManager "Team Manager"
        attribute immediate_risk "immediate risk"
        stage 1 "Discuss" {
          to SocialWorker
          respond within 5 working days where possible source "should be settled within 5 working days"
          respond immediately if immediate_risk source "must respond immediately"
          when not resolved go to stage 2
          source "Stage 1"
        }
        stage 2 "To the Team Manager" {
          to TeamManager
          respond as soon as possible, assume at most 3 working days source "as soon as possible"
          when not resolved go to resolved
          source "Stage 2"
        }
      }
      """;

  static final Protocol PROTOCOL = compile("soft.esc", SOURCE);

  SoftDeadlineTest() {
    super(PROTOCOL, "IRO");
  }

  @Test
  void aMissedSoftDeadlineIsRecordedAndTheStageGoesOn() {
    raise();
    Instant due = closeOf("2026-03-09");
    assertEquals(Optional.of(due), escalation.state().deadline());
    escalation.advanceTo(due);
    EscalationState s = escalation.state();
    assertEquals(Optional.of("1"), s.stage(), "a soft deadline does not escalate");
    assertEquals(Optional.empty(), s.deadline(), "the clock stops");
    assertEquals(Optional.of(due), s.currentVisit().orElseThrow().missed());
    assertTrue(EventLog.format(escalation.log(), PROTOCOL)
        .contains("deadline stage=1  # missed, a soft deadline: recorded; the escalator decides"));
    // a late answer is still an answer
    escalation.apply(new CaseEvent.Respond(due.plusSeconds(3600), "SocialWorker", true));
    assertEquals(Optional.of("resolved"), escalation.state().outcome());
    assertEquals(Optional.of(false), escalation.state().visits().get(0).timescaleKept());
  }

  @Test
  void theEscalatorEscalatesOnlyAfterTheSoftDeadlineIsMissed() {
    raise();
    RefusedEvent early = refused(new CaseEvent.Escalate(T0.plusSeconds(3600), "IRO"));
    assertEquals(RefusedEvent.Kind.NOT_NOW, early.kind());
    assertTrue(early.getMessage().contains("has not been missed"), early.getMessage());
    Instant due = closeOf("2026-03-09");
    escalation.advanceTo(due);
    RefusedEvent byAnother = refused(new CaseEvent.Escalate(due, "TeamManager"));
    assertEquals(RefusedEvent.Kind.FORBIDDEN, byAnother.kind());
    assertTrue(byAnother.getMessage().contains("by the role that raised it (IRO)"),
        byAnother.getMessage());
    escalation.apply(new CaseEvent.Escalate(due.plusSeconds(7200), "IRO"));
    EscalationState s = escalation.state();
    assertEquals(Optional.of("2"), s.stage());
    assertEquals(Optional.of("no response"), s.visits().get(0).leftBy());
    // as soon as possible: by the close of the next working day (entered Tue 10 Mar, 02:00)
    assertEquals(Optional.of(closeOf("2026-03-11")), s.deadline());
    assertTrue(EventLog.format(escalation.log(), PROTOCOL).contains("escalate by=IRO"));
    assertEquals(escalation.log(), EventLog.parse(EventLog.format(escalation.log(), PROTOCOL),
        PROTOCOL, escalation.calendar()));
  }

  @Test
  void immediatelyMustBeMetByTheCloseOfTheDay() {
    escalation.apply(new CaseEvent.SetAttribute(T0, "immediate_risk", "yes"));
    raise();
    assertEquals(Optional.of(closeOf("2026-03-02")), escalation.state().deadline());
    escalation.advanceTo(closeOf("2026-03-02"));
    assertEquals(Optional.of("2"), escalation.state().stage(), "immediately must be met");
    assertFalse(escalation.state().visits().get(0).missed().isPresent());
    RefusedEvent firm = refused(new CaseEvent.Escalate(closeOf("2026-03-02"), "IRO"));
    assertEquals(RefusedEvent.Kind.NOT_NOW, firm.kind());
  }

  @Test
  void aProtocolWithNoSoftDeadlineForbidsEscalating() {
    Protocol firm = new EscalonCompiler().compile(SourceText.of("firm.esc",
        SOURCE.replace(" where possible", "").replace("respond as soon as possible, assume at "
            + "most 3 working days", "respond within 3 working days"))).protocol().orElseThrow();
    Escalation e = Escalation.of(firm);
    e.apply(new CaseEvent.Raise(T0, "IRO", Optional.empty(), Optional.empty()));
    RefusedEvent r = assertThrows(RefusedEvent.class,
        () -> e.apply(new CaseEvent.Escalate(T0.plusSeconds(60), "IRO")));
    assertEquals(RefusedEvent.Kind.FORBIDDEN, r.kind());
    assertTrue(r.getMessage().contains("has no soft deadline"), r.getMessage());
  }
}
