/**
 * Formatting ({@code escalon fmt}): a protocol's AST in, its canonical text out. Input: a {@link
 * org.escalon.compiler.ast.ProtocolFile} as {@link org.escalon.compiler.syntax.SourceParser}
 * builds it. Output: the protocol in the one layout {@link
 * org.escalon.compiler.format.AstPrinter} gives every protocol (two-space indentation, one
 * statement per line, blocks on several lines, a blank line between groups of declarations,
 * durations with their canonical unit, only the parentheses the author wrote), with every comment
 * kept in place and the file ending in exactly one newline. Two invariants hold for every AST the
 * parser builds: (a) parsing the printed text gives the same AST once source spans are erased
 * (same structure, names, strings, comments in the same order with the same {@code trailing}
 * flags), so formatting never changes what a protocol means nor loses a comment; and (b)
 * formatting is idempotent: printing the AST parsed from printed text gives that text again.
 */
package org.escalon.compiler.format;
