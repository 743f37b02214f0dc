package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Optional;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

/**
 * Routes the case chooses (issue 14, point 6): {@code when not resolved go to stage 3 if
 * immediate_risk, otherwise go to stage 2}, run by the engine. The condition is read when the
 * response comes or the deadline passes, not when the stage was entered.
 */
class ChosenRoutesTest {

  private static final Protocol ROUTES = ProtocolsTest.compile(
      Repository.root().resolve("tests/src/test/resources/constructs/chosen-routes.esc")).protocol()
      .orElseThrow();
  private static final Instant T0 = Instant.parse("2027-03-22T09:00:00Z");

  private final Escalation escalation = Escalation.of(ROUTES);

  private void raised() {
    escalation.apply(new CaseEvent.Raise(T0, "IRO", Optional.empty(), Optional.empty()));
  }

  private Optional<String> stage() {
    return escalation.state().stage();
  }

  @Test
  void withImmediateRiskAnUnresolvedConcernGoesStraightToTheDirector() {
    escalation.apply(new CaseEvent.SetAttribute(T0, "immediate_risk", "yes"));
    raised();
    escalation.apply(new CaseEvent.Respond(T0.plusSeconds(3_600), "TeamManager", false));
    assertEquals(Optional.of("3"), stage());
  }

  @Test
  void otherwiseItGoesToTheServiceManager() {
    raised();
    escalation.apply(new CaseEvent.Respond(T0.plusSeconds(3_600), "TeamManager", false));
    assertEquals(Optional.of("2"), stage());
  }

  @Test
  void theConditionIsReadWhenTheResponseComes() {
    raised();
    escalation.apply(new CaseEvent.SetAttribute(T0.plusSeconds(60), "immediate_risk", "yes"));
    escalation.apply(new CaseEvent.SetAttribute(T0.plusSeconds(120), "immediate_risk", "no"));
    escalation.apply(new CaseEvent.Respond(T0.plusSeconds(3_600), "TeamManager", false));
    assertEquals(Optional.of("2"), stage(), "the risk had passed by the response");
  }

  @Test
  void noResponseByTheDeadlineTakesTheChosenRouteToo() {
    raised();
    escalation.apply(new CaseEvent.SetAttribute(T0.plusSeconds(60), "immediate_risk", "yes"));
    // five working days from Mon 22 Mar 2027: the deadline is the close of Mon 29 Mar
    escalation.advanceTo(Instant.parse("2027-04-01T12:00:00Z"));
    assertEquals(Optional.of("3"), stage());
  }

  @Test
  void aResolvingResponseStillEnds() {
    escalation.apply(new CaseEvent.SetAttribute(T0, "immediate_risk", "yes"));
    raised();
    escalation.apply(new CaseEvent.Respond(T0.plusSeconds(3_600), "TeamManager", true));
    assertEquals(Optional.of("resolved"), escalation.state().outcome());
  }
}
