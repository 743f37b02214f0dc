package org.escalon.model;

/** Something that happens to a case, named so that timescales and triggers can refer to it. */
public record EventType(String name, String title, SourceSpan span) {}
