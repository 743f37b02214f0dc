package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Effect;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationListener;
import org.escalon.engine.EscalationState;
import org.escalon.engine.EventLog;
import org.escalon.engine.RefusedEvent;
import org.escalon.engine.ResolutionRecord;
import org.escalon.engine.Snapshot;
import org.escalon.model.Timespan;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.model.Protocol;
import org.escalon.model.Stage;
import org.escalon.model.Target;
import org.escalon.model.Transitions;
import org.junit.jupiter.api.Test;

/** The engine on the Kent IRO protocol: the ladder, deadlines on real dates, rights and refusals. */
class EngineTest {

  private static final Protocol KENT = ProtocolsTest.compile(
      Repository.root().resolve("protocols/kent-iro.esc")).protocol().orElseThrow();
  private static final Instant MONDAY_14_DEC = Instant.parse("2026-12-14T09:00:00Z");

  private final RecordingListener host = new RecordingListener();
  private final List<Effect> told = host.told;
  private final Escalation kent = new Escalation(KENT,
      WorkingCalendar.of(KENT.header().calendar(), KENT.header().zone()), host);

  private static CaseEvent.Raise raise(Instant at) {
    return new CaseEvent.Raise(at, "IRO", Optional.empty(), Optional.empty());
  }

  @Test
  void deadlinesFallOnRealWorkingDaysAcrossChristmas() {
    kent.apply(raise(MONDAY_14_DEC));
    assertEquals(Optional.of("informal"), kent.state().stage());
    // day 0 is Monday 14 December; the 5th working day after it is Monday 21st, closing at midnight
    assertEquals(Optional.of(Instant.parse("2026-12-22T00:00:00Z")), kent.nextDue());
    kent.advanceTo(Instant.parse("2026-12-22T00:00:00Z"));
    assertEquals(Optional.of("1"), kent.state().stage());
    // 23, 24, then Christmas, the weekend and Boxing Day's substitute Monday: 29, 30, 31 December
    assertEquals(Optional.of(Instant.parse("2027-01-01T00:00:00Z")), kent.nextDue());
    assertTrue(told.stream().anyMatch(e -> e instanceof Effect.EscalateTo t
        && t.where().equals("1") && t.roles().equals(List.of("SocialWorker"))));
  }

  @Test
  void aResolvingResponseEndsResolvedAtThatStage() {
    kent.apply(raise(MONDAY_14_DEC));
    kent.apply(new CaseEvent.Respond(Instant.parse("2026-12-15T10:00:00Z"), "SocialWorker", true));
    assertEquals(EscalationState.Status.ENDED, kent.state().status());
    assertEquals(Optional.of(Target.RESOLVED), kent.state().outcome());
    assertEquals(Optional.of("informal"), kent.state().resolvedAt());
    ResolutionRecord record = ResolutionRecord.of(kent);
    assertEquals(Optional.of(java.time.LocalDate.parse("2026-12-15")), record.dateOfResolution());
    assertTrue(record.toText().contains("Timescales adhered to, stage informal"), record.toText());
  }

  @Test
  void aBypassNeedsTheRightAndTheIrosJudgement() {
    kent.apply(raise(MONDAY_14_DEC));
    EscalationState before = kent.state();
    Instant later = Instant.parse("2026-12-15T09:00:00Z");
    // "in more serious or urgent issues": the IRO's judgement, which the right reads
    RefusedEvent unjudged = assertThrows(RefusedEvent.class,
        () -> kent.apply(new CaseEvent.Bypass(later, "IRO", "4", Optional.empty())));
    assertTrue(unjudged.getMessage().contains("only when its condition holds"),
        unjudged.getMessage());
    assertTrue(unjudged.span().isKnown(), "the refusal cites the line of the right");
    RefusedEvent notAllowed = assertThrows(RefusedEvent.class,
        () -> kent.apply(new CaseEvent.Bypass(later, "SocialWorker", "4", Optional.of("x"))));
    assertTrue(notAllowed.getMessage().contains("no such right"), notAllowed.getMessage());
    RefusedEvent notTheirs = assertThrows(RefusedEvent.class,
        () -> kent.apply(new CaseEvent.Decide(later, "SocialWorker", "serious", true)));
    assertTrue(notTheirs.getMessage().contains("decided by IRO"), notTheirs.getMessage());
    assertEquals(before, kent.state(), "a refused event changes nothing");
    kent.apply(new CaseEvent.Decide(later, "IRO", "serious", true));
    kent.apply(new CaseEvent.Bypass(later, "IRO", "4", Optional.empty()));
    assertEquals(Optional.of("4"), kent.state().stage(), "no reason is asked for");
  }

  @Test
  void cafcassWaitsForItsPreconditionsThenEnds() {
    kent.apply(raise(MONDAY_14_DEC));
    kent.advanceTo(Instant.parse("2027-06-01T00:00:00Z"));
    assertEquals(EscalationState.Status.OPEN, kent.state().status());
    assertEquals(Optional.of(new Target.ToOutcome("cafcass")), kent.state().waitingFor());
    assertEquals(List.of("informal", "1", "2", "3", "4", "5", "6"), kent.state().completed());
    Instant june = Instant.parse("2027-06-02T09:00:00Z");
    kent.apply(new CaseEvent.Agree(june, "QAAssistantDirector"));
    assertEquals(EscalationState.Status.OPEN, kent.state().status(), "advice is still missing");
    kent.apply(new CaseEvent.Advise(june, "LegalCounsel"));
    assertEquals(Optional.of("cafcass"), kent.state().outcome());
    assertThrows(RefusedEvent.class,
        () -> kent.apply(new CaseEvent.Respond(june, "SocialWorker", true)));
  }

