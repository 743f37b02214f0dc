package org.escalon.engine;

import java.util.List;

/**
 * What one call did to an escalation: the log's records from index {@code from} on as the call
 * left them, the effects it owes the host, and the state it left. A call appends to the log
 * ({@code from} is then the old length); only a late-entered event rewrites it from its date
 * ({@link #revised()}), and then {@code superseded} holds the records that no longer happened (a
 * deadline that was answered in time after all).
 */
public record CallResult(int from, boolean revised, List<EventRecord> records,
    List<TimedEffect> effects, List<EventRecord> superseded, EscalationState state) {

  public CallResult {
    records = List.copyOf(records);
    effects = List.copyOf(effects);
    superseded = List.copyOf(superseded);
  }
}
