/**
 * Exports of a checked protocol for other tools. Input: a {@link org.escalon.model.Protocol}.
 * Output: text in a standard format: Mermaid and Graphviz DOT (drawn from the same
 * {@link org.escalon.compiler.diagram.Ladder} as the SVG), BPMN 2.0 for workflow engines, printed
 * from the protocol's operational model (its routes, guards and timescale choices; valid against
 * the OMG schema; working days through the engine's business-calendar hook, see
 * docs/exports.md), and JSON of the model, valid against {@code protocol.schema.json}. Labels are
 * the describer's words ({@code org.escalon.describe.PlainEnglish}).
 * Invariants: deterministic (the same protocol gives the same bytes); no file paths other than
 * the protocol's own name in the BPMN and its spans in the JSON.
 */
package org.escalon.compiler.export;
