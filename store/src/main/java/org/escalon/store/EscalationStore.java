package org.escalon.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.engine.EscalationListener;
import org.escalon.engine.EscalationState;
import org.escalon.engine.Escalation;
import org.escalon.engine.EventRecord;
import org.escalon.engine.Fingerprint;
import org.escalon.engine.ProtocolMismatch;
import org.escalon.engine.RefusedEvent;
import org.escalon.engine.CallResult;
import org.escalon.engine.TimedEffect;
import org.escalon.json.RecordJson;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.TargetCases;
import org.escalon.model.Protocol;
import org.flywaydb.core.Flyway;

/**
 * Escalations kept in a database. Each accepted call is one transaction that appends the events
 * it applied to the escalation's log, writes the effects they owe to the outbox, records the
 * command's id, replaces the snapshot and bumps the escalation's version, naming the version it
 * read: a call that lost a race writes nothing and gets {@link ConcurrentUpdateException}. So a
 * crash at any point leaves either all of a call or none of it, and a command retried with the same
 * id is applied once. Refused events ({@link RefusedEvent}) write nothing.
 *
 * <p>Each escalation keeps the version and {@link Fingerprint} of the protocol it was created under,
 * and each event the deadline it set: an escalation is loaded only under the same rules (else
 * {@link ProtocolMismatch}, naming both fingerprints; moving it to another version is a
 * migration), and its deadlines are replayed as recorded, so a calendar that has gained a bank
 * holiday or a closure day since does not move them. Escalations created before the schema kept
 * fingerprints (version 1) are loaded under the protocol of their name.
 *
 * <p>Thread-safe: it holds no state but the data source; calls on different escalations run in
 * parallel, calls on one escalation are serialised by its version.
 */
public final class EscalationStore {

  /** SQL states that mean another transaction got there first. */
  private static final Set<String> CONFLICTS = Set.of(
      "23505", // unique violation: the same log position, escalation or command id
      "40001", // serialization failure
      "40P01", // PostgreSQL: deadlock detected
      "90131", // H2: concurrent update of a row
      "HYT00"); // H2: lock timeout

  private final DataSource data;
  private final Map<String, Protocol> protocols = new LinkedHashMap<>();
  private final Function<Protocol, WorkingCalendar> calendars;
  // a working calendar (its index of 1970 to 2100) and an operational model are built once per
  // protocol, not per call
  private final Map<String, WorkingCalendar> calendarOf = new ConcurrentHashMap<>();
  private final Map<String, OperationalModel> modelOf = new ConcurrentHashMap<>();
  private final Map<String, Fingerprint> fingerprintOf = new ConcurrentHashMap<>();
  private volatile Checkpoints checkpoints = Checkpoints.NONE;

  private EscalationStore(DataSource data, List<Protocol> protocols,
      Function<Protocol, WorkingCalendar> calendars) {
    this.data = data;
    for (Protocol p : protocols) {
      this.protocols.put(p.name(), p);
    }
    this.calendars = calendars;
  }

  /**
   * A store of escalations of these protocols in {@code data}, each in its protocol's own
   * calendar; creates or upgrades the schema first.
   */
  public static EscalationStore open(DataSource data, List<Protocol> protocols) {
    return open(data, protocols,
        p -> WorkingCalendar.of(p.header().calendar(), p.header().zone()));
  }

  /** A store whose escalations run in the calendars {@code calendars} gives (closure days added). */
  public static EscalationStore open(DataSource data, List<Protocol> protocols,
      Function<Protocol, WorkingCalendar> calendars) {
    migrate(data);
    return new EscalationStore(data, protocols, calendars);
  }

  /**
   * Creates the store's tables, or upgrades them, with Flyway; its history table is {@code
   * escalon_schema_history}, so the host's own migrations are left alone.
   */
  public static void migrate(DataSource data) {
    Flyway.configure(EscalationStore.class.getClassLoader())
        .dataSource(data)
        .locations("classpath:org/escalon/store/migration")
        .table("escalon_schema_history")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
  }

  void checkpoints(Checkpoints points) {
    this.checkpoints = points;
  }

