/**
 * Moving live escalations to a new version of their protocol, after Camunda's process instance
 * migration. Input: the old and the new {@link org.escalon.model.Protocol} and a running
 * escalation. A {@link org.escalon.migration.MigrationPlan} maps the old stages to the new (by key,
 * with explicit mappings for a stage removed or renamed) and lists what it cannot map; {@link
 * org.escalon.migration.Migration#validate} says for one escalation whether it can move and where
 * it lands ({@link org.escalon.migration.Landing}: its stage, its deadline under the new
 * timescale, what it has completed); {@link org.escalon.migration.Migration#migrate} moves it,
 * starting its log under the new version with a {@link org.escalon.engine.CaseEvent.Migrated}
 * event. Invariants: nothing is guessed (a stage with no mapping is reported, not moved); the old
 * escalation is left as it was; the moved one replays from its own log.
 */
package org.escalon.migration;
