package org.escalon.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.escalon.model.Protocol;

/**
 * One running escalation, interpreted by the engine or generated as Java: what the simulator, the
 * tests and host systems drive. An event is applied whole or refused with {@link RefusedEvent},
 * leaving the state and the log as they were.
 */
public interface EscalationMachine {

  /** The protocol this escalation follows. */
  Protocol protocol();

  /** Where the escalation stands now. */
  EscalationState state();

  /** Every event applied so far, the machine's own (deadlines, reminders) included, in order. */
  List<CaseEvent> log();

  /** When the machine must next be told that time has passed, if ever. */
  Optional<Instant> nextDue();

  /** Applies an event after letting pass every deadline and reminder due before it. */
  EscalationState apply(CaseEvent event);

  /** Lets time pass up to and including {@code now}: deadlines and reminders due by then fire. */
  EscalationState advanceTo(Instant now);

  /**
   * The deadlines this escalation was restored with, by the index of the event that set each
   * (see {@link Snapshot}); a machine that was not restored from a log that recorded them has
   * none, and its deadlines are the ones its calendar gives.
   */
  default Map<Integer, Instant> deadlinesRecorded() {
    return Map.of();
  }
}
