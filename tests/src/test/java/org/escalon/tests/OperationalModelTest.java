package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.machine.Duty;
import org.escalon.machine.Guard;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.Route;
import org.escalon.machine.StageRule;
import org.escalon.model.Protocol;
import org.escalon.model.Target;
import org.junit.jupiter.api.Test;

/**
 * The operational model decides each rule once: skips unrolled into guarded branches, the
 * timescale that counts, shared obligations stored once.
 * The engine runs on it, so the engine shows each decision.
 */
class OperationalModelTest {

  private static final Instant MONDAY = Instant.parse("2026-03-02T09:00:00Z");

  static Protocol compile(String text) {
    return new EscalonCompiler().compile(SourceText.of("test.esc", text)).protocol()
        .orElseThrow(() -> new AssertionError("does not compile:\n" + text));
  }

  private static final String LADDER = """
      protocol "Skips" {
        raised by IRO
        source "test"
        role IRO "Independent Reviewing Officer"
        role TeamManager "Team Manager"
        role Chair "Chair"
        role Director "Director"
        role Head "Head of Service"
        attribute cp "the child has a child protection plan"
        attribute urgent "the case is urgent"
        stage 1 "One" { source "1" to TeamManager respond within 5 working days }
        stage 2 "Two" {
          source "2"
          to Chair
          only if cp
          requires agreement of Head
          respond within 5 working days
        }
        stage 3 "Three" {
          source "3"
          to Director
          respond within 10 working days
          respond within 5 working days if cp
          respond within 1 working day if urgent
          when not resolved go to stage 3
        }
        IRO may start at any stage
      }
      """;

  @Test
  void aRouteUnrollsTheSkipsOfOnlyIfIntoGuardedBranches() {
    OperationalModel model = OperationalModel.of(compile(LADDER));
    Route next = model.stage("1").orElseThrow().onNoResponse();
    assertEquals(2, next.branches().size(), next.toString());
    assertEquals(new Target.ToStage("2"), next.branches().get(0).to());
    assertEquals(new Guard.Attribute("cp", "yes"), next.branches().get(0).when());
    assertEquals(new Target.ToStage("3"), next.branches().get(1).to());
    assertEquals(new Guard.Not(new Guard.Attribute("cp", "yes")), next.branches().get(1).when());
    assertEquals(List.of("2"), next.branches().get(1).skipped());
  }

  @Test
  void theEarliestConditionalTimescaleThatHoldsCountsNotTheFirst() {
    Escalation e = Escalation.of(compile(LADDER));
    e.apply(new CaseEvent.SetAttribute(MONDAY, "cp", "yes"));
    e.apply(new CaseEvent.SetAttribute(MONDAY, "urgent", "yes"));
    e.apply(new CaseEvent.Agree(MONDAY, "Head"));
    e.apply(new CaseEvent.Raise(MONDAY, "IRO", Optional.of("3"), Optional.empty()));
    // both conditional timescales hold: 1 working day (the earliest), not 5 (the first written)
    assertEquals(Optional.of(Instant.parse("2026-03-04T00:00:00Z")), e.nextDue());
  }

  @Test
  void aChainOfSkipsThatComesRoundEntersTheStageWhereItCloses() {
    Protocol p = compile("""
        protocol "Round" {
          raised by IRO
          source "test"
          role IRO "Independent Reviewing Officer"
          role TeamManager "Team Manager"
          role Chair "Chair"
          role Director "Director"
          attribute cp "the child has a child protection plan"
          attribute lac "the child is looked after"
          stage 1 "One" { source "1" to TeamManager respond within 5 working days }
          stage 2 "Two" { source "2" to Chair only if cp respond within 5 working days }
          stage 3 "Three" {
            source "3"
            to Director
            only if lac
            respond within 5 working days
            when not resolved go to stage 2
          }
        }
        """);
    Route route = OperationalModel.of(p).stage("1").orElseThrow().onNoResponse();
    Route.Branch last = route.branches().get(route.branches().size() - 1);
    assertEquals(new Target.ToStage("2"), last.to());
    assertEquals(List.of("2", "3"), last.skipped());
    Escalation e = Escalation.of(p);
    e.apply(new CaseEvent.Raise(MONDAY, "IRO", Optional.empty(), Optional.empty()));
    e.apply(new CaseEvent.Respond(MONDAY.plusSeconds(60), "TeamManager", false));
    assertEquals(Optional.of("2"), e.state().stage());
  }

  @Test
  void anObligationAtEveryStageIsStoredOnce() {
    Protocol kent = ProtocolsTest.compile(Repository.root().resolve("protocols/kent-iro.esc"))
        .protocol().orElseThrow();
    OperationalModel model = OperationalModel.of(kent);
    assertTrue(model.shared().size() >= 10, "Kent's at-every-stage obligations");
    StageRule informal = model.stage("informal").orElseThrow();
    StageRule six = model.stage("6").orElseThrow();
    Duty first = model.shared().get(0);
    assertSame(first, informal.duties().stream().filter(d -> d.equals(first)).findFirst()
        .orElseThrow());
    assertSame(first, six.duties().stream().filter(d -> d.equals(first)).findFirst()
        .orElseThrow());
    assertEquals(List.of("SocialWorker"), informal.respondents().roles());
  }
}
