/**
 * The operational model of a protocol and its interpreter: what a protocol means, decided once.
 * {@link org.escalon.machine.OperationalModel#of} turns a lowered {@link
 * org.escalon.model.Protocol} into stages and outcomes with routes (every {@code only if} skip
 * unrolled into guarded branches), one language of {@link org.escalon.machine.Guard}s for
 * conditions, preconditions and trigger rules, the timescale choice of each stage, duties (with
 * {@code at every stage} obligations stored once), the {@link org.escalon.machine.RightsTable}
 * and triggers. The {@link org.escalon.machine.Interpreter} answers questions about it on
 * {@link org.escalon.machine.Facts}: the engine supplies concrete ones, the verifier abstract ones
 * (time removed). Dispatch over the sealed kinds is exhaustive: a visitor for guards,
 * one-method-per-case helpers for the model's records ({@code ConditionCases},
 * {@code PreconditionCases}, {@code HistoryRuleCases}, {@code StepCases}, {@code TargetCases},
 * {@code AnchorCases}, {@code ClaimCases}). No third-party dependencies.
 */
package org.escalon.machine;
