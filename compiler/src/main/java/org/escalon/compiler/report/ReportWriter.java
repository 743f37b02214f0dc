package org.escalon.compiler.report;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.compiler.diagram.Markup;
import org.escalon.compiler.diagram.SvgRenderer;
import org.escalon.model.Citation;
import org.escalon.model.Protocol;
import org.escalon.simulate.PopulationReport;
import org.escalon.simulate.Scenario;
import org.escalon.simulate.Simulator;
import org.escalon.simulate.Timeline;
import org.escalon.simulate.TimelineRow;

/**
 * The ratification report: one self-contained HTML page (no scripts, nothing fetched) that a
 * policy team can send to a board. An executive summary; the protocol in plain English with the
 * policy's words beside each rule and the codifier's interpretations marked as such; the ladder;
 * the worst case as a Gantt chart on real dates from a chosen start; every finding of the
 * verifier with its counterexample; the population's charts when one was run; how the policy was
 * read; what it does not encode and why; every citation; and a sign-off block. Every printed page
 * carries the report's provenance and its number. The same inputs give the same bytes.
 */
public final class ReportWriter {

  private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu",
      Locale.UK);
  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("EEE d MMM uuuu",
      Locale.UK);

  /** The verifier's note that tells a counterexample's path in words. */
  private static final java.util.regex.Pattern PATH_IN_WORDS = java.util.regex.Pattern.compile(
      "the (shortest such|slowest) path", java.util.regex.Pattern.CASE_INSENSITIVE);

  private final FindingSource findings;

  public ReportWriter(FindingSource findings) {
    this.findings = findings;
  }

  /** The report of a protocol, its worst case dated from {@code start}. */
  public String write(ReportInput input, LocalDate start, Optional<PopulationReport> population) {
    return new Page(input, start, population).html();
  }

  /** The report of a protocol alone: no source text, no policy map, provenance not recorded. */
  public String write(Protocol protocol, LocalDate start, Optional<PopulationReport> population) {
    return write(ReportInput.of(protocol), start, population);
  }

  /** One report being written. */
  private final class Page {
    final ReportInput input;
    final Protocol protocol;
    final LocalDate start;
    final Optional<PopulationReport> population;
    final Sources sources;
    final Titles titles;
    final List<Interpretations.Interpretation> interpretations;
    final java.util.Set<Interpretations.Interpretation> shown = new java.util.HashSet<>();
    final java.util.Set<String> sentencesShown = new java.util.HashSet<>();
    Timeline worst;
    final java.util.Set<Citation> besideARule = new java.util.HashSet<>();
    final StringBuilder out = new StringBuilder();

    Page(ReportInput input, LocalDate start, Optional<PopulationReport> population) {
      this.input = input;
      this.protocol = input.protocol();
      this.start = start;
      this.population = population;
      this.sources = new Sources(protocol);
      this.titles = new Titles(protocol);
      this.interpretations = Interpretations.in(input.source());
    }

    String html() {
      Prose prose = new ProtocolDescriber(protocol).describe();
      Timeline worst = new Simulator(protocol).run(Scenario.worstCase(), start);
      this.worst = worst;
      List<ReportedFinding> found = findings.findings(protocol, start);
      out.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
          .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .append("<meta name=\"generator\" content=\"Escalon\">\n<title>")
          .append(esc(protocol.name())).append(": ratification report</title>\n<style>\n")
          .append(ReportStyle.CSS).append(ReportStyle.pageFooter(input.provenance().line()))
          .append("</style>\n</head>\n<body>\n");
      header();
      contents();
      int n = 0;
      section("summary", ++n + ". Executive summary");
      // the ladder is tall and narrow: it stands beside the summary and, in print, beside the
      // worst case's chart as well (it comes first so that it can float to their right)
      out.append("<div class=\"with-ladder\">\n<figure class=\"ladder-figure\">\n")
          .append(new SvgRenderer().render(protocol))
          .append("<figcaption>The escalation ladder: the stages top to bottom, with who they go ")
          .append("to and their timescale; outcomes coloured by what they mean (green: resolved; ")
          .append("amber: escalated outside the process; grey: another ending); rights to start ")
          .append("at, bypass to or refer to a level as dashed side arrows; what a level requires ")
          .append("on the arrow into it.</figcaption>\n</figure>\n");
      out.append("<div class=\"beside-ladder\">\n");
      new ExecutiveSummary(protocol, titles).write(out, worst, found);
      out.append("</div>\n</div>\n");
      close();
      // the worst case's chart with the summary, whose worst case it draws; the rules that
      // follow are text, and flow on from wherever the chart, kept whole, ends
      section("worst-case", ++n + ". The worst case on real dates");
      worstCase(worst);
      close();
      section("plain-english", ++n + ". The protocol in plain English");
      out.append("<p>Each rule with the policy beside it: the words the protocol cites, marked ")
          .append("in the sentence the policy map gives for that line, and the codifier's ")
          .append("interpretation where there is one.</p>\n");
      prose(prose);
      close();
      section("findings", ++n + ". Findings");
      findings(found);
      close();
      if (population.isPresent()) {
        section("population", ++n + ". A population of cases");
        out.append(PopulationSection.html(population.get(), protocol, input.behaviourCaveat()));
        close();
      }
      section("interpretations", ++n + ". How the policy was read");
      interpretationList();
      close();
      section("not-encoded", ++n + ". What the protocol does not encode, and why");
      notEncoded();
      close();
      section("sources", ++n + ". Sources");
      sourceList();
      close();
      section("sign-off", ++n + ". Sign-off");
      signOff();
      close();
      out.append("<footer class=\"provenance\">").append(esc(input.provenance().line()))
          .append("</footer>\n</body>\n</html>\n");
      return out.toString();
    }

    private void header() {
      var h = protocol.header();
      out.append("<header>\n<p class=\"kicker\">Ratification report</p>\n<h1>")
          .append(esc(protocol.name())).append("</h1>\n<table class=\"meta\">\n");
      meta.clear();
      meta("Version", h.version().orElse("not stated"));
      meta("Status", h.status().name().toLowerCase(Locale.ROOT));
      h.owner().ifPresent(o -> meta("Owner", o));
      h.effective().ifPresent(d -> meta("Effective", LONG.format(d)));
      h.review().ifPresent(d -> meta("Review by", LONG.format(d)));
      meta("Raised by", String.join(" or ", h.raisers().stream()
          .map(n -> protocol.role(n).map(r -> r.title()).orElse(n)).toList()));
      meta("Protocol file", input.provenance().file());
      meta("Fingerprint", input.provenance().fingerprint());
      meta("Generated", input.provenance().generated() + " by Escalon "
          + input.provenance().escalonVersion());
      meta("Worst case dated from", LONG.format(start));
      // two label and value pairs a row, the fingerprint on a row of its own: the header is
      // read once, and a column of short values wastes the first page
      List<String[]> pairs = new java.util.ArrayList<>(meta);
      String[] fingerprint = pairs.stream().filter(x -> x[0].equals("Fingerprint")).findFirst()
          .orElseThrow();
      pairs.remove(fingerprint);
      for (int i = 0; i < pairs.size(); i += 2) {
        out.append("<tr>").append(cell(pairs.get(i)));
        out.append(i + 1 < pairs.size() ? cell(pairs.get(i + 1)) : "<th></th><td></td>");
        out.append("</tr>\n");
      }
      out.append("<tr>").append(cell(fingerprint).replace("<td>", "<td colspan=\"3\">"))
          .append("</tr>\n");
      out.append("</table>\n<p class=\"note\">Generated by Escalon from the protocol file alone: ")
          .append("every sentence, picture and date below follows from it. A small ")
          .append("<sup class=\"cite\">l.&#160;12</sup> is the line of the protocol file that ")
          .append("encodes a rule.</p>\n</header>\n");
    }

    private final List<String[]> meta = new java.util.ArrayList<>();

    private void meta(String label, String value) {
      meta.add(new String[] {label, value});
    }

    private static String cell(String[] pair) {
      return "<th>" + esc(pair[0]) + "</th><td>" + esc(pair[1]) + "</td>";
    }

    private void contents() {
      out.append("<nav>\n<h2>Contents</h2>\n<ol>\n");
      link("summary", "Executive summary");
      link("worst-case", "The worst case on real dates");
      link("plain-english", "The protocol in plain English");
      link("findings", "Findings");
      if (population.isPresent()) {
        link("population", "A population of cases");
      }
      link("interpretations", "How the policy was read");
      link("not-encoded", "What the protocol does not encode, and why");
      link("sources", "Sources");
      link("sign-off", "Sign-off");
      out.append("</ol>\n</nav>\n");
    }

    private void link(String id, String title) {
      out.append("<li><a href=\"#").append(id).append("\">").append(esc(title))
          .append("</a></li>\n");
    }

    private void section(String id, String title) {
      out.append("<section id=\"").append(id).append("\" class=\"major\">\n<h2>")
          .append(esc(title)).append("</h2>\n");
    }

    private void close() {
      out.append("</section>\n");
    }

    // -------------------------------------------------------------------------------------------

    /**
     * The rules as tables, the rule on the left and the policy on the right: a board reads a
     * rule against its policy across a row, and a table takes a third of the paper paragraphs
     * with side notes took.
     */
    private void prose(Prose prose) {
      for (Prose.Section s : prose.sections()) {
        out.append("<h3 id=\"").append(s.id()).append("\">").append(esc(s.title()))
            .append("</h3>\n");
        int table = out.length();
        saysChars = 0;
        policyChars = 0;
        for (Prose.Block block : s.blocks()) {
          if (block instanceof Prose.Heading h) {
            out.append("<tr class=\"heading\"><th colspan=\"2\" id=\"").append(esc(h.id()))
                .append("\">").append(esc(h.text())).append("</th></tr>\n");
          } else if (block instanceof Prose.Paragraph p) {
            rule(p, "");
          } else if (block instanceof Prose.Items items) {
            if (items.items().stream().allMatch(i -> i.citations().isEmpty())) {
              // a list with no policy beside it (who is involved) is one row, items joined
              String lead = items.lead().isEmpty() ? "" : items.lead().replaceFirst(":?$", ": ");
              rule(new Prose.Paragraph(lead + String.join("; ", items.items().stream()
                  .map(Prose.Paragraph::text).toList()) + ".", List.of()), "");
              continue;
            }
            // a lead that repeats the section's title says nothing; the lead of a single rule
            // opens that rule's row rather than taking a row of its own
            String lead = items.lead().replaceFirst(":$", "").equalsIgnoreCase(s.title())
                ? "" : items.lead();
            if (!lead.isEmpty() && items.items().size() > 1) {
              out.append("<tr class=\"lead\"><td colspan=\"2\">").append(esc(lead))
                  .append("</td></tr>\n");
              lead = "";
            }
            for (Prose.Paragraph p : items.items()) {
              rule(p, lead);
              lead = "";
            }
          }
        }
        // the column for the rule as wide as the rules' share of the table's words: a row is
        // as tall as its longer side, and even sides waste the least paper
        long says = Math.round(100.0 * saysChars / Math.max(1, saysChars + policyChars)) + 4;
        out.insert(table, "<table class=\"rules\">\n<colgroup><col class=\"says\" style=\"width: "
            + Math.max(35, Math.min(60, says)) + "%\"><col class=\"policy\"></colgroup>\n"
            + "<tbody>\n");
        out.append("</tbody>\n</table>\n");
      }
    }

    /** How many characters of rule and of policy the table being written holds. */
    private long saysChars;
    private long policyChars;

    /**
     * A rule in plain words, with the policy beside it: the cited words, the policy map's
     * sentence for the cited line, and any interpretation the codifier wrote there.
     */
    private void rule(Prose.Paragraph p, String lead) {
      String says = esc(titles.in(p.text()));
      saysChars += lead.length() + p.text().length();
      out.append("<tr class=\"rule\"><td class=\"says\"")
          .append(p.citations().isEmpty() ? " colspan=\"2\">" : ">")
          .append(lead.isEmpty() ? "" : "<i class=\"lead\">" + esc(lead) + "</i> ")
          .append(says).append(cite(p.citations()));
      if (p.citations().isEmpty()) {
        // no policy beside it: the rule takes the whole row
        out.append("</td></tr>\n");
        return;
      }
      out.append("</td><td>");
      int policy = out.length();
      p.citations().forEach(besideARule::add);
      java.util.Set<String> quoted = new java.util.LinkedHashSet<>();
      java.util.Set<String> mapped = new java.util.LinkedHashSet<>();
      List<Interpretations.Interpretation> read = new java.util.ArrayList<>();
      for (Citation c : p.citations()) {
        quoted.add(c.text());
        if (c.span().isKnown()) {
          // the map's most specific sentence for the line: a row that names few lines is about
          // this rule, one that names a range of a whole stage is about its neighbours as well
          input.map().encodedAt(c.span().line()).stream()
              .min(java.util.Comparator.comparingInt(x -> x.lines().size()))
              .ifPresent(x -> mapped.add(x.text()));
          for (Interpretations.Interpretation i : interpretations) {
            if (i.line() == c.span().line() && !read.contains(i)) {
              read.add(i);
            }
          }
        }
      }
      if (!quoted.isEmpty() || !read.isEmpty()) {
        out.append("<span class=\"policy\">");
        // the policy map's sentence, once in the report, with the cited words marked in it
        // where it holds them; cited words it does not hold are quoted as they are
        java.util.Set<String> marked = new java.util.HashSet<>();
        java.util.Set<String> sections = new java.util.HashSet<>();
        for (String m : mapped) {
          if (quoted.contains(m) || !sentencesShown.add(m)) {
            continue;
          }
          String html = esc(m);
          for (String q : quoted) {
            String words = PolicyWords.words(q);
            String inside = PolicyWords.mark(html, esc(words));
            if (!inside.equals(html)) {
              html = inside;
              marked.add(q);
              if (sections.add(PolicyWords.section(q))) {
                out.append("<span class=\"section\">").append(esc(PolicyWords.section(q)))
                    .append("</span> ");
              }
            }
          }
          out.append("<q class=\"mapped\">").append(html).append("</q> ");
        }
        for (String q : quoted) {
          if (!marked.contains(q)) {
            out.append("<q class=\"cited\">").append(esc(q)).append("</q> ");
          }
        }
        for (Interpretations.Interpretation i : read) {
          shown.add(i);
          out.append("<span class=\"interpretation\"><b>Interpretation:</b> ")
              .append(esc(titles.in(i.text()))).append("</span>");
        }
        out.append("</span>");
      }
      policyChars += out.substring(policy).replaceAll("<[^>]+>", "").length();
      out.append("</td></tr>\n");
    }

    /** The lines of the protocol file a sentence comes from, as a small mark after it. */
    private String cite(List<Citation> citations) {
      List<String> lines = citations.stream().filter(c -> c.span().isKnown())
          .map(c -> c.span().line()).distinct().sorted().map(String::valueOf).toList();
      if (lines.isEmpty()) {
        return "";
      }
      return " <sup class=\"cite\">l.&#160;" + String.join(", ", lines) + "</sup>";
    }

    private void worstCase(Timeline worst) {
      List<String> stages = worst.stagesEntered();
      StringBuilder summary = new StringBuilder("Raised on ").append(LONG.format(start))
          .append(" at 09:00 and followed with nobody responding and nobody bypassing, the ")
          .append("escalation passes through ").append(stages.size())
          .append(stages.size() == 1 ? " stage" : " stages");
      switch (worst.end()) {
        case ENDED -> summary.append(" and ends (").append(esc(outcomeTitle(worst)))
            .append(") ").append(ending(worst)).append(", ")
            .append(worst.workingDays()).append(" working days after it was raised.");
        case WAITING -> summary.append(", then waits from ").append(LONG.format(lastDate(worst)))
            .append(" (day ").append(worst.workingDays()).append("): nothing more falls due.");
        case UNFINISHED -> summary.append(" and is still running a year later.");
      }
      out.append("<p>").append(summary).append(" Agreement or advice a level requires is ")
          .append("taken as given when it is needed. Weekends are shaded grey, bank holidays ")
          .append("and closure days amber.</p>\n");
      out.append("<figure class=\"gantt-figure\">\n")
          .append(new GanttChart(protocol, calendar()).render(worst))
          .append("<figcaption>The worst case from ").append(LONG.format(start))
          .append(", as a Gantt chart.</figcaption>\n</figure>\n");
    }

    private String roleTitle(String role) {
      return protocol.role(role).map(r -> r.title()).orElse(titles.in(role));
    }

    private String levelTitle(String key) {
      return protocol.stage(key).map(x -> x.title())
          .or(() -> protocol.outcome(key).map(o -> o.title())).orElse(key);
    }

    private WorkingCalendar calendar() {
      return WorkingCalendar.of(protocol.header().calendar(), protocol.header().zone());
    }

    private String outcomeTitle(Timeline t) {
      return t.outcome().flatMap(protocol::outcome).map(o -> o.title())
          .orElse(t.outcome().orElse(""));
    }

    // an end at 00:00 is the close of the day before: "at the close of Friday 12 February 2027"
    private static String ending(Timeline t) {
      return (t.endsAtClose() ? "at the close of " : "on ") + LONG.format(t.lastDay());
    }

    /** The rows of what happened: a timeline without its rows for how steps are done. */
    private static List<TimelineRow> events(Timeline t) {
      return t.rows().stream().filter(r -> r.kind() != TimelineRow.Kind.STEP).toList();
    }

    private static LocalDate lastDate(Timeline t) {
      return t.rows().isEmpty() ? t.start().toLocalDate() : t.rows().get(t.rows().size() - 1).date();
    }

    /**
     * A timeline as a table; reminders after the last stage is entered are counted, not listed.
     * Rows it shares from its start with {@code same} (the worst case, drawn in section 2) are one row
     * that says so: a counterexample that follows the worst case for weeks differs from it
     * only at its end, and that is what the reader needs to see.
     */
    private void timeline(Timeline t, String cssClass, Timeline same) {
      // how each step is done is told in section 3, beside its rule; here only what happened
      List<TimelineRow> all = events(t);
      List<TimelineRow> sameRows = same == null ? List.of() : events(same);
      out.append("<table class=\"timeline ").append(cssClass).append("\">\n<thead><tr>")
          .append("<th>Date</th><th>Day</th><th class=\"stage\">Stage</th><th>What happened</th>")
          .append("<th>To</th>")
          .append("</tr></thead>\n<tbody>\n");
      int shared = 0;
      if (same != null) {
        while (shared < all.size() && shared < sameRows.size()
            && sameRow(all.get(shared), sameRows.get(shared))) {
          shared++;
        }
        if (shared < 3) {
          shared = 0;
        }
      }
      if (shared > 0) {
        TimelineRow last = all.get(shared - 1);
        out.append("<tr class=\"as-worst-case\"><td>").append(SHORT.format(all.get(0).date()))
            .append(" to ").append(SHORT.format(last.date())).append("</td><td>0 to ")
            .append(last.workingDay()).append("</td><td colspan=\"3\">As the worst case (its Gantt chart is in ")
            .append("section 2), its first ").append(shared).append(" steps, to ")
            .append(esc(titles.in(last.what()))).append(" at ")
            .append(esc(levelTitle(last.stage()))).append(".</td></tr>\n");
      }
      int reminders = 0;
      List<TimelineRow> rows = all.subList(shared, all.size());
      for (int i = 0; i < rows.size(); i++) {
        TimelineRow row = rows.get(i);
        if (row.kind() == TimelineRow.Kind.REMINDED) {
          reminders++;
          if (reminders > 3) {
            continue;
          }
        }
        String what = esc(titles.in(row.what()))
            + row.citation().map(c -> cite(List.of(c))).orElse("");
        while (i + 1 < rows.size() && leadsTo(row, rows.get(i + 1))) {
          TimelineRow next = rows.get(++i);
          what += "; " + esc(titles.in(next.what()))
              + next.citation().map(c -> cite(List.of(c))).orElse("");
          row = next;
        }
        out.append("<tr class=\"").append(row.kind().name().toLowerCase(Locale.ROOT))
            .append("\"><td>").append(SHORT.format(row.date())).append("</td><td>")
            .append(row.workingDay()).append("</td><td class=\"stage\">")
            .append(esc(levelTitle(row.stage())))
            .append("</td><td>").append(what).append("</td><td>")
            .append(esc(String.join(", ", row.to().stream().map(this::roleTitle).toList())))
            .append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n");
      if (reminders > 3) {
        out.append("<p class=\"note\">").append(reminders - 3)
            .append(" more reminders follow in the year shown.</p>\n");
      }
    }

    /**
     * Whether a row and the next are told as one: a timescale that runs out and what it causes
     * on the same day, the escalation or the wait at an outcome's door ("no response by ...;
     * escalated to ...": half the rows of a ladder climbed to the top), and a judgement and what
     * follows it at that instant (the raise or the bypass it allows).
     */
    private static boolean leadsTo(TimelineRow row, TimelineRow next) {
      return row.kind() == TimelineRow.Kind.TIMED_OUT && next.date().equals(row.date())
          && (next.kind() == TimelineRow.Kind.ESCALATED || next.kind() == TimelineRow.Kind.WAITING)
          || row.kind() == TimelineRow.Kind.DECIDED && next.at().equals(row.at());
    }

    private static boolean sameRow(TimelineRow a, TimelineRow b) {
      // a raise is told in the words of its scenario; the raise itself is the same
      return a.at().equals(b.at()) && a.kind() == b.kind() && a.stage().equals(b.stage())
          && (a.kind() == TimelineRow.Kind.RAISED || a.what().equals(b.what()));
    }

    /** The notes of findings already written. */
    private final java.util.Set<String> notesTold = new java.util.HashSet<>();

    private void findings(List<ReportedFinding> found) {
      if (found.isEmpty()) {
        out.append("<p>The verifier found nothing, and the protocol declares no limits and no ")
            .append("properties to check.</p>\n");
        return;
      }
      long fails = found.stream().filter(f -> f.verdict() == ReportedFinding.Verdict.FAILS).count();
      long warns = found.stream().filter(f -> f.verdict() == ReportedFinding.Verdict.WARNS).count();
      long notes = found.stream().filter(f -> f.verdict() == ReportedFinding.Verdict.NOTE).count();
      out.append("<p>Everything <code>escalon verify</code> reports, in its order: ")
          .append(count(fails, "error")).append(", ").append(count(warns, "warning"))
          .append(", ").append(count(notes, "note"))
          .append(", and each declared limit and property it found nothing against. An error ")
          .append("or warning comes with its counterexample where the verifier gives one: a ")
          .append("dated timeline on which it happens.</p>\n");
      for (ReportedFinding f : found) {
        String verdict = switch (f.verdict()) {
          case HOLDS -> "holds";
          case FAILS -> "fails";
          case WARNS -> "warning";
          case NOTE -> "note";
          case NOT_CHECKED -> "not checked";
        };
        out.append("<article class=\"finding ").append(verdict.replace(' ', '-')).append("\"")
            .append(f.code().map(c -> " data-code=\"" + c + "\"").orElse("")).append(">\n")
            .append("<h3><span class=\"verdict\">").append(verdict).append("</span> ")
            .append(f.code().map(c -> "<span class=\"code\">" + c + "</span> ").orElse(""))
            .append(esc(titles.in(f.title()))).append("</h3>\n<p>")
            .append(esc(sentence(titles.in(f.explanation())))).append(cite(f.citations()))
            .append("</p>\n");
        // the verifier's path in words is the counterexample's table, dated, below: once is
        // enough; and a note said for an earlier finding (what a code means, what to do about
        // it) is not said again
        List<String> told = f.notes().stream().filter(note -> f.counterexample().isEmpty()
            || !PATH_IN_WORDS.matcher(note).lookingAt())
            .filter(note -> !VerifierFindings.PATH_NOTE.matcher(note).matches())
            .filter(notesTold::add).toList();
        // how the verifier's path ends goes with the table's title, which it explains
        String ending = f.notes().stream().map(VerifierFindings.PATH_NOTE::matcher)
            .filter(java.util.regex.Matcher::matches).map(m -> m.group(1)).findFirst()
            .map(e -> " (the verifier's path, " + esc(titles.in(e)) + ")").orElse("");
        if (!told.isEmpty()) {
          out.append("<ul class=\"notes\">\n");
          for (String note : told) {
            out.append("<li>").append(esc(sentence(titles.in(note)))).append("</li>\n");
          }
          out.append("</ul>\n");
        }
        f.counterexample().ifPresent(t -> {
          // the verifier names its scenarios "counterexample: ..." for the simulator's output
          String path = t.scenario().replaceFirst("^counterexample: ", "");
          out.append("<p class=\"lead\">Counterexample: ").append(esc(titles.in(path)))
              .append(", from ").append(LONG.format(t.start().toLocalDate())).append(ending)
              .append(".</p>\n");
          timeline(t, "counterexample", worst);
        });
        out.append("</article>\n");
      }
    }

    private void interpretationList() {
      // the ones shown beside their rule are not repeated
      List<Interpretations.Interpretation> all = interpretations.stream()
          .filter(i -> !shown.contains(i)).toList();
      if (all.isEmpty() && input.map().choices().isEmpty()) {
        out.append("<p>The protocol marks no interpretation (a comment that begins ")
            .append("<code># read as:</code>), and no policy map lists the codifier's ")
            .append("choices.</p>\n");
        return;
      }
      out.append("<p>Where the policy is silent, unclear or contradicts itself, the codifier ")
          .append("chose a reading. A board ratifies these readings with the protocol. Those ")
          .append("marked in the protocol are shown beside their rules in section 3")
          .append(all.isEmpty() ? "." : "; the others are listed here.").append("</p>\n");
      if (!all.isEmpty()) {
        out.append("<h3>Marked in the protocol, and not beside a rule above</h3>\n")
            .append("<ol class=\"interpretations").append(few(all.size())).append("\">\n");
        for (Interpretations.Interpretation i : all) {
          out.append("<li>").append(esc(titles.in(i.text()))).append(" <span class=\"where\">(")
              .append(esc(input.provenance().file())).append(", line ").append(i.line())
              .append(")</span></li>\n");
        }
        out.append("</ol>\n");
      }
      if (!input.map().choices().isEmpty()) {
        // each choice opens with a sentence that names it; in print the rest of its account is
        // left to the policy map beside the protocol file (the page says so), on screen it is shown
        out.append("<h3>Choices the policy map records</h3>\n<p class=\"print-only note\">")
            .append("Each named here; the policy map beside the protocol file gives the account.")
            .append("</p>\n<ol class=\"choices\">\n");
        for (String c : input.map().choices()) {
          int end = c.indexOf(". ");
          String name = end < 0 ? c : c.substring(0, end + 1);
          out.append("<li><b>").append(esc(name)).append("</b>");
          if (end >= 0) {
            out.append("<span class=\"screen-only\">").append(esc(c.substring(end + 1)))
                .append("</span>");
          }
          out.append("</li>\n");
        }
        out.append("</ol>\n");
      }
    }

    private void notEncoded() {
      if (input.map().notEncoded().isEmpty()) {
        out.append("<p>No policy map beside the protocol lists what it leaves out, so this ")
            .append("report cannot say what of the policy is not encoded.</p>\n");
        return;
      }
      out.append("<p>What the policy says that the protocol does not encode, and why, as its ")
          .append("policy map records it.</p>\n<table class=\"not-encoded\">\n<thead><tr>")
          .append("<th>What the policy says</th><th>Why it is not encoded</th></tr></thead>\n")
          .append("<tbody>\n");
      for (PolicyMap.NotEncoded n : input.map().notEncoded()) {
        out.append("<tr><td>").append(esc(n.what())).append("</td><td>").append(esc(n.why()))
            .append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n");
    }

    private void signOff() {
      out.append("<p>Ratified on this report, its protocol file (<code>")
          .append(esc(input.provenance().fingerprint()))
          .append("</code>) and the findings above.</p>\n<table class=\"sign-off\">\n")
          .append("<thead><tr><th>Name</th><th>Role</th><th>Date</th><th>Decision</th>")
          .append("<th>Signature</th></tr></thead>\n<tbody>\n");
      for (int i = 0; i < 3; i++) {
        out.append("<tr><td></td><td></td><td></td><td>ratified / ratified with changes / ")
            .append("not ratified</td><td></td></tr>\n");
      }
      out.append("</tbody>\n</table>\n");
    }

    /** A list of one or two items reads on one column: split in three it takes more lines. */
    private static String few(int items) {
      return items < 3 ? " few" : "";
    }

    private void sourceList() {
      List<Citation> all = sources.all().stream().filter(c -> !besideARule.contains(c)).toList();
      out.append("<p>Every passage of the policy the protocol cites is beside its rule in ")
          .append("section 3");
      if (all.isEmpty()) {
        out.append(".</p>\n");
        return;
      }
      out.append(", except these, with the line of the protocol file that cites them.</p>\n")
          .append("<ol class=\"sources").append(few(all.size())).append("\">\n");
      for (int i = 0; i < all.size(); i++) {
        Citation c = all.get(i);
        out.append("<li>").append(esc(c.text()));
        if (c.span().isKnown()) {
          out.append(" <span class=\"where\">(").append(esc(input.provenance().file()))
              .append(", line ").append(c.span().line()).append(")</span>");
        }
        out.append("</li>\n");
      }
      out.append("</ol>\n");
    }
  }

  static String esc(String s) {
    return Markup.escape(s);
  }

  private static String count(long n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  /** A capital at the start, a full stop at the end. */
  private static String sentence(String s) {
    String t = s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    return t.endsWith(".") ? t : t + ".";
  }
}
