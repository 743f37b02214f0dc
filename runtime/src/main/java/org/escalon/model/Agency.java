package org.escalon.model;

/** An agency that takes part in escalations (police, health, education...). */
public record Agency(String name, String title, SourceSpan span) {}
