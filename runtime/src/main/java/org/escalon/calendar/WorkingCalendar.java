package org.escalon.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import org.escalon.model.CalendarSpec;
import org.escalon.model.CalendarSpec.Region;
import org.escalon.model.TimeUnit;
import org.escalon.model.Timespan;

/**
 * A protocol's working-day calendar: a region's bank holidays plus local closure days, in a time
 * zone (Europe/London by default), and the deadline rules every back end shares.
 *
 * <p>A working day is a Monday to Friday that is neither a bank holiday of the region nor a local
 * closure day. Dates from 1970-01-01 to 2100-12-31 are covered; a date or a count that leaves that
 * range throws {@link OutsideCalendarException}.
 *
 * <p><b>The close of a day</b> is the first instant of the following day, 00:00 in the calendar's
 * zone (London changes clocks at 01:00 and 02:00, so midnight always exists). Every deadline that
 * ends "at the close" of a day is that instant, and a deadline is exclusive: something done at
 * 23:59:59 on the last day is in time; at the deadline instant itself it is late.
 *
 * <p>Counting, from the start's date in the calendar's zone (the time of day does not matter):
 * <ul>
 *   <li>Day 0 is the start date, or the next working day if the start date is not one.
 *   <li>{@code n working days}: the close of the n-th working day after day 0 (0 = day 0).
 *   <li>{@code same working day}: the close of day 0.
 *   <li>{@code n calendar days / weeks / months}: the start date plus that much calendar time
 *       ({@link LocalDate#plusMonths}: 31 January + 1 month = 28 or 29 February); if that day is not
 *       a working day, the next working day; the deadline is its close.
 *   <li>{@code n hours}: the start instant plus n hours of elapsed time, shown in the calendar's
 *       zone, so across a clock change the wall-clock time shifts (24 hours from 12:00 on the
 *       Saturday before the March change is 13:00 on the Sunday); never rolled forward.
 * </ul>
 */
public final class WorkingCalendar {

  /** The zone a calendar counts in unless the protocol says otherwise. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/London");

  private final CalendarSpec spec;
  private final ZoneId zone;
  private final WorkingDayIndex index;
  private ZoneDays days; // looked up on the first deadlineNanos: most users never ask

  private WorkingCalendar(CalendarSpec spec, ZoneId zone) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.zone = Objects.requireNonNull(zone, "zone");
    this.index = new WorkingDayIndex(LocalClosures.closedDaysByYear(spec));
  }

  /**
   * The calendar a spec describes, counting in a zone. Calendars are immutable and building one
   * indexes 131 years, so each spec and zone is built once and shared.
   */
  public static WorkingCalendar of(CalendarSpec spec, ZoneId zone) {
    return BUILT.computeIfAbsent(List.of(spec, zone), k -> new WorkingCalendar(spec, zone));
  }

  private static final java.util.concurrent.ConcurrentMap<List<Object>, WorkingCalendar> BUILT =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The calendar a spec describes, counting in Europe/London. */
  public static WorkingCalendar of(CalendarSpec spec) {
    return of(spec, DEFAULT_ZONE);
  }

  /** A region's bank holidays with no local closures, counting in Europe/London. */
  public static WorkingCalendar of(Region region) {
    return of(new CalendarSpec(region, List.of(), List.of()));
  }

  /** What this calendar was built from. */
  public CalendarSpec spec() {
    return spec;
  }

  /** The zone deadlines are counted and shown in. */
  /**
   * The day an instant belongs to in {@code zone}: 00:00 is the close of the day before. A
   * deadline "by the close of Wednesday" falls at 00:00 on Thursday, and an escalation that
   * moves on or ends then has spent Wednesday, not Thursday. The one rule every tool dates and
   * counts an instant by (the language reference, section 10, rule 9).
   */
  public static LocalDate dayOf(Instant at, ZoneId zone) {
    ZonedDateTime local = at.atZone(zone);
    return local.toLocalTime().equals(LocalTime.MIDNIGHT) ? local.toLocalDate().minusDays(1)
        : local.toLocalDate();
  }

  /** The day an instant belongs to in this calendar's zone ({@link #dayOf(Instant, ZoneId)}). */
  public LocalDate dayOf(Instant at) {
    return dayOf(at, zone);
  }

  /**
   * The working day an instant is, counted from the raise's date {@code start} as day 0: the
   * working days elapsed on the calendar by then, the way {@code calendar --add} counts. The
   * instant's day is {@link #dayOf(Instant)} (00:00 counts as the day it closes), and a day that
   * is not a working day has the number of the working day before it. Every timeline row is
   * labelled with it, and a timeline's working days elapsed are its last row's.
   */
  public int workingDayOf(LocalDate start, Instant at) {
    LocalDate day = dayOf(at);
    int n = workingDaysBetween(start, day);
    return Math.max(0, isWorkingDay(day) ? n : n - 1);
  }

  public ZoneId zone() {
    return zone;
  }

  /** The region's bank holidays (local closures excluded). */
  public BankHolidays bankHolidays() {
    return BankHolidays.of(spec.region());
  }

  /** The first date the calendar covers. */
  public static LocalDate firstDay() {
    return WorkingDayIndex.FIRST_DAY;
  }

  /** The last date the calendar covers. */
  public static LocalDate lastDay() {
    return WorkingDayIndex.LAST_DAY;
  }

  /** Whether a date is a working day: a weekday, not a bank holiday, not a local closure. */
  public boolean isWorkingDay(LocalDate date) {
    return index.isWorkingDay(date);
  }

  /** Day 0 of a count started on a date: the date itself if it is a working day, else the next one. */
  public LocalDate nextWorkingDay(LocalDate date) {
    // The working day whose ordinal is the count of working days before the date is the first
    // working day on or after it.
    return index.workingDay(index.ordinal(date));
  }

