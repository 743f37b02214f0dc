package org.escalon.compiler.revision;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import org.escalon.describe.PlainEnglish;
import org.escalon.model.Protocol;
import org.escalon.simulate.Timeline;
import org.escalon.simulate.TimelineRow;

/** How the renderers of a revision say a milestone of the worst case and how it ended. */
final class Milestone {

  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.UK);

  private Milestone() {}

  /** "raised at stage informal", "enters stage 3", "ends: Referral to Cafcass", "waits". */
  static String what(TimelineRow row, Protocol protocol) {
    return switch (row.kind()) {
      case RAISED -> "raised at " + PlainEnglish.stage(row.stage());
      case ESCALATED -> "enters " + PlainEnglish.stage(row.stage());
      case CONCLUDED -> "ends: " + protocol.outcome(row.stage()).map(o -> o.title())
          .orElse(row.stage());
      default -> "waits (" + row.what().replaceFirst("^waiting: ", "") + ")";
    };
  }

  /** How a worst case stopped: "ends (title) on Fri 12 Feb 2027, day 41". */
  static String end(Timeline t, Protocol protocol) {
    Optional<TimelineRow> last = t.rows().isEmpty() ? Optional.empty()
        : Optional.of(t.rows().get(t.rows().size() - 1));
    // an end at 00:00 is the close of the day before, and the day count is the working days
    // elapsed on the calendar, as the simulator's last line says
    String when = last.map(r -> (t.endsAtClose() ? " at the close of " : " on ")
        + DAY.format(t.lastDay()) + ", day " + t.workingDays()).orElse("");
    return switch (t.end()) {
      case ENDED -> "ends (" + t.outcome().flatMap(protocol::outcome).map(o -> o.title())
          .orElse(t.outcome().orElse("")) + ")" + when;
      case WAITING -> "waits from" + when.replaceFirst("^ on", "") + " with nothing more due";
      case UNFINISHED -> "is still running at the horizon";
    };
  }

  /** "2 working days (4 days) later", "the same day", "3 working days (3 days) sooner". */
  static String shift(Timeline a, Timeline b) {
    if (a.rows().isEmpty() || b.rows().isEmpty()) {
      return "";
    }
    int working = b.workingDays() - a.workingDays();
    long days = ChronoUnit.DAYS.between(a.lastDay(), b.lastDay());
    if (working == 0 && days == 0) {
      return "on the same day";
    }
    return Math.abs(working) + (Math.abs(working) == 1 ? " working day (" : " working days (")
        + Math.abs(days) + (Math.abs(days) == 1 ? " day) " : " days) ")
        + (working > 0 || (working == 0 && days > 0) ? "later" : "sooner");
  }

  /** A count of working days, "no bound" for the verifier's unbounded. */
  static String days(Optional<Long> d) {
    return d.map(v -> org.escalon.compiler.verify.OutcomeTotals.unbounded(v) ? "no bound"
        : Long.toString(v)).orElse("not reached");
  }
}
