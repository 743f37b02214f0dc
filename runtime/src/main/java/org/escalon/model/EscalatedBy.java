package org.escalon.model;

import java.util.Optional;

/**
 * Who takes the case further from a stage when it is not resolved ({@code escalated by
 * TeamManager}): the one who decides to escalate after the stage's soft deadline is missed, in
 * place of the role that raised the case ("the practitioner at stage 1, their team manager at
 * stage 2").
 */
public record EscalatedBy(String role, Optional<Citation> citation, SourceSpan span) {}
