package org.escalon.compiler.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.escalon.compiler.diagram.Markup;
import org.escalon.compiler.verify.LimitChecker;
import org.escalon.model.Limit;
import org.escalon.model.Outcome;
import org.escalon.model.Protocol;
import org.escalon.model.Stage;
import org.escalon.model.Timescale;
import org.escalon.simulate.Timeline;
import org.escalon.simulate.TimelineRow;

/**
 * The first thing a board reads: what the protocol is, its ladder in one line, the worst case in
 * working days against each limit (both the sum of the stages' timescales, which is what a
 * policy's "in total" usually means, and the working days that pass on the calendar, which is
 * what a child waits), and the findings that fail, in plain words.
 */
final class ExecutiveSummary {

  private final Protocol protocol;
  private final Titles titles;

  ExecutiveSummary(Protocol protocol, Titles titles) {
    this.protocol = protocol;
    this.titles = titles;
  }

  void write(StringBuilder out, Timeline worst, List<ReportedFinding> findings) {
    String raiser = String.join(" or ", protocol.header().raisers().stream()
        .map(n -> protocol.role(n).map(r -> r.title()).orElse(n)).toList());
    out.append("<p class=\"summary\">").append(esc(protocol.name())).append(": an escalation ")
        .append("raised by ").append(esc(raiser)).append(" climbs ")
        .append(protocol.stages().size()).append(protocol.stages().size() == 1 ? " stage" : " stages")
        .append(" until it is resolved or ends in one of ").append(protocol.outcomes().size())
        .append(" outcomes.</p>\n");
    out.append("<p class=\"ladder-line\"><b>The ladder:</b> ");
    List<String> steps = new ArrayList<>();
    for (Stage stage : protocol.stages()) {
      steps.add(stage.title() + stage.defaultTimescale().map(t -> " (" + ladder(t) + ")")
          .orElse(" (no timescale)"));
    }
    out.append(esc(String.join(" \u2192 ", steps)));
    List<String> ends = protocol.outcomes().stream().map(Outcome::title).toList();
    out.append(" \u2192 ").append(esc(String.join(" or ", ends))).append(".</p>\n");
    out.append("<p><b>The worst case</b> (nobody responds): ");
    switch (worst.end()) {
      case ENDED -> out.append("it ends after ").append(worst.workingDays())
          .append(" working days on the calendar")
          .append(LimitChecker.capsAndGuides(protocol).map(w -> " (nobody sets the timescales "
              + "set during the case, so their guides count; at their caps, as `check` and "
              + "`verify` count them" + LimitChecker.elapsed(protocol).map(d -> ", " + d)
                  .orElse("") + ")").orElse(""))
          .append('.');
      case WAITING -> out.append("it waits for ever from working day ")
          .append(worst.workingDays()).append(": nothing more falls due.");
      case UNFINISHED -> out.append("it is still running a year after it was raised.");
    }
    out.append("</p>\n");
    if (!protocol.limits().isEmpty()) {
      out.append("<table class=\"limits\">\n<thead><tr><th>Limit</th><th>At most</th>")
          .append("<th>Sum of the stages' timescales</th><th>Working days on the calendar, ")
          .append("worst case</th></tr></thead>\n<tbody>\n");
      for (Limit limit : protocol.limits()) {
        out.append("<tr><td>").append(esc(limit.title())).append("</td><td>")
            .append(esc(limit.atMost().toString())).append("</td><td>").append(esc(sum(limit)))
            .append("</td><td>").append(esc(elapsed(limit, worst))).append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n<p class=\"note\">The sum adds the timescales the ")
          .append("protocol declares for the limit's stages, as <code>verify</code> counts them ")
          .append("(one set during the case at its cap, a soft one at its assumption); the ")
          .append("calendar count is the working ")
          .append("days that pass from entering the first of them to leaving the last on the ")
          .append("worst case, which can be more because a stage entered late in a day starts ")
          .append("its count the next working day.</p>\n");
    }
    List<ReportedFinding> fails = findings.stream().filter(f -> f.verdict() == ReportedFinding.Verdict.FAILS)
        .toList();
    long warns = findings.stream().filter(f -> f.verdict() == ReportedFinding.Verdict.WARNS).count();
    if (fails.isEmpty()) {
      out.append("<p><b>Findings:</b> nothing fails");
    } else {
      out.append("<p><b>Findings that fail</b> (").append(fails.size()).append("):</p>\n<ul>\n");
      for (ReportedFinding f : fails) {
        out.append("<li>").append(esc(capital(titles.in(f.explanation())))).append(".</li>\n");
      }
      out.append("</ul>\n<p>");
    }
    out.append(warns == 0 ? (fails.isEmpty() ? "." : "No warnings.")
            : (fails.isEmpty() ? ", but " : "") + warns + (warns == 1 ? " warning" : " warnings")
            + " to weigh.")
        .append(" See <a href=\"#findings\">Findings</a>.</p>\n");
  }

