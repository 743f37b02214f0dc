package org.escalon.compiler.cli;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.escalon.calendar.WorkingCalendar;

/** A date given on the command line: read strictly, within the years the calendar knows. */
final class DateOption {

  private static final Pattern DATE =
      Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?");

  private DateOption() {}

  static LocalDate parse(String text, String option) {
    String t = text.strip();
    LocalDate d;
    try {
      d = LocalDate.parse(t);
    } catch (DateTimeException e) {
      throw new UsageError(notADate(t, option) + "; write a date as year-month-day, such as "
          + "2026-12-18");
    }
    if (d.isBefore(WorkingCalendar.firstDay()) || d.isAfter(WorkingCalendar.lastDay())) {
      throw new UsageError(option + " " + t + " is outside the years the calendar knows ("
          + WorkingCalendar.firstDay() + " to " + WorkingCalendar.lastDay() + ")");
    }
    return d;
  }

  /** Why a text is not a date, as the language's E0302 says it: no month 13, no 30 February. */
  static String notADate(String text, String option) {
    Matcher m = DATE.matcher(text);
    if (m.matches()) {
      int y = Integer.parseInt(m.group(1));
      int month = Integer.parseInt(m.group(2));
      int day = Integer.parseInt(m.group(3));
      if (month < 1 || month > 12) {
        return option + " `" + text + "` is not a date: there is no month " + month;
      }
      YearMonth ym = YearMonth.of(y, month);
      if (day < 1 || day > ym.lengthOfMonth()) {
        return option + " `" + text + "` is not a date: there is no " + day + " "
            + ym.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " in " + y;
      }
    }
    return option + " `" + text + "` is not a " + (text.length() > 10 ? "date-time" : "date");
  }
}
