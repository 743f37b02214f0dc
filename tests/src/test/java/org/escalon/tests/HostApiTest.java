package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Effect;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationState;
import org.escalon.engine.EventRecord;
import org.escalon.engine.RefusedEvent;
import org.escalon.engine.CallResult;
import org.escalon.engine.TimedEffect;
import org.escalon.json.RecordJson;
import org.escalon.model.Protocol;
import org.escalon.model.Target;
import org.junit.jupiter.api.Test;

/**
 * What a host system needs of the runtime, one test per finding of the host developer (issue 17):
 * restore from events, effects with their instant and cause, events with command id, actor and
 * metadata, refusal kinds, waiting escalations, late-entered events, JSON, thread-safety.
 */
class HostApiTest {

  static final Protocol KENT = ProtocolsTest.compile(
      Repository.root().resolve("protocols/kent-iro.esc")).protocol().orElseThrow();
  static final WorkingCalendar CALENDAR = WorkingCalendar.of(KENT.header().calendar(),
      KENT.header().zone());
  private static final Instant MONDAY_14_DEC = Instant.parse("2026-12-14T09:00:00Z");

  private final RecordingListener host = new RecordingListener();
  private final Escalation kent = new Escalation(KENT, CALENDAR, host);

  private static CaseEvent.Raise raise(Instant at) {
    return new CaseEvent.Raise(at, "IRO", Optional.empty(), Optional.empty());
  }

  @Test
  void anEscalationIsRestoredFromItsEventsOrItsRecords() {
    kent.step(EventRecord.command(raise(MONDAY_14_DEC), "c-1", "user-7", Map.of("via", "web")));
    kent.advanceTo(Instant.parse("2027-01-05T00:00:00Z"));
    Escalation fromEvents = Escalation.restore(KENT, CALENDAR, new RecordingListener(), kent.log());
    Escalation fromRecords = Escalation.fromRecords(KENT, CALENDAR, new RecordingListener(),
        kent.records());
    assertEquals(kent.state(), fromEvents.state());
    assertEquals(kent.state(), fromRecords.state());
    assertEquals(kent.records(), fromRecords.records());
  }

  @Test
  void aCatchUpAttributesEveryEffectToTheDeadlineThatCausedItAndItsInstant() {
    kent.apply(raise(MONDAY_14_DEC));
    CallResult step = kent.stepTo(Instant.parse("2027-03-01T00:00:00Z"));
    List<CaseEvent> log = kent.log();
    long deadlines = step.records().stream()
        .filter(r -> r.event() instanceof CaseEvent.DeadlinePassed).count();
    assertTrue(deadlines >= 6, "the catch-up passes six deadlines or more: " + deadlines);
    assertEquals(step.from() + step.records().size(), log.size());
    assertFalse(step.effects().isEmpty());
    for (TimedEffect e : step.effects()) {
      assertEquals(log.get(e.event()), e.cause(), "the effect's index names its cause");
      assertEquals(e.cause().at(), e.at(), "an effect is owed when its cause happened");
      assertTrue(e.event() >= step.from());
    }
    assertEquals(step.effects().stream().map(TimedEffect::effect).toList(), host.told.subList(
        host.told.size() - step.effects().size(), host.told.size()),
        "the listener heard the same effects in the same order");
  }

  @Test
  void theLogKeepsCommandIdActorAndMetadata() {
    EventRecord raised = EventRecord.command(raise(MONDAY_14_DEC), "cmd-42", "u-1001",
        Map.of("client", "liberi", "ip", "10.0.0.1"));
    kent.step(raised);
    assertEquals(raised, kent.records().get(0));
    assertEquals(Optional.of("cmd-42"), kent.records().get(0).commandId());
    assertEquals("liberi", kent.records().get(0).metadata().get("client"));
  }

