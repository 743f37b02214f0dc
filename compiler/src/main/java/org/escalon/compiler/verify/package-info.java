/**
 * Verification over the protocol's operational model ({@code org.escalon.machine}). Input: a
 * checked, lowered {@link org.escalon.model.Protocol}. Output: a {@link
 * org.escalon.compiler.verify.Verification}: every path from every raise the protocol allows is
 * explored over abstract states (time removed, facts of the case kept), and the verifier finds
 * stages and outcomes never reached, paths that never end, declared properties that fail (each
 * word of a claim given its meaning once, by {@code org.escalon.machine.ClaimMeaning}), limits and
 * bounds in working days that the timescales break (W0601, E06xx), each with a shortest
 * counterexample a timeline can replay. {@link org.escalon.compiler.verify.PromelaExporter}
 * prints the same model for SPIN, as a second opinion. See docs/verifier.md.
 */
package org.escalon.compiler.verify;
