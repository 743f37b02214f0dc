package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationState;
import org.escalon.engine.EventLog;
import org.escalon.engine.RefusedEvent;
import org.escalon.model.Timespan;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

/**
 * Only the people the policy names act (issue 13, point 3): the reproducers of
 * {@code shared/reliability/R2R3Engine.java} and the rules around them. Every refusal cites the
 * rule that applied and leaves the state as it was.
 */
class EngineWhoMayActTest {

  private static final Protocol KENT = ProtocolsTest.compile(
      Repository.root().resolve("protocols/kent-iro.esc")).protocol().orElseThrow();
  private static final Instant T0 = Instant.parse("2026-12-14T09:00:00Z");

  private final Escalation kent = Escalation.of(KENT);

  private void raised() {
    kent.apply(new CaseEvent.Raise(T0, "IRO", Optional.empty(), Optional.empty()));
  }

  private RefusedEvent refused(CaseEvent event) {
    EscalationState before = kent.state();
    int logged = kent.log().size();
    RefusedEvent refusal = assertThrows(RefusedEvent.class, () -> kent.apply(event));
    assertEquals(before, kent.state(), "a refusal changes nothing");
    assertEquals(logged, kent.log().size(), "a refusal is not logged");
    return refusal;
  }

  @Test
  void onlyTheRolesAStageIsEscalatedToAnswerIt() {
    raised();
    // 2a: Cafcass resolving Kent's informal stage, addressed to the social worker
    RefusedEvent cafcass = refused(new CaseEvent.Respond(T0.plusSeconds(60), "Cafcass", true));
    assertEquals("stage informal is answered by SocialWorker, not Cafcass", cafcass.rule());
    assertTrue(cafcass.span().isKnown(), "cites the `to SocialWorker` line");
    kent.apply(new CaseEvent.Respond(T0.plusSeconds(60), "SocialWorker", true));
    assertEquals(Optional.of("resolved"), kent.state().outcome());
  }

  @Test
  void theRaiserCannotAnswerItsOwnEscalationToMoveItUp() {
    raised();
    // 2c: the IRO answering "unsatisfactory" twice would climb two stages in two minutes
    refused(new CaseEvent.Respond(T0.plusSeconds(60), "IRO", false));
    assertEquals(Optional.of("informal"), kent.state().stage());
  }

  @Test
  void onlyTheRaiserWithdraws() {
    raised();
    // 2b: Cafcass withdrawing an escalation it did not raise
    RefusedEvent cafcass = refused(new CaseEvent.Withdraw(T0.plusSeconds(60), "Cafcass",
        Optional.empty()));
    assertTrue(cafcass.rule().contains("withdrawn by the role that raised it (IRO)"),
        cafcass.rule());
    kent.apply(new CaseEvent.Withdraw(T0.plusSeconds(60), "IRO", Optional.of("resolved offline")));
    assertEquals(Optional.of("withdrawn"), kent.state().outcome());
  }

  @Test
  void moreTimeMustBePositiveAndCanBeDeclined() {
    raised();
    Instant t = T0.plusSeconds(3_600);
    kent.apply(new CaseEvent.Agree(t, "LineManager"));
    RefusedEvent negative = refused(new CaseEvent.RequestExtension(t, "SocialWorker",
        Timespan.workingDays(-3), true, Optional.of("ill")));
    assertTrue(negative.rule().contains("positive"), negative.rule());
    refused(new CaseEvent.RequestExtension(t, "SocialWorker", Timespan.workingDays(0), true,
        Optional.of("ill")));
    Optional<Instant> due = kent.nextDue();
    kent.apply(new CaseEvent.RequestExtension(t, "SocialWorker", Timespan.workingDays(5), true,
        Optional.of("ill")));
    refused(new CaseEvent.DeclineExtension(t, "SocialWorker"));
    kent.apply(new CaseEvent.DeclineExtension(t, "IRO"));
    assertEquals(Optional.empty(), kent.state().pendingExtension());
    assertEquals(due, kent.nextDue(), "declined: the deadline stays");
    refused(new CaseEvent.DeclineExtension(t, "IRO"));
    // a declined request no longer blocks the next one
    kent.apply(new CaseEvent.RequestExtension(t, "SocialWorker", Timespan.workingDays(2), true,
        Optional.of("still ill")));
    kent.apply(new CaseEvent.GrantExtension(t, "IRO"));
    assertEquals(EventLog.parse(EventLog.format(kent.log(), KENT)), kent.log(),
        "decline-extension is written to the log and read back");
  }

  private static final String RIGHTS = """
      protocol "Rights" {
        raised by IRO
        source "test"
        role IRO "Independent Reviewing Officer"
        role TeamManager "Team Manager"
        role Chair "Chair"
        role Head "Head of Service"
        role Director "Director"
        attribute in_care "the child is in care"
        attribute cp "the child has a child protection plan"
        stage 1 "One" { source "1" to TeamManager respond within 5 working days }
        stage 2 "Two" {
          source "2"
          to Chair
          only if cp
          requires agreement of Head
          respond within 5 working days
        }
        stage 3 "Three" {
          source "3"
          to Director
          respond within 5 working days
          when not resolved go to stage 3
        }
        IRO may start at stage 2, stage 3      source "start anywhere"
        IRO may bypass to stage 2 with reason  source "any stage, with reason"
        IRO may bypass to stage 3 with reason if in_care  source "children in care only"
      }
      """;

  @Test
  void aRefusalCitesTheRightThatAppliesNotTheFirstDeclared() {
    Escalation e = Escalation.of(OperationalModelTest.compile(RIGHTS));
    e.apply(new CaseEvent.Raise(T0, "IRO", Optional.empty(), Optional.empty()));
    RefusedEvent refusal = assertThrows(RefusedEvent.class, () -> e.apply(
        new CaseEvent.Bypass(T0.plusSeconds(60), "IRO", "3", Optional.of("urgent"))));
    assertEquals(Optional.of("children in care only"),
        refusal.citation().map(c -> c.text()), refusal.getMessage());
    assertTrue(refusal.rule().contains("only when its condition holds"), refusal.rule());
  }

  @Test
  void onlyIfIsHonouredAtTheRaiseAndDecidedBeforeRequires() {
    Escalation e = Escalation.of(OperationalModelTest.compile(RIGHTS));
    // stage 2 does not apply (no child protection plan): the raise goes on to stage 3, and the
    // agreement stage 2 requires is not asked for
    e.apply(new CaseEvent.Raise(T0, "IRO", Optional.of("2"), Optional.of("urgent")));
    assertEquals(Optional.of("3"), e.state().stage());
    Escalation routed = Escalation.of(OperationalModelTest.compile(RIGHTS));
    routed.apply(new CaseEvent.Raise(T0, "IRO", Optional.empty(), Optional.empty()));
    routed.apply(new CaseEvent.Respond(T0.plusSeconds(60), "TeamManager", false));
    assertEquals(Optional.of("3"), routed.state().stage());
    assertEquals(Optional.empty(), routed.state().waitingFor());
    // where stage 2 applies, its requirement blocks the raise there
    Escalation applies = Escalation.of(OperationalModelTest.compile(RIGHTS));
    applies.apply(new CaseEvent.SetAttribute(T0, "cp", "yes"));
    RefusedEvent blocked = assertThrows(RefusedEvent.class, () -> applies.apply(
        new CaseEvent.Raise(T0, "IRO", Optional.of("2"), Optional.of("urgent"))));
    assertEquals("cannot start at stage 2: Head has not agreed", blocked.rule());
  }
}
