package org.escalon.model;

/** A typed length of time: an amount and its unit; {@code same working day} has amount 0. */
public record Timespan(int amount, TimeUnit unit) {

  public static Timespan workingDays(int amount) {
    return new Timespan(amount, TimeUnit.WORKING_DAYS);
  }

  @Override
  public String toString() {
    return unit == TimeUnit.SAME_WORKING_DAY ? "same working day" : amount + " " + unit.words(amount);
  }
}
