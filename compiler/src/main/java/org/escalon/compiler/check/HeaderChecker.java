package org.escalon.compiler.check;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.escalon.compiler.ast.DateLit;
import org.escalon.compiler.ast.Decl;
import org.escalon.compiler.ast.Name;
import org.escalon.compiler.ast.ProtocolFile;
import org.escalon.compiler.diagnostics.Code;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.compiler.diagnostics.Diagnostics;
import org.escalon.model.CalendarSpec;
import org.escalon.model.Header;
import org.escalon.model.SourceSpan;

/**
 * Checks the protocol's header: each line at most once (E0407), `raised by` present (E0405), a
 * known status, calendar and time zone, real dates (E0302) in a sensible order (E0303), and at
 * least one stage (E0406).
 */
final class HeaderChecker {

  private final Diagnostics diagnostics;

  HeaderChecker(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  void check(ProtocolFile file) {
    Map<String, Decl> seen = new HashMap<>();
    Optional<LocalDate> effective = Optional.empty();
    Optional<LocalDate> review = Optional.empty();
    SourceSpan reviewSpan = SourceSpan.NONE;
    for (Decl decl : file.decls()) {
      headerLine(decl).ifPresent(line -> once(line, decl, seen));
      if (decl instanceof Decl.StatusDecl d) {
        status(d);
      } else if (decl instanceof Decl.AboutDecl d) {
        about(d);
      } else if (decl instanceof Decl.CalendarDecl d) {
        calendar(d);
      } else if (decl instanceof Decl.ZoneDecl d) {
        zone(d);
      } else if (decl instanceof Decl.EffectiveDecl d) {
        effective = date(d.date());
      } else if (decl instanceof Decl.ReviewDecl d) {
        review = date(d.date());
        reviewSpan = d.date().span();
      } else if (decl instanceof Decl.ClosureDecl d) {
        Optional<LocalDate> from = date(d.from());
        Optional<LocalDate> to = d.to().flatMap(this::date);
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
          diagnostics.report(Diagnostic.of(Code.E0302, "the closure ends before it starts")
              .at(d.span(), "from " + from.get() + " to " + to.get())
              .help("write the earlier date first"));
        }
      } else if (decl instanceof Decl.YearlyClosureDecl d) {
        monthDay(d.from());
        monthDay(d.to());
      }
    }
    if (effective.isPresent() && review.isPresent() && review.get().isBefore(effective.get())) {
      diagnostics.report(Diagnostic.of(Code.E0303, "the review date " + review.get()
              + " is before the effective date " + effective.get())
          .at(reviewSpan, "review before the protocol takes effect")
          .help("check the dates against the policy's front page"));
    }
    if (!seen.containsKey("raised by")) {
      diagnostics.report(Diagnostic.of(Code.E0405, "the protocol does not say who raises escalations")
          .at(file.name().span(), "this protocol")
          .help("add `raised by ROLE`, for example `raised by IRO`"));
    }
    if (file.all(Decl.StageDecl.class).isEmpty()) {
      diagnostics.report(Diagnostic.of(Code.E0406, "the protocol has no stages")
          .at(file.name().span(), "this protocol")
          .help("add the escalation's first stage: `stage 1 \"...\" { to ROLE  respond within "
              + "5 working days }`"));
    }
  }

  private static Optional<String> headerLine(Decl decl) {
    if (decl instanceof Decl.VersionDecl) {
      return Optional.of("version");
    } else if (decl instanceof Decl.StatusDecl) {
      return Optional.of("status");
    } else if (decl instanceof Decl.AboutDecl) {
      return Optional.of("about");
    } else if (decl instanceof Decl.EffectiveDecl) {
      return Optional.of("effective");
    } else if (decl instanceof Decl.ReviewDecl) {
      return Optional.of("review");
    } else if (decl instanceof Decl.OwnerDecl) {
      return Optional.of("owner");
    } else if (decl instanceof Decl.CalendarDecl) {
      return Optional.of("calendar");
    } else if (decl instanceof Decl.ZoneDecl) {
      return Optional.of("time zone");
    } else if (decl instanceof Decl.RaisedByDecl) {
      return Optional.of("raised by");
    } else if (decl instanceof Decl.ExtensionDecl) {
      return Optional.of("extension");
    }
    return Optional.empty();
  }

