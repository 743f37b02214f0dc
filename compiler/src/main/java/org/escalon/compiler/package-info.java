/**
 * The compiler's driver: {@link org.escalon.compiler.EscalonCompiler} runs the phases (syntax,
 * check, lower) over one file and returns a {@link org.escalon.compiler.Compilation} with the AST,
 * the protocol model and every diagnostic. Each phase lives in a package of its own.
 */
package org.escalon.compiler;
