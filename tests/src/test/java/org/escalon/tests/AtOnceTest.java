package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Effect;
import org.escalon.engine.Escalation;
import org.escalon.engine.EventRecord;
import org.escalon.engine.TimedEffect;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

/**
 * What must happen at once whatever the stage (issue 14, points 6 and 8): {@code when
 * immediate_risk go to stage 3} moves an escalation up the ladder as soon as the condition holds,
 * at the raise or when the fact changes; {@code when immediate_risk { notify Police "call 999" }}
 * tells the host each time the condition comes to hold, with or without an escalation running.
 */
class AtOnceTest {

  static final Protocol AT_ONCE = ProtocolsTest.compile(
      Repository.root().resolve("tests/src/test/resources/constructs/at-once.esc")).protocol()
      .orElseThrow();
  private static final Instant T0 = Instant.parse("2027-03-22T09:00:00Z");

  private final Escalation escalation = Escalation.of(AT_ONCE);

  private List<Effect> raise(Instant at) {
    return effects(new CaseEvent.Raise(at, "IRO", Optional.empty(), Optional.empty()));
  }

  private List<Effect> set(Instant at, String value) {
    return effects(new CaseEvent.SetAttribute(at, "immediate_risk", value));
  }

  private List<Effect> effects(CaseEvent event) {
    return escalation.step(EventRecord.of(event)).effects().stream().map(TimedEffect::effect)
        .toList();
  }

  private Optional<String> stage() {
    return escalation.state().stage();
  }

  private static List<String> told(List<Effect> effects) {
    return effects.stream().filter(Effect.Inform.class::isInstance).map(Effect.Inform.class::cast)
        .map(i -> i.where() + ": " + String.join(",", i.roles())).toList();
  }

  @Test
  void withoutRiskTheLadderIsClimbedStepByStep() {
    raise(T0);
    escalation.apply(new CaseEvent.Respond(T0.plusSeconds(60), "TeamManager", false));
    assertEquals(Optional.of("2"), stage());
  }

  @Test
  void riskKnownAtTheRaiseStartsAtTheDirector() {
    set(T0, "yes");
    raise(T0.plusSeconds(60));
    assertEquals(Optional.of("3"), stage());
    assertTrue(escalation.state().visits().stream().noneMatch(v -> v.stage().equals("1")),
        "stage 1 is walked past, not entered: " + escalation.state().visits());
  }

  @Test
  void riskArisingDuringTheCaseMovesTheEscalationAtOnce() {
    raise(T0);
    List<Effect> effects = set(T0.plusSeconds(60), "yes");
    assertEquals(Optional.of("3"), stage());
    assertTrue(escalation.state().completed().contains("1"));
    assertTrue(told(effects).contains("at once 2: Police"), told(effects).toString());
    assertTrue(effects.stream().anyMatch(e -> e instanceof Effect.EscalateTo t
        && t.where().equals("3")), effects.toString());
  }

  @Test
  void theEscalationIsNeverSentBackDownTheLadder() {
    raise(T0);
    escalation.apply(new CaseEvent.Respond(T0.plusSeconds(60), "TeamManager", false));
    escalation.apply(new CaseEvent.Respond(T0.plusSeconds(120), "ServiceManager", false));
    assertEquals(Optional.of("3"), stage());
    set(T0.plusSeconds(180), "yes");
    assertEquals(Optional.of("3"), stage());
  }

  @Test
  void theStepsAreDoneOnceEachTimeTheConditionComesToHoldEvenWithoutAnEscalation() {
    assertEquals(List.of("at once 2: Police", "at once 2: ServiceManager"),
        told(set(T0, "yes")));
    assertEquals(List.of(), told(set(T0.plusSeconds(60), "yes")), "it already held");
    assertEquals(List.of(), told(set(T0.plusSeconds(120), "no")));
    assertEquals(List.of("at once 2: Police", "at once 2: ServiceManager"),
        told(set(T0.plusSeconds(180), "yes")));
    assertEquals(Optional.empty(), stage(), "no escalation was raised");
  }
}
