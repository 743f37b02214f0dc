package org.escalon.machine;

import org.escalon.model.Step;

/**
 * A step done on entering a stage or outcome when its guard holds. An obligation written once
 * {@code at every stage} is one duty, the same object in every stage it covers.
 *
 * @param shared whether the duty is an {@code at every stage} obligation
 */
public record Duty(Guard when, Step step, boolean shared) {}
