package org.example.kent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.escalon.engine.EscalationState;
import org.escalon.engine.RefusedEvent;
import org.escalon.store.Receipt;
import org.escalon.store.Waiting;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host as it runs in production, three processes in a row on one H2 file: each test opens a
 * new service on the file to stand for a new process, as after a restart.
 */
class EscalationServiceTest {

  @TempDir
  Path folder;

  private EscalationService process() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + folder.resolve("cases") + ";DB_CLOSE_DELAY=-1;WRITE_DELAY=0");
    h2.setUser("sa");
    return new EscalationService(h2);
  }

  @Test
  void anEscalationLivesThroughThreeProcessesAndALateReply() {
    Instant monday = Instant.parse("2026-12-14T09:00:00Z");
    Receipt raised = process().raise("case-1", "req-1", "iro.jones", monday, "plan drift");
    assertFalse(raised.duplicate());

    // the second process: the nightly timer passes Informal Resolution's deadline
    EscalationService second = process();
    assertEquals(1, second.tick(Instant.parse("2026-12-23T01:00:00Z")).advanced());
    assertEquals(Optional.of("1"), second.state("case-1").orElseThrow().stage());
    Mailbox mail = new Mailbox();
    int delivered = second.deliver(mail);
    assertTrue(delivered > 0);

    // the third process: the raise is retried (a time-out upstream), the reply of 21 December
    // is keyed in on the 23rd
    EscalationService third = process();
    assertTrue(third.raise("case-1", "req-1", "iro.jones", monday, "plan drift").duplicate());
    third.reply("case-1", "req-2", "sw.smith", Instant.parse("2026-12-21T15:00:00Z"),
        Instant.parse("2026-12-23T09:30:00Z"), true);
    EscalationState state = third.state("case-1").orElseThrow();
    assertEquals(EscalationState.Status.ENDED, state.status());
    assertEquals(Optional.of("informal"), state.resolvedAt(), "resolved by the reply's real date");
    third.deliver(mail);
    assertEquals(mail.handed(), mail.messages().size(), "no item handed twice");
    assertTrue(mail.messages().get(mail.messages().size() - 1).endsWith("concluded: resolved"),
        mail.messages().toString());
  }

  @Test
  void aCaseWaitingForCafcassRequirementsIsListedUntilTheyAreGiven() {
    EscalationService host = process();
    host.raise("case-2", "req-1", "iro.jones", Instant.parse("2026-12-14T09:00:00Z"), "court");
    host.tick(Instant.parse("2027-04-01T00:00:00Z"));
    assertEquals(List.of(new Waiting("case-2", "cafcass")), host.waiting());
    Mailbox mail = new Mailbox();
    host.deliver(mail);
    assertTrue(mail.messages().stream().anyMatch(m -> m.contains("waiting for cafcass")),
        mail.messages().toString());
    host.agree("case-2", "req-2", "qa.ad", "QAAssistantDirector",
        Instant.parse("2027-04-01T10:00:00Z"));
    host.advise("case-2", "req-3", "legal", "LegalCounsel", Instant.parse("2027-04-01T11:00:00Z"));
    assertTrue(host.waiting().isEmpty());
    assertEquals(Optional.of("cafcass"), host.state("case-2").orElseThrow().outcome());
  }

  @Test
  void aRefusalTellsTheUserWhatKindItIs() {
    EscalationService host = process();
    RefusedEvent refused = assertThrows(RefusedEvent.class, () -> host.reply("case-3", "req-1",
        "sw.smith", Instant.parse("2026-12-14T09:00:00Z"), Instant.parse("2026-12-14T09:00:00Z"),
        true));
    assertEquals(RefusedEvent.Kind.NOT_NOW, refused.kind(), refused.getMessage());
    assertEquals(Optional.empty(), host.state("case-3"), "a refusal stores nothing");
  }
}
