package org.escalon.compiler.check;

import java.util.EnumSet;
import java.util.Set;
import org.escalon.compiler.ast.DurationExpr;
import org.escalon.compiler.ast.DurationExpr.Unit;
import org.escalon.compiler.diagnostics.Code;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.compiler.diagnostics.Diagnostics;

/** Checks timescales: a unit is always said (E0301), never zero (E0304), and fits its place (E0305). */
final class Durations {

  /** Where a duration stands decides which units make sense there. */
  enum Place {
    TIMESCALE(EnumSet.complementOf(EnumSet.of(Unit.UNLABELLED_DAYS)), "a timescale"),
    INTERVAL(EnumSet.of(Unit.WORKING_DAYS, Unit.WORKING_WEEKS, Unit.CALENDAR_DAYS, Unit.WEEKS,
        Unit.MONTHS, Unit.HOURS), "an interval"),
    LIMIT(EnumSet.of(Unit.WORKING_DAYS, Unit.WORKING_WEEKS, Unit.CALENDAR_DAYS, Unit.WEEKS,
        Unit.MONTHS), "a limit"),
    BOUND(LIMIT.allowed, "the bound of a property");

    private final Set<Unit> allowed;
    private final String what;

    Place(Set<Unit> allowed, String what) {
      this.allowed = allowed;
      this.what = what;
    }
  }

  private final Diagnostics diagnostics;

  Durations(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  void check(DurationExpr d, Place place) {
    if (d.unit() == Unit.UNLABELLED_DAYS) {
      String n = Integer.toString(d.amount());
      diagnostics.report(Diagnostic.of(Code.E0301, "`" + n + " days` does not say which days")
          .at(d.span(), "working days or calendar days?")
          .note("a policy that says only \"days\" can be read two ways, and the deadlines differ "
              + "by weekends and bank holidays")
          .help("write `" + n + " working days` or `" + n + " calendar days`"));
      return;
    }
    if (!place.allowed.contains(d.unit())) {
      diagnostics.report(Diagnostic.of(Code.E0305, "`" + words(d) + "` cannot be "
              + place.what + " here")
          .at(d.span(), "not allowed in " + place.what)
          .help(place == Place.LIMIT || place == Place.BOUND
              ? "give the " + (place == Place.LIMIT ? "limit" : "bound")
                  + " in working days, calendar days, weeks or months"
              : "give an interval such as `2 weeks` or `1 working day`"));
      return;
    }
    if (d.unit() != Unit.SAME_WORKING_DAY && d.amount() == 0) {
      diagnostics.report(Diagnostic.of(Code.E0304, "a timescale of zero leaves no time at all")
          .at(d.span(), "zero")
          .help(place == Place.TIMESCALE
              ? "write `same working day` for a response due the day the stage starts"
              : "give an amount of at least 1"));
    }
  }

  static String words(DurationExpr d) {
    return switch (d.unit()) {
      case SAME_WORKING_DAY -> "same working day";
      case WORKING_DAYS -> d.amount() + (d.amount() == 1 ? " working day" : " working days");
      case WORKING_WEEKS -> d.amount() + (d.amount() == 1 ? " working week" : " working weeks");
      case CALENDAR_DAYS -> d.amount() + (d.amount() == 1 ? " calendar day" : " calendar days");
      case WEEKS -> d.amount() + (d.amount() == 1 ? " week" : " weeks");
      case MONTHS -> d.amount() + (d.amount() == 1 ? " month" : " months");
      case HOURS -> d.amount() + (d.amount() == 1 ? " hour" : " hours");
      case UNLABELLED_DAYS -> d.amount() + " days";
    };
  }
}
