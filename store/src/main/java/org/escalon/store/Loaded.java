package org.escalon.store;

import org.escalon.engine.Escalation;

/** An escalation as stored: the engine's escalation, and the version and revision it was read at. */
public record Loaded(Escalation escalation, long version, int revision) {}
