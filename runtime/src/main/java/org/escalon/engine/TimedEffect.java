package org.escalon.engine;

import java.time.Instant;

/**
 * An effect with when it became owed and the event that caused it: {@code event} is the index of
 * that event in the escalation's log, so a catch-up that lets six deadlines pass says which
 * deadline each of its effects belongs to, and a store can key its outbox on (log index, {@code
 * index}): the same effect always has the same key.
 */
public record TimedEffect(Instant at, int event, CaseEvent cause, int index, Effect effect) {}
