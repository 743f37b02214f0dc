package org.escalon.store;

/** The store on H2 in file mode, the embedded default. */
class H2StoreTest extends StoreContract {

  @Override
  Databases.Where database(String name) {
    return Databases.h2(name);
  }

  @Override
  int kills() {
    // 200 kills in all: half here and half on PostgreSQL, or all here where it is missing
    return Integer.getInteger("escalon.store.kills.h2",
        Databases.postgresMissing().isPresent() ? 200 : 100);
  }
}
