package org.escalon.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.escalon.model.CalendarSpec;
import org.escalon.model.CalendarSpec.Region;
import org.escalon.model.CalendarSpec.YearlyClosure;
import org.escalon.model.Timespan;
import org.escalon.model.TimeUnit;
import org.junit.jupiter.api.Test;

/** Worked examples of the shared counting rules, one per rule, on real dates. */
class WorkingCalendarTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final WorkingCalendar EW = WorkingCalendar.of(Region.ENGLAND_AND_WALES);
  private static final WorkingCalendar SCOT = WorkingCalendar.of(Region.SCOTLAND);

  private static ZonedDateTime london(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(LONDON);
  }

  private static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void fiveWorkingDaysEndAtTheCloseOfTheFifthWorkingDayAfterDayZero() {
    // Monday 1 June 2026 is day 0; the 5th working day after it is Monday 8 June; its close is
    // 00:00 on Tuesday 9 June.
    assertEquals(london("2026-06-09T00:00"),
        EW.deadline(london("2026-06-01T10:15"), Timespan.workingDays(5)));
    // The time of day on day 0 does not matter.
    assertEquals(london("2026-06-09T00:00"),
        EW.deadline(london("2026-06-01T23:59"), Timespan.workingDays(5)));
  }

  @Test
  void fridayBeforeABankHolidayMondayPlusOneIsTuesday() {
    // Spring bank holiday: Monday 25 May 2026.
    assertEquals(date("2026-05-26"), EW.addWorkingDays(date("2026-05-22"), 1));
    // Easter 2026: Good Friday 3 April and Easter Monday 6 April; Scotland has no Easter Monday.
    assertEquals(date("2026-04-07"), EW.addWorkingDays(date("2026-04-02"), 1));
    assertEquals(date("2026-04-06"), SCOT.addWorkingDays(date("2026-04-02"), 1));
    // Platinum Jubilee 2022: Thursday 2 and Friday 3 June were both holidays.
    assertEquals(date("2022-06-06"), EW.addWorkingDays(date("2022-06-01"), 1));
  }

  @Test
  void aStageStartedOnASaturdayCountsFromTheNextWorkingDay() {
    // Saturday 23 May 2026: Sunday, then the Spring bank holiday, so day 0 is Tuesday 26 May.
    assertEquals(date("2026-05-26"), EW.nextWorkingDay(date("2026-05-23")));
    assertEquals(date("2026-05-26"), EW.addWorkingDays(date("2026-05-23"), 0));
    assertEquals(date("2026-05-27"), EW.addWorkingDays(date("2026-05-23"), 1));
    assertEquals(london("2026-06-03T00:00"),
        EW.deadline(london("2026-05-23T11:00"), Timespan.workingDays(5)));
  }

  @Test
  void sameWorkingDayEndsAtTheCloseOfDayZero() {
    Timespan same = new Timespan(0, TimeUnit.SAME_WORKING_DAY);
    assertEquals(london("2026-06-02T00:00"), EW.deadline(london("2026-06-01T16:45"), same));
    // Started on Sunday 24 May 2026, before the Spring bank holiday: the close of Tuesday 26 May.
    assertEquals(london("2026-05-27T00:00"), EW.deadline(london("2026-05-24T09:00"), same));
  }

  @Test
  void calendarDurationsRollForwardOffNonWorkingDays() {
    // 20 Dec 2026 + 5 days = Christmas Day (Friday); Saturday, Sunday, Boxing Day substitute on
    // Monday 28; so the close of Tuesday 29 December.
    assertEquals(london("2026-12-30T00:00"),
        EW.deadline(london("2026-12-20T10:00"), new Timespan(5, TimeUnit.CALENDAR_DAYS)));
    // A calendar duration that lands on a working day is not moved.
    assertEquals(london("2026-06-04T00:00"),
        EW.deadline(london("2026-06-01T10:00"), new Timespan(2, TimeUnit.CALENDAR_DAYS)));
    // Monday 11 May 2026 + 2 weeks = Spring bank holiday; rolled to Tuesday 26 May.
    assertEquals(london("2026-05-27T00:00"),
        EW.deadline(london("2026-05-11T10:00"), new Timespan(2, TimeUnit.WEEKS)));
  }

  @Test
  void monthsFollowPlusMonthsThenRollForward() {
    Timespan month = new Timespan(1, TimeUnit.MONTHS);
    // 31 Jan 2026 + 1 month = Saturday 28 Feb, rolled to Monday 2 March.
    assertEquals(london("2026-03-03T00:00"), EW.deadline(london("2026-01-31T09:00"), month));
    // Leap year: 31 Jan 2024 + 1 month = Thursday 29 Feb.
    assertEquals(london("2024-03-01T00:00"), EW.deadline(london("2024-01-31T09:00"), month));
  }

  @Test
  void hoursAreElapsedTimeAcrossClockChanges() {
    Timespan day = new Timespan(24, TimeUnit.HOURS);
    // Clocks go forward at 01:00 on Sunday 29 March 2026: 24 hours later reads 13:00.
    assertEquals(london("2026-03-29T13:00"), EW.deadline(london("2026-03-28T12:00"), day));
    // Clocks go back at 02:00 on Sunday 25 October 2026: 24 hours later reads 11:00.
    assertEquals(london("2026-10-25T11:00"), EW.deadline(london("2026-10-24T12:00"), day));
    // Within the repeated hour: 00:30 BST + 2 hours is 01:30 GMT, one hour after 01:30 BST.
    ZonedDateTime twoHours =
        EW.deadline(london("2026-10-25T00:30"), new Timespan(2, TimeUnit.HOURS));
    assertEquals(LocalDateTime.parse("2026-10-25T01:30"), twoHours.toLocalDateTime());
    assertEquals(ZoneOffset.UTC, twoHours.getOffset());
    // Hours are not rolled forward to a working day.
    assertEquals(london("2026-05-24T10:00"),
        EW.deadline(london("2026-05-23T10:00"), new Timespan(24, TimeUnit.HOURS)));
  }

  @Test
  void theStartIsReadInTheCalendarsZone() {
    // 23:30 UTC on Monday 1 June 2026 is 00:30 BST on Tuesday 2 June: day 0 is the Tuesday.
    ZonedDateTime utc = ZonedDateTime.of(2026, 6, 1, 23, 30, 0, 0, ZoneOffset.UTC);
    ZonedDateTime deadline = EW.deadline(utc, Timespan.workingDays(0));
    assertEquals(london("2026-06-03T00:00"), deadline);
    assertEquals(LONDON, deadline.getZone());
    // Another zone counts in its own midnight.
    WorkingCalendar utcCalendar = WorkingCalendar.of(
        new CalendarSpec(Region.ENGLAND_AND_WALES, List.of(), List.of()), ZoneOffset.UTC);
    assertEquals(ZonedDateTime.of(2026, 6, 2, 0, 0, 0, 0, ZoneOffset.UTC),
        utcCalendar.deadline(utc, Timespan.workingDays(0)));
  }

  @Test
  void localClosureDaysAreSkipped() {
    CalendarSpec spec = new CalendarSpec(Region.ENGLAND_AND_WALES,
        List.of(date("2026-06-05")),
        List.of(new YearlyClosure(MonthDay.of(12, 24), MonthDay.of(1, 2))));
    WorkingCalendar council = WorkingCalendar.of(spec);
    assertFalse(council.isWorkingDay(date("2026-06-05")));
    assertTrue(EW.isWorkingDay(date("2026-06-05")));
    assertEquals(date("2026-06-08"), council.addWorkingDays(date("2026-06-04"), 1));
    // Closed 24 Dec to 2 Jan every year, wrapping over the new year.
    assertEquals(date("2026-01-05"), council.addWorkingDays(date("2025-12-23"), 1));
    assertFalse(council.isWorkingDay(date("2026-01-02")));
    assertFalse(council.isWorkingDay(date("2025-01-02")));
    assertTrue(council.isWorkingDay(date("2025-01-03")));
    assertEquals(date("2025-12-24"), EW.addWorkingDays(date("2025-12-23"), 1));
    assertFalse(council.isWorkingDay(date("2099-12-29")));
    assertEquals(5, council.workingDaysBetween(date("2025-12-17"), date("2026-01-03")));
    // The bank holidays themselves are unchanged by local closures.
    assertFalse(council.bankHolidays().isBankHoliday(date("2026-06-05")));
  }

  @Test
  void workingDaysBetweenCountsFromDayZeroToDayZero() {
    assertEquals(1, EW.workingDaysBetween(date("2026-05-22"), date("2026-05-26")));
    assertEquals(0, EW.workingDaysBetween(date("2026-05-23"), date("2026-05-26")));
    assertEquals(-1, EW.workingDaysBetween(date("2026-05-26"), date("2026-05-22")));
    assertEquals(date("2026-05-22"), EW.addWorkingDays(date("2026-05-26"), -1));
    // A whole ordinary year: 2026 has 261 weekdays and 8 weekday bank holidays.
    assertEquals(253, EW.workingDaysBetween(date("2026-01-01"), date("2027-01-01")));
  }

  @Test
  void leavingTheCoveredRangeFailsLoudly() {
    assertThrows(DateTimeException.class, () -> EW.addWorkingDays(date("2100-12-20"), 30));
    assertThrows(DateTimeException.class, () -> EW.addWorkingDays(date("1970-01-05"), -30));
    assertThrows(DateTimeException.class, () -> EW.isWorkingDay(date("1969-12-31")));
    assertThrows(IllegalArgumentException.class,
        () -> EW.deadline(london("2026-06-01T10:00"), Timespan.workingDays(-1)));
    assertEquals(date("1970-01-01"), WorkingCalendar.firstDay());
    assertEquals(date("2100-12-31"), WorkingCalendar.lastDay());
  }
}