  /**
   * The sum of the limit's stages' timescales as {@code verify} counts them: one set during the
   * case at its cap (with none, at its assumption), a soft one at its assumption, each assumption
   * named; a soft one with none bounds no time.
   */
  private String sum(Limit limit) {
    int total = 0;
    List<String> assumed = new ArrayList<>();
    for (String key : limit.stages()) {
      var t = protocol.stage(key).flatMap(Stage::defaultTimescale);
      if (t.isPresent() && t.get().bound().isEmpty()) {
        return "no bound: stage " + key + "'s deadline is soft, with no assumption";
      }
      if (t.isEmpty() || !(t.get().anchor() instanceof Timescale.Anchor.StageStart)
          || t.get().bound().get().unit() != limit.atMost().unit()) {
        return "not a simple sum";
      }
      total += t.get().bound().get().amount();
      // a set timescale's assumption stands where a cap would (a soft one's is in its ladder line)
      if (t.get().setBy().isPresent() && t.get().cap().isEmpty()) {
        assumed.add("stage " + key + " at most " + t.get().bound().get());
      }
    }
    return total + " " + limit.atMost().unit().words(total) + (assumed.isEmpty() ? ""
        : " (assumed: " + String.join(", ", assumed) + ")");
  }

  // a stage's timescale on the ladder line: its cap and guide when set during the case, its
  // firmness when soft
  private static String ladder(Timescale t) {
    String guide = t.setBy().flatMap(Timescale.SetBy::guide).map(g -> "guide " + g + ", ")
        .orElse("");
    boolean capped = t.cap().isPresent();
    return guide + (capped && guide.isEmpty() ? t.duration() : t.boundWords()) + t.firmness().filter(f -> f.word().soft())
        .map(f -> ", " + f.word().words() + f.assumed().map(a -> ", assume at most " + a)
            .orElse("")).orElse("");
  }

  /** Working days from entering the limit's first stage to leaving its last, on the worst case. */
  private static String elapsed(Limit limit, Timeline worst) {
    Integer from = null;
    Integer to = null;
    boolean inside = false;
    for (TimelineRow row : worst.rows()) {
      boolean enters = row.kind() == TimelineRow.Kind.RAISED
          || row.kind() == TimelineRow.Kind.ESCALATED;
      boolean leaves = enters || row.kind() == TimelineRow.Kind.CONCLUDED;
      if (inside && leaves && !limit.stages().contains(row.stage())) {
        to = row.workingDay();
        inside = false;
      }
      if (enters && limit.stages().contains(row.stage())) {
        if (from == null) {
          from = row.workingDay();
        }
        inside = true;
      }
    }
    if (from == null) {
      return "not reached on the worst case";
    }
    if (to == null) {
      return "still open at the end of the timeline";
    }
    return (to - from) + " working days";
  }

  private static String capital(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  private static String esc(String s) {
    return Markup.escape(s);
  }
}
