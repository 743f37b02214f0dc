package org.escalon.simulate;

import java.time.ZoneId;
import java.util.List;

/**
 * A timeline as CSV (RFC 4180), one row a line, for a spreadsheet. Every instant is ISO 8601 in
 * UTC ({@code 2026-12-31T00:00:00Z}); beside it, the date and time on the protocol's clock, and
 * for a deadline the last day for a response, as plain dates a spreadsheet reads as dates.
 */
final class TimelineCsv {

  private TimelineCsv() {}

  static String render(Timeline t) {
    ZoneId zone = t.start().getZone();
    StringBuilder out = new StringBuilder();
    out.append("at_utc,local_date,local_time,working_day,stage,kind,what,to,copied,"
        + "deadline_utc,deadline_last_day,policy\r\n");
    for (TimelineRow r : t.rows()) {
      List<String> cells = List.of(Dates.utc(r.at()), r.date().toString(),
          r.at().atZone(zone).toLocalTime().toString(), String.valueOf(r.workingDay()),
          r.stage(), r.kind().name().toLowerCase(java.util.Locale.ROOT), r.what(),
          String.join("; ", r.to()), String.join("; ", r.copied()),
          r.deadline().map(Dates::utc).orElse(""),
          r.deadline().map(d -> TimelineFormat.lastDay(d, zone).toString()).orElse(""),
          TimelineFormat.policy(r.citation()));
      out.append(String.join(",", cells.stream().map(Escapes::csvCell).toList()))
          .append("\r\n");
    }
    return out.toString();
  }

}
