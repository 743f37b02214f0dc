package org.escalon.store;

import org.escalon.engine.EscalationState;

/**
 * What the store did with a command: the escalation's version after it, its state, and whether
 * the command had been applied before (then nothing was done this time).
 */
public record Receipt(String escalationId, long version, boolean duplicate,
    EscalationState state) {}
