package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Effect;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationListener;
import org.escalon.model.Protocol;
import org.escalon.model.TimeUnit;
import org.escalon.model.Timescale;
import org.escalon.model.Timespan;
import org.junit.jupiter.api.Test;

/**
 * A timescale set during the case with no cap, bounded by a declared assumption (issue 14, point
 * 1): the engine accepts any positive value the role sets, and the assumption is only the bound
 * the tools that do not follow the case count with, which they say is assumed.
 */
class AssumedTimescaleTest extends EngineFixture {

  static final String SOURCE = """
      protocol "Assumed timescales" {
        raised by IRO
        role IRO "Independent Reviewing Officer"
        role SocialWorker "Social Worker"
        role TeamManager "Team Manager"
        stage informal "Informal resolution" {
          to SocialWorker
          respond within the time set by IRO, guide 5 working days, assume at most 20 working days source "appropriate to the child's needs"
          when not resolved go to stage 1
          source "Informal resolution"
        }
        stage 1 "To the Team Manager" {
          to TeamManager
          respond within the time set by IRO, assume at most 10 working days
          when not resolved go to resolved
          source "Stage 1"
        }
      }
      """;

  static final Protocol PROTOCOL = compile("assumed.esc", SOURCE);

  AssumedTimescaleTest() {
    super(PROTOCOL, "IRO");
  }

  @Test
  void theModelKeepsTheAssumptionAsTheBoundAndNoCap() {
    Timescale t = PROTOCOL.stage("informal").orElseThrow().timescales().get(0);
    assertEquals(Optional.of(new Timescale.SetBy(List.of("IRO"),
        Optional.of(Timespan.workingDays(5)), true)), t.setBy());
    assertEquals(Optional.empty(), t.cap(), "no cap: the engine refuses no length");
    assertEquals(Optional.of(Timespan.workingDays(20)), t.bound(), "the tools count this");
    assertTrue(t.boundAssumed(), "and say that it is assumed");
    assertEquals("assumed at most 20 working days", t.boundWords());
    assertEquals(Optional.of(Timespan.workingDays(5)), t.initial(),
        "the guide counts until one is set");
    Timescale unguided = PROTOCOL.stage("1").orElseThrow().timescales().get(0);
    assertEquals(Optional.empty(), unguided.initial(),
        "with no guide, nothing counts until one is set: the assumption is never the engine's");
    assertTrue(unguided.awaitsValue());
    assertEquals(Optional.of(Timespan.workingDays(10)), unguided.bound(), "the tools' bound");
  }

  @Test
  void withNoGuideTheStageWaitsForTheValueAndTheHostIsTold() {
    List<Effect> heard = new ArrayList<>();
    Escalation e = new Escalation(PROTOCOL, Escalation.of(PROTOCOL).calendar(),
        new EscalationListener() {
          @Override
          public void heard(Effect effect) {
            heard.add(effect);
          }
        });
    e.apply(new CaseEvent.Raise(T0, "IRO", Optional.empty(), Optional.empty()));
    // the informal stage's guide (5 working days) passes: stage 1, set by the IRO, no guide
    e.advanceTo(closeOf("2026-03-09"));
    assertEquals(Optional.of("1"), e.state().stage());
    assertEquals(Optional.empty(), e.state().deadline(),
        "no deadline: the assumption (10 working days) is the tools' bound, not the engine's");
    assertEquals(Optional.empty(), e.nextDue(), "nothing falls due: it waits, untimed");
    assertEquals(new Effect.WaitingFor("1", "stage 1", List.of("its timescale, set by IRO"),
        Optional.empty()), heard.get(heard.size() - 1), "the host hears what it waits for");
    e.advanceTo(closeOf("2026-06-30"));
    assertEquals(Optional.of("1"), e.state().stage(), "months later it still waits");
    // set on 1 July: 3 working days from the start of the stage (day 0 Tuesday 10 March), so the
    // deadline has already passed and the escalation moves on at once
    e.apply(new CaseEvent.SetTimescale(Instant.parse("2026-07-01T09:00:00Z"), "IRO",
        Timespan.workingDays(3)));
    assertEquals(Optional.of(closeOf("2026-03-13")), e.state().visits().get(1).deadline(),
        "the value set counts from the start of the stage");
  }

  @Test
  void anyPositiveValueMayBeSetPastTheAssumption() {
    raise();
    // 5 working days from Monday 2 March (the guide): the close of Monday 9 March
    assertEquals(Optional.of(closeOf("2026-03-09")), escalation.state().deadline());
    escalation.apply(new CaseEvent.SetTimescale(T0.plusSeconds(3_600), "IRO",
        Timespan.workingDays(30)));
    // past the assumption (20): 30 working days from the start of the stage, the close of
    // Wednesday 15 April (Good Friday and Easter Monday are bank holidays; midnight in summer time)
    assertEquals(Optional.of(Instant.parse("2026-04-15T23:00:00Z")),
        escalation.state().deadline());
    escalation.apply(new CaseEvent.SetTimescale(T0.plusSeconds(7_200), "IRO",
        new Timespan(2, TimeUnit.WEEKS)));
    assertEquals(Optional.of(closeOf("2026-03-16")), escalation.state().deadline(),
        "any unit: there is no cap whose unit it must share");
  }

  @Test
  void theRoleAndAPositiveLengthStillBind() {
    raise();
    Instant at = T0.plusSeconds(60);
    assertEquals("the timescale of stage informal is set by IRO, not SocialWorker",
        refused(new CaseEvent.SetTimescale(at, "SocialWorker", Timespan.workingDays(3))).rule());
    assertEquals("a timescale must be a positive length of time, not 0 working days",
        refused(new CaseEvent.SetTimescale(at, "IRO", Timespan.workingDays(0))).rule());
  }
}
