package org.escalon.compiler.ast;

import org.escalon.model.SourceSpan;

/** A timescale as written: an amount and a unit ({@code 5 working days}, {@code 2 weeks}). */
public record DurationExpr(int amount, Unit unit, SourceSpan span) {

  /** The units a protocol can write; {@link #UNLABELLED_DAYS} is an error the checker explains. */
  public enum Unit {
    WORKING_DAYS,
    WORKING_WEEKS,
    CALENDAR_DAYS,
    WEEKS,
    MONTHS,
    HOURS,
    SAME_WORKING_DAY,
    UNLABELLED_DAYS
  }
}
