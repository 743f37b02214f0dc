/**
 * The syntax tree of a protocol file: immutable records that keep names exactly as written and the
 * span of everything, comments included, so that the formatter can print a file back unchanged in
 * meaning. Nothing here is resolved: a {@link org.escalon.compiler.ast.Name} is only text.
 */
package org.escalon.compiler.ast;
