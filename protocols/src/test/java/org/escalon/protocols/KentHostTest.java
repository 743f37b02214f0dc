package org.escalon.protocols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.engine.Effect;
import org.escalon.engine.EscalationState;
import org.escalon.engine.RefusedEvent;
import org.escalon.model.Citation;
import org.escalon.model.Manner;
import org.escalon.model.Timespan;
import org.junit.jupiter.api.Test;

/**
 * A host system's view of Kent's protocol, through the class the build generated from
 * {@code kent-iro.esc}: an IRO raises an escalation, the social worker asks for and gets more
 * time, the IRO bypasses to stage 4, nobody answers, and the escalation waits for the agreement
 * and advice Cafcass needs, then ends there.
 */
class KentHostTest {

  /** The host: remembers what it was asked to do. */
  static final class CaseSystem implements KentIro.Listener {
    final List<String> sent = new ArrayList<>();

    @Override
    public void heard(Effect effect) {
      // the effects this host has no callback for need nothing of it
    }

    @Override
    public void escalate(KentIro.Place at, List<KentIro.Role> to, boolean bothAgencies,
        Optional<Citation> source) {
      sent.add("to " + to + " at " + at.key());
    }

    @Override
    public void copy(KentIro.Place at, List<KentIro.Role> roles, Optional<Citation> source) {
      sent.add("copy " + roles.size() + " at " + at.key());
    }

    @Override
    public void recordForm(KentIro.Place at, KentIro.Form form, List<KentIro.Role> sentTo,
        Optional<KentIro.Role> by, Manner how, Optional<Citation> source) {
      sent.add("form " + form.key() + " at " + at.key());
    }

    @Override
    public void concluded(KentIro.Outcome outcome, Optional<Citation> source) {
      sent.add("concluded " + outcome.key() + " because " + source.orElseThrow().text());
    }
  }

  private static Instant at(String when) {
    return Instant.parse(when);
  }

  @Test
  void anEscalationWalksFromRaiseToCafcass() {
    CaseSystem host = new CaseSystem();
    KentIro escalation = new KentIro(host);
    // starting above the informal stage is the IRO's judgement (Kent row 23)
    escalation.decideProportionate(at("2026-03-02T09:00:00Z"), KentIro.Role.IRO, true);
    escalation.raise(at("2026-03-02T09:00:00Z"), KentIro.StartStage.STAGE_1);
    assertEquals(Optional.of(KentIro.Stage.STAGE_1), escalation.stage());
    assertEquals(Optional.of(at("2026-03-10T00:00:00Z")), escalation.deadline(),
        "5 working days: Monday 2 March to the close of Monday 9 March");
    assertTrue(host.sent.containsAll(List.of("form LiberiEscalationForm at 1",
        "to [SOCIAL_WORKER] at 1")), host.sent.toString());

    escalation.agree(at("2026-03-03T09:00:00Z"), KentIro.Role.LINE_MANAGER);
    escalation.requestExtension(at("2026-03-03T10:00:00Z"), KentIro.Role.SOCIAL_WORKER,
        Timespan.workingDays(3), true, "the assessment is not back");
    escalation.grantExtension(at("2026-03-03T11:00:00Z"), KentIro.Role.IRO);
    assertEquals(Optional.of(at("2026-03-13T00:00:00Z")), escalation.deadline(), "5 + 3");

    // bypassing is the IRO's judgement that the issue is more serious or urgent (Kent row 40)
    escalation.decideSerious(at("2026-03-04T09:00:00Z"), KentIro.Role.IRO, true);
    escalation.bypass(at("2026-03-04T09:00:00Z"), KentIro.BypassTarget.STAGE_4,
        "the placement is breaking down");
    escalation.passTimeTo(at("2026-04-30T00:00:00Z"));
    KentIro.State waiting = escalation.current();
    assertEquals(EscalationState.Status.OPEN, waiting.status());
    assertEquals(Optional.of(KentIro.Outcome.CAFCASS), waiting.waitingFor());
    assertEquals(Optional.empty(), waiting.deadline());

    RefusedEvent refused = assertThrows(RefusedEvent.class, () -> escalation.respond(
        at("2026-03-01T09:00:00Z"), KentIro.Role.CORPORATE_DIRECTOR, true));
    assertTrue(refused.getMessage().startsWith("events come in time order"),
        refused.getMessage());

    escalation.agree(at("2026-05-04T09:00:00Z"), KentIro.Role.QA_ASSISTANT_DIRECTOR);
    escalation.advise(at("2026-05-04T10:00:00Z"), KentIro.Role.LEGAL_COUNSEL);
    assertEquals(Optional.of(KentIro.Outcome.CAFCASS), escalation.outcome());
    assertEquals(EscalationState.Status.ENDED, escalation.status());
    assertEquals("concluded cafcass because Practice Resolution: Stage 7 - Referral to Cafcass",
        host.sent.get(host.sent.size() - 1), "the host hears the policy paragraph too");
    assertEquals(List.of("1", "4", "5", "6"), escalation.state().completed());

    KentIro restored = KentIro.restore(escalation.snapshot(), effect -> { });
    assertEquals(escalation.state(), restored.state());
  }

  @Test
  void whatTheProtocolForbidsIsRefusedWithItsRule() {
    KentIro escalation = new KentIro();
    escalation.raise(at("2026-03-02T09:00:00Z"));
    RefusedEvent refused = assertThrows(RefusedEvent.class, () -> escalation.requestExtension(
        at("2026-03-03T10:00:00Z"), KentIro.Role.SOCIAL_WORKER, Timespan.workingDays(3), false,
        "no time"));
    assertEquals("a request for more time must be in writing", refused.rule());
    assertEquals("kent-iro.esc", refused.span().file());
    assertTrue(refused.citation().orElseThrow().text().startsWith("Process: alternative"),
        refused.citation().toString());
    assertEquals(Optional.of(KentIro.Stage.INFORMAL), escalation.stage(), "nothing changed");
  }
}
