package org.escalon.model;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

/**
 * The calendar a protocol counts working days in: a region's bank holidays plus the local closure
 * days the protocol adds, once or every year.
 */
public record CalendarSpec(Region region, List<LocalDate> closures, List<YearlyClosure> yearly) {

  public CalendarSpec {
    closures = List.copyOf(closures);
    yearly = List.copyOf(yearly);
  }

  /** The UK bank-holiday regions. */
  public enum Region {
    ENGLAND_AND_WALES("england-and-wales"),
    SCOTLAND("scotland"),
    NORTHERN_IRELAND("northern-ireland");

    private final String id;

    Region(String id) {
      this.id = id;
    }

    /** The name a protocol writes after {@code calendar}. */
    public String id() {
      return id;
    }
  }

  /** A closure every year from one day to another (inclusive, may wrap over the new year). */
  public record YearlyClosure(MonthDay from, MonthDay to) {}
}
