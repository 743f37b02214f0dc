package org.escalon.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Effect;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationState;
import org.escalon.engine.EventRecord;
import org.escalon.engine.Fingerprint;
import org.escalon.engine.ProtocolMismatch;
import org.escalon.engine.RefusedEvent;
import org.escalon.engine.TimedEffect;
import org.escalon.model.CalendarSpec;
import org.escalon.model.Header;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

/** What the store promises, on one real database; a subclass says which. */
abstract class StoreContract {

  static final String KENT = Kent.PROTOCOL.name();
  static final Instant MONDAY_14_DEC = Instant.parse("2026-12-14T09:00:00Z");

  /** A new, empty database. */
  abstract Databases.Where database(String name);

  /** How many times the kill test halts a host process on this database. */
  abstract int kills();

  private EscalationStore open(Databases.Where where) {
    return EscalationStore.open(where.dataSource(), List.of(Kent.PROTOCOL));
  }

  private static CaseEvent raise(Instant at) {
    return new CaseEvent.Raise(at, "IRO", Optional.empty(), Optional.empty());
  }

  @Test
  void aCommandIsAppliedOnceHoweverOftenItIsSent() {
    EscalationStore store = open(database("idempotent"));
    Command raise = new Command("c-1", "u-1", raise(MONDAY_14_DEC), Map.of("via", "test"),
        Optional.empty());
    Receipt first = store.submit("e-1", KENT, raise);
    Receipt again = store.submit("e-1", KENT, raise);
    assertFalse(first.duplicate());
    assertTrue(again.duplicate());
    assertEquals(first.version(), again.version());
    Escalation stored = store.load("e-1").orElseThrow().escalation();
    assertEquals(1, stored.log().size());
    assertEquals(raise.record(), stored.records().get(0), "command id, actor, metadata kept");
    assertEquals(store.outbox("e-1").size(), store.outbox("e-1").stream().map(OutboxItem::id)
        .distinct().count());
  }

  @Test
  void theStoredLogAndOutboxAreWhatTheEngineWrites() {
    EscalationStore store = open(database("engine"));
    Escalation engine = new Escalation(Kent.PROTOCOL, Kent.CALENDAR, new org.escalon.engine.EscalationListener() {});
    List<TimedEffect> owed = new ArrayList<>();
    Command raise = Command.of("c-1", "u-1", raise(MONDAY_14_DEC));
    store.submit("e-1", KENT, raise);
    owed.addAll(engine.step(raise.record()).effects());
    // by then the deadlines of Informal Resolution and stage 1 have passed: stage 2 answers
    Command reply = Command.of("c-2", "u-2", new CaseEvent.Respond(
        Instant.parse("2027-01-04T10:00:00Z"), "TeamManager", false));
    store.submit("e-1", KENT, reply);
    owed.addAll(engine.step(reply.record()).effects());
    Escalation stored = store.load("e-1").orElseThrow().escalation();
    assertEquals(engine.records(), stored.records());
    assertEquals(engine.state(), stored.state());
    assertEquals(owed, store.outbox("e-1").stream().map(OutboxItem::effect).toList());
    assertTrue(engine.log().stream().anyMatch(e -> e instanceof CaseEvent.DeadlinePassed),
        "the reply came after deadlines had passed, which the store logged first");
  }

  @Test
  void aRefusedCommandWritesNothingAndSaysWhy() {
    EscalationStore store = open(database("refused"));
    store.submit("e-1", KENT, Command.of("c-1", "u-1", raise(MONDAY_14_DEC)));
    long outbox = store.outbox("e-1").size();
    RefusedEvent refused = assertThrows(RefusedEvent.class, () -> store.submit("e-1", KENT,
        Command.of("c-2", "u-1", new CaseEvent.Bypass(Instant.parse("2026-12-15T09:00:00Z"),
            "SocialWorker", "4", Optional.of("urgent")))));
    assertEquals(RefusedEvent.Kind.FORBIDDEN, refused.kind());
    assertEquals(1, store.load("e-1").orElseThrow().version());
    assertEquals(outbox, store.outbox("e-1").size());
    assertFalse(store.submit("e-1", KENT, Command.of("c-2", "u-1", new CaseEvent.Agree(
        Instant.parse("2026-12-15T09:00:00Z"), "IRO"))).duplicate(),
        "a refused command's id is free to use");
  }

