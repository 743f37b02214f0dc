package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.model.ExtensionRule;
import org.escalon.model.Protocol;
import org.escalon.model.Timespan;
import org.junit.jupiter.api.Test;

/**
 * An extension's guide (Leeds: "usually for up to another 5 working days"): a request past it is
 * allowed and granted like any other, and the grant is recorded as beyond the usual time; only
 * {@code up to} refuses a length.
 */
class ExtensionGuideTest extends EngineFixture {

  private static final String SOURCE = """
      protocol "Extension guide" {
        raised by IRO
        role IRO "Independent Reviewing Officer"
        role IROManager "IRO Team Manager"
        role TeamManager "Team Manager"
        stage 1 "To the Team Manager" {
          to TeamManager
          respond within 5 working days
          when not resolved go to resolved
          source "Stage 1"
        }
        extension {
          requested by addressees in writing
          granted by IRO
          requires agreement of IROManager
          guide 5 working days
          %s
        }
      }
      """;

  static final Protocol GUIDED = compile("guide.esc", SOURCE.formatted(""));

  ExtensionGuideTest() {
    super(GUIDED, "IRO");
  }

  @Test
  void theModelKeepsTheGuideApartFromTheCap() {
    ExtensionRule rule = GUIDED.stage("1").orElseThrow().extension()
        .or(GUIDED::extension).orElseThrow();
    assertEquals(Optional.of(Timespan.workingDays(5)), rule.guide());
    assertEquals(Optional.empty(), rule.upTo(), "the guide is no cap");
    assertTrue(rule.beyondGuide(Timespan.workingDays(8)));
    assertFalse(rule.beyondGuide(Timespan.workingDays(5)), "the usual time itself");
  }

  @Test
  void aRequestPastTheGuideIsGrantedAndMovesTheDeadlineByAllOfIt() {
    raise();
    assertEquals(Optional.of(closeOf("2026-03-09")), escalation.state().deadline());
    escalation.apply(new CaseEvent.Agree(T0.plusSeconds(60), "IROManager"));
    escalation.apply(new CaseEvent.RequestExtension(T0.plusSeconds(120), "TeamManager",
        Timespan.workingDays(8), true, Optional.of("awaiting the placement review")));
    escalation.apply(new CaseEvent.GrantExtension(T0.plusSeconds(180), "IRO"));
    // 8 working days after the close of Monday 9 March: the close of Thursday 19 March
    assertEquals(Optional.of(closeOf("2026-03-19")), escalation.state().deadline());
  }

  @Test
  void onlyUpToRefusesALength() {
    Escalation capped = Escalation.of(compile("capped.esc",
        SOURCE.formatted("up to 10 working days")));
    capped.apply(new CaseEvent.Raise(T0, "IRO", Optional.empty(), Optional.empty()));
    capped.apply(new CaseEvent.Agree(T0.plusSeconds(60), "IROManager"));
    org.junit.jupiter.api.Assertions.assertThrows(org.escalon.engine.RefusedEvent.class,
        () -> capped.apply(new CaseEvent.RequestExtension(T0.plusSeconds(120), "TeamManager",
            Timespan.workingDays(12), true, Optional.of("a reason"))), "past `up to`");
    capped.apply(new CaseEvent.RequestExtension(T0.plusSeconds(120), "TeamManager",
        Timespan.workingDays(8), true, Optional.of("a reason")));
    assertEquals(Optional.of(Timespan.workingDays(8)), capped.state().pendingExtension(),
        "past the guide, within `up to`: allowed");
  }
}
