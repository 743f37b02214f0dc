package org.escalon.store;

import java.util.List;

/**
 * A host process for the kill test: runs a workload against a database and halts the JVM
 * (Runtime.halt: no shutdown hooks, no finally blocks, as a kill -9 would) at the store's n-th
 * checkpoint. Exit status 0 when the workload finished before that point.
 *
 * <p>Arguments: url user password seed escalations steps n.
 */
public final class KillWorker {

  static final int HALTED = 77;

  private KillWorker() {}

  public static void main(String[] args) {
    Databases.Where where = new Databases.Where(args[0], args[1], args[2]);
    Workload workload = Workload.of(Long.parseLong(args[3]), Integer.parseInt(args[4]),
        Integer.parseInt(args[5]));
    int haltAt = Integer.parseInt(args[6]);
    EscalationStore store = EscalationStore.open(where.dataSource(), List.of(Kent.PROTOCOL));
    int[] reached = {0};
    store.checkpoints(point -> {
      if (++reached[0] == haltAt) {
        Runtime.getRuntime().halt(HALTED);
      }
    });
    workload.run(store);
    System.exit(0);
  }
}
