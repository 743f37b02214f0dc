package org.escalon.model;

/** A typed length of time: an amount and its unit; {@code same working day} has amount 0. */
public record Timespan(int amount, TimeUnit unit) {

  public static Timespan workingDays(int amount) {
    return new Timespan(amount, TimeUnit.WORKING_DAYS);
  }

  /**
   * The span as working days, rounded up: how a bound in time or a limit is counted by the
   * verifier and by the conformance tests (5 working days a week, 261 a year, a part day a day).
   */
  public long inWorkingDays() {
    return switch (unit) {
      case WORKING_DAYS -> amount;
      case SAME_WORKING_DAY -> 0;
      case CALENDAR_DAYS -> ceil(amount * 5L, 7);
      case WEEKS -> amount * 5L;
      case MONTHS -> ceil(amount * 261L, 12);
      case HOURS -> ceil(ceil(amount, 24) * 5L, 7);
    };
  }

  private static long ceil(long a, long b) {
    return (a + b - 1) / b;
  }

  @Override
  public String toString() {
    return unit == TimeUnit.SAME_WORKING_DAY ? "same working day" : amount + " " + unit.words(amount);
  }
}
