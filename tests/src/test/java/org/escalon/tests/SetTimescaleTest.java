package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EventLog;
import org.escalon.engine.RefusedEvent;
import org.escalon.model.Protocol;
import org.escalon.model.TimeUnit;
import org.escalon.model.Timescale;
import org.escalon.model.Timespan;
import org.junit.jupiter.api.Test;

/**
 * Timescales set during the case and the earlier of two (issue 14, points 1 and 2): the guide
 * counts until the role sets one; a value set counts from the start of the stay, up to the cap;
 * the earlier of two counts the earlier deadline, whichever is set.
 */
class SetTimescaleTest extends EngineFixture {

  static final String SOURCE = """
      protocol "Set timescales" {
        raised by IRO
        role IRO "Independent Reviewing Officer"
        role SocialWorker "Social Worker"
        role TeamManager "Team Manager"
        stage informal "Informal resolution" {
          to SocialWorker
          respond within the time set by IRO, guide 5 working days, up to 20 working days source "the IRO sets the timescale"
          when not resolved go to stage 1
          source "Informal resolution"
        }
        stage 1 "To the Team Manager" {
          to TeamManager
          respond within the earlier of 1 working week and the time set by IRO, up to 10 working days source "whichever is less"
          when not resolved go to resolved
          source "Stage 1"
        }
      }
      """;

  static final Protocol PROTOCOL = compile("set.esc", SOURCE);

  SetTimescaleTest() {
    super(PROTOCOL, "IRO");
  }

  @Test
  void theModelKeepsWhoSetsItTheGuideAndTheCap() {
    Timescale t = PROTOCOL.stage("informal").orElseThrow().timescales().get(0);
    assertEquals(Optional.of(new Timescale.SetBy(List.of("IRO"),
        Optional.of(Timespan.workingDays(5)))), t.setBy());
    assertEquals(Timespan.workingDays(20), t.duration(), "the cap is the bound");
    assertEquals(Optional.of(Timespan.workingDays(5)), t.initial(),
        "the guide counts until one is set");
    assertEquals(2, PROTOCOL.stage("1").orElseThrow().timescales().size(),
        "the earlier of two is both timescales");
  }

  @Test
  void theGuideCountsUntilTheRoleSetsTheTimescale() {
    raise();
    // 5 working days from Monday 2 March: the close of Monday 9 March
    assertEquals(Optional.of(closeOf("2026-03-09")), escalation.state().deadline());
    escalation.apply(new CaseEvent.SetTimescale(T0.plusSeconds(3_600), "IRO",
        Timespan.workingDays(10)));
    // 10 working days from the start of the stage, not from the setting: close of 16 March
    assertEquals(Optional.of(closeOf("2026-03-16")), escalation.state().deadline());
    assertEquals(Optional.of(closeOf("2026-03-16")),
        escalation.state().visits().get(0).deadline());
    assertEquals(0, escalation.state().visits().get(0).extensions(), "not an extension");
  }

  @Test
  void theCapTheRoleAndTheStageBoundWhatMayBeSet() {
    raise();
    Instant at = T0.plusSeconds(60);
    assertEquals("the timescale of stage informal may be set up to 20 working days, not 21 "
        + "working days", refused(new CaseEvent.SetTimescale(at, "IRO",
            Timespan.workingDays(21))).rule());
    assertEquals("the timescale of stage informal may be set up to 20 working days, not 2 weeks",
        refused(new CaseEvent.SetTimescale(at, "IRO", new Timespan(2, TimeUnit.WEEKS))).rule());
    assertEquals("the timescale of stage informal is set by IRO, not SocialWorker",
        refused(new CaseEvent.SetTimescale(at, "SocialWorker", Timespan.workingDays(3))).rule());
    assertEquals("a timescale must be a positive length of time, not 0 working days",
        refused(new CaseEvent.SetTimescale(at, "IRO", Timespan.workingDays(0))).rule());
    RefusedEvent unknown = refused(new CaseEvent.SetTimescale(at, "Nobody",
        Timespan.workingDays(3)));
    assertEquals(RefusedEvent.Kind.UNKNOWN, unknown.kind());
  }

  @Test
  void theEarlierOfTwoCountsWhicheverIsLess() {
    raise();
    escalation.apply(new CaseEvent.SetTimescale(T0.plusSeconds(60), "IRO",
        Timespan.workingDays(1)));
    // no response by the close of Tuesday 3 March: stage 1 is entered at 00:00 on Wednesday
    escalation.advanceTo(closeOf("2026-03-03"));
    assertEquals(Optional.of("1"), escalation.state().stage());
    // until set, the cap (10) and the week (5): 5 working days from Wed 4 March, Wed 11 March
    assertEquals(Optional.of(closeOf("2026-03-11")), escalation.state().deadline());
    Instant later = closeOf("2026-03-04");
    escalation.apply(new CaseEvent.SetTimescale(later, "IRO", Timespan.workingDays(8)));
    assertEquals(Optional.of(closeOf("2026-03-11")), escalation.state().deadline(),
        "a longer timescale set does not pass the working week");
    escalation.apply(new CaseEvent.SetTimescale(later, "IRO", Timespan.workingDays(2)));
    assertEquals(Optional.of(closeOf("2026-03-06")), escalation.state().deadline(),
        "a shorter one counts: 2 working days from Wednesday 4 March");
  }

  @Test
  void theLogKeepsTheValueSetAndReplaysToTheSameState() {
    raise();
    escalation.apply(new CaseEvent.SetTimescale(T0.plusSeconds(60), "IRO",
        Timespan.workingDays(7)));
    String text = EventLog.format(escalation.log(), PROTOCOL);
    assertTrue(text.contains("set-timescale"), text);
    List<CaseEvent> parsed = EventLog.parse(text);
    assertEquals(escalation.log(), parsed);
    Escalation again = Escalation.of(PROTOCOL);
    parsed.forEach(again::apply);
    assertEquals(escalation.state(), again.state());
  }
}
