/**
 * Syntax: protocol text to AST. {@link org.escalon.compiler.syntax.SourceParser} is the only
 * class that touches ANTLR; nothing it generates leaves this package. Input: the text of a file.
 * Output: a {@link org.escalon.compiler.ast.ProtocolFile}, or syntax diagnostics (E01xx) and none.
 */
package org.escalon.compiler.syntax;
