package org.escalon.calendar;

import java.time.LocalDate;
import java.util.Objects;

/** One observed bank holiday: its date, its gov.uk title, and whether it substitutes a weekend day. */
public record BankHoliday(LocalDate date, String title, boolean substitute) {

  /** gov.uk's {@code notes} text for a substitute day (other holidays have empty notes). */
  public static final String SUBSTITUTE_NOTE = "Substitute day";

  public BankHoliday {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(title, "title");
  }

  /** The {@code notes} field as gov.uk publishes it: "Substitute day" or empty. */
  public String notes() {
    return substitute ? SUBSTITUTE_NOTE : "";
  }
}