  @Test
  void everyRefusalHasAKindBesideItsText() {
    assertEquals(RefusedEvent.Kind.NOT_NOW, refusal(new CaseEvent.Respond(MONDAY_14_DEC,
        "SocialWorker", true)), "nothing to respond to before the escalation is raised");
    kent.apply(raise(MONDAY_14_DEC));
    Instant later = Instant.parse("2026-12-15T09:00:00Z");
    assertEquals(RefusedEvent.Kind.FORBIDDEN, refusal(new CaseEvent.Bypass(later,
        "SocialWorker", "4", Optional.of("urgent"))));
    assertEquals(RefusedEvent.Kind.NOT_NOW, refusal(new CaseEvent.Raise(later, "IRO",
        Optional.empty(), Optional.empty())));
    assertEquals(RefusedEvent.Kind.UNKNOWN, refusal(new CaseEvent.Agree(later, "Nobody")));
    assertEquals(RefusedEvent.Kind.MALFORMED, refusal(new CaseEvent.SetAttribute(later,
        "for_alert", "perhaps")));
    assertEquals(RefusedEvent.Kind.MALFORMED, refusal(new CaseEvent.Withdraw(later, " ",
        Optional.empty())));
    assertEquals(RefusedEvent.Kind.OUT_OF_ORDER, refusal(new CaseEvent.Agree(
        MONDAY_14_DEC.minusSeconds(60), "IRO")));
  }

  private RefusedEvent.Kind refusal(CaseEvent event) {
    EscalationState before = kent.state();
    RefusedEvent refused = assertThrows(RefusedEvent.class, () -> kent.apply(event));
    assertFalse(refused.getMessage().isBlank());
    assertEquals(before, kent.state(), "a refusal changes nothing");
    return refused.kind();
  }

  @Test
  void anEscalationWaitingForCafcassRequirementsSaysWhatIsMissing() {
    kent.apply(new CaseEvent.Decide(MONDAY_14_DEC, "IRO", "proportionate", true));
    kent.apply(new CaseEvent.Raise(MONDAY_14_DEC, "IRO", Optional.of("4"),
        Optional.of("serious")));
    CallResult step = kent.stepTo(Instant.parse("2027-03-01T00:00:00Z"));
    assertEquals(Optional.of(new Target.ToOutcome("cafcass")), kent.state().waitingFor());
    assertEquals(Optional.empty(), kent.nextDue(), "nothing is due while it waits");
    Effect.WaitingFor waiting = step.effects().stream().map(TimedEffect::effect)
        .filter(Effect.WaitingFor.class::isInstance).map(Effect.WaitingFor.class::cast)
        .findFirst().orElseThrow();
    assertEquals("cafcass", waiting.target());
    assertEquals(2, waiting.missing().size(), waiting.missing().toString());
    assertTrue(waiting.missing().get(0).contains("QAAssistantDirector"), waiting.missing().get(0));
    assertTrue(waiting.missing().get(1).contains("LegalCounsel"), waiting.missing().get(1));
    assertTrue(host.told.contains(waiting), "the listener heard it (EscalationListener.waiting)");
    // the same wait is not told again while it lasts
    kent.apply(new CaseEvent.Agree(Instant.parse("2027-03-02T10:00:00Z"), "QAAssistantDirector"));
    assertTrue(kent.stepTo(Instant.parse("2027-03-03T00:00:00Z")).effects().isEmpty());
    kent.apply(new CaseEvent.Advise(Instant.parse("2027-03-03T10:00:00Z"), "LegalCounsel"));
    assertEquals(Optional.of("cafcass"), kent.state().outcome());
  }

  @Test
  void aReplyReceivedOn21DecAndKeyedInOn23DecIsReappliedFromItsRealDate() {
    kent.apply(raise(MONDAY_14_DEC));
    Instant keyedIn = Instant.parse("2026-12-23T09:00:00Z");
    kent.advanceTo(keyedIn);
    assertEquals(Optional.of("1"), kent.state().stage(), "the scheduler passed informal's deadline");
    CaseEvent reply = new CaseEvent.Respond(Instant.parse("2026-12-21T15:00:00Z"), "SocialWorker",
        true);
    RefusedEvent unmarked = assertThrows(RefusedEvent.class, () -> kent.apply(reply));
    assertEquals(RefusedEvent.Kind.OUT_OF_ORDER, unmarked.kind());

    int heard = host.told.size();
    CallResult step = kent.step(EventRecord.command(reply, "late-1", "u-9", Map.of()).enteredAt(keyedIn));
    assertTrue(step.revised());
    assertEquals(EscalationState.Status.ENDED, kent.state().status());
    assertEquals(Optional.of("informal"), kent.state().resolvedAt());
    assertEquals(List.of(new CaseEvent.DeadlinePassed(Instant.parse("2026-12-22T00:00:00Z"),
        "informal")), step.superseded().stream().map(EventRecord::event).toList());
    assertEquals(Optional.of(keyedIn), kent.records().get(1).enteredAt());
    assertEquals(reply, kent.log().get(1));
    assertEquals(kent.state(), Escalation.restore(KENT, CALENDAR, new RecordingListener(),
        kent.log()).state(), "the revised log replays to the same state");
    assertEquals(step.effects().stream().map(TimedEffect::effect).toList(),
        host.told.subList(heard, host.told.size()));
    assertTrue(step.effects().stream().allMatch(e -> e.cause().equals(reply)),
        "only the late reply's effects are new: " + step.effects());
  }

