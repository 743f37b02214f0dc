package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationListener;
import org.escalon.engine.EscalationMachine;
import org.escalon.engine.EventLog;
import org.escalon.engine.RefusedEvent;
import org.escalon.engine.Snapshot;
import org.escalon.engine.StageVisit;
import org.escalon.model.Protocol;
import org.escalon.model.Timescale;
import org.escalon.simulate.ScenarioParser;
import org.escalon.simulate.Simulator;
import org.escalon.simulate.TimelineRow;
import org.junit.jupiter.api.Test;

/**
 * Citations name the rule that applied (issue 13, point 3): a stay records the timescale the
 * operational model chose on entering, and a missed deadline's timeline row and log line cite
 * it, not the stage's unconditional one; a refused bypass cites the right that applied. The
 * generated machine records and refuses the same.
 */
class CitationsOfTheRuleThatAppliedTest {

  private static final Protocol URGENT = OperationalModelTest.compile("""
      protocol "Urgent" {
        raised by IRO
        source "test"
        role IRO "Independent Reviewing Officer"
        role TeamManager "Team Manager"
        role Director "Director"
        attribute urgent "the child is at immediate risk"
        stage 1 "One" {
          source "Stage 1"
          to TeamManager
          respond within 10 working days source "ten working days"
          respond within 2 working days if urgent source "two working days when urgent"
        }
        stage 2 "Two" {
          source "Stage 2"
          to Director
          respond within 5 working days source "five working days"
          when not resolved go to cafcass
        }
        outcome cafcass "Referral to Cafcass" { source "Cafcass" }
      }
      """);
  private static final Protocol RIGHTS = OperationalModelTest.compile("""
      protocol "Rights" {
        raised by IRO
        source "test"
        role IRO "Independent Reviewing Officer"
        role TeamManager "Team Manager"
        role Director "Director"
        attribute in_care "the child is in care"
        stage 1 "One" { source "1" to TeamManager respond within 5 working days }
        stage 2 "Two" { source "2" to Director respond within 5 working days }
        stage 3 "Three" {
          source "3"
          to Director
          respond within 5 working days
          when not resolved go to cafcass
        }
        outcome cafcass "Referral to Cafcass" { source "Cafcass" }
        IRO may bypass to stage 2 with reason  source "any stage, with reason"
        IRO may bypass to stage 3 with reason if in_care  source "children in care only"
      }
      """);
  private static final GeneratedMachines MACHINES =
      new GeneratedMachines(List.of(URGENT, RIGHTS));
  private static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");

  private static EscalationMachine generated(int i) {
    return MACHINES.machine(i, new EscalationListener() { });
  }

  /** Urgent, raised, and left until its two working days have passed. */
  private static void urgentAndMissed(EscalationMachine m) {
    m.apply(new CaseEvent.SetAttribute(T0, "urgent", "yes"));
    m.apply(new CaseEvent.Raise(T0, "IRO", Optional.empty(), Optional.empty()));
    m.advanceTo(T0.plusSeconds(5 * 86_400));
  }

  @Test
  void aStayRecordsTheConditionalTimescaleThatAppliedInTheEngineAndTheGeneratedMachine() {
    Escalation engine = Escalation.of(URGENT);
    EscalationMachine machine = generated(0);
    urgentAndMissed(engine);
    urgentAndMissed(machine);
    StageVisit first = engine.state().visits().get(0);
    assertEquals(Optional.of("two working days when urgent"),
        first.timescaleOf(URGENT.stage("1").orElseThrow()).flatMap(Timescale::citation)
            .map(c -> c.text()));
    assertEquals(Optional.of(1), first.timescale(), "the second declared");
    assertEquals(Optional.of("no response"), first.leftBy());
    assertEquals(engine.state(), machine.state(), "the machine records the same timescale");
  }

  @Test
  void aMissedConditionalDeadlineCitesTheConditionalTimescale() throws Exception {
    List<TimelineRow> rows = new Simulator(URGENT).run(ScenarioParser.parse("""
        scenario "urgent, nobody answers"
        start 2027-01-04
        set urgent to yes
        """, "urgent.scenario"), LocalDate.of(2027, 1, 4)).rows();
    TimelineRow missed = rows.stream().filter(r -> r.kind() == TimelineRow.Kind.TIMED_OUT
        && r.stage().equals("1")).findFirst().orElseThrow();
    assertEquals(Optional.of("two working days when urgent"),
        missed.citation().map(c -> c.text()), missed.toString());

    Escalation engine = Escalation.of(URGENT);
    urgentAndMissed(engine);
    for (String log : List.of(EventLog.format(engine.log(), URGENT), Snapshot.write(engine),
        Snapshot.write(withLog(generated(0))))) {
      String line = log.lines().filter(l -> l.contains(" deadline stage=1")).findFirst()
          .orElseThrow();
      assertTrue(line.endsWith("# two working days when urgent"), line);
    }
  }

  private static EscalationMachine withLog(EscalationMachine m) {
    urgentAndMissed(m);
    return m;
  }

  @Test
  void aRefusedBypassCitesTheRightThatAppliedInTheEngineAndTheGeneratedMachine() {
    CaseEvent raise = new CaseEvent.Raise(T0, "IRO", Optional.empty(), Optional.empty());
    CaseEvent bypass = new CaseEvent.Bypass(T0.plusSeconds(60), "IRO", "3", Optional.of("now"));
    Escalation engine = Escalation.of(RIGHTS);
    EscalationMachine machine = generated(1);
    engine.apply(raise);
    machine.apply(raise);
    RefusedEvent byEngine = assertThrows(RefusedEvent.class, () -> engine.apply(bypass));
    RefusedEvent byMachine = assertThrows(RefusedEvent.class, () -> machine.apply(bypass));
    assertEquals(Optional.of("children in care only"),
        byEngine.citation().map(c -> c.text()), byEngine.getMessage());
    assertEquals(byEngine.getMessage(), byMachine.getMessage());
    assertEquals(byEngine.citation(), byMachine.citation());
  }
}
