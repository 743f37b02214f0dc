package org.escalon.machine;

import java.util.Optional;
import org.escalon.model.Citation;
import org.escalon.model.SourceSpan;

/**
 * An invariant of the protocol as the model evaluates it: a guard over the case that must hold
 * from the raise until the escalation ends. {@link Interpreter#breaking} is the one place that
 * asks it; the engine, the generated machines and the verifier's exploration refuse a move after
 * which an open escalation would break it.
 */
public record InvariantRule(String title, Guard holds, SourceSpan span,
    Optional<Citation> citation) {}
