package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** `escalon calendar`: bank holiday lists, deadlines, and one-line usage errors for bad input. */
class CalendarCommandTest {

  private static final String EW = "england-and-wales";

  @Test
  void listsScotlandsBankHolidaysOfAYear() {
    Repository.Run run = Repository.cli("calendar", "--region", "scotland", "--year", "2027");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("", run.err());
    List<String> lines = run.out().lines().toList();
    // gov.uk, Scotland 2027: 2 January is a Saturday, so "2nd January" moves to Monday 4th; 25
    // and 26 December are a Saturday and a Sunday, so both move to the Monday and Tuesday.
    assertEquals(List.of(
        "2027-01-01  Friday  New Year\u2019s Day",
        "2027-01-04  Monday  2nd January (substitute day)",
        "2027-03-26  Friday  Good Friday",
        "2027-05-03  Monday  Early May bank holiday",
        "2027-05-31  Monday  Spring bank holiday",
        "2027-08-02  Monday  Summer bank holiday",
        "2027-11-30  Tuesday  St Andrew\u2019s Day",
        "2027-12-27  Monday  Christmas Day (substitute day)",
        "2027-12-28  Tuesday  Boxing Day (substitute day)"), lines);
  }

  @Test
  void listsAsJson() {
    Repository.Run run = Repository.cli("calendar", "--region", "scotland", "--year", "2027",
        "--format", "json");
    assertEquals(0, run.exitCode(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals("[", lines.get(0));
    assertEquals(
        "  {\"date\": \"2027-01-01\", \"title\": \"New Year\\u2019s Day\", \"substitute\": false},",
        lines.get(1));
    assertEquals(
        "  {\"date\": \"2027-01-04\", \"title\": \"2nd January\", \"substitute\": true},",
        lines.get(2));
    assertEquals(
        "  {\"date\": \"2027-12-28\", \"title\": \"Boxing Day\", \"substitute\": true}",
        lines.get(lines.size() - 2), "the last object has no comma");
    assertEquals("]", lines.get(lines.size() - 1));
    assertEquals(1 + 9 + 1, lines.size(), "one object a line, nine holidays");
    for (String line : lines.subList(1, lines.size() - 1)) {
      assertTrue(line.matches("  \\{\"date\": \"\\d{4}-\\d{2}-\\d{2}\", \"title\": \"[^\"\\\\]*"
          + "(\\\\u[0-9a-f]{4}[^\"\\\\]*)*\", \"substitute\": (true|false)},?"), line);
    }
  }

  @Test
  void christmas2026SkipsChristmasAndTheBoxingDaySubstitute() {
    // Friday 18 December 2026 is day 0. 25 December is a Friday; 26 December a Saturday, so Boxing
    // Day is observed on Monday 28th. Working days: Mon 21, Tue 22, Wed 23, Thu 24, Tue 29.
    Repository.Run run = Repository.cli("calendar", "--region", EW, "--from", "2026-12-18",
        "--add", "5 working days");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("deadline: close of Tuesday 29 December 2026 (2026-12-30T00:00 Europe/London)\n"
        + "skipped: Saturday 19 and Sunday 20 December 2026 (weekend), "
        + "Friday 25 December 2026 (Christmas Day), "
        + "Saturday 26 and Sunday 27 December 2026 (weekend), "
        + "Monday 28 December 2026 (Boxing Day, substitute day)\n", run.out());
  }

  @Test
  void aFridayBeforeABankHolidayMondayRunsToTuesday() {
    // Friday 28 August 2026; Monday 31st is the Summer bank holiday in England and Wales only.
    Repository.Run ew = Repository.cli("calendar", "--region", EW, "--from", "2026-08-28",
        "--add", "1 working day");
    assertEquals(0, ew.exitCode(), ew.err());
    assertEquals("deadline: close of Tuesday 1 September 2026 (2026-09-02T00:00 Europe/London)\n"
        + "skipped: Saturday 29 and Sunday 30 August 2026 (weekend), "
        + "Monday 31 August 2026 (Summer bank holiday)\n", ew.out());
    Repository.Run scotland = Repository.cli("calendar", "--region", "scotland", "--from",
        "2026-08-28T16:45", "--add", "1 working day");
    assertEquals("deadline: close of Monday 31 August 2026 (2026-09-01T00:00 Europe/London)\n"
        + "skipped: Saturday 29 and Sunday 30 August 2026 (weekend)\n", scotland.out());
  }

  @Test
  void theLanguagesUnitsAreAccepted() {
    assertEquals("deadline: close of Tuesday 29 December 2026 (2026-12-30T00:00 Europe/London)",
        deadlineLine("2026-12-18", "1 working week"));
    // 2 weeks from Saturday 12 December lands on Saturday 26th; the next working day is Tue 29th.
    assertEquals("deadline: close of Tuesday 29 December 2026 (2026-12-30T00:00 Europe/London)",
        deadlineLine("2026-12-12", "2 weeks"));
    assertEquals("deadline: close of Tuesday 29 December 2026 (2026-12-30T00:00 Europe/London)",
        deadlineLine("2026-12-19", "7 calendar days"));
    assertEquals("deadline: close of Monday 4 January 2027 (2027-01-05T00:00 Europe/London)",
        deadlineLine("2026-12-01", "1 month"));
    assertEquals("deadline: close of Monday 21 December 2026 (2026-12-22T00:00 Europe/London)",
        deadlineLine("2026-12-19", "same working day"));
    // Hours are elapsed time and never roll forward.
    assertEquals("deadline: 15:00 on Monday 21 December 2026 (2026-12-21T15:00 Europe/London)",
        deadlineLine("2026-12-18T15:00", "72 hours"));
  }

  @Test
  void localClosuresAreSkippedAndNamed() {
    Repository.Run run = Repository.cli("calendar", "--region", EW, "--from", "2026-12-21",
        "--add", "2 working days", "--closed", "2026-12-22", "--closed", "2026-12-23");
    assertEquals(0, run.exitCode(), run.err());
    assertEquals("deadline: close of Tuesday 29 December 2026 (2026-12-30T00:00 Europe/London)\n"
        + "skipped: Tuesday 22 December 2026 (local closure), "
        + "Wednesday 23 December 2026 (local closure), "
        + "Friday 25 December 2026 (Christmas Day), "
        + "Saturday 26 and Sunday 27 December 2026 (weekend), "
        + "Monday 28 December 2026 (Boxing Day, substitute day)\n", run.out());
  }

  @Test
  void anotherZoneCountsAndShowsInThatZone() {
    Repository.Run run = Repository.cli("calendar", "--region", EW, "--from", "2026-12-18",
        "--add", "5 working days", "--zone", "America/New_York");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().startsWith(
        "deadline: close of Tuesday 29 December 2026 (2026-12-30T00:00 America/New_York)\n"),
        run.out());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown region | --region;wales;--year;2027 "
          + "| unknown region `wales`; did you mean `england-and-wales`?",
      "capitalised region | --region;Scotland;--year;2027 "
          + "| unknown region `Scotland`; did you mean `scotland`?",
      "no region | --year;2027 | say which region",
      "year after 2100 | --region;scotland;--year;2101 "
          + "| bank holidays are known for 1970 to 2100, not 2101",
      "year before 1970 | --region;scotland;--year;1969 "
          + "| bank holidays are known for 1970 to 2100, not 1969",
      "not a year | --region;scotland;--year;twenty | `twenty` is not a year",
      "30 February | --region;england-and-wales;--from;2026-02-30;--add;5 working days "
          + "| --from `2026-02-30` is not a date: there is no 30 February in 2026",
      "month 13 | --region;england-and-wales;--from;2026-13-01;--add;5 working days "
          + "| --from `2026-13-01` is not a date: there is no month 13",
      "impossible closure | --region;england-and-wales;--from;2026-02-02;--add;5 working days;"
          + "--closed;2026-02-30 | --closed `2026-02-30` is not a date",
      "bare days | --region;england-and-wales;--from;2026-12-18;--add;5 days "
          + "| `5 days` does not say which days; write `5 working days` or `5 calendar days`",
      "unparsable duration | --region;england-and-wales;--from;2026-12-18;--add;5 fortnights "
          + "| `5 fortnights` is not a timescale",
      "zero | --region;england-and-wales;--from;2026-12-18;--add;0 working days "
          + "| a timescale of zero leaves no time at all",
      "beyond 2100 | --region;england-and-wales;--from;2100-12-01;--add;50 working days "
          + "| 50 working days from 2100-12-01 ends outside the years the calendar knows "
          + "(1970-01-01 to 2100-12-31)",
      "unknown zone | --region;england-and-wales;--from;2026-12-18;--add;5 working days;"
          + "--zone;Europe/Londn | unknown time zone `Europe/Londn`; did you mean `Europe/London`?",
  })
  void badInputIsOneUsageLine(String what, String args, String message) {
    List<String> argv = new ArrayList<>(List.of("calendar"));
    argv.addAll(List.of(args.split(";")));
    Repository.Run run = Repository.cli(argv.toArray(String[]::new));
    assertEquals(2, run.exitCode(), what + ": " + run.err());
    assertEquals("", run.out());
    List<String> lines = run.err().lines().toList();
    assertEquals(1, lines.size(), run.err());
    assertTrue(lines.get(0).startsWith("escalon: " + message), lines.get(0));
    assertFalse(run.err().contains("Exception"), run.err());
  }

  private static String deadlineLine(String from, String add) {
    Repository.Run run = Repository.cli("calendar", "--region", EW, "--from", from, "--add", add);
    assertEquals(0, run.exitCode(), run.err());
    return run.out().lines().findFirst().orElseThrow();
  }
}
