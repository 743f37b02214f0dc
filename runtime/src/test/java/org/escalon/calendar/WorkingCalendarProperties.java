package org.escalon.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.escalon.model.CalendarSpec;
import org.escalon.model.CalendarSpec.Region;
import org.escalon.model.CalendarSpec.YearlyClosure;
import org.escalon.model.Timespan;
import org.escalon.model.TimeUnit;

/** Properties of the working-day arithmetic and the deadline rules, over 1970–2100. */
class WorkingCalendarProperties {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final int LAST = (int) LocalDate.of(2100, 12, 31).toEpochDay();
  private static final Map<Region, WorkingCalendar> PLAIN = new EnumMap<>(Region.class);

  static {
    for (Region r : Region.values()) {
      PLAIN.put(r, WorkingCalendar.of(r));
    }
  }

  /** A calendar with local closures, a start and a count, for comparison with the naive walk. */
  record Case(CalendarSpec spec, LocalDate start, int n) {}

  private static Arbitrary<LocalDate> datesBetween(LocalDate from, LocalDate to) {
    return Arbitraries.integers()
        .between((int) from.toEpochDay(), (int) to.toEpochDay())
        .map(LocalDate::ofEpochDay);
  }

  @Provide
  Arbitrary<LocalDate> anyDate() {
    return datesBetween(LocalDate.of(1970, 1, 1), LocalDate.of(2100, 12, 31));
  }

  /** Starts far enough from the ends that a thousand working days either way stay in range. */
  @Provide
  Arbitrary<LocalDate> innerDate() {
    return datesBetween(LocalDate.of(1975, 1, 1), LocalDate.of(2095, 12, 31));
  }

  @Provide
  Arbitrary<ZonedDateTime> innerStart() {
    Arbitrary<LocalTime> times = Arbitraries.integers().between(0, 24 * 60 - 1)
        .map(m -> LocalTime.of(m / 60, m % 60));
    return Combinators.combine(innerDate(), times).as((d, t) -> d.atTime(t).atZone(LONDON));
  }

  @Provide
  Arbitrary<TimeUnit> dayUnit() {
    return Arbitraries.of(TimeUnit.WORKING_DAYS, TimeUnit.CALENDAR_DAYS, TimeUnit.WEEKS,
        TimeUnit.MONTHS, TimeUnit.SAME_WORKING_DAY);
  }

  private static Arbitrary<MonthDay> monthDays() {
    // 2024 is a leap year, so 29 February can be drawn too.
    return Arbitraries.integers().between(0, 365)
        .map(i -> MonthDay.from(LocalDate.of(2024, 1, 1).plusDays(i)));
  }

