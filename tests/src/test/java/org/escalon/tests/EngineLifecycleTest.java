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
import org.escalon.engine.EscalationState;
import org.escalon.engine.RefusedEvent;
import org.escalon.engine.ResolutionRecord;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

/** Reminders, concurrent referrals, withdrawal and the resolution record, on the seed protocols. */
class EngineLifecycleTest {

  private static Protocol protocol(String file) {
    return ProtocolsTest.compile(Repository.root().resolve("protocols/" + file)).protocol()
        .orElseThrow();
  }

  private static Escalation escalation(Protocol p, RecordingListener host) {
    return new Escalation(p, WorkingCalendar.of(p.header().calendar(), p.header().zone()), host);
  }

  @Test
  void theTemplateKeepsRemindingFortnightlyUntilResolved() {
    Protocol template = protocol("childrens-home-template.esc");
    RecordingListener host = new RecordingListener();
    List<Effect> told = host.told;
    Escalation e = escalation(template, host);
    e.apply(new CaseEvent.Raise(Instant.parse("2026-01-05T09:00:00Z"), template.header().raisedBy(),
        Optional.empty(), Optional.empty()));
    e.advanceTo(Instant.parse("2026-06-01T00:00:00Z"));
    assertEquals(Optional.of("ongoing"), e.state().stage());
    List<Effect.Remind> reminders = told.stream().filter(Effect.Remind.class::isInstance)
        .map(Effect.Remind.class::cast).toList();
    assertTrue(reminders.size() >= 4, "fortnightly from week 10 to June: " + reminders.size());
    assertEquals(List.of("DCS"), reminders.get(0).roles());
    assertTrue(e.nextDue().isPresent(), "the reminders never stop while it is unresolved");
    List<CaseEvent.ReminderDue> due = e.log().stream().filter(CaseEvent.ReminderDue.class::isInstance)
        .map(CaseEvent.ReminderDue.class::cast).toList();
    for (int i = 1; i < due.size(); i++) {
      long days = java.time.Duration.between(due.get(i - 1).at(), due.get(i).at()).toDays();
      assertTrue(days >= 14 && days <= 17, "a fortnight, rolled to a working day: " + days);
    }
  }

  @Test
  void aConcurrentReferralToCafcassLeavesTheLocalProcessRunning() {
    Protocol bexley = protocol("bexley-iro.esc");
    Escalation e = escalation(bexley, new RecordingListener());
    Instant t = Instant.parse("2026-02-02T09:00:00Z");
    e.apply(new CaseEvent.Raise(t, "IRO", Optional.empty(), Optional.empty()));
    // "a concurrent referral to Cafcass at the same time that s/he instigates the dispute
    // resolution process": at the raise, alongside
    e.apply(new CaseEvent.Refer(t, "IRO", "cafcass", Optional.empty()));
    assertEquals(EscalationState.Status.OPEN, e.state().status());
    assertEquals(List.of("cafcass"), e.state().referrals());
    // "at any point in the dispute resolution process": later, the escalation goes to Cafcass
    e.apply(new CaseEvent.Refer(t.plusSeconds(60), "IRO", "cafcass", Optional.empty()));
    assertEquals(EscalationState.Status.ENDED, e.state().status());
    assertEquals(Optional.of("cafcass"), e.state().outcome());
  }

  @Test
  void aWithdrawnEscalationTakesNoMoreEvents() {
    Protocol kent = protocol("kent-iro.esc");
    Escalation e = escalation(kent, new RecordingListener());
    Instant t = Instant.parse("2026-02-02T09:00:00Z");
    e.apply(new CaseEvent.Decide(t, "IRO", "proportionate", true));
    e.apply(new CaseEvent.Raise(t, "IRO", Optional.of("3"), Optional.empty()));
    assertEquals(Optional.of("3"), e.state().stage(),
        "the IRO may start at any level it judges proportionate");
    e.apply(new CaseEvent.Withdraw(t.plusSeconds(60), "IRO", Optional.of("resolved elsewhere")));
    assertEquals(Optional.of("withdrawn"), e.state().outcome());
    assertEquals(Optional.empty(), e.nextDue());
    RefusedEvent refused = assertThrows(RefusedEvent.class,
        () -> e.apply(new CaseEvent.Respond(t.plusSeconds(120), "SocialWorker", true)));
    assertTrue(refused.getMessage().contains("has ended"), refused.getMessage());
  }

  @Test
  void theResolutionRecordSaysWhichTimescalesWereKept() {
    Protocol kent = protocol("kent-iro.esc");
    Escalation e = escalation(kent, new RecordingListener());
    e.apply(new CaseEvent.Raise(Instant.parse("2026-02-02T09:00:00Z"), "IRO", Optional.empty(),
        Optional.empty()));
    // informal: no response by Monday 9 February; stage 1 answered on the Wednesday after
    e.apply(new CaseEvent.Respond(Instant.parse("2026-02-11T11:00:00Z"), "SocialWorker", true));
    ResolutionRecord record = ResolutionRecord.of(e);
    assertEquals(Optional.of("1"), record.levelOfResolution());
    assertEquals(List.of(Optional.of(false), Optional.of(true)),
        record.stages().stream().map(ResolutionRecord.StageLine::timescaleKept).toList());
    assertEquals(Optional.of("no response by the deadline"), record.stages().get(0).reason());
    assertTrue(record.toText().startsWith("Date of resolution: 2026-02-11\nLevel of resolution: stage 1\n"),
        record.toText());
  }

  @Test
  void eventsMustComeInTimeOrder() {
    Protocol kent = protocol("kent-iro.esc");
    Escalation e = escalation(kent, new RecordingListener());
    e.apply(new CaseEvent.Raise(Instant.parse("2026-02-02T09:00:00Z"), "IRO", Optional.empty(),
        Optional.empty()));
    RefusedEvent refused = assertThrows(RefusedEvent.class, () -> e.apply(
        new CaseEvent.Agree(Instant.parse("2026-02-01T09:00:00Z"), "LineManager")));
    assertTrue(refused.getMessage().contains("time order"), refused.getMessage());
  }
}
