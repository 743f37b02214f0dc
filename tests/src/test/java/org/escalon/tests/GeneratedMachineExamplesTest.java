package org.escalon.tests;

import java.util.List;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

/**
 * Sequences that {@link GeneratedMachineProperties} once found the generated machine and the
 * engine disagreeing on, kept as examples so they are tried on every build.
 */
class GeneratedMachineExamplesTest {

  /**
   * A timescale set at an instant its new deadline has already passed: the deadline passes at
   * once and the case enters the next stage there, whose reminders count from that instant.
   */
  @Test
  void aStageEnteredThroughADeadlineASetTimescaleMadePastRemindsFromThatInstant() {
    Protocol protocol = RandomProtocols.make(6);
    GeneratedMachines machines = new GeneratedMachines(List.of(protocol));
    Differential.run(protocol, listener -> machines.machine(0, listener), List.of(
        2094702711, 786490314, 1603626298, 752956811, 643347312, 747615085, 958844987,
        1705176958, 1484598903, 1432112610, 1323839244, 1179063599, 1871048276, 1789361082,
        1451795462, 1772770683, 1781871533, 1410089526, 1831265598, 2004296889, 1265778732,
        1286507049, 1612011200, 1219298160, 964582478, 1379537659, 1066618474, 1819295272,
        576204747, 1381389257, 1556118374, 672962653, 2086401694, 800853162, 2032470853,
        1166701712, 1213054128, 1055091213, 1794688693, 815606649, 1197697573, 1334688830));
  }
}