  @Test
  void aLateEventThatWouldMakeALaterOneImpossibleIsRefusedWithTheReason() {
    kent.apply(raise(MONDAY_14_DEC));
    kent.apply(new CaseEvent.Respond(Instant.parse("2026-12-16T09:00:00Z"), "SocialWorker", false));
    EscalationState before = kent.state();
    List<EventRecord> records = kent.records();
    CaseEvent withdrawn = new CaseEvent.Withdraw(Instant.parse("2026-12-15T09:00:00Z"), "IRO",
        Optional.empty());
    RefusedEvent refused = assertThrows(RefusedEvent.class, () -> kent.step(
        EventRecord.of(withdrawn).enteredAt(Instant.parse("2026-12-17T09:00:00Z"))));
    assertEquals(RefusedEvent.Kind.OUT_OF_ORDER, refused.kind());
    assertTrue(refused.rule().contains("2026-12-16T09:00:00Z respond"), refused.rule());
    assertEquals(before, kent.state());
    assertEquals(records, kent.records());
  }

  @Test
  void statesEventsRecordsAndEffectsRoundTripThroughJson() {
    kent.step(EventRecord.command(new CaseEvent.Decide(MONDAY_14_DEC, "IRO", "proportionate",
        true), "c-0", "u-1", Map.of()));
    kent.step(EventRecord.command(new CaseEvent.Raise(MONDAY_14_DEC, "IRO", Optional.of("4"),
        Optional.of("a \"quoted\" reason\nover two lines")), "c-1", "u-1", Map.of("k", "v")));
    kent.apply(new CaseEvent.SetAttribute(Instant.parse("2026-12-15T09:00:00Z"), "for_alert",
        "yes"));
    CallResult step = kent.stepTo(Instant.parse("2027-03-01T00:00:00Z"));
    EscalationState state = kent.state();
    assertEquals(state, RecordJson.read(RecordJson.write(state), EscalationState.class));
    for (EventRecord r : kent.records()) {
      assertEquals(r, RecordJson.read(RecordJson.write(r), EventRecord.class));
      assertEquals(r.event(), RecordJson.read(RecordJson.write(r.event()), CaseEvent.class));
    }
    for (TimedEffect e : step.effects()) {
      assertEquals(e, RecordJson.read(RecordJson.write(e), TimedEffect.class));
      assertEquals(e.effect(), RecordJson.read(RecordJson.write(e.effect()), Effect.class));
    }
    assertEquals("{\"type\":\"Agree\",\"at\":\"2026-12-15T09:00:00Z\",\"role\":\"IRO\"}",
        RecordJson.write(new CaseEvent.Agree(Instant.parse("2026-12-15T09:00:00Z"), "IRO")));
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> RecordJson.read("{\"type\":\"Agree\",\"at\":\"yesterday\",\"role\":\"IRO\"}",
            CaseEvent.class));
    assertTrue(bad.getMessage().contains("$.at"), bad.getMessage());
  }

  @Test
  void oneEscalationTakesCallsFromManyThreadsOneAfterAnother() throws Exception {
    Escalation shared = new Escalation(KENT, CALENDAR, new RecordingListener());
    shared.apply(raise(MONDAY_14_DEC));
    int threads = 4;
    int each = 200;
    Instant at = Instant.parse("2026-12-15T09:00:00Z");
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String value = t % 2 == 0 ? "yes" : "no";
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < each; i++) {
            shared.apply(new CaseEvent.SetAttribute(at, "for_alert", value));
            shared.state();
            shared.log();
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(1 + threads * each, shared.log().size(), "no call lost or half applied");
    assertEquals(shared.state(), Escalation.restore(KENT, CALENDAR, new RecordingListener(),
        shared.log()).state());
  }
}
