package org.escalon.model;

/**
 * Where a stage goes on each kind of response, defaults applied: a resolving response ends in
 * {@code resolved}; no response by the deadline and an unsatisfactory response go to the next
 * stage unless the protocol says otherwise.
 */
public record Transitions(Target onResolved, Target onUnsatisfactory, Target onNoResponse) {}
