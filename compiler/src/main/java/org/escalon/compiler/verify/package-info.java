/**
 * The verifier: {@code escalon verify}. {@link org.escalon.compiler.verify.Verifier} explores
 * every reachable abstract state of a protocol ({@code StateSpace}, breadth first, within
 * {@link org.escalon.compiler.verify.SearchLimits}) and answers the built-in checks, the totals in
 * working days, the declared limits and the properties over it (each word of a claim given its
 * meaning once, by {@code org.escalon.machine.ClaimMeaning}), each failure with a shortest (or
 * slowest) counterexample that the simulator replays on real dates. It proves, refutes with a
 * counterexample, or says that it cannot decide (E0609).
 *
 * <p>The rules are not re-decided here: which moves are enabled in a state and where each leads
 * are asked of the operational model's {@link org.escalon.machine.Interpreter}, the same code the
 * engine runs ({@code AbstractRules} turns its answers into labelled moves, with the packed
 * states, labels, raises and changes of facts in classes of their own). What is the
 * verifier's own is the abstraction: a state keeps only the facts a rule or a property can tell
 * apart ({@code ProtocolIndex}), and time is left out (a running deadline may pass at any moment;
 * totals in working days are weights on the paths, {@code PathWeights}). A state is packed into a
 * few longs and the states found are kept in an open-addressing table ({@code StateTable}), so
 * that looking a successor up allocates nothing; the checks read states unpacked. {@link
 * org.escalon.compiler.verify.PromelaExporter} writes the same model for SPIN, as a second opinion.
 */
package org.escalon.compiler.verify;
