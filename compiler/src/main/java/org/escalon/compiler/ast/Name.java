package org.escalon.compiler.ast;

import org.escalon.model.SourceSpan;

/** A name as written in the protocol (a role, an outcome, an attribute...), with where it stands. */
public record Name(String text, SourceSpan span) {}
