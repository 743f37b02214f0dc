package org.escalon.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real databases the store is tested on: an H2 file under {@code target/databases}, and the
 * PostgreSQL that {@code .ci/run} starts, named by {@code ESCALON_PG_URL}, {@code ESCALON_PG_USER}
 * and {@code ESCALON_PG_PASSWORD} (or the system properties {@code escalon.pg.url}, ...). Each test
 * gets a database of its own: a new file, or a new schema.
 */
final class Databases {

  private static final AtomicInteger NEXT = new AtomicInteger();

  private Databases() {}

  /** Where a database is, enough for another JVM to connect to it. */
  record Where(String url, String user, String password) {

    DataSource dataSource() {
      if (url.startsWith("jdbc:h2:")) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser(user);
        h2.setPassword(password);
        return h2;
      }
      PGSimpleDataSource pg = new PGSimpleDataSource();
      pg.setURL(url);
      pg.setUser(user);
      pg.setPassword(password);
      return pg;
    }
  }

  /** A new H2 database in a file. */
  static Where h2(String name) {
    Path dir = Path.of(System.getProperty("escalon.store.dir", "target/databases"));
    Path file = dir.resolve(name + "-" + ProcessHandle.current().pid() + "-"
        + NEXT.incrementAndGet()).toAbsolutePath();
    // kept open between calls (H2 closes and compacts a database when its last connection
    // closes, and a crash then lost committed rows), each commit on disk before it returns
    return new Where("jdbc:h2:file:" + file + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0", "sa", "");
  }

  /** Why PostgreSQL cannot be used here, if it cannot. */
  static Optional<String> postgresMissing() {
    if (setting("url").isEmpty()) {
      return Optional.of("PostgreSQL is not configured: set ESCALON_PG_URL, ESCALON_PG_USER and"
          + " ESCALON_PG_PASSWORD (.ci/run installs and starts one); the PostgreSQL store tests"
          + " are skipped");
    }
    try (Connection c = DriverManager.getConnection(setting("url").get(),
        setting("user").orElse(""), setting("password").orElse(""))) {
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of("PostgreSQL at " + setting("url").get() + " cannot be reached ("
          + e.getMessage() + "); the PostgreSQL store tests are skipped");
    }
  }

  /** A new schema in the configured PostgreSQL database. */
  static Where postgres(String name) {
    String url = setting("url").orElseThrow();
    String user = setting("user").orElse("");
    String password = setting("password").orElse("");
    String schema = (name + "_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000
        + "_" + NEXT.incrementAndGet()).toLowerCase();
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create schema " + schema + ": " + e.getMessage(), e);
    }
    return new Where(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema, user,
        password);
  }

  private static Optional<String> setting(String key) {
    String property = System.getProperty("escalon.pg." + key);
    if (property != null && !property.isBlank()) {
      return Optional.of(property);
    }
    String env = System.getenv("ESCALON_PG_" + key.toUpperCase());
    return env == null || env.isBlank() ? Optional.empty() : Optional.of(env);
  }
}
