package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.model.Timespan;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's one account of time: the protocol with two 10-working-day stages and the Handbook's
 * 20 working days gives the same two figures in every tool (sum of the timescales 20, elapsed on
 * the calendar 21), and the verdicts follow from the quantity each rule bounds; Kent's timeline
 * rows are dated at their instants, agree with {@code calendar --add}, and its CSV parses with
 * Python's {@code csv} and {@code datetime}. Golden outputs are in {@code
 * src/test/resources/time}; refresh with {@code -Dgolden.update=true} and review.
 */
class OneAccountOfTimeTest {

  private static final Path DIR = Path.of("src/test/resources/time");
  private static final String TWO = DIR.resolve("two-stages.esc").toString();
  private static final String FIGURES =
      "sum of the timescales 20 working days, elapsed on the calendar 21 working days";

  @Test
  void checkPrintsBothFiguresAndWarnsOnTheElapsedLimit() throws IOException {
    Repository.Run run = Repository.cli("check", TWO);
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("timescales: 20 working days in total"), run.out());
    assertTrue(run.out().contains("on the calendar: 21 working days elapse"), run.out());
    // only the elapsed limit is over its bound as check counts it
    assertEquals(1, count(run.err(), "warning[W0601]"), run.err());
    assertTrue(run.err().contains("21 working days elapse on the calendar, over the limit of 20"),
        run.err());
    golden("two-stages.check", run.out() + run.err());
  }

  @Test
  void verifyGivesBothFiguresAndJudgesEachRuleOnItsOwnQuantity() throws IOException {
    Repository.Run run = Repository.cli("verify", TWO);
    assertEquals(1, run.exitCode(), run.err());
    String out = run.out();
    assertEquals(4, count(out, FIGURES), out);
    assertTrue(line(out, "IRO Handbook s6.2: the timescales in total").strip().startsWith("ok"));
    assertTrue(line(out, "IRO Handbook s6.2: on the calendar").strip().startsWith("FAIL"));
    assertTrue(line(out, "the timescales in total reach").strip().startsWith("ok"));
    assertTrue(line(out, "the calendar reaches").strip().startsWith("FAIL"));
    golden("two-stages.verify", out.replaceAll("in \\d+\\.\\d+ s", "in N s") + run.err());
  }

  @Test
  void simulateEndsOnTheSameTwoFigures() throws IOException {
    Repository.Run run = Repository.cli("simulate", TWO, "--start", "2026-12-14");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("ended in cafcass after 21 working days elapsed on the "
        + "calendar; the timescales of the stages it went through add up to 20 working days"),
        run.out());
    // stage 2 is entered at the close of Wed 30 Dec: shown on Thursday at 00:00, numbered day
    // 10, as Wednesday (00:00 belongs to the day it closes), the count the last line gives
    assertTrue(run.out().contains("Thu 31 Dec 2026 00:00   10  2        escalated to the Service "
        + "Manager"), run.out());
    golden("two-stages.simulate", run.out());
  }

  @Test
  void icsDeadlinesFallOnTheLastDayAndStagesOnTheDayTheyAreEntered() {
    Repository.Run run = Repository.cli("simulate", TWO, "--start", "2026-12-14", "--format",
        "ics");
    assertEquals(0, run.exitCode(), run.err());
    String ics = run.out().replace("\r\n ", "");
    assertTrue(ics.contains("DTSTART;VALUE=DATE:20261230"), ics);
    assertTrue(ics.contains("DTSTART;VALUE=DATE:20270115"), ics);
    assertTrue(ics.contains("Entered Thu 31 Dec 2026\\; due by the close of Fri 15 Jan 2027."),
        ics);
  }

  @Test
  void theReportCarriesBothFigures() throws IOException {
    Path html = Files.createTempFile("two-stages", ".html");
    Repository.Run run = Repository.cli("report", TWO, "--start", "2026-12-14", "-o",
        html.toString());
    assertTrue(run.exitCode() <= 1, run.err());
    String page = Files.readString(html);
    assertTrue(page.contains(FIGURES), "the report's verdicts print both figures");
  }

  @Test
  void kentsRowsAreDatedAtTheirInstantsAndAgreeWithCalendarAdd() {
    Repository.Run run = Repository.cli("simulate", "../protocols/kent-iro.esc", "--start",
        "2026-12-14", "--format", "csv");
    assertEquals(0, run.exitCode(), run.err());
    ZoneId london = ZoneId.of("Europe/London");
    WorkingCalendar calendar = WorkingCalendar.of(
        org.escalon.model.CalendarSpec.Region.ENGLAND_AND_WALES);
    List<String> lines = run.out().lines().skip(1).toList();
    assertTrue(lines.size() > 5, run.out());
    int checked = 0;
    for (String line : lines) {
      String[] cells = line.split(",", -1);
      Instant at = Instant.parse(cells[0]);
      assertEquals(at.atZone(london).toLocalDate(), LocalDate.parse(cells[1]), line);
      assertEquals(at.atZone(london).toLocalTime().toString(), cells[2], line);
      if ((cells[5].equals("escalated") || cells[5].equals("raised")) && !cells[9].isEmpty()) {
        // the deadline is what `calendar --from DATE --add` gives for the row's date
        LocalDate entered = LocalDate.parse(cells[1]);
        Instant due = Instant.parse(cells[9]);
        LocalDate last = LocalDate.parse(cells[10]);
        assertEquals(due, calendar.closeOf(last).toInstant(), line);
        int days = calendar.workingDaysBetween(calendar.nextWorkingDay(entered), last);
        assertEquals(due, calendar.deadline(entered.atStartOfDay(london),
            new Timespan(days, org.escalon.model.TimeUnit.WORKING_DAYS)).toInstant(), line);
        Repository.Run add = Repository.cli("calendar", "--region", "england-and-wales",
            "--from", entered.toString(), "--add", days + " working days");
        assertEquals(0, add.exitCode(), add.err());
        assertTrue(add.out().contains("(" + due.atZone(london).toLocalDateTime()
            + " Europe/London)"), add.out() + line);
        checked++;
      }
    }
    assertTrue(checked >= 3, "escalations with deadlines checked: " + checked);
  }

  @Test
  void kentsCsvParsesWithPythonsCsvAndDatetime() throws Exception {
    Repository.Run run = Repository.cli("simulate", "../protocols/kent-iro.esc", "--start",
        "2026-12-14", "--format", "csv");
    assertEquals(0, run.exitCode(), run.err());
    Path csv = Files.createTempFile("kent", ".csv");
    Files.writeString(csv, run.out());
    String script = String.join("\n",
        "import csv, datetime, sys",
        "rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))",
        "assert rows, 'no rows'",
        "for r in rows:",
        "    at = datetime.datetime.fromisoformat(r['at_utc'].replace('Z', '+00:00'))",
        "    assert at.utcoffset() == datetime.timedelta(0), r",
        "    datetime.date.fromisoformat(r['local_date'])",
        "    datetime.time.fromisoformat(r['local_time'])",
        "    if r['deadline_utc']:",
        "        datetime.datetime.fromisoformat(r['deadline_utc'].replace('Z', '+00:00'))",
        "        datetime.date.fromisoformat(r['deadline_last_day'])",
        "print(len(rows))");
    Process p;
    try {
      p = new ProcessBuilder("python3", "-c", script, csv.toString()).redirectErrorStream(true)
          .start();
    } catch (IOException e) {
      Assumptions.abort("skipped: python3 is not installed, so the CSV cannot be read with "
          + "Python's csv module here");
      return;
    }
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 did not finish");
    String printed = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.exitValue(), printed);
    assertEquals(String.valueOf(run.out().lines().count() - 1), printed.strip());
  }

  @Test
  void checkWarnsAboutTheUntimedStagesVerifyFails() {
    for (Path seed : Repository.protocols()) {
      java.util.Set<String> warned = untimed(Repository.cli("check", seed.toString()).err(),
          "warning[W0506]");
      java.util.Set<String> failed = untimed(Repository.cli("verify", seed.toString()).err(),
          "error[E0602]");
      assertEquals(failed, warned, seed + ": W0506 from check and E0602 from verify");
    }
  }

  // the stages a diagnostic code says have no timescale
  private static java.util.Set<String> untimed(String err, String code) {
    java.util.Set<String> stages = new java.util.TreeSet<>();
    Matcher m = Pattern.compile(Pattern.quote(code) + "[^\n]*stage (\\S+) has no timescale")
        .matcher(err);
    while (m.find()) {
      stages.add(m.group(1));
    }
    return stages;
  }

  private static void golden(String name, String text) throws IOException {
    Path golden = DIR.resolve(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, text);
    }
    assertTrue(Files.exists(golden), golden + " is missing: run with -Dgolden.update=true");
    assertEquals(Files.readString(golden), text, name);
  }

  private static String line(String out, String containing) {
    return out.lines().filter(l -> l.contains(containing)).findFirst().orElse("(none) " + out);
  }

  private static int count(String text, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
