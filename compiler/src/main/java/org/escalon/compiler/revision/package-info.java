/**
 * What a revision of a protocol changes. Input: two checked {@link org.escalon.model.Protocol}s,
 * the old and the new. Output: a {@link org.escalon.compiler.revision.Revision}: the change list
 * in the protocol's terms ({@link org.escalon.compiler.revision.Changes}, stages matched by key
 * and title by {@link org.escalon.compiler.revision.StageMatch}, parts compared by their
 * {@link org.escalon.model.Canonical} text), and its consequences for a concern
 * ({@link org.escalon.compiler.revision.ConsequenceFinder}: the simulator's worst case, the
 * verifier's totals, verdicts and findings, a population from one seed), rendered as text, JSON
 * or one self-contained HTML page that reuses the diagram and report packages' ladder and Gantt
 * chart. Invariants: two versions that mean the same (however laid out or commented) have no
 * change; the same inputs give the same bytes.
 */
package org.escalon.compiler.revision;
