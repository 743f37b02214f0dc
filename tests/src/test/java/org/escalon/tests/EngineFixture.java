package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Optional;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationState;
import org.escalon.engine.RefusedEvent;
import org.escalon.model.Protocol;

/**
 * The setup the engine tests of one protocol written in the test share: a fresh escalation per
 * test, raised by one role at {@link #T0}, dates read as the close of a London day, and a refusal
 * that must change nothing.
 */
abstract class EngineFixture {

  /** Monday 2 March 2026, 09:00 in London (GMT). */
  static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  protected final Escalation escalation;
  private final String raiser;

  EngineFixture(Protocol protocol, String raiser) {
    this.escalation = Escalation.of(protocol);
    this.raiser = raiser;
  }

  /** The protocol in {@code source}, which must compile. */
  static Protocol compile(String file, String source) {
    return new EscalonCompiler().compile(SourceText.of(file, source)).protocol().orElseThrow();
  }

  /** The close of {@code day} (yyyy-mm-dd) in London in winter (GMT). */
  static Instant closeOf(String day) {
    return Instant.parse(day + "T00:00:00Z").plusSeconds(86_400);
  }

  /** The escalation refuses {@code event} and is left as it was. */
  RefusedEvent refused(CaseEvent event) {
    EscalationState before = escalation.state();
    RefusedEvent refusal = assertThrows(RefusedEvent.class, () -> escalation.apply(event));
    assertEquals(before, escalation.state(), "a refusal changes nothing");
    return refusal;
  }

  /** The raiser raises the escalation at {@link #T0}. */
  void raise() {
    escalation.apply(new CaseEvent.Raise(T0, raiser, Optional.empty(), Optional.empty()));
  }
}
