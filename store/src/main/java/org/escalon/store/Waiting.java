package org.escalon.store;

/** An escalation that waits for something other than time: its id and what it waits for. */
public record Waiting(String escalationId, String waitingFor) {}
