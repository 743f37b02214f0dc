package org.escalon.store;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/** The store on PostgreSQL, where one is configured (see {@link Databases}). */
class PostgresStoreTest extends StoreContract {

  @BeforeAll
  static void postgresIsThere() {
    Optional<String> missing = Databases.postgresMissing();
    // said on the console as well as in the report: a skip is never silent
    missing.ifPresent(System.err::println);
    Assumptions.assumeTrue(missing.isEmpty(), missing.orElse(""));
  }

  @Override
  Databases.Where database(String name) {
    return Databases.postgres(name);
  }

  @Override
  int kills() {
    return Integer.getInteger("escalon.store.kills.postgres", 100);
  }
}
