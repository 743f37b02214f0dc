package org.escalon.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.engine.CaseEvent;
import org.escalon.model.Protocol;
import org.escalon.store.Command;
import org.escalon.store.EscalationStore;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Escalations applied and persisted by the store, per second: each call raises a new escalation
 * of Kent's IRO protocol and gives the social worker's unsatisfactory reply a week later (which
 * first lets Informal Resolution's deadline pass): two commands, two transactions, each writing
 * the events, the outbox, the command id, the snapshot and the escalation's row. On an H2 file
 * ({@code WRITE_DELAY=0}: a commit is on disk when it returns) and on PostgreSQL (named by {@code
 * ESCALON_PG_URL}, {@code ESCALON_PG_USER}, {@code ESCALON_PG_PASSWORD}; a run without them
 * fails for {@code database=postgres}, saying so).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StoreBenchmark {

  @Param({"h2", "postgres"})
  public String database;

  private EscalationStore store;
  private String protocol;
  private long next;
  private final String run = Long.toString(System.nanoTime(), 36);

  @Setup(Level.Trial)
  public void open() throws Exception {
    Path file = EscalationBenchmark.protocolFile();
    Protocol kent = new EscalonCompiler().compile(SourceText.of(file.getFileName().toString(),
        Files.readString(file))).protocol().orElseThrow();
    protocol = kent.name();
    store = EscalationStore.open(dataSource(), List.of(kent));
  }

  private DataSource dataSource() throws SQLException, java.io.IOException {
    if (database.equals("h2")) {
      Path folder = Files.createTempDirectory("escalon-store-bench");
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:file:" + folder.resolve("bench") + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0");
      h2.setUser("sa");
      return h2;
    }
    String url = System.getenv("ESCALON_PG_URL");
    if (url == null) {
      throw new IllegalStateException("set ESCALON_PG_URL, ESCALON_PG_USER and"
          + " ESCALON_PG_PASSWORD to measure the store on PostgreSQL");
    }
    String schema = "bench_" + run;
    try (Connection c = DriverManager.getConnection(url, System.getenv("ESCALON_PG_USER"),
        System.getenv("ESCALON_PG_PASSWORD")); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setURL(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    pg.setUser(System.getenv("ESCALON_PG_USER"));
    pg.setPassword(System.getenv("ESCALON_PG_PASSWORD"));
    return pg;
  }

  /** One escalation raised and answered: two commands applied and persisted. */
  @Benchmark
  public long raiseAndReply() {
    long n = next++;
    String id = "e-" + run + "-" + n;
    Instant raised = Instant.parse("2026-03-02T09:30:00Z");
    store.submit(id, protocol, Command.of(id + "-raise", "iro", new CaseEvent.Raise(raised,
        "IRO", Optional.empty(), Optional.empty())));
    return store.submit(id, protocol, Command.of(id + "-reply", "sw", new CaseEvent.Respond(
        raised.plus(java.time.Duration.ofDays(8)), "SocialWorker", false))).version();
  }
}
