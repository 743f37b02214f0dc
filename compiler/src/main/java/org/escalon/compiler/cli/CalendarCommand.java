package org.escalon.compiler.cli;

import java.io.PrintWriter;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.escalon.calendar.BankHoliday;
import org.escalon.calendar.BankHolidays;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.compiler.check.Suggestions;
import org.escalon.model.CalendarSpec;
import org.escalon.model.CalendarSpec.Region;
import org.escalon.model.Timespan;
import org.escalon.model.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code escalon calendar}: the bank holidays of a region in a year, or when a timescale started
 * at a given moment runs out, counted exactly as the engine counts it.
 *
 * <pre>
 * escalon calendar --region scotland --year 2027 [--format json]
 * escalon calendar --region england-and-wales --from 2026-12-18 --add "5 working days"
 *                  [--zone Europe/London] [--closed 2026-12-24]...
 * </pre>
 *
 * <p>Bad input (an unknown region, an impossible date, a year the calendar does not know, a
 * timescale it cannot read) is a usage error: one {@code escalon: ...} line on stderr, exit 2.
 */
@Command(name = "calendar",
    description = "Lists a region's bank holidays in a year, or works out a deadline.",
    footer = {"", "Examples:",
        "  escalon calendar --region scotland --year 2027 --format json",
        "  escalon calendar --region england-and-wales --from 2026-12-18 \\",
        "      --add \"5 working days\" --closed 2026-12-24"})
