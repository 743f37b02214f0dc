package org.escalon.bench;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationListener;
import org.escalon.model.Protocol;
import org.escalon.protocols.KentIro;
import org.openjdk.jol.info.GraphLayout;

/**
 * How much memory one live escalation of Kent's protocol holds, its log aside, in the generated
 * machine, the hand-written one and the engine. Each escalation is raised and answered twice
 * (so it is at stage 2, with a deadline running) and keeps its listener and calendar shared with
 * all the others, as a host running many cases would.
 *
 * <p>Two measures, in bytes: JOL's walk of the object graphs, what a second escalation adds to
 * the first (so what all share is not counted), less what its log adds likewise; and the heap
 * in use, after garbage collection, with {@value #ALIVE} escalations alive, per escalation,
 * with and without JOL's figure for a log. Run with
 * {@code java -cp bench/target/benchmarks.jar org.escalon.bench.Footprint}.
 */
public final class Footprint {

  static final int ALIVE = 200_000;
  static final Instant RAISED = Instant.parse("2026-03-02T09:30:00Z");

  private Footprint() {}

  public static void main(String[] args) {
    KentIro.Listener typed = effect -> { };
    HandWrittenKent.Host host = new HandWrittenKent.Host() {};
    EscalationListener engineListener = new EscalationListener() {};
    Protocol kent = new KentIro().protocol();
    WorkingCalendar calendar = WorkingCalendar.of(kent.header().calendar(), kent.header().zone());
    HandWrittenKent.load(kent);

    System.out.println("| machine | JOL: state, log aside | JOL: log | heap per live escalation "
        + "| heap per live escalation, log aside |");
    System.out.println("|---|---:|---:|---:|---:|");
    report("generated (`KentIro`)", () -> generated(typed), m -> m.log());
    report("hand-written (`HandWrittenKent`)", () -> handWritten(calendar, host),
        HandWrittenKent::log);
    report("engine (`Escalation`)", () -> engine(kent, calendar, engineListener),
        Escalation::log);
  }

  static KentIro generated(KentIro.Listener listener) {
    KentIro m = new KentIro(listener);
    m.raise(RAISED);
    m.respond(RAISED.plusSeconds(3_600), KentIro.Role.SOCIAL_WORKER, false);
    m.respond(RAISED.plusSeconds(7_200), KentIro.Role.SOCIAL_WORKER, false);
    return m;
  }

  static HandWrittenKent handWritten(WorkingCalendar calendar, HandWrittenKent.Host host) {
    HandWrittenKent m = new HandWrittenKent(calendar, host);
    m.raise(RAISED);
    m.respond(RAISED.plusSeconds(3_600), "SocialWorker", false);
    m.respond(RAISED.plusSeconds(7_200), "SocialWorker", false);
    return m;
  }

  static Escalation engine(Protocol kent, WorkingCalendar calendar, EscalationListener l) {
    Escalation e = new Escalation(kent, calendar, l);
    e.apply(new CaseEvent.Raise(RAISED, "IRO", Optional.empty(), Optional.empty()));
    e.apply(new CaseEvent.Respond(RAISED.plusSeconds(3_600), "SocialWorker", false));
    e.apply(new CaseEvent.Respond(RAISED.plusSeconds(7_200), "SocialWorker", false));
    return e;
  }

  /** The log as the machine holds it (its own list, not a copy). */
  interface LogOf<M> {
    List<CaseEvent> log(M machine);
  }

  private static <M> void report(String name, Supplier<M> make, LogOf<M> logOf) {
    // one more escalation costs what a second adds to the first: shared objects (enum
    // constants, the listener, the calendar, string constants) are counted once, with the first
    M first = make.get();
    M second = make.get();
    long machine = GraphLayout.parseInstance(first, second).totalSize()
        - GraphLayout.parseInstance(first).totalSize();
    Object firstLog = ownLog(first, logOf);
    Object secondLog = ownLog(second, logOf);
    long log = GraphLayout.parseInstance(firstLog, secondLog).totalSize()
        - GraphLayout.parseInstance(firstLog).totalSize();
    Object[] alive = new Object[ALIVE];
    long before = used();
    for (int i = 0; i < ALIVE; i++) {
      alive[i] = make.get();
    }
    long after = used();
    long perInstance = (after - before) / ALIVE;
    System.out.printf("| %s | %d | %d | %d | %d |%n", name, machine - log, log, perInstance,
        perInstance - log);
    if (alive[ALIVE - 1] == null) {
      throw new IllegalStateException();
    }
  }

  /**
   * The machine's own log object, found by walking its fields (log() may return a copy): the list
   * equal to its log, else one of as many entries (the engine keeps each event as a record of it
   * and what it told).
   */
  private static <M> Object ownLog(M machine, LogOf<M> logOf) {
    List<CaseEvent> copy = logOf.log(machine);
    Object sameSize = null;
    for (Class<?> c = machine.getClass(); c != null; c = c.getSuperclass()) {
      for (java.lang.reflect.Field f : c.getDeclaredFields()) {
        if (List.class.isAssignableFrom(f.getType())) {
          try {
            f.setAccessible(true);
            Object value = f.get(machine);
            if (copy.equals(value)) {
              return value;
            }
            if (sameSize == null && value instanceof List<?> list && list.size() == copy.size()) {
              sameSize = value;
            }
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    if (sameSize != null) {
      return sameSize;
    }
    throw new IllegalStateException("no log field in " + machine.getClass());
  }

  private static long used() {
    Runtime r = Runtime.getRuntime();
    for (int i = 0; i < 5; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return r.totalMemory() - r.freeMemory();
  }
}