  @Test
  void extensionsFollowTheRule() {
    kent.apply(raise(MONDAY_14_DEC));
    Instant t = Instant.parse("2026-12-15T09:00:00Z");
    Timespan five = Timespan.workingDays(5);
    RefusedEvent notInWriting = assertThrows(RefusedEvent.class, () -> kent.apply(
        new CaseEvent.RequestExtension(t, "SocialWorker", five, false, Optional.of("ill"))));
    assertTrue(notInWriting.getMessage().contains("in writing"), notInWriting.getMessage());
    // Kent asks the line manager's agreement of social workers and case-holding managers only
    // (kent-iro.md, Corrections 3): `requires ... when requested by`
    RefusedEvent unagreed = assertThrows(RefusedEvent.class, () -> kent.apply(
        new CaseEvent.RequestExtension(t, "SocialWorker", five, true, Optional.of("ill"))));
    assertTrue(unagreed.getMessage().contains("LineManager has not agreed"),
        unagreed.getMessage());
    kent.apply(new CaseEvent.Agree(t, "LineManager"));
    kent.apply(new CaseEvent.RequestExtension(t, "SocialWorker", five, true, Optional.of("ill")));
    assertThrows(RefusedEvent.class, () -> kent.apply(new CaseEvent.GrantExtension(t, "TeamManager")));
    kent.apply(new CaseEvent.GrantExtension(t, "IRO"));
    // the 5 working days to Monday 21st, then 5 more past Christmas: Wednesday 30 December
    assertEquals(Optional.of(Instant.parse("2026-12-31T00:00:00Z")), kent.nextDue());
  }

  @Test
  void anInadequateGradingRaisesTheEscalationAutomatically() {
    Instant t = Instant.parse("2026-11-02T10:00:00Z");
    kent.apply(new CaseEvent.Grade(t, "grading", "health", "good"));
    assertEquals(EscalationState.Status.NOT_RAISED, kent.state().status());
    kent.apply(new CaseEvent.Grade(t, "grading", "education", "requires_improvement"));
    assertEquals(EscalationState.Status.NOT_RAISED, kent.state().status());
    kent.apply(new CaseEvent.Grade(t.plusSeconds(86_400), "grading", "education",
        "requires_improvement"));
    assertEquals(EscalationState.Status.OPEN, kent.state().status(), "two RI in a row");
    assertEquals(Optional.of("1"), kent.state().stage());
    assertEquals(List.of("repeated_requires_improvement"), kent.state().triggered());
  }

  @Test
  void theLogAndTheSnapshotGiveBackTheSameEscalation() {
    kent.apply(raise(MONDAY_14_DEC));
    kent.apply(new CaseEvent.Decide(Instant.parse("2026-12-15T09:00:00Z"), "IRO", "serious",
        true));
    kent.apply(new CaseEvent.Bypass(Instant.parse("2026-12-15T09:00:00Z"), "IRO", "3",
        Optional.of("serious \"and\" urgent # now")));
    kent.advanceTo(Instant.parse("2027-01-20T00:00:00Z"));
    String text = EventLog.format(kent.log(), KENT);
    assertTrue(text.contains("deadline stage=3  # "), text);
    assertEquals(kent.log(), EventLog.parse(text));
    Escalation restored = Snapshot.restore(Snapshot.write(kent), KENT, kent.calendar(),
        new EscalationListener() {});
    assertEquals(kent.state(), restored.state());
    assertEquals(kent.state(), Escalation.replay(KENT, kent.calendar(), kent.log()));
  }

  @Test
  void aModelThatLoopsAtOneInstantIsRefusedNotRunForEver() {
    Protocol counting = new EscalonCompiler().compile(SourceText.of("counting.esc", """
        protocol "Counting from an event" {
          raised by CPChair
          source "Example Council"
          role CPChair "Child Protection Conference Chair"
          role TeamManager "Team Manager"
          event conference_held "the review child protection conference was held"
          stage 1 "Actions from the review conference" {
            to TeamManager
            respond by 10 working days after conference_held
            when not resolved go to resolved
            source "Section 4"
          }
        }
        """)).protocol().orElseThrow();
    // what the compiler refuses (E0414), built by hand: no response goes back to stage 1
    Stage one = counting.stages().get(0);
    Stage loops = new Stage(one.key(), one.title(), one.steps(), one.timescales(),
        one.preconditions(), one.onlyIf(), new Transitions(one.transitions().onResolved(),
            new Target.ToStage("1"), new Target.ToStage("1")), one.extension(), one.citations(),
        one.span());
    Protocol looping = new Protocol(counting.name(), counting.header(), counting.agencies(),
        counting.roles(), counting.attributes(), counting.events(), counting.scales(),
        counting.forms(), List.of(loops), counting.outcomes(), counting.rights(),
        counting.extension(), counting.triggers(), counting.limits(), counting.properties(),
        counting.span());
    Escalation escalation = Escalation.of(looping);
    escalation.apply(new CaseEvent.Occur(MONDAY_14_DEC, "conference_held"));
    escalation.apply(new CaseEvent.Raise(MONDAY_14_DEC, "CPChair", Optional.empty(),
        Optional.empty()));
    EscalationState before = escalation.state();
    RefusedEvent refused = assertThrows(RefusedEvent.class,
        () -> escalation.advanceTo(Instant.parse("2027-02-01T00:00:00Z")));
    assertTrue(refused.getMessage().contains("for ever") && refused.getMessage().contains("E0414"),
        refused.getMessage());
    assertEquals(before, escalation.state(), "nothing changed");
    assertEquals(2, escalation.log().size());
  }
}
