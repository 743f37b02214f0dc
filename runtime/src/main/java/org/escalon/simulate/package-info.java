/**
 * The simulator: runs a protocol on real dates, one escalation through a {@link
 * org.escalon.simulate.Scenario} (the worst case unless a scenario file says otherwise) or a
 * population of escalations with random response behaviour.
 *
 * <p>Input: a lowered {@link org.escalon.model.Protocol}, a scenario or a {@link
 * org.escalon.simulate.Behaviour}, a start date. Output: a {@link org.escalon.simulate.Timeline}
 * (rows on real dates, each with the policy paragraph behind it) or a {@link
 * org.escalon.simulate.PopulationReport}. Invariants: one escalation is driven through the
 * engine's public interface only, so the simulator shows what the engine does; a population's
 * cases run on the operational model directly ({@code ModelCases}) or, where a protocol needs
 * more than it compiles (timescales in hours or from an event, a soft deadline counted from the
 * escalation's start), through the engine ({@code
 * EngineCases}), and give the same report for the same seed whatever the number of threads;
 * every case ends in an outcome or is counted as unfinished.
 */
package org.escalon.simulate;