  /**
   * Applies a command to an escalation, creating it (as an escalation of {@code protocol}) if it
   * does not exist. A command whose id was applied before is not applied again: the receipt says
   * so. Throws {@link RefusedEvent} if the protocol does not allow the event, {@link
   * ConcurrentUpdateException} if another call changed the escalation meanwhile; then nothing was
   * written.
   */
  public Receipt submit(String escalationId, String protocol, Command command) {
    return transaction(escalationId, c -> {
      Optional<Long> before = appliedAt(c, command.id());
      if (before.isPresent()) {
        return new Receipt(escalationId, before.get(), true, load(c, escalationId).orElseThrow()
            .escalation().state());
      }
      Optional<Loaded> loaded = load(c, escalationId);
      if (loaded.isPresent() && !loaded.get().escalation().protocol().name().equals(protocol)) {
        throw new IllegalArgumentException("escalation " + escalationId + " follows \""
            + loaded.get().escalation().protocol().name() + "\", not \"" + protocol + "\"");
      }
      Escalation escalation = loaded.map(Loaded::escalation).orElseGet(() -> {
        Protocol p = protocol(protocol);
        return new Escalation(model(p), calendar(p), new EscalationListener() {});
      });
      checkpoints.reached("apply:loaded");
      CallResult step = escalation.step(command.record());
      long version = write(c, escalationId, loaded, escalation, step, "apply");
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO escalon_command (command_id, escalation_id, version) VALUES (?, ?, ?)")) {
        s.setString(1, command.id());
        s.setString(2, escalationId);
        s.setLong(3, version);
        s.executeUpdate();
      }
      checkpoints.reached("apply:command-written");
      return new Receipt(escalationId, version, false, step.state());
    }, "apply");
  }

  /** The escalation as stored, if there is one. */
  public Optional<Loaded> load(String escalationId) {
    return transaction(escalationId, c -> load(c, escalationId), "load");
  }

  /** The escalations whose next deadline or reminder falls by {@code now}, soonest first. */
  public List<String> due(Instant now, int max) {
    return transaction("", c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT id FROM escalon_escalation"
          + " WHERE next_due <= ? ORDER BY next_due, id FETCH FIRST " + max + " ROWS ONLY")) {
        s.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        return strings(s);
      }
    }, "due");
  }

  /**
   * Lets time pass for one escalation up to {@code now}; its version after, or empty when nothing
   * was due. Throws {@link ConcurrentUpdateException} if another call got there first.
   */
  public Optional<Long> advance(String escalationId, Instant now) {
    return transaction(escalationId, c -> {
      Optional<Loaded> loaded = load(c, escalationId);
      if (loaded.isEmpty()) {
        return Optional.<Long>empty();
      }
      checkpoints.reached("schedule:loaded");
      CallResult step = loaded.get().escalation().stepTo(now);
      if (step.records().isEmpty()) {
        return Optional.<Long>empty();
      }
      return Optional.of(write(c, escalationId, loaded, loaded.get().escalation(), step,
          "schedule"));
    }, "schedule");
  }

  /** Every escalation waiting for something other than time, and what. */
  public List<Waiting> waiting() {
    return transaction("", c -> {
      List<Waiting> waiting = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT id, waiting_for FROM"
          + " escalon_escalation WHERE waiting_for IS NOT NULL ORDER BY id");
          ResultSet r = s.executeQuery()) {
        while (r.next()) {
          waiting.add(new Waiting(r.getString(1), r.getString(2)));
        }
      }
      return waiting;
    }, "waiting");
  }

  /**
   * Hands up to {@code max} undelivered effects, oldest first, to {@code handler}, marking each
   * delivered once the handler returns; the number handed. Delivery is at least once: after a
   * crash between the handler and the mark the effect is handed again, with the same id. A
   * handler that throws stops the delivery; its effect stays undelivered.
   */
  public int deliver(int max, Consumer<OutboxItem> handler) {
    List<OutboxItem> items = transaction("", c -> outbox(c, "WHERE delivered_at IS NULL",
        max), "deliver");
    for (OutboxItem item : items) {
      handler.accept(item);
      checkpoints.reached("deliver:handled");
      transaction(item.escalationId(), c -> {
        try (PreparedStatement s = c.prepareStatement("UPDATE escalon_outbox SET delivered_at = ?"
            + " WHERE id = ? AND delivered_at IS NULL")) {
          s.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
          s.setLong(2, item.id());
          return s.executeUpdate();
        }
      }, "deliver");
      checkpoints.reached("deliver:marked");
    }
    return items.size();
  }

  /** Every effect an escalation has owed, delivered or not, in the order owed. */
  public List<OutboxItem> outbox(String escalationId) {
    return transaction(escalationId, c -> {
      try (PreparedStatement s = c.prepareStatement("SELECT id, escalation_id, version, effect"
          + " FROM escalon_outbox WHERE escalation_id = ? ORDER BY version, effect_index")) {
        s.setString(1, escalationId);
        return items(s);
      }
    }, "read the outbox of");
  }

  /** How many effects are still to be delivered. */
  public int undelivered() {
    return transaction("", c -> {
      try (PreparedStatement s = c.prepareStatement(
          "SELECT COUNT(*) FROM escalon_outbox WHERE delivered_at IS NULL");
          ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    }, "count the outbox of");
  }

  // ---------------------------------------------------------------------------------------------

  private Protocol protocol(String name) {
    Protocol p = protocols.get(name);
    if (p == null) {
      throw new IllegalArgumentException("this store was not given the protocol \"" + name
          + "\"");
    }
    return p;
  }

  private OperationalModel model(Protocol p) {
    return modelOf.computeIfAbsent(p.name(), name -> OperationalModel.of(p));
  }

  private Fingerprint fingerprint(Protocol p) {
    return fingerprintOf.computeIfAbsent(p.name(), name -> Fingerprint.of(p));
  }

  private WorkingCalendar calendar(Protocol p) {
    return calendarOf.computeIfAbsent(p.name(), name -> calendars.apply(p));
  }

  private Optional<Long> appliedAt(Connection c, String commandId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT version FROM escalon_command WHERE command_id = ?")) {
      s.setString(1, commandId);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Optional.of(r.getLong(1)) : Optional.empty();
      }
    }
  }

  private Optional<Loaded> load(Connection c, String id) throws SQLException {
    String protocolName;
    long version;
    int revision;
    Optional<String> protocolVersion;
    Optional<String> fingerprint;
    try (PreparedStatement s = c.prepareStatement("SELECT protocol, version, revision,"
        + " protocol_version, fingerprint FROM escalon_escalation WHERE id = ?")) {
      s.setString(1, id);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        protocolName = r.getString(1);
        version = r.getLong(2);
        revision = r.getInt(3);
        protocolVersion = Optional.ofNullable(r.getString(4));
        fingerprint = Optional.ofNullable(r.getString(5));
      }
    }
    Protocol p = protocol(protocolName);
    sameRules(id, p, protocolVersion, fingerprint);
    List<EventRecord> records = new ArrayList<>();
    Map<Integer, Instant> recorded = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT record, due FROM escalon_event"
        + " WHERE escalation_id = ? AND revision = ? ORDER BY position")) {
      s.setString(1, id);
      s.setInt(2, revision);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          OffsetDateTime due = r.getObject(2, OffsetDateTime.class);
          if (due != null) {
            recorded.put(records.size(), due.toInstant());
          }
          records.add(RecordJson.read(r.getString(1), EventRecord.class));
        }
      }
    }
    Optional<EscalationState> snapshot = Optional.empty();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT state FROM escalon_snapshot WHERE escalation_id = ? AND version = ?")) {
      s.setString(1, id);
      s.setLong(2, version);
      snapshot = strings(s).stream().findFirst()
          .map(json -> RecordJson.read(json, EscalationState.class));
    }
    WorkingCalendar calendar = calendar(p);
    EscalationListener none = new EscalationListener() {};
    Escalation escalation = snapshot.isPresent()
        ? Escalation.resume(model(p), calendar, none, records, snapshot.get(), recorded)
        : Escalation.fromRecords(model(p), calendar, none, records, recorded);
    return Optional.of(new Loaded(escalation, version, revision));
  }

  /**
   * Refuses to load an escalation written under other rules than the protocol's now: replaying
   * its log would reinterpret it. The calendar half of the fingerprint may differ: the deadlines
   * are in the log.
   */
  private void sameRules(String id, Protocol p, Optional<String> storedVersion,
      Optional<String> storedFingerprint) {
    if (storedFingerprint.isEmpty()) {
      return; // created before the store kept fingerprints
    }
    Optional<Fingerprint> stored = Fingerprint.parse(storedFingerprint.get());
    Fingerprint current = fingerprint(p);
    if (stored.isEmpty() || !stored.get().rules().equals(current.rules())) {
      throw new ProtocolMismatch("escalation " + id, p.name(), storedVersion.orElse(""), stored,
          p.name(), p.header().version().orElse(""), current);
    }
  }

  /** Writes what a call did, in the caller's transaction; the escalation's new version. */
  private long write(Connection c, String id, Optional<Loaded> loaded, Escalation escalation,
      CallResult step, String phase) throws SQLException {
    long version = loaded.map(Loaded::version).orElse(0L) + 1;
    int revision = loaded.map(Loaded::revision).orElse(0) + (step.revised() ? 1 : 0);
    List<EventRecord> records = step.revised() ? escalation.records() : step.records();
    int first = step.revised() ? 0 : step.from();
    List<Optional<Instant>> dues = escalation.deadlinesSet();
    try (PreparedStatement s = c.prepareStatement("INSERT INTO escalon_event (escalation_id,"
        + " revision, position, at, kind, command_id, record, due)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < records.size(); i++) {
        EventRecord r = records.get(i);
        Optional<Instant> due = dues.get(first + i);
        if (due.isPresent()) {
          s.setObject(8, OffsetDateTime.ofInstant(due.get(), ZoneOffset.UTC));
        } else {
          s.setNull(8, Types.TIMESTAMP_WITH_TIMEZONE);
        }
        s.setString(1, id);
        s.setInt(2, revision);
        s.setInt(3, first + i);
        s.setObject(4, OffsetDateTime.ofInstant(r.event().at(), ZoneOffset.UTC));
        s.setString(5, r.event().getClass().getSimpleName());
        s.setString(6, r.commandId().orElse(null));
        s.setString(7, RecordJson.write(r));
        s.addBatch();
      }
      s.executeBatch();
    }
    checkpoints.reached(phase + ":events-written");
    try (PreparedStatement s = c.prepareStatement("INSERT INTO escalon_outbox (escalation_id,"
        + " version, effect_index, position, due_at, kind, effect) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      for (TimedEffect e : step.effects()) {
        s.setString(1, id);
        s.setLong(2, version);
        s.setInt(3, e.index());
        s.setInt(4, e.event());
        s.setObject(5, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC));
        s.setString(6, e.effect().getClass().getSimpleName());
        s.setString(7, RecordJson.write(e));
        s.addBatch();
      }
      s.executeBatch();
    }
    checkpoints.reached(phase + ":outbox-written");
    EscalationState state = step.state();
    String stateJson = RecordJson.write(state);
    if (loaded.isEmpty()) {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO escalon_snapshot"
          + " (escalation_id, version, state) VALUES (?, ?, ?)")) {
        s.setString(1, id);
        s.setLong(2, version);
        s.setString(3, stateJson);
        s.executeUpdate();
      }
    } else {
      try (PreparedStatement s = c.prepareStatement("UPDATE escalon_snapshot SET version = ?,"
          + " state = ? WHERE escalation_id = ?")) {
        s.setLong(1, version);
        s.setString(2, stateJson);
        s.setString(3, id);
        s.executeUpdate();
      }
    }
    if (loaded.isEmpty()) {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO escalon_escalation (status,"
          + " next_due, waiting_for, version, revision, protocol, id, protocol_version,"
          + " fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        where(s, state, version, revision);
        Protocol p = escalation.protocol();
        s.setString(6, p.name());
        s.setString(7, id);
        s.setString(8, p.header().version().orElse(""));
        s.setString(9, fingerprint(p).toString());
        s.executeUpdate();
      }
    } else {
      try (PreparedStatement s = c.prepareStatement("UPDATE escalon_escalation SET status = ?,"
          + " next_due = ?, waiting_for = ?, version = ?, revision = ? WHERE id = ?"
          + " AND version = ?")) {
        where(s, state, version, revision);
        s.setString(6, id);
        s.setLong(7, loaded.get().version());
        if (s.executeUpdate() != 1) {
          throw new ConcurrentUpdateException(id, null);
        }
      }
    }
    checkpoints.reached(phase + ":escalation-written");
    return version;
  }

  private static void where(PreparedStatement s, EscalationState state, long version,
      int revision) throws SQLException {
    s.setString(1, state.status().name());
    Optional<Instant> due = state.nextDue();
    if (due.isPresent()) {
      s.setObject(2, OffsetDateTime.ofInstant(due.get(), ZoneOffset.UTC));
    } else {
      s.setNull(2, Types.TIMESTAMP_WITH_TIMEZONE);
    }
    s.setString(3, state.waitingFor().map(TargetCases::describe).orElse(null));
    s.setLong(4, version);
    s.setInt(5, revision);
  }

  private static List<OutboxItem> outbox(Connection c, String where, int max)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT id, escalation_id, version, effect"
        + " FROM escalon_outbox " + where + " ORDER BY id FETCH FIRST " + max + " ROWS ONLY")) {
      return items(s);
    }
  }

  private static List<OutboxItem> items(PreparedStatement s) throws SQLException {
    List<OutboxItem> items = new ArrayList<>();
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) {
        items.add(new OutboxItem(r.getLong(1), r.getString(2), r.getLong(3),
            RecordJson.read(r.getString(4), TimedEffect.class)));
      }
    }
    return items;
  }

  private static List<String> strings(PreparedStatement s) throws SQLException {
    List<String> list = new ArrayList<>();
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) {
        list.add(r.getString(1));
      }
    }
    return list;
  }

  /** Work inside one transaction. */
  @FunctionalInterface
  private interface Work<T> {
    T in(Connection c) throws SQLException;
  }

  private <T> T transaction(String id, Work<T> work, String what) {
    try (Connection c = data.getConnection()) {
      c.setAutoCommit(false);
      try {
        T result = work.in(c);
        checkpoints.reached(what + ":before-commit");
        c.commit();
        checkpoints.reached(what + ":committed");
        return result;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      } catch (RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      if (e.getSQLState() != null && CONFLICTS.contains(e.getSQLState())) {
        throw new ConcurrentUpdateException(id, e);
      }
      throw new StoreException("cannot " + what + " escalation " + id, e);
    }
  }
}
