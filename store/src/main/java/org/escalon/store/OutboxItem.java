package org.escalon.store;

import org.escalon.engine.TimedEffect;

/**
 * An effect in the outbox: {@code id} is its key for the receiver (delivery is at least once: a
 * crash between carrying it out and marking it delivered carries it out again), {@code version}
 * the escalation's version that owed it.
 */
public record OutboxItem(long id, String escalationId, long version, TimedEffect effect) {}
