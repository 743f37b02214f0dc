package org.escalon.tests;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.model.Timespan;
import org.escalon.model.TimeUnit;
import org.flowable.common.engine.api.FlowableIllegalArgumentException;
import org.flowable.common.engine.impl.calendar.BusinessCalendarImpl;
import org.flowable.common.engine.impl.runtime.ClockReader;

/**
 * The business calendars the BPMN export names, for Flowable: {@code escalon-working-days} reads
 * the days of an ISO 8601 duration as working days ({@code P0D} is the same working day), and
 * {@code escalon-calendar} reads weeks, months, days and hours in calendar time; both end a
 * deadline as Escalon does (at the close of the day, rolled on to a working day) by asking the
 * protocol's {@link WorkingCalendar}. A description may start with an ISO instant and a slash
 * ({@code 2026-12-14T09:00:00Z/P2W}) to count from then instead of now; {@code never} is a
 * deadline that does not come. A description may list several timescales, separated by
 * {@code ;}: the earliest deadline counts, as in Escalon; one marked with a calendar's name
 * ({@code escalon-calendar:PT24H}) is counted as that calendar counts it. docs/exports.md shows a
 * host registering them.
 */
final class EscalonBusinessCalendar extends BusinessCalendarImpl {

  static final String WORKING_DAYS = "escalon-working-days";
  static final String CALENDAR = "escalon-calendar";

  /** A date so far off that the timer of a stage with no applicable timescale never fires. */
  private static final Date NEVER = Date.from(LocalDate.of(9999, 12, 31).atStartOfDay()
      .toInstant(ZoneOffset.UTC));

  private static final Pattern ISO = Pattern.compile("P(?:(\\d+)([DWM])|T(\\d+)H)");

  private final WorkingCalendar calendar;
  private final boolean workingDays;

  EscalonBusinessCalendar(ClockReader clock, WorkingCalendar calendar, boolean workingDays) {
    super(clock);
    this.calendar = calendar;
    this.workingDays = workingDays;
  }

  @Override
  public Date resolveDuedate(String description, int maxIterations) {
    Date earliest = NEVER;
    for (String part : description.split(";")) {
      if (!part.isBlank()) {
        Date due = resolve(part.trim());
        earliest = due.before(earliest) ? due : earliest;
      }
    }
    return earliest;
  }

  private Date resolve(String description) {
    boolean workingDays = this.workingDays;
    String text = description;
    for (String name : new String[] {WORKING_DAYS, CALENDAR}) {
      if (text.startsWith(name + ":")) {
        workingDays = name.equals(WORKING_DAYS);
        text = text.substring(name.length() + 1);
      }
    }
    if (text.equals("never")) {
      return NEVER;
    }
    Instant from = clockReader.getCurrentTime().toInstant();
    int slash = text.indexOf('/');
    if (slash >= 0) {
      from = Instant.parse(text.substring(0, slash));
      text = text.substring(slash + 1);
    }
    Timespan duration = duration(text, workingDays);
    return Date.from(calendar.deadline(from.atZone(calendar.zone()), duration).toInstant());
  }

  private static Timespan duration(String iso, boolean workingDays) {
    Matcher m = ISO.matcher(iso);
    if (!m.matches()) {
      throw new FlowableIllegalArgumentException("not an Escalon timer description: " + iso);
    }
    if (m.group(3) != null) {
      return new Timespan(Integer.parseInt(m.group(3)), TimeUnit.HOURS);
    }
    int amount = Integer.parseInt(m.group(1));
    if (workingDays) {
      if (!m.group(2).equals("D")) {
        throw new FlowableIllegalArgumentException("working days are written PnD, not " + iso);
      }
      return amount == 0 ? new Timespan(0, TimeUnit.SAME_WORKING_DAY)
          : new Timespan(amount, TimeUnit.WORKING_DAYS);
    }
    return new Timespan(amount, switch (m.group(2)) {
      case "D" -> TimeUnit.CALENDAR_DAYS;
      case "W" -> TimeUnit.WEEKS;
      default -> TimeUnit.MONTHS;
    });
  }
}
