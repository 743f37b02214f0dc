package org.escalon.model;

/**
 * A date in the future the host supplies during the case ("the child protection conference", "the
 * review"): steps may fall due a number of working days (or hours) before it
 * ({@code within 2 working days before conference}). Until the host sets it, no clock counted
 * back from it runs.
 */
public record KnownDate(String name, String title, SourceSpan span) {}
