package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.Code;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.compiler.verify.Verdict;
import org.escalon.compiler.verify.Verification;
import org.escalon.compiler.verify.Verifier;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationMachine;
import org.escalon.engine.EscalationState;
import org.escalon.engine.RefusedEvent;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

/**
 * Invariants over the case (issue 14, point 12): the engine and the generated machine refuse an
 * event after which an open escalation would break one, coded and cited, with the state
 * unchanged; the verifier says it holds, or shows where the protocol itself needs it broken.
 */
class InvariantTest {

  static final String SOURCE = """
      protocol "Placement escalation" {
        raised by IRO
        role IRO "Independent Reviewing Officer"
        role TeamManager "Team Manager"
        role Director "Director"
        attribute child_in_placement "the child lives in the placement the escalation is about"
        stage 1 "To the Team Manager" { source "Stage 1" to TeamManager respond within 5 working days }
        stage 2 "To the Director" {
          source "Stage 2"
          to Director
          respond within 5 working days
          when not resolved go to resolved
        }
        invariant "the child remains in the placement until the escalation is resolved" {
          child_in_placement
          source "Placement stability"
        }
      }
      """;

  static final Protocol PROTOCOL = compile("placement.esc", SOURCE);

  private static final Instant MONDAY = Instant.parse("2026-12-14T09:00:00Z");
  private static final CaseEvent.Raise RAISE = new CaseEvent.Raise(MONDAY, "IRO",
      Optional.empty(), Optional.empty());

  static Protocol compile(String file, String text) {
    return new EscalonCompiler().compile(SourceText.of(file, text)).protocol().orElseThrow();
  }

  private static CaseEvent set(Instant at, String value) {
    return new CaseEvent.SetAttribute(at, "child_in_placement", value);
  }

  @Test
  void theEngineRefusesAFactThatBreaksItWhileTheEscalationIsOpen() {
    assertRefusesAndKeepsItsState(Escalation.of(PROTOCOL));
  }

  @Test
  void theGeneratedMachineRefusesTheSameInTheSameWords() {
    GeneratedMachines machines = new GeneratedMachines(List.of(PROTOCOL));
    EscalationMachine engine = Escalation.of(PROTOCOL);
    EscalationMachine generated = machines.machine(0, new org.escalon.engine.EscalationListener() {
    });
    RefusedEvent byEngine = assertRefusesAndKeepsItsState(engine);
    RefusedEvent byMachine = assertRefusesAndKeepsItsState(generated);
    assertEquals(byEngine.getMessage(), byMachine.getMessage());
    assertEquals(byEngine.kind(), byMachine.kind());
    assertEquals(engine.state(), generated.state());
  }

  private static RefusedEvent assertRefusesAndKeepsItsState(EscalationMachine m) {
    // before the raise the facts are the host's: a raise with them broken is refused
    m.apply(set(MONDAY, "no"));
    RefusedEvent atRaise = assertThrows(RefusedEvent.class, () -> m.apply(RAISE));
    assertEquals(RefusedEvent.Kind.BREAKS_INVARIANT, atRaise.kind());
    assertEquals(EscalationState.Status.NOT_RAISED, m.state().status());
    m.apply(set(MONDAY, "yes"));
    m.apply(RAISE);
    EscalationState before = m.state();
    List<CaseEvent> log = m.log();
    RefusedEvent refused = assertThrows(RefusedEvent.class,
        () -> m.apply(set(MONDAY.plusSeconds(3600), "no")));
    assertEquals(RefusedEvent.Kind.BREAKS_INVARIANT, refused.kind());
    assertTrue(refused.getMessage().contains("the child remains in the placement until the "
        + "escalation is resolved"), refused.getMessage());
    assertEquals(Optional.of("Placement stability"), refused.citation().map(c -> c.text()));
    assertEquals(14, refused.span().line());
    assertEquals(before, m.state(), "the state is unchanged");
    assertEquals(log, m.log(), "nothing is logged");
    // once the escalation has ended, the facts are the host's again
    m.apply(new CaseEvent.Respond(MONDAY.plusSeconds(7200), "TeamManager", true));
    m.apply(set(MONDAY.plusSeconds(10800), "no"));
    assertEquals(EscalationState.Status.ENDED, m.state().status());
    return refused;
  }

  @Test
  void theVerifierFindsItHoldsOnEveryPath() {
    Verification v = new Verifier().verify(PROTOCOL, LocalDate.of(2026, 12, 14));
    Verdict verdict = invariant(v);
    assertTrue(verdict.holds(), verdict.summary());
    assertTrue(v.checks().stream().allMatch(Verdict::holds));
  }

  @Test
  void theVerifierShowsADatedPathWhereTheProtocolNeedsItBroken() {
    Protocol blocked = compile("blocked.esc", SOURCE.replace("""
          to Director
        """, """
          to Director
          requires not child_in_placement
        """));
    Verification v = new Verifier().verify(blocked, LocalDate.of(2026, 12, 14));
    Verdict verdict = invariant(v);
    assertFalse(verdict.holds());
    var finding = verdict.findings().get(0);
    assertEquals(Code.E0615, finding.code());
    assertTrue(finding.message().contains("child_in_placement set to no"), finding.message());
    assertTrue(finding.counterexample().isPresent(), "the path is dated");
    String report = org.escalon.compiler.verify.VerificationReport.render("blocked.esc", v,
        LocalDate.of(2026, 12, 14), false);
    assertTrue(report.contains("counterexample 2: invariant: the child remains in the placement"),
        report);
    assertTrue(report.contains("Mon 14 Dec 2026 12:00    0  1      TeamManager responded: not "
        + "resolved"), report);
  }

  private static Verdict invariant(Verification v) {
    return v.properties().stream().filter(p -> p.name().equals(Verdict.invariant(
        "the child remains in the placement until the escalation is resolved"))).findFirst()
        .orElseThrow();
  }
}
