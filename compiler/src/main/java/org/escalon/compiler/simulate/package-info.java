/**
 * The compiler's side of the simulator: reads scenario and behaviour files against a checked
 * protocol, so that a misspelt role or stage is reported with its line, a caret and a suggestion
 * before anything runs.
 *
 * <p>Input: scenario text and the lowered protocol. Output: a {@link
 * org.escalon.simulate.Scenario} whose every name the protocol declares, or the problems found.
 */
package org.escalon.compiler.simulate;
