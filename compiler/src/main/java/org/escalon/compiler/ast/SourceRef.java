package org.escalon.compiler.ast;

import org.escalon.model.SourceSpan;

/** A {@code source "..."} clause: the paragraph of the policy a declaration encodes. */
public record SourceRef(String text, SourceSpan span) {}