final class CalendarCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
  boolean help;

  @Option(names = "--region", paramLabel = "REGION",
      description = "england-and-wales, scotland or northern-ireland")
  String region;

  @Option(names = "--year", paramLabel = "YEAR",
      description = "list the bank holidays of this year (1970-2100)")
  String year;

  @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
      description = "how to print the list of bank holidays: text (one a line) or json")
  String format;

  @Option(names = "--from", paramLabel = "WHEN",
      description = "when the timescale starts: a date (its start) or a date-time, "
          + "such as 2026-12-18 or 2026-12-18T14:30")
  String from;

  @Option(names = "--add", paramLabel = "TIMESCALE",
      description = "the timescale, as a protocol writes it: \"5 working days\", "
          + "\"2 working weeks\", \"10 calendar days\", \"2 weeks\", \"1 month\", \"24 hours\", "
          + "\"same working day\"")
  String add;

  @Option(names = "--zone", defaultValue = "Europe/London", paramLabel = "ZONE",
      description = "the time zone the deadline is counted and shown in "
          + "(default: ${DEFAULT-VALUE})")
  String zone;

  @Option(names = "--closed", paramLabel = "DATE",
      description = "a local closure day that is not a working day (repeatable)")
  List<String> closed = new ArrayList<>();

  private static final Locale UK = Locale.UK;
  private static final DateTimeFormatter LONG_DATE =
      DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", UK);
  private static final Pattern TIMESCALE = Pattern.compile(
      "(\\d+)\\s+(working\\s+days?|working\\s+weeks?|calendar\\s+days?"
          + "|weeks?|months?|hours?|days?)");
  private static final String SOME_TIMESCALES =
      "`5 working days`, `2 working weeks`, `10 calendar days`, `2 weeks`, `1 month`, "
          + "`24 hours` or `same working day`";

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      String text = run();
      out.print(text);
      out.flush();
      return ExitCodes.OK;
    } catch (UsageError e) {
      err.println("escalon: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    }
  }

  private String run() {
    Region r = region(region);
    boolean json = switch (format) {
      case "text" -> false;
      case "json" -> true;
      default -> throw new UsageError("`--format " + format + "` is not a format; write "
          + "`--format text` or `--format json`");
    };
    if (year != null) {
      if (from != null || add != null) {
        throw new UsageError("give either --year (to list bank holidays) or --from and --add "
            + "(to work out a deadline), not both");
      }
      if (!closed.isEmpty()) {
        throw new UsageError("--closed counts in a deadline (--from and --add); the list shows "
            + "bank holidays only");
      }
      List<BankHoliday> holidays = BankHolidays.of(r).inYear(year(year));
      return json ? json(holidays) : text(holidays);
    }
    if (from == null || add == null) {
      throw new UsageError(from == null && add == null
          ? "say what to show: --year YEAR lists bank holidays; --from DATE --add \"5 working "
              + "days\" works out a deadline"
          : from == null
              ? "say when the timescale starts, such as --from 2026-12-18"
              : "say how long the timescale is, such as --add \"5 working days\"");
    }
    if (json) {
      throw new UsageError("--format json applies to the list of bank holidays (--year); a "
          + "deadline is printed as text");
    }
    ZoneId z = zone(zone);
    Timespan duration = duration(add);
    ZonedDateTime start = start(from, z);
    List<LocalDate> closures = new ArrayList<>();
    for (String c : closed) {
      closures.add(DateOption.parse(c, "--closed"));
    }
    WorkingCalendar calendar = WorkingCalendar.of(new CalendarSpec(r, closures, List.of()), z);
    return deadline(calendar, start, duration);
  }

  // ---------------------------------------------------------------------------------------------
  // The list of bank holidays

  private static String text(List<BankHoliday> holidays) {
    StringBuilder out = new StringBuilder();
    for (BankHoliday h : holidays) {
      out.append(h.date()).append("  ").append(weekday(h.date())).append("  ").append(h.title());
      if (h.substitute()) {
        out.append(" (substitute day)");
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String json(List<BankHoliday> holidays) {
    if (holidays.isEmpty()) {
      return "[]\n";
    }
    StringBuilder out = new StringBuilder("[\n");
    for (int i = 0; i < holidays.size(); i++) {
      BankHoliday h = holidays.get(i);
      out.append("  {\"date\": ").append(quote(h.date().toString()))
          .append(", \"title\": ").append(quote(h.title()))
          .append(", \"substitute\": ").append(h.substitute())
          .append(i + 1 < holidays.size() ? "},\n" : "}\n");
    }
    return out.append("]\n").toString();
  }

  /**
   * A JSON string. Characters outside ASCII are written as {@code \}{@code u} escapes with four
   * hex digits, so that the output is the same bytes whatever the console's encoding (titles
   * hold U+2019).
   */
  static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  // ---------------------------------------------------------------------------------------------
  // A deadline

  private static String deadline(WorkingCalendar calendar, ZonedDateTime start, Timespan d) {
    ZonedDateTime deadline;
    try {
      deadline = calendar.deadline(start, d);
    } catch (DateTimeException e) {
      throw new UsageError(d + " from " + start.toLocalDate() + " ends outside the years the "
          + "calendar knows (" + WorkingCalendar.firstDay() + " to " + WorkingCalendar.lastDay()
          + ")");
    }
    String shown = deadline.toLocalDateTime() + " " + calendar.zone().getId();
    StringBuilder out = new StringBuilder("deadline: ");
    LocalDate first = start.withZoneSameInstant(calendar.zone()).toLocalDate();
    if (d.unit() == TimeUnit.HOURS) {
      out.append(String.format("%02d:%02d", deadline.getHour(), deadline.getMinute()))
          .append(" on ").append(LONG_DATE.format(deadline)).append(" (").append(shown)
          .append(")\n");
      out.append("skipped: none (hours are elapsed time: weekends and bank holidays count)\n");
      return out.toString();
    }
    // Every other unit ends at the close of a day: 00:00 of the next.
    LocalDate last = deadline.toLocalDate().minusDays(1);
    out.append("close of ").append(LONG_DATE.format(last)).append(" (").append(shown)
        .append(")\n");
    // Working days skip every non-working day from the start to the last day; calendar time
    // counts every day, and only a deadline that lands on a non-working day moves on.
    LocalDate landing = switch (d.unit()) {
      case WORKING_DAYS, SAME_WORKING_DAY, HOURS -> first;
      case CALENDAR_DAYS -> first.plusDays(d.amount());
      case WEEKS -> first.plusWeeks(d.amount());
      case MONTHS -> first.plusMonths(d.amount());
    };
    List<String> skipped = skipped(calendar, landing, last);
    if (skipped.isEmpty()) {
      boolean calendarTime = d.unit() == TimeUnit.CALENDAR_DAYS || d.unit() == TimeUnit.WEEKS
          || d.unit() == TimeUnit.MONTHS;
      out.append(calendarTime
          ? "skipped: none (calendar time counts every day, and the deadline lands on a working "
              + "day)\n"
          : "skipped: none (no weekend, bank holiday or closure on the way)\n");
    } else {
      out.append("skipped: ").append(String.join(", ", skipped)).append('\n');
    }
    return out.toString();
  }

  /**
   * The non-working days in [from, to), described: a run of weekend days as one item, each bank
   * holiday by its title, each local closure as such.
   */
  private static List<String> skipped(WorkingCalendar calendar, LocalDate from, LocalDate to) {
    List<String> items = new ArrayList<>();
    BankHolidays holidays = calendar.bankHolidays();
    LocalDate weekendStart = null;
    LocalDate weekendEnd = null;
    for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
      if (calendar.isWorkingDay(d)) {
        continue;
      }
      boolean weekend = d.getDayOfWeek().getValue() >= 6;
      if (weekend) {
        if (weekendEnd != null && weekendEnd.plusDays(1).equals(d)) {
          weekendEnd = d;
        } else {
          flushWeekend(items, weekendStart, weekendEnd);
          weekendStart = d;
          weekendEnd = d;
        }
        continue;
      }
      flushWeekend(items, weekendStart, weekendEnd);
      weekendStart = null;
      weekendEnd = null;
      Optional<BankHoliday> holiday = holidays.on(d);
      items.add(LONG_DATE.format(d) + " ("
          + holiday.map(h -> h.title() + (h.substitute() ? ", substitute day" : ""))
              .orElse("local closure")
          + ")");
    }
    flushWeekend(items, weekendStart, weekendEnd);
    return items;
  }

  private static void flushWeekend(List<String> items, LocalDate first, LocalDate last) {
    if (first == null) {
      return;
    }
    if (first.equals(last)) {
      items.add(LONG_DATE.format(first) + " (weekend)");
    } else if (YearMonth.from(first).equals(YearMonth.from(last))) {
      items.add(weekday(first) + " " + first.getDayOfMonth() + " and " + LONG_DATE.format(last)
          + " (weekend)");
    } else {
      items.add(LONG_DATE.format(first) + " and " + LONG_DATE.format(last) + " (weekend)");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Reading the options

  private static Region region(String id) {
    List<String> known = new ArrayList<>();
    for (Region r : Region.values()) {
      known.add(r.id());
    }
    if (id == null) {
      throw new UsageError("say which region, such as --region england-and-wales (regions: "
          + String.join(", ", known) + ")");
    }
    for (Region r : Region.values()) {
      if (r.id().equals(id)) {
        return r;
      }
    }
    throw new UsageError("unknown region `" + id + "`; "
        + closest(id, known).map(n -> "did you mean `" + n + "`?")
            .orElse("the regions are " + String.join(", ", known)));
  }

  private static int year(String text) {
    int y;
    try {
      y = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new UsageError("`" + text + "` is not a year; write one such as --year 2027");
    }
    if (!BankHolidays.covers(y)) {
      throw new UsageError("bank holidays are known for " + BankHolidays.FIRST_YEAR + " to "
          + BankHolidays.LAST_YEAR + ", not " + y);
    }
    return y;
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new UsageError("unknown time zone `" + id + "`; "
          + closest(id, ZoneId.getAvailableZoneIds()).map(n -> "did you mean `" + n + "`?")
              .orElse("write a zone such as Europe/London"));
    }
  }

  /** A timescale as a protocol writes it; "working weeks" become five working days each. */
  static Timespan duration(String text) {
    String t = text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    if (t.equals("same working day")) {
      return new Timespan(0, TimeUnit.SAME_WORKING_DAY);
    }
    Matcher m = TIMESCALE.matcher(t);
    if (!m.matches()) {
      throw new UsageError("`" + text + "` is not a timescale; write one such as "
          + SOME_TIMESCALES);
    }
    int n;
    try {
      n = Integer.parseInt(m.group(1));
    } catch (NumberFormatException e) {
      throw new UsageError("`" + text + "` is too long a timescale to count");
    }
    String unit = m.group(2);
    if (unit.equals("day") || unit.equals("days")) {
      // The language's E0301: "days" alone can be read two ways.
      throw new UsageError("`" + n + " days` does not say which days; write `" + n
          + " working days` or `" + n + " calendar days`");
    }
    if (n == 0) {
      // The language's E0304.
      throw new UsageError("a timescale of zero leaves no time at all; write `same working day` "
          + "for a deadline at the close of the day it starts");
    }
    if (unit.startsWith("working week")) {
      if (n > Integer.MAX_VALUE / 5) {
        throw new UsageError("`" + text + "` is too long a timescale to count");
      }
      return new Timespan(n * 5, TimeUnit.WORKING_DAYS);
    }
    TimeUnit u = unit.startsWith("working") ? TimeUnit.WORKING_DAYS
        : unit.startsWith("calendar") ? TimeUnit.CALENDAR_DAYS
        : unit.startsWith("week") ? TimeUnit.WEEKS
        : unit.startsWith("month") ? TimeUnit.MONTHS
        : TimeUnit.HOURS;
    return new Timespan(n, u);
  }

  /** --from: a date (the start of that day in the zone) or a date-time, maybe with an offset. */
  private static ZonedDateTime start(String text, ZoneId zone) {
    String t = text.strip();
    ZonedDateTime start;
    if (!t.contains("T") && !t.contains(" ")) {
      start = DateOption.parse(t, "--from").atStartOfDay(zone);
    } else {
      String iso = t.replace(' ', 'T');
      start = parseDateTime(iso, zone).orElseThrow(() -> new UsageError(DateOption.notADate(t, "--from")
          + "; write a date such as 2026-12-18 or a date-time such as 2026-12-18T14:30"));
    }
    LocalDate day = start.withZoneSameInstant(zone).toLocalDate();
    if (day.isBefore(WorkingCalendar.firstDay()) || day.isAfter(WorkingCalendar.lastDay())) {
      throw new UsageError("--from " + t + " is outside the years the calendar knows ("
          + WorkingCalendar.firstDay() + " to " + WorkingCalendar.lastDay() + ")");
    }
    return start;
  }

  private static Optional<ZonedDateTime> parseDateTime(String iso, ZoneId zone) {
    try {
      return Optional.of(LocalDateTime.parse(iso).atZone(zone));
    } catch (DateTimeException e) {
      // not a local date-time; try one with an offset or a zone
    }
    try {
      return Optional.of(OffsetDateTime.parse(iso).toZonedDateTime());
    } catch (DateTimeException e) {
      // nor one with an offset
    }
    try {
      return Optional.of(ZonedDateTime.parse(iso));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static String weekday(LocalDate date) {
    return date.getDayOfWeek().getDisplayName(TextStyle.FULL, UK);
  }

  // ---------------------------------------------------------------------------------------------
  // "did you mean"

  private static Optional<String> closest(String wanted, java.util.Collection<String> candidates) {
    return Suggestions.closest(normalise(wanted), candidates);
  }

  private static String normalise(String s) {
    return s.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
  }
}
