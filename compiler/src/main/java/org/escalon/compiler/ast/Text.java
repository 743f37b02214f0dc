package org.escalon.compiler.ast;

import org.escalon.model.SourceSpan;

/** A quoted string of the protocol, unescaped, with where it stands. */
public record Text(String value, SourceSpan span) {}