  /**
   * The n-th working day after day 0 of {@code start} (n may be negative: n working days before
   * day 0). Costs the same for any n.
   */
  public LocalDate addWorkingDays(LocalDate start, int n) {
    return index.workingDay((long) index.ordinal(start) + n);
  }

  /**
   * The number of working days in [a, b): the n with {@code addWorkingDays(a, n)} equal to day 0 of
   * b; negative when b is before a. Costs the same for any distance.
   */
  public int workingDaysBetween(LocalDate a, LocalDate b) {
    return index.ordinal(b) - index.ordinal(a);
  }

  /**
   * The number of working days before an epoch day: {@code addWorkingDays} and {@code
   * workingDaysBetween} in plain integers, for code that counts millions of deadlines.
   */
  public int workingOrdinal(int epochDay) {
    return index.ordinal(epochDay);
  }

  /** The epoch day of the working day with this ordinal: the inverse of {@link #workingOrdinal}. */
  public int workingEpochDay(int ordinal) {
    return index.workingEpochDay(ordinal);
  }

  /** The close of a day: 00:00 of the next day in the calendar's zone. */
  public ZonedDateTime closeOf(LocalDate day) {
    return day.plusDays(1).atStartOfDay(zone);
  }

  /** When a duration started at {@code start} runs out, by the rules in the class comment. */
  public ZonedDateTime deadline(ZonedDateTime start, Timespan duration) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(duration, "duration");
    int n = duration.amount();
    if (n < 0) {
      throw new IllegalArgumentException("a timescale cannot be negative: " + duration);
    }
    ZonedDateTime local = start.withZoneSameInstant(zone);
    LocalDate day = local.toLocalDate();
    return switch (duration.unit()) {
      case WORKING_DAYS -> closeOf(addWorkingDays(day, n));
      case SAME_WORKING_DAY -> closeOf(nextWorkingDay(day));
      case CALENDAR_DAYS -> closeOf(nextWorkingDay(day.plusDays(n)));
      case WEEKS -> closeOf(nextWorkingDay(day.plusWeeks(n)));
      case MONTHS -> closeOf(nextWorkingDay(day.plusMonths(n)));
      // Elapsed time, not wall-clock time: adding to the instant makes a clock change shift the
      // local time instead of changing the length of the wait.
      case HOURS -> ZonedDateTime.ofInstant(
          local.toInstant().plus(java.time.Duration.ofHours(n)), zone);
    };
  }

  /**
   * A deadline counted back from a known date ("2 working days before the conference"), by the
   * rules of "How deadlines are counted" run backwards: {@code n working days} before a date end
   * at the close of the n-th working day before the date's day (so counting n working days forward
   * from it gives the date's day, or the next working day when the date is not a working day);
   * calendar days, weeks and months end at the close of the day that many days, weeks or months
   * before it, rolled back to the working day before when that day is not a working day;
   * {@code hours} are clock hours before the instant, not rolled. {@code same working day} has
   * no backward meaning (the checker refuses it).
   */
  public ZonedDateTime before(ZonedDateTime date, Timespan duration) {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(duration, "duration");
    int n = duration.amount();
    if (n < 0) {
      throw new IllegalArgumentException("a timescale cannot be negative: " + duration);
    }
    ZonedDateTime local = date.withZoneSameInstant(zone);
    LocalDate day = local.toLocalDate();
    return switch (duration.unit()) {
      case WORKING_DAYS -> closeOf(index.workingDay((long) index.ordinal(day) - n));
      case SAME_WORKING_DAY -> throw new IllegalArgumentException(
          "the same working day cannot be counted back from a date");
      case CALENDAR_DAYS -> closeOf(previousWorkingDay(day.minusDays(n)));
      case WEEKS -> closeOf(previousWorkingDay(day.minusWeeks(n)));
      case MONTHS -> closeOf(previousWorkingDay(day.minusMonths(n)));
      case HOURS -> ZonedDateTime.ofInstant(
          local.toInstant().minus(java.time.Duration.ofHours(n)), zone);
    };
  }

  /** The date itself if it is a working day, else the last working day before it. */
  public LocalDate previousWorkingDay(LocalDate date) {
    return index.workingDay((long) index.ordinal(date.plusDays(1)) - 1);
  }

  /**
   * {@link #deadline(ZonedDateTime, Timespan)} with both instants in nanoseconds since 1970: the
   * same deadline, counted without the objects of {@code java.time} when the duration is in
   * working days (what a generated machine asks on every stage it enters).
   */
  public long deadlineNanos(long startNanos, Timespan duration) {
    if (duration.unit() == TimeUnit.WORKING_DAYS && duration.amount() >= 0) {
      ZoneDays days = this.days;
      if (days == null) {
        days = ZoneDays.of(zone);
        this.days = days;
      }
      int day = days.day(Math.floorDiv(startNanos, 1_000_000_000L));
      if (day != Integer.MIN_VALUE) {
        long k = (long) index.ordinal(day) + duration.amount();
        if (k < index.workingDays()) {
          return days.start(index.workingEpochDay(k) + 1) * 1_000_000_000L;
        }
      }
    }
    Instant start = Instant.ofEpochSecond(Math.floorDiv(startNanos, 1_000_000_000L),
        Math.floorMod(startNanos, 1_000_000_000L));
    Instant end = deadline(start.atZone(zone), duration).toInstant();
    return Math.addExact(Math.multiplyExact(end.getEpochSecond(), 1_000_000_000L), end.getNano());
  }

  @Override
  public String toString() {
    return "WorkingCalendar[" + spec.region().id() + ", " + zone + ", "
        + spec.closures().size() + " closure days, " + spec.yearly().size() + " yearly closures]";
  }
}
