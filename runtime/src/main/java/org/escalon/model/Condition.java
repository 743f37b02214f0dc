package org.escalon.model;

/** A condition over the case's attributes that switches a step, a stage or an outcome on or off. */
public sealed interface Condition {

  /** A yes/no attribute holds. */
  record Holds(String attribute) implements Condition {}

  /** An attribute with choices has this one. */
  record Is(String attribute, String value) implements Condition {}

  /** Negation. */
  record Not(Condition operand) implements Condition {}

  /** Both hold. */
  record And(Condition left, Condition right) implements Condition {}

  /** Either holds. */
  record Or(Condition left, Condition right) implements Condition {}
}
