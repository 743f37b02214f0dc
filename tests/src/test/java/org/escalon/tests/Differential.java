package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationListener;
import org.escalon.engine.EscalationMachine;
import org.escalon.engine.RefusedEvent;
import org.escalon.model.Protocol;

/**
 * Drives the engine and a generated machine side by side with the same events and compares,
 * after every call: the state, the log, when each is next due, every listener call (in order)
 * and every refusal (its rule, place, citation, message and kind).
 */
final class Differential {

  private Differential() {}

  static void run(Protocol protocol, Function<EscalationListener, EscalationMachine> generated,
      List<Integer> choices) {
    RecordingListener heardByEngine = new RecordingListener();
    RecordingListener heardByMachine = new RecordingListener();
    Escalation engine = Escalation.of(protocol);
    engine = new Escalation(protocol, engine.calendar(), heardByEngine);
    EscalationMachine machine = generated.apply(heardByMachine);
    Instant now = Instant.parse("2026-03-02T09:00:00Z");
    StringBuilder trail = new StringBuilder();
    for (int choice : choices) {
      now = CaseEvents.next(now, choice);
      CaseEvent event = CaseEvents.event(protocol, choice, now);
      trail.append(event == null ? "advance to " + now : event).append('\n');
      String expected = call(engine, event, now);
      String actual = call(machine, event, now);
      String where = protocol.name() + ", after\n" + trail;
      assertEquals(expected, actual, "refusal differs: " + where);
      assertEquals(heardByEngine.told, heardByMachine.told,
          "listener calls differ: " + where);
      assertEquals(engine.state(), machine.state(), "state differs: " + where);
      assertEquals(engine.log(), machine.log(), "log differs: " + where);
      assertEquals(engine.nextDue(), machine.nextDue(), "next due differs: " + where);
    }
  }

  /** Applies an event (or lets time pass); a refusal in words, or "accepted". */
  private static String call(EscalationMachine m, CaseEvent event, Instant now) {
    try {
      if (event == null) {
        m.advanceTo(now);
      } else {
        m.apply(event);
      }
      return "accepted";
    } catch (RefusedEvent r) {
      return "refused " + r.event() + ": " + r.rule() + " | " + r.span() + " | " + r.citation()
          + " | " + r.getMessage() + " | " + r.kind();
    }
  }
}
