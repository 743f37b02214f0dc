package org.escalon.machine;

import org.escalon.model.SourceSpan;

/** One {@code requires} of a stage, an outcome or an extension: a guard and where it is written. */
public record Requirement(Guard guard, SourceSpan span) {}
