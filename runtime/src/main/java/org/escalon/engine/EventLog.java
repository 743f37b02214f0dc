package org.escalon.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.model.Citation;
import org.escalon.model.Timespan;
import org.escalon.machine.OperationalModel;
import org.escalon.model.Protocol;
import org.escalon.model.TimeUnit;

/**
 * The text form of an escalation's log: one event a line, its instant first, then its kind and
 * fields, then after {@code #} the policy paragraph behind it. Stable and readable; {@link
 * #parse} gives back exactly the events {@link #format} was given (the comments are for people).
 *
 * <pre>
 * 2026-12-14T09:00:00Z raise by=IRO  # Practice Resolution: Stage 1
 * 2026-12-22T00:00:00Z deadline stage=1  # Practice Resolution: a response is required within 5 working days
 * 2026-12-23T10:30:00Z bypass by=IRO target=4 reason="child at risk"
 * </pre>
 */
public final class EventLog {

  /** The fields each kind of event is written with, and no others. */
  private static final Map<String, Set<String>> KEYS = Map.ofEntries(
      Map.entry("raise", Set.of("by", "stage", "reason")),
      Map.entry("respond", Set.of("by", "resolving")),
      Map.entry("bypass", Set.of("by", "target", "reason")),
      Map.entry("refer", Set.of("by", "outcome", "reason")),
      Map.entry("request-extension", Set.of("by", "amount", "in-writing", "rationale")),
      Map.entry("set-timescale", Set.of("by", "amount")),
      Map.entry("escalate", Set.of("by")),
      Map.entry("grant-extension", Set.of("by")),
      Map.entry("decline-extension", Set.of("by")),
      Map.entry("unavailable", Set.of("role")),
      Map.entry("agree", Set.of("role")),
      Map.entry("advise", Set.of("role")),
      Map.entry("set", Set.of("attribute", "value")),
      Map.entry("decide", Set.of("by", "decision", "value")),
      Map.entry("grade", Set.of("scale", "section", "grade")),
      Map.entry("occur", Set.of("event")),
      Map.entry("set-date", Set.of("date", "on")),
      Map.entry("withdraw", Set.of("by", "reason")),
      Map.entry("deadline", Set.of("stage")),
      Map.entry("reminder", Set.of("stage")),
      Map.entry("trigger-due", Set.of("trigger")),
      Map.entry("step-done", Set.of("by", "step")),
      Map.entry("step-deadline", Set.of("stage", "step")),
      // raised-by= is absent from the logs written before a migration recorded who raised it
      Map.entry("migrated", Set.of("from-version", "from-fingerprint", "raised", "raised-by",
          "stage", "entered", "completed", "agreements", "advice", "facts")));

  /** Written on the line of any event that set a deadline (see {@link Deadlines}). */
  private static final String DUE = "due";

  private EventLog() {}

  /**
   * The log, each line with the policy paragraph behind its event; a deadline's line cites the
   * timescale that set it (replayed on the protocol's calendar). A list of events the engine
   * would refuse is written all the same, its deadlines citing their stage.
   */
  public static String format(List<CaseEvent> events, Protocol protocol) {
    List<Deadlines.Line> lines;
    try {
      lines = Deadlines.lines(protocol, WorkingCalendar.of(protocol.header().calendar(),
          protocol.header().zone()), events, Map.of());
    } catch (RefusedEvent refused) {
      lines = events.stream().map(e -> Deadlines.Line.none()).toList();
    }
    return write(events, protocol, lines, false);
  }

  /**
   * The log with the deadline each event set written on its line ({@code due=}, see {@link
   * Deadlines}); {@code lines} has one entry per event.
   */
  static String format(List<CaseEvent> events, Protocol protocol, List<Deadlines.Line> lines) {
    return write(events, protocol, lines, true);
  }

