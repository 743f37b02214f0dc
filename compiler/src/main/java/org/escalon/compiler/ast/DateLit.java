package org.escalon.compiler.ast;

import org.escalon.model.SourceSpan;

/**
 * A date as written ({@code 2026-02-30} or, for yearly closures, {@code 12-27}); the checker, not
 * the parser, decides whether it is a real date so that it can say why it is not.
 */
public record DateLit(String text, SourceSpan span) {}