  /**
   * Closures near the start (so they are actually crossed) and short yearly closures, some of them
   * wrapping over the new year.
   */
  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<LocalDate> starts = anyDate();
    return starts.flatMap(start -> {
      int room = (int) Math.min(1500, LAST - start.toEpochDay());
      Arbitrary<List<LocalDate>> singles = Arbitraries.integers().between(0, room)
          .map(start::plusDays)
          .list().ofMaxSize(40);
      Arbitrary<YearlyClosure> yearly = Combinators
          .combine(monthDays(), Arbitraries.integers().between(0, 12))
          .as((from, len) -> new YearlyClosure(from,
              MonthDay.from(from.atYear(2023).plusDays(len))));
      Arbitrary<CalendarSpec> specs = Combinators
          .combine(Arbitraries.of(Region.class), singles, yearly.list().ofMaxSize(2))
          .as(CalendarSpec::new);
      return Combinators.combine(specs, Arbitraries.integers().between(0, 1000))
          .as((spec, n) -> new Case(spec, start, n));
    });
  }

  @Property(tries = 300)
  void fastArithmeticEqualsTheNaiveDayByDayWalk(@ForAll("cases") Case c) {
    WorkingCalendar fast = WorkingCalendar.of(c.spec());
    NaiveCalendar naive = new NaiveCalendar(c.spec());
    LocalDate expected;
    try {
      expected = naive.addWorkingDays(c.start(), c.n());
    } catch (DateTimeException beyond2100) {
      assertThrows(DateTimeException.class, () -> fast.addWorkingDays(c.start(), c.n()));
      return;
    }
    assertEquals(naive.dayZero(c.start()), fast.nextWorkingDay(c.start()));
    assertEquals(expected, fast.addWorkingDays(c.start(), c.n()));
    assertEquals(naive.workingDaysBetween(c.start(), expected),
        fast.workingDaysBetween(c.start(), expected));
    for (LocalDate d = c.start(); !d.isAfter(expected); d = d.plusDays(1)) {
      assertEquals(naive.isWorkingDay(d), fast.isWorkingDay(d), d::toString);
    }
  }

  @Property
  void fastArithmeticEqualsTheNaiveWalkWithoutClosures(
      @ForAll("anyDate") LocalDate start, @ForAll @IntRange(max = 1000) int n,
      @ForAll Region region) {
    NaiveCalendar naive = new NaiveCalendar(PLAIN.get(region).spec());
    LocalDate expected;
    try {
      expected = naive.addWorkingDays(start, n);
    } catch (DateTimeException beyond2100) {
      assertThrows(DateTimeException.class, () -> PLAIN.get(region).addWorkingDays(start, n));
      return;
    }
    assertEquals(expected, PLAIN.get(region).addWorkingDays(start, n));
  }

  @Property
  void workingDaysBetweenEqualsTheNaiveCount(
      @ForAll("anyDate") LocalDate a, @ForAll @IntRange(min = -1500, max = 1500) int offset,
      @ForAll Region region) {
    LocalDate b = a.plusDays(offset);
    if (b.getYear() < 1970 || b.getYear() > 2100) {
      return;
    }
    assertEquals(new NaiveCalendar(PLAIN.get(region).spec()).workingDaysBetween(a, b),
        PLAIN.get(region).workingDaysBetween(a, b));
  }

  @Property
  void addingThenCountingBackGivesN(
      @ForAll("innerDate") LocalDate start, @ForAll @IntRange(min = -1000, max = 1000) int n,
      @ForAll Region region) {
    WorkingCalendar cal = PLAIN.get(region);
    LocalDate end = cal.addWorkingDays(start, n);
    assertEquals(n, cal.workingDaysBetween(start, end));
    assertTrue(cal.isWorkingDay(end));
  }

  @Property
  void dayBasedDeadlinesCloseAWorkingDayAtMidnight(
      @ForAll("innerStart") ZonedDateTime start, @ForAll("dayUnit") TimeUnit unit,
      @ForAll @IntRange(max = 48) int n, @ForAll Region region) {
    WorkingCalendar cal = PLAIN.get(region);
    ZonedDateTime deadline = cal.deadline(start, new Timespan(n, unit));
    assertEquals(LocalTime.MIDNIGHT, deadline.toLocalTime());
    LocalDate closedDay = deadline.toLocalDate().minusDays(1);
    assertTrue(cal.isWorkingDay(closedDay), () -> closedDay + " is not a working day");
    assertTrue(deadline.isAfter(start));
    LocalDate day = start.toLocalDate();
    if (unit == TimeUnit.WORKING_DAYS) {
      assertEquals(n, cal.workingDaysBetween(day, closedDay));
      return;
    }
    // Rolling forward never skips a working day: none between the raw target and the closed day.
    LocalDate raw = rawTarget(day, unit, n);
    assertFalse(raw.isAfter(closedDay));
    for (LocalDate d = raw; d.isBefore(closedDay); d = d.plusDays(1)) {
      assertFalse(cal.isWorkingDay(d), d::toString);
    }
  }

  private static LocalDate rawTarget(LocalDate day, TimeUnit unit, int n) {
    return switch (unit) {
      case SAME_WORKING_DAY -> day;
      case CALENDAR_DAYS -> day.plusDays(n);
      case WEEKS -> day.plusWeeks(n);
      case MONTHS -> day.plusMonths(n);
      case WORKING_DAYS, HOURS -> throw new IllegalArgumentException(unit.toString());
    };
  }

  @Property
  void deadlinesAreMonotonicInTheAmount(
      @ForAll("innerStart") ZonedDateTime start, @ForAll("dayUnit") TimeUnit unit,
      @ForAll @IntRange(max = 500) int n, @ForAll @IntRange(min = 1, max = 500) int more,
      @ForAll Region region) {
    WorkingCalendar cal = PLAIN.get(region);
    int cap = cap(unit);
    ZonedDateTime shorter = cal.deadline(start, new Timespan(n % cap, unit));
    ZonedDateTime longer = cal.deadline(start, new Timespan(n % cap + 1 + more % cap, unit));
    if (unit == TimeUnit.WORKING_DAYS) {
      assertTrue(shorter.isBefore(longer), shorter + " vs " + longer);
    } else {
      assertFalse(shorter.isAfter(longer), shorter + " vs " + longer);
    }
  }

  /** Keeps amounts small enough that a start before 2096 stays within 2100. */
  private static int cap(TimeUnit unit) {
    return switch (unit) {
      case MONTHS -> 24;
      case WEEKS -> 100;
      default -> 500;
    };
  }

  @Property
  void deadlinesAreMonotonicInTheStart(
      @ForAll("innerStart") ZonedDateTime start, @ForAll @IntRange(max = 20 * 24 * 60) int laterBy,
      @ForAll TimeUnit unit, @ForAll @IntRange(max = 300) int n, @ForAll Region region) {
    WorkingCalendar cal = PLAIN.get(region);
    Timespan d = new Timespan(n % cap(unit), unit);
    ZonedDateTime later = start.plusMinutes(laterBy);
    assertFalse(cal.deadline(start, d).isAfter(cal.deadline(later, d)));
  }

  @Property
  void oneWorkingDayFromTheFridayBeforeABankHolidayMondayIsTuesday(
      @ForAll @IntRange(min = 1970, max = 2100) int year, @ForAll Region region) {
    WorkingCalendar cal = PLAIN.get(region);
    int checked = 0;
    for (BankHoliday h : cal.bankHolidays().inYear(year)) {
      LocalDate monday = h.date();
      LocalDate friday = monday.minusDays(3);
      LocalDate tuesday = monday.plusDays(1);
      if (monday.getDayOfWeek() != DayOfWeek.MONDAY || friday.getYear() != year
          || !cal.isWorkingDay(friday) || !cal.isWorkingDay(tuesday)) {
        continue;
      }
      assertEquals(tuesday, cal.addWorkingDays(friday, 1), h::toString);
      assertEquals(cal.closeOf(tuesday),
          cal.deadline(friday.atTime(15, 0).atZone(LONDON), Timespan.workingDays(1)));
      checked++;
    }
    // The Summer bank holiday is a Monday between ordinary weeks every year, so there is always at
    // least one to check (the Spring one is not, in jubilee years such as 1977 and 2012).
    assertTrue(checked >= 1, year + " " + region);
  }

  @Property
  void hourDeadlinesAreElapsedTime(
      @ForAll("innerStart") ZonedDateTime start, @ForAll @IntRange(max = 2000) int hours) {
    ZonedDateTime deadline = PLAIN.get(Region.ENGLAND_AND_WALES)
        .deadline(start, new Timespan(hours, TimeUnit.HOURS));
    assertEquals(java.time.Duration.ofHours(hours),
        java.time.Duration.between(start.toInstant(), deadline.toInstant()));
    assertEquals(LONDON, deadline.getZone());
  }

  @Property
  void hourDeadlinesShiftTheClockAcrossTheChanges(
      @ForAll @IntRange(min = 1996, max = 2100) int year, @ForAll @IntRange(max = 23) int hour) {
    // Since 1996 the UK changes clocks on the last Sunday of March and of October.
    LocalDate spring = LocalDate.of(year, 3, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
    LocalDate autumn = LocalDate.of(year, 10, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
    WorkingCalendar cal = PLAIN.get(Region.ENGLAND_AND_WALES);
    Timespan day = new Timespan(24, TimeUnit.HOURS);
    // From the Saturday to the Sunday: for starts from 02:00 on, 24 hours span the change and
    // read one hour more in March and one hour less in October.
    ZonedDateTime marchStart = spring.minusDays(1).atTime(hour, 0).atZone(LONDON);
    ZonedDateTime octoberStart = autumn.minusDays(1).atTime(hour, 0).atZone(LONDON);
    ZonedDateTime march = cal.deadline(marchStart, day);
    ZonedDateTime october = cal.deadline(octoberStart, day);
    if (hour >= 2) {
      assertEquals(spring.atTime(hour, 0).plusHours(1), march.toLocalDateTime());
      assertEquals(autumn.atTime(hour, 0).minusHours(1), october.toLocalDateTime());
    }
    assertEquals(java.time.Duration.ofHours(24),
        java.time.Duration.between(marchStart.toInstant(), march.toInstant()));
  }

  @Property
  void aStageStartedOnASaturdayCountsFromTheNextWorkingDay(
      @ForAll("innerDate") LocalDate any, @ForAll @IntRange(max = 300) int n,
      @ForAll Region region) {
    WorkingCalendar cal = PLAIN.get(region);
    LocalDate saturday = any.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
    LocalDate monday = saturday.plusDays(2);
    LocalDate dayZero = cal.nextWorkingDay(saturday);
    assertTrue(dayZero.isAfter(saturday) && cal.isWorkingDay(dayZero));
    if (cal.isWorkingDay(monday)) {
      assertEquals(monday, dayZero);
    }
    assertEquals(cal.addWorkingDays(dayZero, n), cal.addWorkingDays(saturday, n));
    assertEquals(cal.deadline(dayZero.atTime(9, 0).atZone(LONDON), Timespan.workingDays(n)),
        cal.deadline(saturday.atTime(14, 0).atZone(LONDON), Timespan.workingDays(n)));
  }

  @Property
  void sameWorkingDayClosesDayZero(@ForAll("innerStart") ZonedDateTime start, @ForAll Region region) {
    WorkingCalendar cal = PLAIN.get(region);
    LocalDate day = start.toLocalDate();
    ZonedDateTime deadline = cal.deadline(start, new Timespan(0, TimeUnit.SAME_WORKING_DAY));
    assertEquals(deadline, cal.deadline(start, Timespan.workingDays(0)));
    if (cal.isWorkingDay(day)) {
      assertEquals(day.plusDays(1).atStartOfDay(LONDON), deadline);
    } else {
      LocalDate next = day.plusDays(1);
      while (!cal.isWorkingDay(next)) {
        next = next.plusDays(1);
      }
      assertEquals(next.plusDays(1).atStartOfDay(LONDON), deadline);
    }
  }

  @Property(tries = 300)
  void localClosureDaysAreNeverDeadlines(@ForAll("cases") Case c) {
    WorkingCalendar cal = WorkingCalendar.of(c.spec());
    LocalDate end;
    try {
      end = cal.addWorkingDays(c.start(), c.n());
    } catch (DateTimeException beyond2100) {
      return;
    }
    assertFalse(c.spec().closures().contains(end), end::toString);
    // Every single closure strictly inside the count is skipped: removing the closures can only
    // make the count reach its end sooner or at the same day.
    WorkingCalendar plain = PLAIN.get(c.spec().region());
    assertFalse(end.isBefore(plain.addWorkingDays(c.start(), c.n())));
    for (LocalDate closure : c.spec().closures()) {
      assertFalse(cal.isWorkingDay(closure));
    }
  }

  /** The deadline in nanoseconds is the deadline, in every zone and unit, near clock changes too. */
  @Property(tries = 2000)
  void deadlineNanosIsTheDeadline(@ForAll("anyInstantNanos") long start,
      @ForAll @IntRange(min = 0, max = 30) int n, @ForAll("zones") ZoneId zone,
      @ForAll TimeUnit unit) {
    WorkingCalendar calendar = WorkingCalendar.of(PLAIN.get(Region.ENGLAND_AND_WALES).spec(), zone);
    Timespan duration = new Timespan(n, unit);
    java.time.Instant at = java.time.Instant.ofEpochSecond(Math.floorDiv(start, 1_000_000_000L),
        Math.floorMod(start, 1_000_000_000L));
    String expected;
    try {
      java.time.Instant end = calendar.deadline(at.atZone(zone), duration).toInstant();
      expected = String.valueOf(end.getEpochSecond() * 1_000_000_000L + end.getNano());
    } catch (RuntimeException e) {
      expected = e.getClass().getName() + ": " + e.getMessage();
    }
    String actual;
    try {
      actual = String.valueOf(calendar.deadlineNanos(start, duration));
    } catch (RuntimeException e) {
      actual = e.getClass().getName() + ": " + e.getMessage();
    }
    assertEquals(expected, actual);
  }

  @Provide
  Arbitrary<Long> anyInstantNanos() {
    // 1969 to 2101, so the ends of the calendar are crossed; a quarter of them within a day of a
    // clock change in London
    Arbitrary<Long> any = Arbitraries.longs().between(-40_000_000_000_000_000L,
        4_136_000_000_000_000_000L);
    Arbitrary<Long> nearChange = Arbitraries.integers().between(1971, 2099).flatMap(year ->
        Arbitraries.longs().between(-86_400_000_000_000L, 86_400_000_000_000L).map(d -> {
          java.time.Instant change = LONDON.getRules().nextTransition(
              java.time.Instant.parse(year + "-03-01T00:00:00Z")).getInstant();
          return change.getEpochSecond() * 1_000_000_000L + d;
        }));
    return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, any),
        net.jqwik.api.Tuple.of(1, nearChange));
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    return Arbitraries.of(LONDON, ZoneId.of("UTC"), ZoneId.of("America/Sao_Paulo"),
        ZoneId.of("Pacific/Apia"), ZoneId.of("Asia/Kolkata"), ZoneId.of("America/St_Johns"));
  }
}