  private static String write(List<CaseEvent> events, Protocol protocol,
      List<Deadlines.Line> lines, boolean dues) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < events.size(); i++) {
      CaseEvent e = events.get(i);
      out.append(line(e));
      if (dues) {
        lines.get(i).due().ifPresent(d -> out.append(" due=").append(d));
      }
      boolean soft = e instanceof CaseEvent.DeadlinePassed
          && lines.get(i).missed().map(org.escalon.model.Timescale::soft).orElse(false);
      Optional<Citation> cited = citation(e, protocol, lines.get(i));
      Optional<org.escalon.machine.RaiseClocks.Late> late = e instanceof CaseEvent.Raise r
          ? lateRaise(protocol, events.subList(0, i), r) : Optional.empty();
      if (late.isPresent()) {
        out.append("  # raised late: due by ").append(late.get().due()).append(", counted from ")
            .append(late.get().event()).append(" at ").append(late.get().happened())
            .append(late.get().clock().citation().map(c -> ". " + escape(c.text())).orElse(""));
      } else if (soft) {
        out.append("  # missed, a soft deadline: recorded; the escalator decides")
            .append(cited.map(c -> ". " + escape(c.text())).orElse(""));
      } else {
        cited.ifPresent(c -> out.append("  # ").append(escape(c.text())));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** A raise late under the protocol's clock on raising, from the events logged before it. */
  private static Optional<org.escalon.machine.RaiseClocks.Late> lateRaise(Protocol protocol,
      List<CaseEvent> before, CaseEvent.Raise raise) {
    if (protocol.header().raiseWithin().isEmpty()) {
      return Optional.empty();
    }
    Map<String, List<Instant>> occurrences = new java.util.HashMap<>();
    before.stream().filter(CaseEvent.Occur.class::isInstance).map(CaseEvent.Occur.class::cast)
        .forEach(o -> occurrences.computeIfAbsent(o.event(), k -> new java.util.ArrayList<>())
            .add(o.at()));
    return org.escalon.machine.RaiseClocks.late(protocol, WorkingCalendar.of(
        protocol.header().calendar(), protocol.header().zone()), Optional.of(raise.at()),
        occurrences);
  }

  /** The deadlines a log recorded ({@code due=}), by the index of the event whose line has one. */
  public static Map<Integer, Instant> dues(String text) {
    Map<Integer, Instant> dues = new LinkedHashMap<>();
    int index = 0;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      for (String word : words(line)) {
        if (word.startsWith("due=")) {
          try {
            dues.put(index, Instant.parse(word.substring(4)));
          } catch (RuntimeException e) {
            throw new IllegalArgumentException("line " + (i + 1) + " of the log: due= is not an "
                + "instant: " + word.substring(4), e);
          }
        }
      }
      index++;
    }
    return dues;
  }

  static String line(CaseEvent e) {
    Map<String, String> f = new LinkedHashMap<>();
    String kind = CaseEventCases.on(e, new CaseEventCases<>() {
      @Override
      public String raise(CaseEvent.Raise r) {
        f.put("by", r.by());
        r.stage().ifPresent(v -> f.put("stage", v));
        r.reason().ifPresent(v -> f.put("reason", v));
        return "raise";
      }

      @Override
      public String respond(CaseEvent.Respond r) {
        f.put("by", r.by());
        f.put("resolving", r.resolving() ? "yes" : "no");
        return "respond";
      }

      @Override
      public String bypass(CaseEvent.Bypass b) {
        f.put("by", b.by());
        f.put("target", b.target());
        b.reason().ifPresent(v -> f.put("reason", v));
        return "bypass";
      }

      @Override
      public String refer(CaseEvent.Refer r) {
        f.put("by", r.by());
        f.put("outcome", r.outcome());
        r.reason().ifPresent(v -> f.put("reason", v));
        return "refer";
      }

      @Override
      public String requestExtension(CaseEvent.RequestExtension r) {
        f.put("by", r.by());
        f.put("amount", r.amount().amount() + ":" + r.amount().unit().name());
        f.put("in-writing", r.inWriting() ? "yes" : "no");
        r.rationale().ifPresent(v -> f.put("rationale", v));
        return "request-extension";
      }

      @Override
      public String grantExtension(CaseEvent.GrantExtension g) {
        f.put("by", g.by());
        return "grant-extension";
      }

      @Override
      public String declineExtension(CaseEvent.DeclineExtension d) {
        f.put("by", d.by());
        return "decline-extension";
      }

      @Override
      public String setTimescale(CaseEvent.SetTimescale t) {
        f.put("by", t.by());
        f.put("amount", t.amount().amount() + ":" + t.amount().unit().name());
        return "set-timescale";
      }

      @Override
      public String escalate(CaseEvent.Escalate x) {
        f.put("by", x.by());
        return "escalate";
      }

      @Override
      public String unavailable(CaseEvent.Unavailable u) {
        f.put("role", u.role());
        return "unavailable";
      }

      @Override
      public String agree(CaseEvent.Agree a) {
        f.put("role", a.role());
        return "agree";
      }

      @Override
      public String advise(CaseEvent.Advise a) {
        f.put("role", a.role());
        return "advise";
      }

      @Override
      public String setAttribute(CaseEvent.SetAttribute s) {
        f.put("attribute", s.attribute());
        f.put("value", s.value());
        return "set";
      }

      @Override
      public String decide(CaseEvent.Decide d) {
        f.put("by", d.by());
        f.put("decision", d.decision());
        f.put("value", d.yes() ? "yes" : "no");
        return "decide";
      }

      @Override
      public String grade(CaseEvent.Grade g) {
        f.put("scale", g.scale());
        f.put("section", g.section());
        f.put("grade", g.grade());
        return "grade";
      }

      @Override
      public String occur(CaseEvent.Occur o) {
        f.put("event", o.event());
        return "occur";
      }

      @Override
      public String setDate(CaseEvent.SetDate d) {
        f.put("date", d.date());
        f.put("on", d.on().toString());
        return "set-date";
      }

      @Override
      public String withdraw(CaseEvent.Withdraw w) {
        f.put("by", w.by());
        w.reason().ifPresent(v -> f.put("reason", v));
        return "withdraw";
      }

      @Override
      public String deadlinePassed(CaseEvent.DeadlinePassed d) {
        f.put("stage", d.stage());
        return "deadline";
      }

      @Override
      public String reminderDue(CaseEvent.ReminderDue r) {
        f.put("stage", r.stage());
        return "reminder";
      }

      @Override
      public String triggerDue(CaseEvent.TriggerDue t) {
        f.put("trigger", t.trigger());
        return "trigger-due";
      }

      @Override
      public String stepDone(CaseEvent.StepDone d) {
        f.put("by", d.by());
        f.put("step", d.step());
        return "step-done";
      }

      @Override
      public String stepDeadlinePassed(CaseEvent.StepDeadlinePassed d) {
        f.put("stage", d.stage());
        f.put("step", d.step());
        return "step-deadline";
      }

      @Override
      public String migrated(CaseEvent.Migrated m) {
        f.put("from-version", m.fromVersion());
        f.put("from-fingerprint", m.fromFingerprint());
        f.put("raised", m.raisedAt().toString());
        m.raisedBy().ifPresent(v -> f.put("raised-by", v));
        f.put("stage", m.stage());
        f.put("entered", m.entered().toString());
        f.put("completed", String.join(",", m.completed()));
        f.put("agreements", String.join(",", m.agreements()));
        f.put("advice", String.join(",", m.advice()));
        List<String> facts = new ArrayList<>();
        m.attributes().forEach((k, v) -> facts.add(k + "=" + v));
        f.put("facts", String.join(",", facts));
        return "migrated";
      }
    });
    StringBuilder out = new StringBuilder(e.at().toString()).append(' ').append(kind);
    f.forEach((k, v) -> out.append(' ').append(k).append('=').append(quote(v)));
    return out.toString();
  }

  /** Reads the events of a log; throws {@link IllegalArgumentException} naming a bad line. */
  public static List<CaseEvent> parse(String text) {
    return numbered(text).stream().map(Numbered::event).toList();
  }

  /**
   * Reads a log and checks that the engine could have written it for this protocol: replaying it
   * event by event, every deadline and reminder that fell due before an event has its own line
   * (the engine writes one the moment it passes), no event is one the engine would refuse, and
   * the instants never go back. A log with its deadline lines deleted would otherwise replay to a
   * state the protocol forbids. Throws {@link IllegalArgumentException} naming the line.
   */
  public static List<CaseEvent> parse(String text, Protocol protocol, WorkingCalendar calendar) {
    List<Numbered> lines = numbered(text);
    Map<Integer, Instant> recorded = dues(text);
    Rules rules = new Rules(OperationalModel.of(protocol), calendar);
    EscalationState state = EscalationState.initial();
    for (int index = 0; index < lines.size(); index++) {
      Numbered n = lines.get(index);
      CaseEvent e = n.event();
      Optional<Instant> due = rules.nextDue(state);
      boolean timeEvent = EventRecord.of(e).byEngine();
      if (!timeEvent && due.isPresent() && !due.get().isAfter(e.at())) {
        EscalationState s = state;
        String what = rules.triggerDue(s).map(d -> "the time trigger " + d.trigger()
            + " waits for").orElseGet(() -> (s.nextStepDue().equals(due)
            ? "the deadline on a step of stage " : s.deadline().equals(due)
            ? "the deadline of stage " : "a reminder at stage ") + s.stage().orElse("?"));
        throw bad(n, what + " fell due at " + due.get() + ", before this event, but "
            + "the log has no line for it; the engine writes one when it passes, so the log has "
            + "been edited");
      }
      if (timeEvent && (due.isEmpty() || due.get().isAfter(e.at()))) {
        throw bad(n, "nothing fell due by " + e.at() + "; the engine writes a deadline or reminder "
            + "line only when one passes");
      }
      try {
        // the deadline the engine computed, as recorded, not as today's calendar counts it
        state = Deadlines.recorded(rules.apply(state, e).state(), recorded.get(index));
      } catch (RefusedEvent refused) {
        throw bad(n, "the engine refuses this event (" + refused.getMessage() + "), so it never "
            + "writes it to a log");
      }
    }
    return lines.stream().map(Numbered::event).toList();
  }

  /** An event and the line of the log it was read from. */
  private record Numbered(int line, CaseEvent event) {}

  private static IllegalArgumentException bad(Numbered n, String message) {
    return new IllegalArgumentException("line " + n.line() + " of the log: " + message);
  }

  private static List<Numbered> numbered(String text) {
    List<Numbered> events = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    Instant last = Instant.MIN;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Numbered n;
      try {
        n = new Numbered(i + 1, event(line));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("line " + (i + 1) + " of the log: " + e.getMessage(), e);
      }
      if (n.event().at().isBefore(last)) {
        throw bad(n, "this event at " + n.event().at() + " comes after one at " + last
            + "; the engine writes events in the order they happen");
      }
      last = n.event().at();
      events.add(n);
    }
    return events;
  }

  private static CaseEvent event(String line) {
    List<String> words = words(line);
    if (words.size() < 2) {
      throw new IllegalArgumentException("expected an instant and a kind of event");
    }
    Instant at = Instant.parse(words.get(0));
    Map<String, String> f = new LinkedHashMap<>();
    for (String word : words.subList(2, words.size())) {
      int eq = word.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("expected key=value, found " + word);
      }
      if (f.put(word.substring(0, eq), word.substring(eq + 1)) != null) {
        throw new IllegalArgumentException(word.substring(0, eq) + "= is given twice");
      }
    }
    Set<String> known = KEYS.get(words.get(1));
    if (known == null) {
      throw new IllegalArgumentException("unknown kind of event " + words.get(1));
    }
    for (String k : f.keySet()) {
      if (!known.contains(k) && !k.equals(DUE)) {
        throw new IllegalArgumentException("a " + words.get(1) + " event has no " + k
            + "= (it has " + String.join("=, ", known) + "=)");
      }
    }
    Function<String, String> need = k -> {
      String v = f.get(k);
      if (v == null) {
        throw new IllegalArgumentException("missing " + k + "=");
      }
      return v;
    };
    Function<String, Optional<String>> may = k -> Optional.ofNullable(f.get(k));
    return switch (words.get(1)) {
      case "raise" -> new CaseEvent.Raise(at, need.apply("by"), may.apply("stage"),
          may.apply("reason"));
      case "respond" -> new CaseEvent.Respond(at, need.apply("by"),
          yes(need.apply("resolving")));
      case "bypass" -> new CaseEvent.Bypass(at, need.apply("by"), need.apply("target"),
          may.apply("reason"));
      case "refer" -> new CaseEvent.Refer(at, need.apply("by"), need.apply("outcome"),
          may.apply("reason"));
      case "request-extension" -> new CaseEvent.RequestExtension(at, need.apply("by"),
          duration(need.apply("amount")), yes(need.apply("in-writing")), may.apply("rationale"));
      case "grant-extension" -> new CaseEvent.GrantExtension(at, need.apply("by"));
      case "set-timescale" -> new CaseEvent.SetTimescale(at, need.apply("by"),
          duration(need.apply("amount")));
      case "decline-extension" -> new CaseEvent.DeclineExtension(at, need.apply("by"));
      case "escalate" -> new CaseEvent.Escalate(at, need.apply("by"));
      case "unavailable" -> new CaseEvent.Unavailable(at, need.apply("role"));
      case "agree" -> new CaseEvent.Agree(at, need.apply("role"));
      case "advise" -> new CaseEvent.Advise(at, need.apply("role"));
      case "set" -> new CaseEvent.SetAttribute(at, need.apply("attribute"), need.apply("value"));
      case "decide" -> new CaseEvent.Decide(at, need.apply("by"), need.apply("decision"),
          yes(need.apply("value")));
      case "grade" -> new CaseEvent.Grade(at, need.apply("scale"), need.apply("section"),
          need.apply("grade"));
      case "occur" -> new CaseEvent.Occur(at, need.apply("event"));
      case "set-date" -> new CaseEvent.SetDate(at, need.apply("date"),
          Instant.parse(need.apply("on")));
      case "withdraw" -> new CaseEvent.Withdraw(at, need.apply("by"), may.apply("reason"));
      case "deadline" -> new CaseEvent.DeadlinePassed(at, need.apply("stage"));
      case "reminder" -> new CaseEvent.ReminderDue(at, need.apply("stage"));
      case "trigger-due" -> new CaseEvent.TriggerDue(at, need.apply("trigger"));
      case "step-done" -> new CaseEvent.StepDone(at, need.apply("by"), need.apply("step"));
      case "step-deadline" -> new CaseEvent.StepDeadlinePassed(at, need.apply("stage"),
          need.apply("step"));
      case "migrated" -> new CaseEvent.Migrated(at, need.apply("from-version"),
          need.apply("from-fingerprint"), Instant.parse(need.apply("raised")),
          may.apply("raised-by"), need.apply("stage"), Instant.parse(need.apply("entered")), list(need.apply("completed")),
          list(need.apply("agreements")), list(need.apply("advice")), facts(need.apply("facts")));
      default -> throw new IllegalArgumentException("unknown kind of event " + words.get(1));
    };
  }

  private static List<String> list(String v) {
    return v.isEmpty() ? List.of() : List.of(v.split(","));
  }

  private static java.util.SortedMap<String, String> facts(String v) {
    java.util.SortedMap<String, String> facts = new java.util.TreeMap<>();
    for (String fact : list(v)) {
      int eq = fact.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("expected fact=value, found " + fact);
      }
      facts.put(fact.substring(0, eq), fact.substring(eq + 1));
    }
    return facts;
  }

  private static boolean yes(String v) {
    if (!v.equals("yes") && !v.equals("no")) {
      throw new IllegalArgumentException("expected yes or no, found " + v);
    }
    return v.equals("yes");
  }

  private static Timespan duration(String v) {
    int colon = v.indexOf(':');
    return new Timespan(Integer.parseInt(v.substring(0, colon)),
        TimeUnit.valueOf(v.substring(colon + 1)));
  }

  /** Splits a line into words; quoted values may hold spaces; a {@code #} outside quotes ends it. */
  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '\\' && i + 1 < line.length()) {
          i = unescape(line, i + 1, word);
        } else if (c == '"') {
          quoted = false;
        } else {
          word.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        any = true;
      } else if (c == '#') {
        break;
      } else if (Character.isWhitespace(c)) {
        if (any || word.length() > 0) {
          words.add(word.toString());
        }
        word.setLength(0);
        any = false;
      } else {
        word.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("a quoted value is not closed");
    }
    if (any || word.length() > 0) {
      words.add(word.toString());
    }
    return words;
  }

  private static String quote(String v) {
    if (!v.isEmpty() && v.chars().allMatch(c -> c < 128 && (Character.isLetterOrDigit(c)
        || "_-./:+".indexOf(c) >= 0))) {
      return v;
    }
    return '"' + escape(v).replace("\"", "\\\"") + '"';
  }

  /**
   * Text with every character a line could not carry safely written as an escape: the backslash,
   * line breaks, tabs, and every other control or format character and non-character as
   * {@code \\u} and its four hex digits. A reason with a newline then stays on its line and reads
   * back the same.
   */
  static String escape(String v) {
    StringBuilder out = new StringBuilder(v.length());
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          int type = Character.getType(c);
          if (type == Character.CONTROL || type == Character.FORMAT
              || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
              || c == '\uFFFE' || c == '\uFFFF') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** Reads the escape after a backslash at {@code at}; returns the index of its last character. */
  private static int unescape(String line, int at, StringBuilder word) {
    char c = line.charAt(at);
    switch (c) {
      case 'n' -> word.append('\n');
      case 'r' -> word.append('\r');
      case 't' -> word.append('\t');
      case 'u' -> {
        if (at + 4 >= line.length()) {
          throw new IllegalArgumentException("\\u needs four hexadecimal digits");
        }
        try {
          word.append((char) Integer.parseInt(line.substring(at + 1, at + 5), 16));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("\\u needs four hexadecimal digits");
        }
        return at + 4;
      }
      default -> word.append(c);
    }
    return at;
  }

  private static Optional<Citation> citation(CaseEvent e, Protocol p, Deadlines.Line line) {
    Optional<Citation> extension = p.extension().flatMap(x -> x.citations().stream().findFirst());
    return CaseEventCases.on(e, new CaseEventCases<>() {
      @Override
      public Optional<Citation> raise(CaseEvent.Raise r) {
        String stage = r.stage().orElse(p.stages().get(0).key());
        return p.stage(stage).flatMap(s -> s.citations().stream().findFirst());
      }

      @Override
      public Optional<Citation> respond(CaseEvent.Respond r) {
        return Optional.empty();
      }

      @Override
      public Optional<Citation> bypass(CaseEvent.Bypass b) {
        // the right that applied; a log the engine would refuse cites the role's first
        return line.right().flatMap(r -> r.citation()).or(() -> p.rights().stream()
            .filter(r -> r.role().equals(b.by()) && r.kind() == org.escalon.model.Right.Kind.BYPASS)
            .findFirst().flatMap(r -> r.citation()));
      }

      @Override
      public Optional<Citation> refer(CaseEvent.Refer r) {
        return line.right().flatMap(x -> x.citation())
            .or(() -> p.outcome(r.outcome()).flatMap(o -> o.citations().stream().findFirst()));
      }

      @Override
      public Optional<Citation> requestExtension(CaseEvent.RequestExtension r) {
        return extension;
      }

      @Override
      public Optional<Citation> grantExtension(CaseEvent.GrantExtension g) {
        return extension;
      }

      @Override
      public Optional<Citation> declineExtension(CaseEvent.DeclineExtension d) {
        return extension;
      }

      @Override
      public Optional<Citation> setTimescale(CaseEvent.SetTimescale t) {
        return p.stages().stream().flatMap(s -> s.timescales().stream())
            .filter(x -> x.setBy().isPresent()).findFirst().flatMap(x -> x.citation());
      }

      @Override
      public Optional<Citation> escalate(CaseEvent.Escalate x) {
        // the soft timescale whose deadline was missed
        return p.stages().stream().flatMap(s -> s.timescales().stream())
            .filter(org.escalon.model.Timescale::soft).findFirst().flatMap(t -> t.citation());
      }

      @Override
      public Optional<Citation> unavailable(CaseEvent.Unavailable u) {
        // the `to` line that names the substitute
        return OperationalModel.of(p).stages().stream()
            .flatMap(s -> s.respondents().substituteOf(u.role()).stream()).findFirst()
            .flatMap(s -> s.citation());
      }

      @Override
      public Optional<Citation> agree(CaseEvent.Agree a) {
        return Optional.empty();
      }

      @Override
      public Optional<Citation> advise(CaseEvent.Advise a) {
        return Optional.empty();
      }

      @Override
      public Optional<Citation> setAttribute(CaseEvent.SetAttribute a) {
        return Optional.empty();
      }

      @Override
      public Optional<Citation> decide(CaseEvent.Decide d) {
        return p.attributes().stream().filter(a -> a.name().equals(d.decision()))
            .flatMap(a -> a.decision().stream()).flatMap(x -> x.citations().stream()).findFirst();
      }

      @Override
      public Optional<Citation> grade(CaseEvent.Grade g) {
        return Optional.empty();
      }

      @Override
      public Optional<Citation> occur(CaseEvent.Occur o) {
        return Optional.empty();
      }

      @Override
      public Optional<Citation> setDate(CaseEvent.SetDate d) {
        return Optional.empty();
      }

      @Override
      public Optional<Citation> withdraw(CaseEvent.Withdraw w) {
        return Optional.empty();
      }

      @Override
      public Optional<Citation> deadlinePassed(CaseEvent.DeadlinePassed d) {
        // the timescale the stay recorded, as the model chose it; else the stage's own paragraph
        return line.missed().flatMap(t -> t.citation())
            .or(() -> p.stage(d.stage()).flatMap(s -> s.citations().stream().findFirst()));
      }

      @Override
      public Optional<Citation> reminderDue(CaseEvent.ReminderDue r) {
        return Optional.empty();
      }

      @Override
      public Optional<Citation> triggerDue(CaseEvent.TriggerDue t) {
        return p.triggers().stream().filter(x -> x.name().equals(t.trigger()))
            .flatMap(x -> x.citations().stream()).findFirst();
      }

      @Override
      public Optional<Citation> migrated(CaseEvent.Migrated m) {
        return Optional.empty();
      }

      @Override
      public Optional<Citation> stepDone(CaseEvent.StepDone d) {
        return Optional.empty();
      }

      @Override
      public Optional<Citation> stepDeadlinePassed(CaseEvent.StepDeadlinePassed d) {
        return org.escalon.machine.StepClocks.citation(OperationalModel.of(p), d.stage(),
            d.step());
      }
    });
  }
}
