package org.escalon.compiler.ast;

import org.escalon.model.SourceSpan;

/** A reference to one stage ({@code stage 4}) or a run of stages in order ({@code stage 2..6}). */
public sealed interface StageRef {

  SourceSpan span();

  /** {@code stage 4}. */
  record Single(StageKey key, SourceSpan span) implements StageRef {}

  /** {@code stage 2..6}: every stage declared from the first to the last, inclusive. */
  record Range(StageKey from, StageKey to, SourceSpan span) implements StageRef {}

  /** {@code phase formal}: every stage the phase groups, in ladder order. */
  record Phase(Name name, SourceSpan span) implements StageRef {}
}
