package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.EscalationMachine;
import org.escalon.engine.RefusedEvent;
import org.escalon.engine.StepClock;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

/**
 * A joint step (issue 14, point 7): {@code action "..." by A and B} is done when each of them has
 * reported it done; the engine and the generated machine record who has, and refuse a report from
 * any other role or a second one from the same role, in the same words.
 */
class JointStepTest {

  static final String SOURCE = """
      protocol "Joint step" {
        raised by Professional
        role Professional "Professional raising the concern"
        role Counterpart "Professional in the other agency"
        role LineManager "Line manager"
        stage 1 "Professional to professional" {
          to Counterpart
          action agree "agree a way of managing the conflict" by Professional and Counterpart within 2 working days source "Step 1: 'care should be taken to agree a way of managing conflict'"
          respond within 5 working days
          when not resolved go to resolved
          source "Step 1"
        }
      }
      """;

  static final Protocol PROTOCOL = EngineFixture.compile("joint.esc", SOURCE);
  static final Instant T0 = EngineFixture.T0;

  @Test
  void aJointStepIsDoneWhenEachOfItsRolesHasReportedIt() {
    List<EscalationMachine> both = EngineAndMachine.both(PROTOCOL,
        new GeneratedMachines(List.of(PROTOCOL)), List.of(
            new CaseEvent.Raise(T0, "Professional", Optional.empty(), Optional.empty()),
            new CaseEvent.StepDone(T0.plusSeconds(3600), "Counterpart", "agree")));
    StepClock half = both.get(0).state().stepClocks().get(0);
    assertEquals(List.of("Counterpart"), half.reported());
    assertTrue(half.running(), "one of the two has reported it: not done yet");
    RefusedEvent again = EngineAndMachine.refused(both,
        new CaseEvent.StepDone(T0.plusSeconds(7200), "Counterpart", "agree"));
    assertTrue(again.getMessage().contains("Counterpart has already reported step agree done; "
        + "it waits for Professional"), again.getMessage());
    RefusedEvent other = EngineAndMachine.refused(both,
        new CaseEvent.StepDone(T0.plusSeconds(7200), "LineManager", "agree"));
    assertEquals(RefusedEvent.Kind.FORBIDDEN, other.kind());
    assertTrue(other.getMessage().contains("step agree is done jointly by Professional and "
        + "Counterpart, each reporting it done; LineManager is not one of them"),
        other.getMessage());
    both.forEach(m -> m.apply(new CaseEvent.StepDone(T0.plusSeconds(9000), "Professional",
        "agree")));
    assertEquals(both.get(0).state(), both.get(1).state());
    StepClock done = both.get(0).state().stepClocks().get(0);
    assertEquals(Optional.of(T0.plusSeconds(9000)), done.done(),
        "done when the second of them reports it");
    assertEquals(List.of("Counterpart", "Professional"), done.reported());
  }
}
