package org.escalon.model;

/** A paragraph of the source policy that a part of the protocol encodes, and where it was cited. */
public record Citation(String text, SourceSpan span) {}
