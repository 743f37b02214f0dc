/**
 * Resolve and check: the AST of one protocol file in, a {@link
 * org.escalon.compiler.check.SymbolTable} and diagnostics (E02xx names, E03xx units and dates,
 * E04xx structure, W05xx lints) out. After this phase without errors, every name in the AST refers
 * to a declaration, every timescale has a unit, every date is real, and every stage can be reached
 * and left, so lowering cannot fail.
 */
package org.escalon.compiler.check;
