package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.EscalationMachine;
import org.escalon.engine.RefusedEvent;
import org.escalon.model.ExtensionRule;
import org.escalon.model.Protocol;
import org.escalon.model.Stage;
import org.escalon.model.Timespan;
import org.junit.jupiter.api.Test;

/**
 * More time asked for by "the manager the stage is escalated to" (issue 14, point 7):
 * {@code requested by addressees}. A protocol-wide block that says it is read as one block per
 * stage naming that stage's addressees, so at stage 2 the Service Manager may ask and the Team
 * Manager, who answered stage 1, may not; the engine and the generated machine agree.
 */
class ExtensionByAddresseesTest {

  static final String LADDER = """
      protocol "Asked for by the addressee" {
        raised by IRO
        source "test"
        role IRO "Independent Reviewing Officer"
        role TeamManager "Team Manager"
        role DutyTeamManager "Duty Team Manager"
        role ServiceManager "Service Manager"
        role Director "Director"
        stage 1 "Team Manager" {
          to TeamManager, or DutyTeamManager when unavailable
          respond within 5 working days
          source "Stage 1"
        }
        stage 2 "Service Manager" { to ServiceManager respond within 5 working days source "Stage 2" }
        stage 3 "Director" {
          to Director
          respond within 5 working days
          when not resolved go to resolved
          extension { requested by addressees granted by ServiceManager source "Stage 3" }
          source "Stage 3"
        }
        extension {
          requested by addressees in writing
          granted by IRO
          up to 5 working days
          source "Extensions: 'a manager may ask for more time'"
        }
      }
      """;

  private static final Protocol PROTOCOL = OperationalModelTest.compile(LADDER);
  private static final GeneratedMachines MACHINES = new GeneratedMachines(List.of(PROTOCOL));
  private static final Instant T0 = Instant.parse("2026-12-14T09:00:00Z");

  private static Instant at(int minutes) {
    return T0.plusSeconds(60L * minutes);
  }

  private static CaseEvent ask(int minutes, String by) {
    return new CaseEvent.RequestExtension(at(minutes), by, Timespan.workingDays(3), true,
        Optional.empty());
  }

  @Test
  void eachStageIsGivenItsOwnRuleNamingItsAddressees() {
    assertEquals(Optional.empty(), PROTOCOL.extension(), "no protocol-wide rule is left");
    assertEquals(List.of("TeamManager", "DutyTeamManager"), requestedBy("1"),
        "the substitute answers in the addressee's place, so may ask too");
    assertEquals(List.of("ServiceManager"), requestedBy("2"));
    assertEquals(List.of("Director"), requestedBy("3"), "a stage's own block names its own");
    ExtensionRule second = stage("2").extension().orElseThrow();
    assertEquals(List.of("IRO"), second.grantedBy());
    assertTrue(second.inWriting());
    assertEquals(Optional.of(Timespan.workingDays(5)), second.upTo());
    assertEquals(List.of("ServiceManager"), stage("3").extension().orElseThrow().grantedBy());
  }

  @Test
  void onlyTheStagesAddresseeMayAskAndBothMachinesAgree() {
    List<EscalationMachine> m = EngineAndMachine.both(PROTOCOL, MACHINES, List.of(
        new CaseEvent.Raise(T0, "IRO", Optional.empty(), Optional.empty()),
        new CaseEvent.Respond(at(1), "TeamManager", false)));
    assertEquals(Optional.of("2"), m.get(0).state().stage());
    RefusedEvent refusal = EngineAndMachine.refused(m, ask(2, "TeamManager"));
    assertTrue(refusal.getMessage().contains("ServiceManager"), refusal.getMessage());
    m.forEach(machine -> machine.apply(ask(2, "ServiceManager")));
    m.forEach(machine -> machine.apply(new CaseEvent.GrantExtension(at(3), "IRO")));
    assertEquals(m.get(0).state(), m.get(1).state(), "granted alike");
    assertEquals(m.get(0).nextDue(), m.get(1).nextDue());
  }

  private static List<String> requestedBy(String key) {
    return stage(key).extension().orElseThrow().requestedBy();
  }

  private static Stage stage(String key) {
    return PROTOCOL.stages().stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
  }
}
