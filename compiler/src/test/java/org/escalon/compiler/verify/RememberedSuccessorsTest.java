package org.escalon.compiler.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

/**
 * A move that enters a stage or ends the escalation leads every state of the same signature to
 * the same state, so the search takes its successor from the first such state instead of
 * building it ({@link Successors}). This pins that the shortcut changes nothing:
 * on every seed protocol, every example of the language reference (where each construct of the
 * language has one) and the benchmark's generated protocol, the state space found with it is the
 * one found by building every successor, state by state and move by move, in the same order.
 */
class RememberedSuccessorsTest {

  private static final SearchLimits LIMITS = SearchLimits.defaults().withStates(100_000)
      .withTime(Duration.ofMinutes(5));

  @Test
  void theSeedsHaveTheSameStateSpaceWithAndWithoutRememberedSuccessors() {
    for (Protocol p : SeedProtocols.all()) {
      same(p);
    }
  }

  @Test
  void theLanguageExamplesHaveTheSameStateSpaceWithAndWithoutRememberedSuccessors() {
    for (Protocol p : SeedProtocols.examples()) {
      same(p);
    }
  }

  @Test
  void aLadderWithEveryBypassHasTheSameStateSpace() {
    StringBuilder s = new StringBuilder("protocol \"Eight stages\" {\n  raised by Raiser\n"
        + "  source \"test\"\n  role Raiser \"Raiser\"\n");
    for (int i = 1; i <= 8; i++) {
      s.append("  role R").append(i).append(" \"Respondent ").append(i).append("\"\n");
    }
    for (int i = 1; i <= 8; i++) {
      s.append("  stage ").append(i).append(" \"Stage ").append(i).append("\" {\n    to R")
          .append(i).append("\n    respond within 5 working days\n    when not resolved go to ")
          .append(i < 8 ? "stage " + (i + 1) : "not_resolved").append("\n  }\n");
    }
    s.append("  outcome not_resolved \"Not resolved\" {\n    to Raiser\n  }\n"
        + "  Raiser may bypass to stage 3, stage 5 and stage 8\n"
        + "  extension {\n    granted by Raiser\n    up to 5 working days\n"
        + "    at most 3 times in total\n  }\n"
        + "  property \"not resolved only after stage 8\" {\n    source \"test\"\n"
        + "    not_resolved only after completed stage 8\n  }\n}\n");
    same(SeedProtocols.compile("eight.esc", s.toString()));
  }

  private static void same(Protocol p) {
    StateSpace built = StateSpace.explore(new AbstractRules(new ProtocolIndex(p)), LIMITS, false);
    StateSpace remembered = StateSpace.explore(new AbstractRules(new ProtocolIndex(p)), LIMITS,
        true);
    String name = p.name();
    assertEquals(built.truncated, remembered.truncated, name);
    assertEquals(built.size(), remembered.size(), name);
    assertEquals(built.transitions(), remembered.transitions(), name);
    assertEquals(describe(built), describe(remembered), name);
  }

  /** Every state and, for each expanded state, its moves and where they lead, in order. */
  private static List<String> describe(StateSpace space) {
    List<String> out = new ArrayList<>();
    for (int s = 0; s < space.size(); s++) {
      out.add(s + ": " + space.state(s) + " from " + space.parent[s] + " by "
          + space.parentMove[s]);
    }
    if (!space.truncated) {
      for (int s = 0; s < space.size(); s++) {
        for (int e = space.firstEdge(s); e < space.endEdge(s); e++) {
          out.add(s + " -" + space.move(e).describe() + "-> " + space.target(e));
        }
      }
    }
    return out;
  }
}
