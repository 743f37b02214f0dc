package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationListener;
import org.escalon.engine.EscalationMachine;
import org.escalon.engine.EscalationState;
import org.escalon.engine.RefusedEvent;
import org.escalon.model.Protocol;

/**
 * The engine and the protocol's generated machine side by side, for the example tests of one
 * construct: both given the same events must end in the same state and refuse in the same words.
 */
final class EngineAndMachine {

  private EngineAndMachine() {}

  /** The engine and the generated machine (the first of {@code machines}), given the events. */
  static List<EscalationMachine> both(Protocol protocol, GeneratedMachines machines,
      List<CaseEvent> events) {
    List<EscalationMachine> both = List.of(Escalation.of(protocol),
        machines.machine(0, new EscalationListener() { }));
    both.forEach(m -> events.forEach(m::apply));
    assertEquals(both.get(0).state(), both.get(1).state(),
        "the generated machine is where the engine is");
    return both;
  }

  /** Each machine refuses the event in the same words, and changes nothing. */
  static RefusedEvent refused(List<EscalationMachine> machines, CaseEvent event) {
    List<String> said = new ArrayList<>();
    RefusedEvent first = null;
    for (EscalationMachine m : machines) {
      EscalationState before = m.state();
      RefusedEvent r = assertThrows(RefusedEvent.class, () -> m.apply(event));
      assertEquals(before, m.state(), "a refusal changes nothing");
      said.add(r.getMessage() + " | " + r.citation() + " | " + r.kind());
      first = first == null ? r : first;
    }
    assertEquals(said.get(0), said.get(1), "the machine refuses as the engine does");
    return first;
  }
}
