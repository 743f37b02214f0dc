package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.compiler.verify.Verifier;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Effect;
import org.escalon.engine.Escalation;
import org.escalon.model.Manner;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.Test;

/**
 * How a step is done and by whom (issue 14, point 11): the engine tells the channels, the
 * recorder and whether a step is good practice; the verifier counts no good-practice step towards
 * a property that a role is told.
 */
class StepMannerTest {

  static final String SOURCE = """
      protocol "How each step is done" {
        raised by Practitioner
        role Practitioner "Practitioner"
        role TeamManager "Team Manager"
        role HeadOfService "Head of Service"
        role Chair "Chair"
        stage 1 "To the Team Manager" {
          source "Stage 1"
          to TeamManager
          notify TeamManager "of the disagreement" via telephone or email
          notify HeadOfService "that a disagreement has been raised" as good practice
          record "the decision" by Chair sent to Practitioner via letter
          respond within 5 working days
          when not resolved go to resolved
        }
        property "The Team Manager is told" { at every stage TeamManager is notified }
        property "The Head of Service is told" { at every stage HeadOfService is notified }
      }
      """;

  static final Protocol PROTOCOL = new EscalonCompiler()
      .compile(SourceText.of("manner.esc", SOURCE)).protocol().orElseThrow();

  @Test
  void theEngineTellsHowEachStepIsDone() {
    List<Effect> told = new ArrayList<>();
    Escalation escalation = new Escalation(PROTOCOL,
        WorkingCalendar.of(PROTOCOL.header().calendar(), PROTOCOL.header().zone()),
        new org.escalon.engine.EscalationListener() {
          @Override
          public void heard(Effect effect) {
            told.add(effect);
          }
        });
    escalation.apply(new CaseEvent.Raise(Instant.parse("2026-03-02T09:00:00Z"), "Practitioner",
        Optional.empty(), Optional.empty()));
    List<Effect.Inform> informs = told.stream().filter(Effect.Inform.class::isInstance)
        .map(Effect.Inform.class::cast).toList();
    assertEquals(new Manner(List.of(Manner.Channel.TELEPHONE, Manner.Channel.EMAIL), true),
        informs.get(0).manner());
    assertFalse(informs.get(1).manner().required(), "good practice is told as such");
    Effect.Keep keep = told.stream().filter(Effect.Keep.class::isInstance)
        .map(Effect.Keep.class::cast).findFirst().orElseThrow();
    assertEquals(Optional.of("Chair"), keep.by());
    assertEquals(List.of(Manner.Channel.LETTER), keep.manner().channels());
  }

  @Test
  void aGoodPracticeStepMakesNoPropertyHold() {
    var verification = new Verifier().verify(PROTOCOL, LocalDate.of(2026, 12, 14));
    assertTrue(verification.verdict("The Team Manager is told").holds());
    assertFalse(verification.verdict("The Head of Service is told").holds(),
        "a step the policy only recommends may not be done");
  }
}