  private void once(String line, Decl decl, Map<String, Decl> seen) {
    Decl first = seen.putIfAbsent(line, decl);
    if (first != null) {
      diagnostics.report(Diagnostic.of(Code.E0407, "`" + line + "` is given twice")
          .at(decl.span(), "given again here")
          .also(first.span(), "first given here")
          .help("keep one `" + line + "`"));
    }
  }

  private void about(Decl.AboutDecl d) {
    List<String> known = Arrays.stream(Header.Subject.values()).map(Header.Subject::word).toList();
    for (Name subject : d.subjects()) {
      if (!known.contains(subject.text())) {
        diagnostics.report(Diagnostic.of(Code.E0313, "a policy is about children, adults or "
                + "both, not `" + subject.text() + "`")
            .at(subject.span(), "not who a policy is about")
            .note("young people are children in law until 18; a policy for care leavers or "
                + "adults at risk is about adults")
            .help(Suggestions.closest(subject.text(), known).map(n -> "did you mean `" + n + "`?")
                .orElse("write `about children`, `about adults` or `about children and adults`")));
      }
    }
  }

  private void status(Decl.StatusDecl d) {
    List<String> known = Arrays.stream(Header.Status.values())
        .map(s -> s.name().toLowerCase(java.util.Locale.ROOT)).toList();
    if (!known.contains(d.status().text())) {
      diagnostics.report(Diagnostic.of(Code.E0307, "unknown status `" + d.status().text() + "`")
          .at(d.status().span(), "not a status")
          .help("write `status draft` or `status ratified`"));
    }
  }

  private void calendar(Decl.CalendarDecl d) {
    List<String> known = Arrays.stream(CalendarSpec.Region.values())
        .map(CalendarSpec.Region::id).toList();
    if (!known.contains(d.calendar().text())) {
      diagnostics.report(Diagnostic.of(Code.E0211, "unknown calendar `" + d.calendar().text() + "`")
          .at(d.calendar().span(), "not a calendar Escalon knows")
          .help(Suggestions.closest(d.calendar().text(), known)
              .map(n -> "did you mean `" + n + "`?")
              .orElse("the calendars are `england-and-wales`, `scotland` and `northern-ireland`")));
    }
  }

  private void zone(Decl.ZoneDecl d) {
    try {
      ZoneId.of(d.zone().value());
    } catch (DateTimeException e) {
      diagnostics.report(Diagnostic.of(Code.E0213, "unknown time zone `" + d.zone().value() + "`")
          .at(d.zone().span(), "not a time zone")
          .help(Suggestions.closest(d.zone().value(), ZoneId.getAvailableZoneIds())
              .map(n -> "did you mean `" + n + "`?")
              .orElse("write a zone such as \"Europe/London\"")));
    }
  }

  Optional<LocalDate> date(DateLit date) {
    try {
      return Optional.of(LocalDate.parse(date.text()));
    } catch (DateTimeException e) {
      diagnostics.report(Diagnostic.of(Code.E0302, "`" + date.text() + "` is not a date on the calendar")
          .at(date.span(), why(date.text()))
          .help("write a real date as year-month-day, such as `2026-02-28`"));
      return Optional.empty();
    }
  }

  private void monthDay(DateLit date) {
    try {
      MonthDay.parse("--" + date.text());
    } catch (DateTimeException e) {
      diagnostics.report(Diagnostic.of(Code.E0302, "`" + date.text() + "` is not a day of the year")
          .at(date.span(), "month-day")
          .help("write a month and day, such as `12-27`"));
    }
  }

  private static String why(String text) {
    String[] parts = text.split("-");
    int month = Integer.parseInt(parts[1]);
    if (month < 1 || month > 12) {
      return "there is no month " + month;
    }
    return "there is no day " + Integer.parseInt(parts[2]) + " in that month";
  }
}
