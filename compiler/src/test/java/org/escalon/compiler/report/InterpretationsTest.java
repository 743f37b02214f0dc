package org.escalon.compiler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.escalon.compiler.report.Interpretations.Interpretation;
import org.junit.jupiter.api.Test;

class InterpretationsTest {

  @Test
  void aMarkedCommentUnderASectionHeadingStandsAlone() {
    String source = """
        protocol "P" {
          # ---- the ladder ----
          # read as: "immediately" as the same working day
          stage 1 "One" {
          }
        }
        """;
    assertEquals(List.of(new Interpretation("\"immediately\" as the same working day", 4)),
        Interpretations.in(source));
  }

  @Test
  void consecutiveLinesOfOneMarkedCommentAreOneInterpretation() {
    String source = """
        # read as: the initial discussion starts the step,
        # and the plan is its resolving response.
        respond within 2 working days
        """;
    assertEquals(List.of(new Interpretation(
        "the initial discussion starts the step, and the plan is its resolving response.", 3)),
        Interpretations.in(source));
  }

  @Test
  void anUnmarkedCommentThatSaysReadAsIsKeptWhole() {
    String source = """
        # This stage is read as the manager's review.
        stage 2 "Two" {
        """;
    assertEquals(List.of(new Interpretation("This stage is read as the manager's review.", 2)),
        Interpretations.in(source));
  }

  @Test
  void aHeadingAloneIsNoInterpretation() {
    assertEquals(List.of(), Interpretations.in("# ---- the ladder ----\nstage 1 \"One\" {\n"));
  }
}
