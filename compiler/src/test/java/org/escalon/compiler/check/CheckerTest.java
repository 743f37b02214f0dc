package org.escalon.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.escalon.compiler.ast.ProtocolFile;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.compiler.diagnostics.Diagnostics;
import org.escalon.compiler.syntax.SourceParser;
import org.junit.jupiter.api.Test;

/**
 * The checker's rules, one protocol each, looking at errors only; the UI tests in tests/ cover
 * every code, warnings included, and its rendering.
 */
class CheckerTest {

  private static final String HEAD = "protocol \"P\" {\n raised by IRO\n role IRO \"I\"\n"
      + " role TeamManager \"T\"\n role Director \"D\"\n";

  private static List<String> codes(String body) {
    Diagnostics diagnostics = new Diagnostics();
    ProtocolFile file = new SourceParser().parse("p.esc", HEAD + body + "\n}\n", diagnostics)
        .orElseThrow(() -> new AssertionError(diagnostics.all()));
    new Checker(diagnostics).check(file);
    return diagnostics.sorted().stream().map(Diagnostic::code).map(Enum::name)
        .filter(c -> c.startsWith("E")).toList();
  }

  @Test
  void aCleanLadderHasNothingToSay() {
    assertEquals(List.of(), codes("""
        stage 1 "A" { to TeamManager respond within 5 working days }
        stage 2 "B" { to Director respond within 8 working days
          when not resolved go to referral }
        outcome referral "R" { notify IRO }
        """));
  }

  @Test
  void theLastStageNeedsAWayOut() {
    assertEquals(List.of("E0402"), codes("""
        stage 1 "A" { to TeamManager notify IRO respond within 5 working days }
        """));
    assertEquals(List.of("E0402"), codes("""
        stage 1 "A" { to TeamManager notify IRO when unsatisfactory go to stage 1 }
        """), "an unsatisfactory response is handled, no response is not");
  }

  @Test
  void aStageNothingLeadsToCannotBeReachedUnlessARightOrTriggerDoes() {
    String ladder = """
        stage 1 "A" { to TeamManager when not resolved go to referral }
        stage 2 "B" { to Director when not resolved go to referral }
        outcome referral "R" { notify IRO }
        """;
    assertEquals(List.of("E0401"), codes(ladder));
    assertEquals(List.of(), codes(ladder + "IRO may bypass to stage 2 with reason\n"));
    assertEquals(List.of(), codes(ladder + "IRO may start at any stage\n"));
  }

  @Test
  void completedStagesMustBeAbleToComeFirst() {
    String ladder = """
        stage 1 "A" { to TeamManager }
        stage 2 "B" { to Director when not resolved go to referral }
        outcome referral "R" { notify IRO }
        """;
    assertEquals(List.of(), codes(ladder.replace("to Director", "to Director requires completed stage 1")));
    assertEquals(List.of("E0403"), codes(ladder.replace("to TeamManager", "to TeamManager requires completed stage 2")));
    assertEquals(List.of("E0403"), codes(ladder.replace("to TeamManager", "to TeamManager requires completed stage 1")));
  }

  @Test
  void unknownNamesAreReportedEachTime() {
    assertEquals(List.of("E0201", "E0201"), codes("""
        stage 1 "A" { to TeamManger copy Directr when not resolved go to resolved }
        """));
  }

  @Test
  void conditionsThatCanNeverHoldAreFound() {
    String attrs = "attribute cp \"CP plan\"\nattribute receiving \"A\" one of police, health\n";
    assertEquals(List.of(), codes(attrs + """
        stage 1 "A" { to TeamManager copy IRO if cp and receiving is police when not resolved go to resolved }
        """));
    assertEquals(List.of("E0413"), codes(attrs + """
        stage 1 "A" { to TeamManager copy IRO if cp and not cp or receiving is police and receiving is health
          when not resolved go to resolved }
        """));
    List<String> wrongWay = codes(attrs + """
        stage 1 "A" { to TeamManager copy IRO if receiving copy Director if cp is police
          when not resolved go to resolved }
        """);
    assertEquals(List.of("E0306", "E0306"), wrongWay);
  }

  @Test
  void unlabelledDaysAreAnErrorWhereverTheyStand() {
    List<String> found = codes("""
        stage 1 "A" { to TeamManager respond within 5 days notify IRO within 2 days
          when not resolved go to resolved }
        extension { granted by IRO up to 5 days }
        """);
    assertEquals(List.of("E0301", "E0301", "E0301"), found);
  }

  @Test
  void rangesFollowTheLadderAndMustNotRunBackwards() {
    String ladder = """
        stage 1 "A" { to TeamManager }
        stage 2 "B" { to Director when not resolved go to resolved }
        """;
    assertEquals(List.of(), codes(ladder + "IRO may bypass to stage 1..2\n"));
    assertTrue(codes(ladder + "IRO may bypass to stage 2..1\n").contains("E0308"));
  }
}