  @Test
  void twoThreadsOnOneEscalationOneWinsOneGetsAConflict() throws Exception {
    EscalationStore store = open(database("race"));
    store.submit("e-1", KENT, Command.of("c-0", "u-0", raise(MONDAY_14_DEC)));
    CyclicBarrier bothRead = new CyclicBarrier(2);
    store.checkpoints(point -> {
      if (point.equals("apply:loaded")) {
        try {
          bothRead.await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    });
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Receipt>> calls = new ArrayList<>();
    try {
      for (String role : List.of("QAAssistantDirector", "LegalCounsel")) {
        calls.add(pool.submit(() -> store.submit("e-1", KENT, Command.of("c-" + role, "u-1",
            new CaseEvent.Agree(Instant.parse("2026-12-15T09:00:00Z"), role)))));
      }
      int won = 0;
      int conflicts = 0;
      for (Future<Receipt> call : calls) {
        try {
          assertEquals(2, call.get(60, TimeUnit.SECONDS).version());
          won++;
        } catch (java.util.concurrent.ExecutionException e) {
          assertTrue(e.getCause() instanceof ConcurrentUpdateException, e.getCause().toString());
          conflicts++;
        }
      }
      assertEquals(1, won);
      assertEquals(1, conflicts);
    } finally {
      pool.shutdownNow();
      store.checkpoints(Checkpoints.NONE);
    }
    Loaded loaded = store.load("e-1").orElseThrow();
    assertEquals(2, loaded.version());
    assertEquals(2, loaded.escalation().log().size(), "the raise and the winner's agreement");
    assertEquals(loaded.escalation().state(), Escalation.restore(Kent.PROTOCOL, Kent.CALENDAR,
        new org.escalon.engine.EscalationListener() {}, loaded.escalation().log()).state(), "the snapshot is the log's state");
  }

  @Test
  void theSchedulerAdvancesWhatIsDueAndFindsWhatWaits() {
    EscalationStore store = open(database("scheduler"));
    // starting at stage 4 is the IRO's right when the IRO judges it proportionate (Kent row 23)
    store.submit("waits", KENT, Command.of("c-0", "u-1", new CaseEvent.Decide(MONDAY_14_DEC,
        "IRO", "proportionate", true)));
    store.submit("waits", KENT, Command.of("c-1", "u-1", new CaseEvent.Raise(MONDAY_14_DEC,
        "IRO", Optional.of("4"), Optional.of("serious"))));
    store.submit("ends", KENT, Command.of("c-2", "u-1", raise(MONDAY_14_DEC)));
    store.submit("ends", KENT, Command.of("c-3", "u-2", new CaseEvent.Respond(
        Instant.parse("2026-12-15T09:00:00Z"), "SocialWorker", true)));
    Scheduler scheduler = new Scheduler(store, 10);
    assertEquals(new Scheduler.Tick(0, 0), scheduler.tick(MONDAY_14_DEC.plusSeconds(60)));
    Instant january = Instant.parse("2027-02-20T00:00:00Z");
    assertEquals(List.of("waits"), store.due(january, 10));
    assertEquals(new Scheduler.Tick(1, 0), scheduler.tick(january));
    assertEquals(List.of(new Waiting("waits", "cafcass")), scheduler.waiting());
    assertTrue(store.due(january.plusSeconds(86_400 * 365), 10).isEmpty(),
        "nothing is due while it waits");
    assertTrue(store.outbox("waits").stream().anyMatch(i -> i.effect().effect()
        instanceof Effect.WaitingFor w && w.missing().equals(List.of(
            "QAAssistantDirector has not agreed", "the advice of LegalCounsel has not been sought"))));
    store.submit("waits", KENT, Command.of("c-4", "u-3", new CaseEvent.Agree(
        january.plusSeconds(60), "QAAssistantDirector")));
    store.submit("waits", KENT, Command.of("c-5", "u-3", new CaseEvent.Advise(
        january.plusSeconds(120), "LegalCounsel")));
    assertTrue(scheduler.waiting().isEmpty());
    assertEquals(Optional.of("cafcass"), store.load("waits").orElseThrow().escalation().state()
        .outcome());
  }

  @Test
  void aLateReplyRevisesTheLogWithoutTouchingTheOldRows() throws SQLException {
    Databases.Where where = database("late");
    EscalationStore store = open(where);
    store.submit("e-1", KENT, Command.of("c-1", "u-1", raise(MONDAY_14_DEC)));
    Instant keyedIn = Instant.parse("2026-12-23T09:00:00Z");
    new Scheduler(store, 10).tick(keyedIn);
    assertEquals(Optional.of("1"), store.load("e-1").orElseThrow().escalation().state().stage());
    Command reply = Command.of("c-2", "u-2", new CaseEvent.Respond(
        Instant.parse("2026-12-21T15:00:00Z"), "SocialWorker", true)).enteredAt(keyedIn);
    store.submit("e-1", KENT, reply);
    Loaded loaded = store.load("e-1").orElseThrow();
    assertEquals(1, loaded.revision());
    assertEquals(EscalationState.Status.ENDED, loaded.escalation().state().status());
    assertEquals(reply.record(), loaded.escalation().records().get(1));
    assertEquals(Optional.of(keyedIn), loaded.escalation().records().get(1).enteredAt());
    try (Connection c = where.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT revision, COUNT(*) FROM escalon_event"
            + " GROUP BY revision ORDER BY revision")) {
      assertTrue(r.next());
      assertEquals(0, r.getInt(1));
      assertTrue(r.getInt(2) >= 2, "revision 0 keeps the raise and the deadline passing");
      assertTrue(r.next());
      assertEquals(1, r.getInt(1));
    }
  }

  @Test
  void anEscalationIsNotReplayedUnderOtherRules() {
    Databases.Where where = database("fingerprint");
    open(where).submit("e-1", KENT, Command.of("c-1", "u-1", raise(MONDAY_14_DEC)));
    Header h = Kent.PROTOCOL.header();
    Protocol revised = with(Kent.PROTOCOL, new Header(Optional.of("v2"), h.status(),
        h.effective(), h.review(), h.owner(), h.calendar(), h.zone(), h.raisedBy(),
        h.sources()));
    EscalationStore later = EscalationStore.open(where.dataSource(), List.of(revised));
    ProtocolMismatch refused = assertThrows(ProtocolMismatch.class, () -> later.load("e-1"));
    assertEquals(Optional.of(Fingerprint.of(Kent.PROTOCOL)), refused.stored());
    assertEquals(Fingerprint.of(revised), refused.current());
    assertEquals(h.version().orElse(""), refused.storedVersion());
    assertEquals("v2", refused.currentVersion());
    assertTrue(refused.getMessage().contains(Fingerprint.of(Kent.PROTOCOL).toString())
        && refused.getMessage().contains(Fingerprint.of(revised).toString()),
        refused.getMessage());
    assertThrows(ProtocolMismatch.class, () -> later.advance("e-1", MONDAY_14_DEC.plusSeconds(
        3_600 * 24 * 60)));
    assertEquals(1, open(where).load("e-1").orElseThrow().escalation().records().size(),
        "nothing was written under the other rules");
  }

  @Test
  void deadlinesAreReplayedAsRecordedAfterTheCalendarGainsClosureDays() throws SQLException {
    Databases.Where where = database("deadlines");
    EscalationStore store = open(where);
    store.submit("e-1", KENT, Command.of("c-1", "u-1", raise(MONDAY_14_DEC)));
    Instant due = store.load("e-1").orElseThrow().escalation().state().deadline().orElseThrow();
    try (Connection c = where.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT due FROM escalon_event WHERE position = 0")) {
      assertTrue(r.next());
      assertEquals(due, r.getObject(1, java.time.OffsetDateTime.class).toInstant(),
          "the raise's row keeps the deadline it set, as a log's due= does");
    }
    // the council closes for the two days after the raise: counted again, the deadline would move
    Header h = Kent.PROTOCOL.header();
    CalendarSpec closed = new CalendarSpec(h.calendar().region(), List.of(
        java.time.LocalDate.of(2026, 12, 15), java.time.LocalDate.of(2026, 12, 16)),
        h.calendar().yearly());
    Protocol later = with(Kent.PROTOCOL, new Header(h.version(), h.status(), h.effective(),
        h.review(), h.owner(), closed, h.zone(), h.raisedBy(), h.sources()));
    assertEquals(Fingerprint.of(Kent.PROTOCOL).rules(), Fingerprint.of(later).rules());
    assertTrue(WorkingCalendar.of(closed, h.zone()).deadline(MONDAY_14_DEC.atZone(h.zone()),
        Kent.PROTOCOL.stages().get(0).defaultTimescale().orElseThrow().duration()).toInstant()
        .isAfter(due), "the closure days fall within the first stage's timescale");
    try (Connection c = where.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM escalon_snapshot"); // so that loading replays the log
    }
    Escalation loaded = EscalationStore.open(where.dataSource(), List.of(later))
        .load("e-1").orElseThrow().escalation();
    assertEquals(Optional.of(due), loaded.state().deadline());
  }

  private static Protocol with(Protocol p, Header h) {
    return new Protocol(p.name(), h, p.agencies(), p.roles(), p.attributes(), p.events(),
        p.scales(), p.forms(), p.stages(), p.outcomes(), p.rights(), p.extension(), p.triggers(),
        p.limits(), p.properties(), p.span());
  }

  @Test
  void hostProcessesHaltedAtRandomPointsLoseAndRepeatNothing() throws Exception {
    long started = System.nanoTime();
    Random random = new Random(17);
    int kills = 0;
    int rounds = 0;
    while (kills < kills()) {
      rounds++;
      long seed = random.nextLong() & 0xffff;
      Workload workload = Workload.of(seed, 3, 30);
      Databases.Where where = database("kill");
      // the first host process creates the schema, so that a kill can also fall in a migration
      int lives = 0;
      while (kills < kills()) {
        lives++;
        int haltAt = 1 + random.nextInt(lives == 1 ? 10 : 60);
        int exit = host(where, seed, haltAt);
        if (exit == 0) {
          break;
        }
        assertEquals(KillWorker.HALTED, exit, "the host process halted, not failed");
        kills++;
      }
      assertEquals(0, host(where, seed, Integer.MAX_VALUE), "a last host process finishes");
      check(where, workload);
    }
    System.out.printf("kill test: %d kills in %d rounds on %s in %d s%n", kills, rounds,
        getClass().getSimpleName(), (System.nanoTime() - started) / 1_000_000_000L);
  }

  private static int host(Databases.Where where, long seed, int haltAt) throws IOException,
      InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
        "-Descalon.root=" + System.getProperty("escalon.root", ".."),
        KillWorker.class.getName(), where.url(), where.user(), where.password(),
        Long.toString(seed), "3", "30", Integer.toString(haltAt))
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("a host process took more than 120 s");
    }
    return p.exitValue();
  }

  /** Two lists equal, or an assertion naming their sizes and the first difference only. */
  private static <T> void same(List<T> expected, List<T> actual, String what) {
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      assertEquals(expected.get(i), actual.get(i), what + ", item " + i + " of "
          + expected.size() + " expected, " + actual.size() + " found");
    }
    assertEquals(expected.size(), actual.size(), what + ": how many");
  }

  /** After every kill, the store holds exactly what the engine would have written. */
  private void check(Databases.Where where, Workload workload) throws SQLException {
    EscalationStore store = open(where);
    Set<String> commandIds = new HashSet<>();
    for (Map.Entry<String, List<EventRecord>> e : workload.logs.entrySet()) {
      List<EventRecord> stored = store.load(e.getKey()).map(l -> l.escalation().records())
          .orElse(List.of());
      same(e.getValue(), stored, "the log of " + e.getKey());
      same(workload.effects.get(e.getKey()), store.outbox(e.getKey()).stream()
          .map(OutboxItem::effect).toList(), "the outbox of " + e.getKey());
      for (EventRecord r : stored) {
        r.commandId().ifPresent(id -> assertTrue(commandIds.add(id), "command " + id
            + " applied twice"));
      }
    }
    assertEquals(workload.commands, commandIds.size());
    assertEquals(0, store.undelivered(), "every effect delivered");
    DataSource data = where.dataSource();
    try (Connection c = data.getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM escalon_command")) {
      r.next();
      assertEquals(workload.commands, r.getInt(1));
    }
  }
}
