package org.escalon.compiler.ast;

import org.escalon.model.SourceSpan;

/** A timescale as written: an amount and a unit ({@code 5 working days}, {@code 2 weeks}). */
public record DurationExpr(int amount, Unit unit, SourceSpan span) {

  /** The length of time it says; empty for unlabelled days, which say none (E0301). */
  public java.util.Optional<org.escalon.model.Timespan> timespan() {
    org.escalon.model.TimeUnit u = switch (unit) {
      case WORKING_DAYS, WORKING_WEEKS -> org.escalon.model.TimeUnit.WORKING_DAYS;
      case CALENDAR_DAYS -> org.escalon.model.TimeUnit.CALENDAR_DAYS;
      case WEEKS -> org.escalon.model.TimeUnit.WEEKS;
      case MONTHS -> org.escalon.model.TimeUnit.MONTHS;
      case HOURS -> org.escalon.model.TimeUnit.HOURS;
      case SAME_WORKING_DAY -> org.escalon.model.TimeUnit.SAME_WORKING_DAY;
      case UNLABELLED_DAYS -> null;
    };
    if (u == null) {
      return java.util.Optional.empty();
    }
    // a working week is five working days: London CP Procedures 11.1.4 "a working week"
    int n = unit == Unit.WORKING_WEEKS ? amount * 5 : unit == Unit.SAME_WORKING_DAY ? 0 : amount;
    return java.util.Optional.of(new org.escalon.model.Timespan(n, u));
  }

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
