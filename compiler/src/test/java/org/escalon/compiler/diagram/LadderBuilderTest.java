package org.escalon.compiler.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.escalon.compiler.Compilation;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

class LadderBuilderTest {

  static final String PROTOCOL = """
      protocol "Drawn" {
        raised by IRO
        role IRO "Independent Reviewing Officer"
        role SocialWorker "Social Worker"
        role TeamManager "Team Manager"
        role QAManager "QA Manager"
        attribute urgent "the case is urgent"
        stage informal "Informal" { to SocialWorker source "Informal" }
        stage 1 "One" { to SocialWorker respond within 1 working week
          when resolved go to stage 3 source "One" }
        stage 3 "Three" { to TeamManager respond within the same working day if urgent
          only if not urgent source "Three" }
        stage 4 "Four" { to TeamManager respond within 5 working days
          when no response go to stage 3 when unsatisfactory go to cafcass source "Four" }
        outcome cafcass "Referral to Cafcass" {
          requires completed stage 1, stage 4
          requires agreement of QAManager
          source "Final" }
        IRO may bypass to stage 3, stage 4 with reason
        IRO may refer to cafcass at any time concurrently
      }
      """;

  static Protocol protocol() {
    Compilation c = new EscalonCompiler().compile(SourceText.of("drawn.esc", PROTOCOL));
    assertTrue(c.succeeded(), () -> c.diagnostics().sorted().toString());
    return c.protocol().orElseThrow();
  }

  private static List<String> moves(Ladder ladder) {
    return ladder.moves().stream().map(m -> m.from() + " -> " + m.to() + ": " + m.label()
        + (m.requires().isEmpty() ? "" : " [" + m.requirement() + "]")).toList();
  }

  @Test
  void everyWayOutOfAStageIsOneMovePerTargetWithItsWords() {
    Ladder ladder = LadderBuilder.build(protocol());
    assertEquals(List.of(
        "stage_informal -> stage_1: not resolved",
        "stage_informal -> outcome_resolved: resolved",
        "stage_1 -> stage_3: resolved or not [requires only if not urgent]",
        "stage_3 -> stage_4: not resolved, or no response the same working day if urgent",
        "stage_3 -> outcome_resolved: resolved",
        "stage_4 -> outcome_cafcass: unsatisfactory response [requires completed stages 1 and 4;"
            + " agreement of QA Manager]",
        "stage_4 -> stage_3: no response within 5 working days [requires only if not urgent]",
        "stage_4 -> outcome_resolved: resolved"), moves(ladder));
  }

  @Test
  void levelsAreTheStagesThenTheOutcomesWithResolvedLast() {
    Ladder ladder = LadderBuilder.build(protocol());
    assertEquals(List.of("stage_informal", "stage_1", "stage_3", "stage_4", "outcome_cafcass",
        "outcome_resolved"), ladder.levels().stream().map(Ladder.Level::id).toList());
    assertEquals(List.of("to Social Worker", "respond within 5 working days"),
        ladder.level("stage_1").orElseThrow().details());
    assertEquals(List.of("to Social Worker", "no timescale"),
        ladder.level("stage_informal").orElseThrow().details());
  }

  @Test
  void rightsAreSideArrowsIntoTheLevelsTheyReach() {
    Ladder ladder = LadderBuilder.build(protocol());
    assertEquals(List.of("IRO may bypass to stages 3 and 4, with reason",
        "IRO may refer to cafcass at any time, concurrently"),
        ladder.sides().stream().map(Ladder.Side::label).toList());
    assertEquals(List.of("stage_3", "stage_4"), ladder.sides().get(0).arrows().stream()
        .map(Ladder.Move::to).toList());
    assertEquals("requires completed stages 1 and 4; agreement of QA Manager",
        ladder.sides().get(1).arrows().get(0).requirement());
  }
}
