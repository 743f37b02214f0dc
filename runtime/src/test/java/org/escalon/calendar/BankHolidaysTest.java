package org.escalon.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.escalon.model.CalendarSpec.Region;
import org.junit.jupiter.api.Test;

/** Rules, one-off changes and invariants of the computed bank holidays outside the official data. */
class BankHolidaysTest {

  private static final BankHolidays EW = BankHolidays.of(Region.ENGLAND_AND_WALES);
  private static final BankHolidays SCOT = BankHolidays.of(Region.SCOTLAND);
  private static final BankHolidays NI = BankHolidays.of(Region.NORTHERN_IRELAND);

  private static String title(BankHolidays h, String date) {
    return h.on(LocalDate.parse(date)).map(BankHoliday::title).orElse("(none)");
  }

  @Test
  void easterMatchesAnIndependentTableForEveryYear() {
    List<String> lines = TestData.read("easter-sundays-1970-2100.txt").lines()
        .filter(l -> !l.startsWith("#") && !l.isBlank())
        .collect(Collectors.toList());
    assertEquals(131, lines.size());
    for (String line : lines) {
      LocalDate sunday = LocalDate.parse(line);
      assertEquals(sunday, Easter.sunday(sunday.getYear()));
      assertEquals("Good Friday", title(EW, sunday.minusDays(2).toString()));
      assertEquals("Easter Monday", title(EW, sunday.plusDays(1).toString()));
      assertEquals("(none)", title(SCOT, sunday.plusDays(1).toString()), "no Easter Monday in Scotland");
    }
  }

  @Test
  void earlierOneOffChangesAreApplied() {
    // 1995: Early May moved from 1 May to 8 May for VE day's 50th anniversary.
    assertEquals("(none)", title(EW, "1995-05-01"));
    assertEquals("Early May bank holiday (VE day)", title(EW, "1995-05-08"));
    // Jubilees: the Spring holiday moved and an extra day added.
    assertEquals("(none)", title(EW, "1977-05-30"));
    assertEquals("Spring bank holiday", title(EW, "1977-06-06"));
    assertTrue(EW.isBankHoliday(LocalDate.of(1977, 6, 7)));
    assertEquals("(none)", title(EW, "2002-05-27"));
    assertEquals("Spring bank holiday", title(SCOT, "2002-06-04"));
    assertTrue(NI.isBankHoliday(LocalDate.of(2002, 6, 3)));
    assertEquals("(none)", title(EW, "2012-05-28"));
    assertEquals("Spring bank holiday", title(EW, "2012-06-04"));
    assertEquals("Queen\u2019s Diamond Jubilee", title(EW, "2012-06-05"));
    for (BankHolidays h : List.of(EW, SCOT, NI)) {
      assertTrue(h.isBankHoliday(LocalDate.of(1981, 7, 29)), "royal wedding 1981");
      assertTrue(h.isBankHoliday(LocalDate.of(1999, 12, 31)), "millennium");
      assertTrue(h.isBankHoliday(LocalDate.of(2011, 4, 29)), "royal wedding 2011");
    }
  }

  @Test
  void substituteDaysFollowGovUkOrder() {
    // 2016: Christmas on Sunday, Boxing Day keeps Monday, Christmas moves to Tuesday.
    assertEquals("Boxing Day", title(EW, "2016-12-26"));
    assertEquals("Christmas Day", title(EW, "2016-12-27"));
    assertTrue(EW.on(LocalDate.of(2016, 12, 27)).orElseThrow().substitute());
    // 2017 in Scotland: New Year's Day on Sunday takes Monday 2nd, 2nd January moves to Tuesday.
    assertEquals("New Year\u2019s Day", title(SCOT, "2017-01-02"));
    assertEquals("2nd January", title(SCOT, "2017-01-03"));
    // 2033: 1 January is a Saturday; New Year's Day on Monday 3rd, 2nd January on Tuesday 4th.
    assertEquals("New Year\u2019s Day", title(SCOT, "2033-01-03"));
    assertEquals("2nd January", title(SCOT, "2033-01-04"));
    assertEquals("New Year\u2019s Day", title(EW, "2033-01-03"));
    assertEquals("(none)", title(EW, "2033-01-04"));
    // St Patrick's Day on a Saturday (2029) moves to Monday 19th, Battle of the Boyne on a
    // Sunday (2037) to Monday 13th.
    assertEquals("St Patrick\u2019s Day", title(NI, "2029-03-19"));
    assertEquals("Battle of the Boyne (Orangemen\u2019s Day)", title(NI, "2037-07-13"));
    assertEquals("(none)", title(EW, "2037-07-13"));
  }

  @Test
  void holidaysStartInTheYearTheyWereProclaimed() {
    assertFalse(EW.isBankHoliday(LocalDate.of(1973, 1, 1)));
    assertTrue(EW.isBankHoliday(LocalDate.of(1974, 1, 1)));
    assertTrue(SCOT.isBankHoliday(LocalDate.of(1973, 1, 1)));
    assertFalse(EW.isBankHoliday(LocalDate.of(1977, 5, 2)));
    assertEquals("Early May bank holiday", title(EW, "1978-05-01"));
    assertFalse(SCOT.isBankHoliday(LocalDate.of(2006, 11, 30)));
    assertEquals("St Andrew\u2019s Day", title(SCOT, "2007-11-30"));
  }

  @Test
  void everyYearHasDistinctWeekdayHolidaysInOrder() {
    for (BankHolidays h : List.of(EW, SCOT, NI)) {
      for (int year = BankHolidays.FIRST_YEAR; year <= BankHolidays.LAST_YEAR; year++) {
        List<BankHoliday> days = h.inYear(year);
        Set<LocalDate> seen = new HashSet<>();
        LocalDate previous = null;
        for (BankHoliday d : days) {
          assertEquals(year, d.date().getYear());
          DayOfWeek dow = d.date().getDayOfWeek();
          assertTrue(dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY, d.toString());
          assertTrue(seen.add(d.date()), "duplicate " + d);
          assertTrue(previous == null || previous.isBefore(d.date()), "order at " + d);
          assertEquals(d, h.on(d.date()).orElseThrow());
          previous = d.date();
        }
        int expected = h == NI ? 10 : h == SCOT && year >= 2007 ? 9 : 8;
        if (year >= 1978) {
          assertTrue(days.size() >= expected, h.region() + " " + year + ": " + days);
        }
      }
    }
  }

  @Test
  void yearsOutsideTheRangeAreRefused() {
    assertThrows(DateTimeException.class, () -> EW.inYear(1969));
    assertThrows(DateTimeException.class, () -> EW.inYear(2101));
    assertThrows(DateTimeException.class, () -> EW.isBankHoliday(LocalDate.of(2101, 1, 1)));
    assertEquals(8, EW.inYear(2100).size());
  }
}
