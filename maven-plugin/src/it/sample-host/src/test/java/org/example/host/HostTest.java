package org.example.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.engine.Effect;
import org.escalon.engine.RefusedEvent;
import org.escalon.model.Citation;
import org.example.host.escalation.Complaint;
import org.junit.jupiter.api.Test;

/** The host codes against the class the plugin generated from src/main/escalon/complaint.esc. */
class HostTest {

  /** What the host was asked to do, in order. */
  static final class Inbox implements Complaint.Listener {
    final List<String> told = new ArrayList<>();

    @Override
    public void heard(Effect effect) {
      // the effects this host has no callback for need nothing of it
    }

    @Override
    public void escalate(Complaint.Place at, List<Complaint.Role> to, boolean bothAgencies,
        Optional<Citation> source) {
      told.add("escalate " + at.key() + " " + to);
    }

    @Override
    public void concluded(Complaint.Outcome outcome, Optional<Citation> source) {
      told.add("concluded " + outcome);
    }
  }

  @Test
  void anUnansweredEscalationEndsAtCafcass() {
    Inbox inbox = new Inbox();
    Complaint escalation = new Complaint(inbox);
    escalation.raise(Instant.parse("2026-03-02T09:00:00Z"));
    assertEquals(Optional.of(Complaint.Stage.STAGE_1), escalation.stage());
    escalation.passTimeTo(Instant.parse("2026-04-01T00:00:00Z"));
    assertEquals(Optional.of(Complaint.Outcome.CAFCASS), escalation.outcome());
    assertEquals(List.of("escalate 1 [TEAM_MANAGER]", "escalate 2 [SERVICE_MANAGER]",
        "escalate cafcass [CAFCASS]", "concluded CAFCASS"), inbox.told);
  }

  @Test
  void aBypassNeedsItsReasonAndARespondentCanResolve() {
    Complaint escalation = new Complaint();
    escalation.raise(Instant.parse("2026-03-02T09:00:00Z"));
    RefusedEvent refused = assertThrows(RefusedEvent.class, () -> escalation.bypass(
        Instant.parse("2026-03-02T10:00:00Z"), Complaint.BypassTarget.STAGE_2, " "));
    assertEquals("complaint.esc", refused.span().file());
    escalation.bypass(Instant.parse("2026-03-02T10:00:00Z"), Complaint.BypassTarget.STAGE_2,
        "the child is at risk");
    escalation.respond(Instant.parse("2026-03-03T10:00:00Z"), Complaint.Role.SERVICE_MANAGER,
        true);
    assertEquals(Optional.of(Complaint.Outcome.RESOLVED), escalation.current().outcome());
    assertEquals(Optional.of("2"), escalation.state().resolvedAt());
  }
}
