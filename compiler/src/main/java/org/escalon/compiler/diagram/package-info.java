/**
 * Diagrams of the escalation ladder. Input: a checked {@link org.escalon.model.Protocol}. Output:
 * a {@link org.escalon.compiler.diagram.Ladder} (the stages top to bottom, the outcomes, the moves
 * between them with their timescales and preconditions, and the rights as side arrows), its
 * {@link org.escalon.compiler.diagram.Layout} in whole pixels, and SVG drawn from it by Escalon
 * alone (no Graphviz). Invariants: every stage is a level, in ladder order; the same protocol
 * gives the same bytes; nothing is measured from fonts, so the layout is the same on every machine.
 */
package org.escalon.compiler.diagram;
