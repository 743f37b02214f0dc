package org.escalon.simulate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A timeline's deadlines as iCalendar (RFC 5545) all-day events on the last day for a response,
 * so a reviewer can open them in their own calendar. Stamps and identifiers come from the
 * timeline, so the same timeline gives the same file.
 */
final class TimelineIcs {

  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");

  private TimelineIcs() {}

  static String render(Timeline t) {
    ZoneId zone = t.start().getZone();
    StringBuilder out = new StringBuilder();
    line(out, "BEGIN:VCALENDAR");
    line(out, "VERSION:2.0");
    line(out, "PRODID:-//Escalon//simulator//EN");
    line(out, "CALSCALE:GREGORIAN");
    line(out, "X-WR-CALNAME:" + text(t.protocol() + ": " + t.scenario()));
    String stamp = STAMP.format(t.start().withZoneSameInstant(ZoneOffset.UTC));
    int n = 0;
    for (TimelineRow r : t.rows()) {
      if (r.deadline().isPresent() && r.kind() == TimelineRow.Kind.STEP_DUE) {
        n++;
        LocalDate last = TimelineFormat.lastDay(r.deadline().get(), zone);
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + uid(t, n));
        line(out, "DTSTAMP:" + stamp);
        line(out, "DTSTART;VALUE=DATE:" + DAY.format(last));
        line(out, "DTEND;VALUE=DATE:" + DAY.format(last.plusDays(1)));
        line(out, "SUMMARY:" + text("Step due: " + r.what().replaceFirst(" due by .*", "")
            + ", stage " + r.stage()));
        line(out, "DESCRIPTION:" + text(r.what() + "\nStarted " + Dates.day(r.date()) + "."
            + (r.citation().isPresent() ? "\nPolicy: " + TimelineFormat.policy(r.citation())
                : "")));
        line(out, "TRANSP:TRANSPARENT");
        line(out, "END:VEVENT");
        continue;
      }
      if (r.deadline().isEmpty() || !(r.kind() == TimelineRow.Kind.RAISED
          || r.kind() == TimelineRow.Kind.ESCALATED
          || r.kind() == TimelineRow.Kind.EXTENSION_GRANTED
          || r.kind() == TimelineRow.Kind.TIMESCALE_SET)) {
        continue;
      }
      LocalDate last = TimelineFormat.lastDay(r.deadline().get(), zone);
      n++;
      line(out, "BEGIN:VEVENT");
      line(out, "UID:" + uid(t, n));
      line(out, "DTSTAMP:" + stamp);
      line(out, "DTSTART;VALUE=DATE:" + DAY.format(last));
      line(out, "DTEND;VALUE=DATE:" + DAY.format(last.plusDays(1)));
      line(out, "SUMMARY:" + text("Response due: stage " + r.stage()
          + (r.to().isEmpty() ? "" : " (" + String.join(", ", r.to()) + ")")));
      line(out, "DESCRIPTION:" + text(r.what() + "\nEntered " + Dates.day(r.date())
          + "; due by the close of " + Dates.day(last) + "."
          + (r.citation().isPresent() ? "\nPolicy: " + TimelineFormat.policy(r.citation()) : "")));
      line(out, "TRANSP:TRANSPARENT");
      line(out, "END:VEVENT");
    }
    line(out, "END:VCALENDAR");
    return out.toString();
  }

  private static String uid(Timeline t, int n) {
    String key = t.protocol() + "|" + t.scenario() + "|" + t.start();
    return Integer.toHexString(key.hashCode()) + "-" + n + "@escalon";
  }

  private static String text(String s) {
    return Escapes.visible(s).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
        .replace("\n", "\\n");
  }

  // Lines longer than 75 octets are folded: CRLF and a space, never inside a UTF-8 character.
  private static void line(StringBuilder out, String content) {
    int octets = 0;
    for (int i = 0; i < content.length(); ) {
      int cp = content.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > 75) {
        out.append("\r\n ");
        octets = 1;
      }
      out.appendCodePoint(cp);
      octets += size;
      i += Character.charCount(cp);
    }
    out.append("\r\n");
  }
}
