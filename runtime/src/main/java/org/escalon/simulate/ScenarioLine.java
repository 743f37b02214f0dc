package org.escalon.simulate;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.model.Timespan;
import org.escalon.model.TimeUnit;

/**
 * One line of a scenario or behaviour file, as words (its tokens): names, numbers, dates, quoted text and the
 * marks {@code , : % ..}; each knows its column, so that an error can point at it.
 */
final class ScenarioLine {

  private record Word(String text, boolean quoted, int column) {}

  private final String file;
  private final int line;
  private final String source;
  private final List<Word> words = new ArrayList<>();
  private int next;

  private ScenarioLine(String file, int line, String source) {
    this.file = file;
    this.line = line;
    this.source = source;
  }

  /** The words of a line, comments dropped; a quote left open is an error. */
  static ScenarioLine of(String file, int line, String text) throws ScenarioException {
    ScenarioLine w = new ScenarioLine(file, line, text);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '#') {
        break;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"') {
        int close = text.indexOf('"', i + 1);
        if (close < 0) {
          throw new ScenarioException(file, line, i + 1, "this text has no closing quote",
              "end it with \"");
        }
        w.words.add(new Word(text.substring(i + 1, close), true, i + 1));
        i = close + 1;
      } else if (c == ',' || c == ':' || c == '%') {
        w.words.add(new Word(String.valueOf(c), false, i + 1));
        i++;
      } else {
        int start = i;
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))
            && ",:%\"#".indexOf(text.charAt(i)) < 0) {
          i++;
        }
        w.words.add(new Word(text.substring(start, i), false, start + 1));
      }
    }
    return w;
  }

  boolean isEmpty() {
    return words.isEmpty();
  }

  boolean atEnd() {
    return next >= words.size();
  }

  int line() {
    return line;
  }

  /** Whether the next words are these (unquoted); takes them if so. */
  boolean accept(String... expected) {
    for (int k = 0; k < expected.length; k++) {
      int at = next + k;
      if (at >= words.size() || words.get(at).quoted()
          || !words.get(at).text().equals(expected[k])) {
        return false;
      }
    }
    next += expected.length;
    return true;
  }

  /** Whether the next word is this one, without taking it. */
  boolean peek(String expected) {
    return peek(0, expected);
  }

  /** Whether the word {@code ahead} after the next is this one, without taking anything. */
  boolean peek(int ahead, String expected) {
    int at = next + ahead;
    return at < words.size() && !words.get(at).quoted() && words.get(at).text().equals(expected);
  }

  void expect(String expected, String what) throws ScenarioException {
    if (!accept(expected)) {
      throw error("expected `" + expected + "` " + what, "");
    }
  }

  /** A name as the protocol writes it: a role, a stage key, an attribute... */
  String name(String what) throws ScenarioException {
    if (atEnd() || words.get(next).quoted() || ",:%".contains(words.get(next).text())) {
      throw error("expected " + what, "");
    }
    return words.get(next++).text();
  }

  int number(String what) throws ScenarioException {
    String text = atEnd() ? "" : words.get(next).text();
    try {
      int n = Integer.parseInt(text);
      if (n < 0) {
        throw error(what + " cannot be negative", "");
      }
      next++;
      return n;
    } catch (NumberFormatException e) {
      throw error("expected " + what + " (a whole number)", "");
    }
  }

  String text(String what) throws ScenarioException {
    if (atEnd() || !words.get(next).quoted()) {
      throw error("expected " + what + " in quotes", "write it as \"...\"");
    }
    return words.get(next++).text();
  }

  Optional<String> because() throws ScenarioException {
    return accept("because") ? Optional.of(text("the reason")) : Optional.empty();
  }

  boolean isDate() {
    return !atEnd() && words.get(next).text().matches("\\d{4}-\\d{2}-\\d{2}");
  }

  LocalDate date(String what) throws ScenarioException {
    String text = atEnd() ? "" : words.get(next).text();
    try {
      LocalDate d = LocalDate.parse(text);
      next++;
      return d;
    } catch (DateTimeParseException e) {
      throw error("expected " + what + " as a date like 2026-12-14", "");
    }
  }

  /** A length of time: a number and a unit ("5 working days", "2 weeks", "same working day"). */
  Timespan duration() throws ScenarioException {
    if (accept("same", "working", "day")) {
      return new Timespan(0, TimeUnit.SAME_WORKING_DAY);
    }
    int n = number("a number of days");
    if (accept("working", "days") || accept("working", "day")) {
      return new Timespan(n, TimeUnit.WORKING_DAYS);
    }
    if (accept("working", "weeks") || accept("working", "week")) {
      return new Timespan(n * 5, TimeUnit.WORKING_DAYS);
    }
    for (TimeUnit unit : List.of(TimeUnit.CALENDAR_DAYS, TimeUnit.WEEKS, TimeUnit.MONTHS,
        TimeUnit.HOURS)) {
      if (accept(unit.words(2).split(" ")) || accept(unit.words(1).split(" "))) {
        return new Timespan(n, unit);
      }
    }
    throw error("expected a unit of time after " + n,
        "say working days, calendar days, weeks, months or hours");
  }

  /** A percentage: "40%" or "40 %". */
  double percent(String what) throws ScenarioException {
    int n = number(what);
    expect("%", "after " + n);
    if (n > 100) {
      throw error(what + " cannot be more than 100%", "");
    }
    return n / 100.0;
  }

  void end() throws ScenarioException {
    if (!atEnd()) {
      throw error("unexpected `" + words.get(next).text() + "` at the end of the line",
          "remove it, or start a new line");
    }
  }

  ScenarioException error(String message, String help) {
    int column = atEnd() ? source.stripTrailing().length() + 1 : words.get(next).column();
    return new ScenarioException(file, line, column, message, help);
  }
}
