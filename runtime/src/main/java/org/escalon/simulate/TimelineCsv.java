package org.escalon.simulate;

import java.time.ZoneId;
import java.util.List;

/** A timeline as CSV (RFC 4180), one row a line, for a spreadsheet. */
final class TimelineCsv {

  private TimelineCsv() {}

  static String render(Timeline t) {
    ZoneId zone = t.start().getZone();
    StringBuilder out = new StringBuilder();
    out.append("date,time,working_day,stage,kind,what,to,copied,deadline,policy\r\n");
    for (TimelineRow r : t.rows()) {
      List<String> cells = List.of(r.date().toString(),
          r.at().atZone(zone).toLocalTime().toString(), String.valueOf(r.workingDay()),
          r.stage(), r.kind().name().toLowerCase(java.util.Locale.ROOT), r.what(),
          String.join("; ", r.to()), String.join("; ", r.copied()),
          r.deadline().map(d -> r.deadline().get().atZone(zone).toOffsetDateTime().toString())
              .orElse(""),
          TimelineFormat.policy(r.citation()));
      out.append(String.join(",", cells.stream().map(Escapes::csvCell).toList()))
          .append("\r\n");
    }
    return out.toString();
  }

}
