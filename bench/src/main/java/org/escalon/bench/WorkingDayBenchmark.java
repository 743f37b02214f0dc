package org.escalon.bench;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.model.CalendarSpec.Region;
import org.escalon.model.Timespan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Working-day arithmetic on the England and Wales calendar: adding 5 and 500 working days, and a
 * full {@code deadline()} for 5 working days, each from a different start date every call (4,096
 * dates from 2000 to 2090, so the year lookups are not always the same cache lines).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class WorkingDayBenchmark {

  private static final int DATES = 4096; // a power of two: the index wraps with a mask

  private WorkingCalendar calendar;
  private LocalDate[] dates;
  private ZonedDateTime[] starts;
  private Timespan fiveWorkingDays;
  private int next;

  @Setup
  public void setUp() {
    calendar = WorkingCalendar.of(Region.ENGLAND_AND_WALES);
    fiveWorkingDays = Timespan.workingDays(5);
    SplittableRandom random = new SplittableRandom(20261218L);
    long first = LocalDate.of(2000, 1, 1).toEpochDay();
    long last = LocalDate.of(2090, 12, 31).toEpochDay();
    dates = new LocalDate[DATES];
    starts = new ZonedDateTime[DATES];
    for (int i = 0; i < DATES; i++) {
      dates[i] = LocalDate.ofEpochDay(random.nextLong(first, last + 1));
      // a time of day between 08:00 and 18:00, as a case worker would raise at
      starts[i] = dates[i].atTime(8 + random.nextInt(10), random.nextInt(60))
          .atZone(calendar.zone());
    }
  }

  private int nextIndex() {
    return next++ & (DATES - 1);
  }

  @Benchmark
  public LocalDate addWorkingDays5() {
    return calendar.addWorkingDays(dates[nextIndex()], 5);
  }

  @Benchmark
  public LocalDate addWorkingDays500() {
    return calendar.addWorkingDays(dates[nextIndex()], 500);
  }

  @Benchmark
  public ZonedDateTime deadline5WorkingDays() {
    return calendar.deadline(starts[nextIndex()], fiveWorkingDays);
  }
}
