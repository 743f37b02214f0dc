package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.RefusedEvent;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.RightsTable;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.Target;
import org.junit.jupiter.api.Test;

/**
 * Policy numbering (issue 14, point 10): stage keys as policies write them ({@code 3A},
 * {@code 4a}), {@code bypass to any later stage}, and phases a limit can name.
 */
class PolicyNumberingTest extends EngineFixture {

  static final String SOURCE = """
      protocol "Lettered stages" {
        raised by IRO
        role IRO "Independent Reviewing Officer"
        role SocialWorker "Social Worker"
        role TeamManager "Team Manager"
        role ServiceManager "Service Manager"
        role HeadOfService "Head of Service"
        phase informal "Informal resolution" { stage 1 }
        phase formal "The formal process" { stage 2..4b  source "Stage 2 onwards" }
        stage 1 "To the Social Worker" { source "Stage 1" to SocialWorker respond within 5 working days }
        stage 2 "To the Team Manager" { source "Stage 2" to TeamManager respond within 5 working days }
        stage 3A "To the Service Manager" { source "Stage 3A" to ServiceManager respond within 5 working days }
        stage 4a "To the Head of Service" { source "Stage 4a" to HeadOfService respond within 5 working days }
        stage 4b "To the Head of Service again" {
          source "Stage 4b"
          to HeadOfService
          respond within 5 working days
          when not resolved go to stage 4b
        }
        IRO may bypass to any later stage with reason   source "the IRO may bypass any stage"
        limit "The formal process" { total of phase formal at most 20 working days }
      }
      """;

  static final Protocol PROTOCOL = compile("lettered.esc", SOURCE);

  PolicyNumberingTest() {
    super(PROTOCOL, "IRO");
  }

  private void at(String stage) {
    raise();
    if (!stage.equals("1")) {
      escalation.apply(new CaseEvent.Bypass(T0.plusSeconds(60), "IRO", stage,
          Optional.of("urgent")));
    }
    assertEquals(Optional.of(stage), escalation.state().stage());
  }

  @Test
  void keysArePolicyNumbersAndPhasesNameTheirStages() {
    assertEquals(List.of("1", "2", "3A", "4a", "4b"),
        PROTOCOL.stages().stream().map(s -> s.key()).toList());
    assertEquals(List.of("2", "3A", "4a", "4b"), PROTOCOL.limits().get(0).stages());
    assertEquals("The formal process", PROTOCOL.phaseOf("4a").orElseThrow().title());
    assertEquals("informal", PROTOCOL.phaseOf("1").orElseThrow().name());
    Right later = PROTOCOL.rights().get(0);
    assertTrue(later.laterOnly());
    assertEquals(List.of("2", "3A", "4a", "4b"), later.targets().stream()
        .map(t -> ((Target.ToStage) t).key()).toList(), "every stage but the first");
  }

  @Test
  void theRightsTableDecidesWhatIsLater() {
    RightsTable rights = OperationalModel.of(PROTOCOL).rights();
    Right later = PROTOCOL.rights().get(0);
    assertTrue(rights.reaches(later, Optional.of("2"), new Target.ToStage("4a")));
    assertFalse(rights.reaches(later, Optional.of("4a"), new Target.ToStage("4a")), "not here");
    assertFalse(rights.reaches(later, Optional.of("4a"), new Target.ToStage("3A")), "not back");
    assertFalse(rights.reaches(later, Optional.empty(), new Target.ToStage("2")), "not raised");
  }

  @Test
  void aBypassToALaterStageSkipsTheStagesBetween() {
    at("1");
    escalation.apply(new CaseEvent.Bypass(T0.plusSeconds(60), "IRO", "4a",
        Optional.of("urgent")));
    assertEquals(Optional.of("4a"), escalation.state().stage());
    assertTrue(escalation.state().completed().contains("1"));
    assertFalse(escalation.state().completed().contains("3A"), "skipped, not completed");
  }

  @Test
  void aBypassBackOrToTheSameStageIsRefusedAndCitesTheRight() {
    at("4a");
    RefusedEvent back = refused(new CaseEvent.Bypass(T0.plusSeconds(120), "IRO", "2",
        Optional.of("wrong stage")));
    assertEquals("IRO may not bypass to stage 2: IRO may bypass to only a stage after stage 4a",
        back.rule());
    assertEquals(PROTOCOL.rights().get(0).span(), back.span());
    refused(new CaseEvent.Bypass(T0.plusSeconds(120), "IRO", "4a", Optional.of("again")));
    refused(new CaseEvent.Bypass(T0.plusSeconds(120), "IRO", "1", Optional.of("first")));
    escalation.apply(new CaseEvent.Bypass(T0.plusSeconds(120), "IRO", "4b",
        Optional.of("on")));
    assertEquals(Optional.of("4b"), escalation.state().stage());
  }
}
