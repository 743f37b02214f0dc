/**
 * Durable escalations over JDBC: {@link org.escalon.store.EscalationStore} keeps each escalation's
 * append-only log (the source of truth), a snapshot of its state, an outbox of the effects it owes
 * the host (written in the same transaction as the events), the commands applied (idempotency
 * keys) and a version per escalation (optimistic concurrency); {@link
 * org.escalon.store.Scheduler} lets time pass for the escalations that are due. The schema is
 * created and upgraded by Flyway. See {@code docs/hosting.md}.
 */
package org.escalon.store;
