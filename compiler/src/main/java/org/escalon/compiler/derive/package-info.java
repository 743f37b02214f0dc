/**
 * Reuse: a protocol built on another ({@code based on "regional.esc"}). The base is read relative
 * to the file, built on its own bases in turn, checked, and the file's changes are applied to its
 * declarations ({@link org.escalon.compiler.derive.Derivation}); what comes out is one ordinary
 * protocol file, which the checker and the lowering take as any other, so every tool works on a
 * derived protocol unchanged.
 */
package org.escalon.compiler.derive;
