package org.escalon.model;

/** Where an escalation goes next: a stage, or an outcome (which ends it). */
public sealed interface Target {

  /** The stage with this key. */
  record ToStage(String key) implements Target {}

  /** The outcome with this name; {@code resolved} is built in. */
  record ToOutcome(String name) implements Target {}

  /** The name of the built-in outcome that records where a concern was resolved. */
  String RESOLVED = "resolved";
}
