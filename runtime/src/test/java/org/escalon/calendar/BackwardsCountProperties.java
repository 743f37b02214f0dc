package org.escalon.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.escalon.model.CalendarSpec.Region;
import org.escalon.model.TimeUnit;
import org.escalon.model.Timespan;

/**
 * Deadlines counted back from a known date ({@link WorkingCalendar#before}: "2 working days
 * before the conference"), checked against the England and Wales bank holidays of
 * uk-bank-holidays.csv (2018–2030) by a naive walk over the days, and against the forward count.
 */
class BackwardsCountProperties {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final WorkingCalendar CALENDAR = WorkingCalendar.of(Region.ENGLAND_AND_WALES);
  private static final Set<LocalDate> HOLIDAYS = holidays();

  private static Set<LocalDate> holidays() {
    Set<LocalDate> days = new HashSet<>();
    String[] lines = TestData.read("uk-bank-holidays.csv").split("\r?\n");
    for (int i = 1; i < lines.length; i++) {
      String[] f = lines[i].split(",", -1);
      if (f.length > 1 && f[1].equals("england-and-wales")) {
        days.add(LocalDate.parse(f[0]));
      }
    }
    return days;
  }

  /** A working day by the CSV: a weekday that is not a bank holiday in England and Wales. */
  private static boolean working(LocalDate d) {
    return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY
        && !HOLIDAYS.contains(d);
  }

  @Provide
  Arbitrary<LocalDate> dates() {
    return Arbitraries.integers().between((int) LocalDate.of(2018, 3, 1).toEpochDay(),
        (int) LocalDate.of(2030, 12, 31).toEpochDay()).map(LocalDate::ofEpochDay);
  }

  private static LocalDate lastDay(ZonedDateTime close) {
    return close.withZoneSameInstant(LONDON).toLocalDate().minusDays(1);
  }

  /** n working days before a date end at the close of the n-th working day before its day. */
  @Property(tries = 500)
  void workingDaysBackAreTheNthWorkingDayBeforeByTheCsv(@ForAll("dates") LocalDate date,
      @ForAll @IntRange(min = 1, max = 40) int n) {
    ZonedDateTime due = CALENDAR.before(date.atTime(10, 0).atZone(LONDON),
        new Timespan(n, TimeUnit.WORKING_DAYS));
    LocalDate walk = date;
    for (int left = n; left > 0; ) {
      walk = walk.minusDays(1);
      if (working(walk)) {
        left--;
      }
    }
    assertEquals(walk, lastDay(due), n + " working days before " + date);
    assertEquals(walk.plusDays(1).atStartOfDay(LONDON), due, "at the close of that day");
  }

  /**
   * Counting back n working days and then forward n lands on the date's day when it is a working
   * day, else on the next working day (day 0 of a count started on it).
   */
  @Property(tries = 500)
  void backThenForwardLandsOnTheDate(@ForAll("dates") LocalDate date,
      @ForAll @IntRange(min = 1, max = 40) int n) {
    LocalDate back = lastDay(CALENDAR.before(date.atStartOfDay(LONDON),
        new Timespan(n, TimeUnit.WORKING_DAYS)));
    assertTrue(working(back));
    assertEquals(CALENDAR.nextWorkingDay(date), CALENDAR.addWorkingDays(back, n));
    if (working(date)) {
      assertEquals(date, CALENDAR.addWorkingDays(back, n));
    }
  }

  /** Calendar days back end on that day, rolled back (never forward) to a working day. */
  @Property(tries = 300)
  void calendarDaysBackRollBackToAWorkingDay(@ForAll("dates") LocalDate date,
      @ForAll @IntRange(min = 1, max = 60) int n) {
    LocalDate back = lastDay(CALENDAR.before(date.atStartOfDay(LONDON),
        new Timespan(n, TimeUnit.CALENDAR_DAYS)));
    LocalDate plain = date.minusDays(n);
    assertTrue(working(back) && !back.isAfter(plain), back + " for " + plain);
    for (LocalDate d = back.plusDays(1); !d.isAfter(plain); d = d.plusDays(1)) {
      assertTrue(!working(d), "skipped the working day " + d);
    }
  }

  @Example
  void twoWorkingDaysBeforeAConferenceAfterChristmas() {
    // Tue 29 Dec 2026: Christmas Day (Fri 25) and the Boxing Day holiday (Mon 28) are not
    // working days, so the 1st working day before is Thu 24 Dec and the 2nd Wed 23 Dec
    ZonedDateTime conference = ZonedDateTime.of(2026, 12, 29, 10, 0, 0, 0, LONDON);
    assertEquals(ZonedDateTime.of(2026, 12, 24, 0, 0, 0, 0, LONDON),
        CALENDAR.before(conference, new Timespan(2, TimeUnit.WORKING_DAYS)));
    // 48 hours are clock hours: Sun 27 Dec, 10:00
    assertEquals(ZonedDateTime.of(2026, 12, 27, 10, 0, 0, 0, LONDON),
        CALENDAR.before(conference, new Timespan(48, TimeUnit.HOURS)));
    // 4 calendar days back is Fri 25 Dec, Christmas Day: rolled back to Thu 24 Dec
    assertEquals(ZonedDateTime.of(2026, 12, 25, 0, 0, 0, 0, LONDON),
        CALENDAR.before(conference, new Timespan(4, TimeUnit.CALENDAR_DAYS)));
    assertThrows(IllegalArgumentException.class, () -> CALENDAR.before(conference,
        new Timespan(0, TimeUnit.SAME_WORKING_DAY)));
  }
}
