package org.escalon.compiler.service;

import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.model.SourceSpan;

/** A quick fix for a diagnostic: replace the text of a span with another. */
public record Fix(String title, Diagnostic diagnostic, SourceSpan span, String replacement) {}
