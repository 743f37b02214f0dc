package org.escalon.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import org.escalon.model.CalendarSpec.Region;

/** The recurring bank holidays, each with the regions it applies to and its rule for a year. */
enum HolidayKind {
  // Titles are gov.uk's, byte for byte: note the typographic apostrophe (U+2019).
  NEW_YEARS_DAY("New Year\u2019s Day"),
  SECOND_JANUARY("2nd January"),
  ST_PATRICKS_DAY("St Patrick\u2019s Day"),
  GOOD_FRIDAY("Good Friday"),
  EASTER_MONDAY("Easter Monday"),
  EARLY_MAY("Early May bank holiday"),
  SPRING("Spring bank holiday"),
  BATTLE_OF_THE_BOYNE("Battle of the Boyne (Orangemen\u2019s Day)"),
  SUMMER("Summer bank holiday"),
  ST_ANDREWS_DAY("St Andrew\u2019s Day"),
  CHRISTMAS_DAY("Christmas Day"),
  BOXING_DAY("Boxing Day");

  private final String title;

  HolidayKind(String title) {
    this.title = title;
  }

  String title() {
    return title;
  }

  /**
   * Whether the holiday exists in a region in a year. The start years are when each holiday was
   * first proclaimed (New Year's Day in England, Wales and Northern Ireland and Boxing Day in
   * Scotland from 1974, the Early May holiday outside Scotland from 1978, St Andrew's Day from 2007
   * under the St Andrew's Day Bank Holiday (Scotland) Act 2007); without them the years before
   * would list holidays that were working days.
   */
  boolean appliesTo(Region region, int year) {
    return switch (this) {
      case NEW_YEARS_DAY -> region == Region.SCOTLAND || year >= 1974;
      case SECOND_JANUARY -> region == Region.SCOTLAND;
      case ST_PATRICKS_DAY, BATTLE_OF_THE_BOYNE -> region == Region.NORTHERN_IRELAND;
      case GOOD_FRIDAY, SPRING, SUMMER, CHRISTMAS_DAY -> true;
      case EASTER_MONDAY -> region != Region.SCOTLAND;
      // Scotland's first Monday in May was already a bank holiday under the 1971 Act.
      case EARLY_MAY -> region == Region.SCOTLAND || year >= 1978;
      case ST_ANDREWS_DAY -> region == Region.SCOTLAND && year >= 2007;
      case BOXING_DAY -> region != Region.SCOTLAND || year >= 1974;
    };
  }

  /** The day the rule gives, before any weekend substitution or one-off change. */
  LocalDate nominalDate(Region region, int year) {
    return switch (this) {
      case NEW_YEARS_DAY -> LocalDate.of(year, 1, 1);
      case SECOND_JANUARY -> LocalDate.of(year, 1, 2);
      case ST_PATRICKS_DAY -> LocalDate.of(year, 3, 17);
      case GOOD_FRIDAY -> Easter.sunday(year).minusDays(2);
      case EASTER_MONDAY -> Easter.sunday(year).plusDays(1);
      case EARLY_MAY -> firstMonday(year, Month.MAY);
      case SPRING -> lastMonday(year, Month.MAY);
      case BATTLE_OF_THE_BOYNE -> LocalDate.of(year, 7, 12);
      case SUMMER -> region == Region.SCOTLAND
          ? firstMonday(year, Month.AUGUST)
          : lastMonday(year, Month.AUGUST);
      case ST_ANDREWS_DAY -> LocalDate.of(year, 11, 30);
      case CHRISTMAS_DAY -> LocalDate.of(year, 12, 25);
      case BOXING_DAY -> LocalDate.of(year, 12, 26);
    };
  }

  private static LocalDate firstMonday(int year, Month month) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
  }

  private static LocalDate lastMonday(int year, Month month) {
    return LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY));
  }
}
