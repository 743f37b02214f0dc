package org.escalon.model;

/** The units a timescale is counted in. "Working weeks" are lowered to five working days each. */
public enum TimeUnit {
  WORKING_DAYS("working day", "working days"),
  CALENDAR_DAYS("calendar day", "calendar days"),
  WEEKS("week", "weeks"),
  MONTHS("month", "months"),
  HOURS("hour", "hours"),
  SAME_WORKING_DAY("same working day", "same working day");

  private final String singular;
  private final String plural;

  TimeUnit(String singular, String plural) {
    this.singular = singular;
    this.plural = plural;
  }

  /** The unit as a protocol writes it, for an amount. */
  public String words(int amount) {
    return amount == 1 ? singular : plural;
  }
}
