package org.escalon.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.escalon.model.CalendarSpec.Region;

/**
 * The bank holidays of one UK region for the years 1970–2100, computed by rule plus the one-off
 * changes made by proclamation.
 *
 * <p>The rules: New Year's Day (and 2nd January in Scotland), St Patrick's Day (17 March) and the
 * Battle of the Boyne (12 July) in Northern Ireland, Good Friday, Easter Monday (not Scotland),
 * Early May (first Monday of May), Spring (last Monday of May), Summer (last Monday of August;
 * first Monday of August in Scotland), St Andrew's Day (30 November, Scotland), Christmas Day and
 * Boxing Day. A holiday on a weekend is observed on the next weekday that is not already a holiday
 * and is then a "substitute day". Titles are gov.uk's, byte for byte. Years before 1978 are best
 * effort: the start years of holidays are modelled, earlier substitution practice is not.
 *
 * <p>Every year is computed once, when the class is loaded (three regions × 131 years of about ten
 * days each), so a lookup is a list index or a hash probe, never a computation.
 */
public final class BankHolidays {

  /** The first year covered. */
  public static final int FIRST_YEAR = 1970;

  /** The last year covered. */
  public static final int LAST_YEAR = 2100;

  private static final Map<Region, BankHolidays> BY_REGION = new EnumMap<>(Region.class);

  static {
    for (Region region : Region.values()) {
      BY_REGION.put(region, new BankHolidays(region));
    }
  }

  private final Region region;
  private final List<List<BankHoliday>> byYear;
  private final Map<LocalDate, BankHoliday> byDate;

  private BankHolidays(Region region) {
    this.region = region;
    List<List<BankHoliday>> years = new ArrayList<>();
    Map<LocalDate, BankHoliday> dates = new HashMap<>();
    for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      List<BankHoliday> observed = List.copyOf(HolidayRules.observed(region, year));
      years.add(observed);
      for (BankHoliday h : observed) {
        dates.put(h.date(), h);
      }
    }
    this.byYear = Collections.unmodifiableList(years);
    this.byDate = Collections.unmodifiableMap(dates);
  }

  /** The bank holidays of a region. */
  public static BankHolidays of(Region region) {
    return BY_REGION.get(Objects.requireNonNull(region, "region"));
  }

  /** The region these holidays belong to. */
  public Region region() {
    return region;
  }

  /** Whether a year is covered (1970–2100). */
  public static boolean covers(int year) {
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  }

  /** The observed holidays of a year, in date order. */
  public List<BankHoliday> inYear(int year) {
    return byYear.get(checkYear(year) - FIRST_YEAR);
  }

  /** The observed holidays of the years from {@code fromYear} to {@code toYear} inclusive, in date order. */
  public List<BankHoliday> inYears(int fromYear, int toYear) {
    checkYear(fromYear);
    checkYear(toYear);
    List<BankHoliday> all = new ArrayList<>();
    for (int year = fromYear; year <= toYear; year++) {
      all.addAll(inYear(year));
    }
    return List.copyOf(all);
  }

  /** The holiday observed on a date, if any. */
  public Optional<BankHoliday> on(LocalDate date) {
    checkYear(date.getYear());
    return Optional.ofNullable(byDate.get(date));
  }

  /** Whether a holiday is observed on a date. */
  public boolean isBankHoliday(LocalDate date) {
    checkYear(date.getYear());
    return byDate.containsKey(date);
  }

  // Failing loudly beats answering "not a holiday" for a year whose holidays we do not know.
  private static int checkYear(int year) {
    if (!covers(year)) {
      throw new OutsideCalendarException(
          "bank holidays are known for " + FIRST_YEAR + "–" + LAST_YEAR + ", not " + year);
    }
    return year;
  }
}
