/**
 * Lowering: a checked AST and its symbol table in, the runtime's {@link org.escalon.model.Protocol}
 * out. Every name becomes a key of the model, defaults become explicit, and the result is ordered as
 * the file is, so the same protocol always lowers to an equal model.
 */
package org.escalon.compiler.lower;
