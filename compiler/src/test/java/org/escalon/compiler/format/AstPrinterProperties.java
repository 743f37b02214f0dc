package org.escalon.compiler.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.escalon.compiler.ast.ProtocolFile;
import org.escalon.compiler.syntax.Strings;

/**
 * The formatter's invariants on random protocols: (a) the printed text reads back as the same tree,
 * spans aside; (b) printing is idempotent. Protocols are generated as text, from a small grammar of
 * valid statements laid out with random spaces, line breaks and comments between any two words,
 * so that the parser's placing of comments is exercised too.
 */
class AstPrinterProperties {

  private final AstPrinter printer = new AstPrinter();

  @Property(tries = 200)
  void printedTextReadsBackAsTheSameTree(@ForAll("protocols") String text) {
    assertInvariants(text);
  }

  @Property(tries = 200)
  void nestedExpressionsKeepTheirShape(@ForAll("expressionProtocols") String text) {
    assertInvariants(text);
  }

  @Property(tries = 100)
  void printedTextIsTidy(@ForAll("protocols") String text) {
    String printed = printer.print(AstPrinterTest.parse(text));
    assertTrue(printed.endsWith("\n") && !printed.endsWith("\n\n"), "exactly one final newline");
    for (String line : printed.substring(0, printed.length() - 1).split("\n", -1)) {
      assertFalse(line.endsWith(" ") || line.contains("\t") || line.contains("\r"),
          () -> "untidy line [" + line + "] in\n" + printed);
      assertTrue(line.isEmpty() || (line.length() - line.stripLeading().length()) % 2 == 0,
          () -> "odd indentation [" + line + "] in\n" + printed);
    }
    assertFalse(printed.contains("\n\n\n"), "at most one blank line at a time");
  }

  private void assertInvariants(String text) {
    ProtocolFile ast = AstPrinterTest.parse(text);
    String printed = printer.print(ast);
    ProtocolFile again = AstPrinterTest.parse(printed);
    assertEquals(SpanEraser.erase(ast), SpanEraser.erase(again),
        () -> "(a) fails: the printed text reads back as another tree.\n--- source\n" + text
            + "\n--- printed\n" + printed);
    assertEquals(printed, printer.print(again),
        () -> "(b) fails: printing is not idempotent.\n--- source\n" + text);
  }

  // -------------------------------------------------------------------------------------------
  // Whole protocols

  @Provide
  Arbitrary<String> protocols() {
    return layout(protocol(declaration().list().ofMaxSize(14).map(AstPrinterProperties::flat)));
  }

  @Provide
  Arbitrary<String> expressionProtocols() {
    Arbitrary<List<String>> decl = Arbitraries.oneOf(
        block(seq(lit("stage"), tok(stageKey())), seq(lit("only if"), condition(4)), 3),
        block(seq(lit("trigger"), tok(eventName())), seq(lit("when"), history(4)), 3),
        block(seq(lit("property"), string()), seq(claim(4), citation()), 3));
    return layout(protocol(decl.list().ofMinSize(1).ofMaxSize(4).map(AstPrinterProperties::flat)));
  }

  private static Arbitrary<List<String>> protocol(Arbitrary<List<String>> body) {
    return seq(lit("protocol"), string(), lit("{"), body, lit("}"));
  }

  private static Arbitrary<List<String>> declaration() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, header()),
        Tuple.of(2, seq(lit("agency"), tok(agency()), opt(string()), citation())),
        Tuple.of(3, role()),
        Tuple.of(2, attribute()),
        Tuple.of(1, seq(lit("event"), tok(eventName()), opt(string()), citation())),
        Tuple.of(1, seq(lit("date"), tok(eventName()), opt(string()), citation())),
        Tuple.of(2, scale()),
        Tuple.of(1, form()),
        Tuple.of(5, block(seq(lit("stage"), tok(stageKey()), opt(string())), stageStatement(), 6)),
        Tuple.of(2, block(seq(lit("outcome"), tok(outcome()), opt(string())), stageStatement(), 3)),
        Tuple.of(2, block(seq(lit("at"), stageSet()), stageStatement(), 3)),
        Tuple.of(3, right()),
        Tuple.of(1, block(lit("extension"), extensionStatement(), 4)),
        Tuple.of(2, block(seq(lit("trigger"), tok(eventName()), opt(string())), triggerStatement(), 3)),
        Tuple.of(1, block(seq(lit("limit"), string()), limitStatement(), 3)),
        Tuple.of(2, block(seq(lit("property"), string()), propertyStatement(), 3)));
  }

  // -------------------------------------------------------------------------------------------
  // Protocol-level statements

  private static Arbitrary<List<String>> header() {
    return Arbitraries.oneOf(
        seq(lit("version"), string(), citation()),
        seq(lit("status"), tok(Arbitraries.of("draft", "ratified")), citation()),
        seq(lit("effective"), tok(date()), citation()),
        seq(lit("review"), opt(lit("by")), tok(date()), citation()),
        seq(lit("owner"), string(), citation()),
        seq(lit("calendar"), tok(Arbitraries.of("england-and-wales", "scotland")), citation()),
        seq(lit("closed"), tok(date()), opt(seq(lit("to"), tok(date()))), citation()),
        seq(lit("closed every year from"), tok(monthDay()), lit("to"), tok(monthDay()),
            citation()),
        seq(lit("time zone"), string(), citation()),
        seq(lit("raised by"), tok(roleName()), citation()),
        // a clock on raising: a duration with an optional firmness, or an urgency word (a word
        // of several words is one token, kept on one line)
        seq(lit("raise within"), opt(lit("the")), duration(), lit("after"),
            list(tok(eventName()), 1, 3, lit("or")), opt(Arbitraries.oneOf(
                tok(Arbitraries.just("where possible")), phrase("as a guide"))), citation()),
        seq(lit("raise"), tok(Arbitraries.of("immediately", "without delay",
            "as soon as possible")),
            lit("after"), list(tok(eventName()), 1, 2, lit("or")), citation()),
        seq(lit("source"), string()));
  }

  private static Arbitrary<List<String>> role() {
    Arbitrary<List<String>> equivalent = Arbitraries.oneOf(
        seq(lit("in"), tok(agency()), list(string(), 1, 3, lit(",")), citation()),
        seq(lit("source"), string()));
    Arbitrary<List<String>> body = seq(lit("{"), many(equivalent, 3), lit("}"));
    // Before a body, a citation must stay on the role's line: on a line of its own it would be a
    // statement of the protocol, and the body would stand alone.
    Arbitrary<List<String>> sameLineCitation = opt(seq(lit(SAME_LINE), lit("source"), string()));
    return Arbitraries.oneOf(
        seq(lit("role"), tok(roleName()), opt(string()), opt(lit("external")),
            // `looked up in directory` is one token of four words: kept together
            opt(seq(Arbitraries.just(List.of("looked up in directory")), string(),
                opt(lit("per agency")))), citation()),
        seq(lit("role"), tok(roleName()), opt(string()), opt(lit("external")), sameLineCitation,
            body));
  }

  private static Arbitrary<List<String>> attribute() {
    return seq(lit("attribute"), tok(attributeName()), opt(string()),
        opt(seq(lit("one of"), list(tok(choice()), 1, 3, listSep()))), citation());
  }

  private static Arbitrary<List<String>> scale() {
    Arbitrary<List<String>> value =
        seq(tok(Arbitraries.of("inadequate", "good", "outstanding", "requires_improvement")),
            opt(seq(lit("="), tok(Arbitraries.integers().between(0, 12).map(String::valueOf)))));
    return seq(lit("scale"), tok(Arbitraries.of("grading", "rating")), opt(string()), lit("{"),
        list(value, 1, 4, lit(",")), opt(lit(",")), lit("}"), citation());
  }

  private static Arbitrary<List<String>> form() {
    Arbitrary<List<String>> type = Arbitraries.oneOf(
        lit("text"), lit("date"), lit("number"), lit("yes-no"), lit("stage"), lit("role"),
        seq(lit("one of"), list(tok(choice()), 1, 3, listSep())));
    Arbitrary<List<String>> statement = Arbitraries.oneOf(
        seq(lit("field"), tok(Arbitraries.of("child_name", "dob", "adhered")), opt(string()), type,
            citation()),
        seq(lit("source"), string()));
    return block(seq(lit("form"), tok(Arbitraries.of("EscalationNotice", "Referral")),
        opt(string())), statement, 3);
  }

  private static Arbitrary<List<String>> right() {
    Arbitrary<List<String>> target = Arbitraries.oneOf(stageRef(), tok(outcome()));
    Arbitrary<List<String>> targets = Arbitraries.oneOf(
        lit("any stage"), lit("any of stage"), list(target, 1, 3, listSep()));
    Arbitrary<List<String>> kind = Arbitraries.oneOf(
        seq(lit("start at"), targets),
        seq(lit("bypass to"), targets),
        seq(lit("refer to"), tok(outcome()), opt(lit("at any time"))));
    return seq(tok(roleName()), lit("may"), kind, opt(lit("with reason")),
        opt(lit("concurrently")), opt(seq(lit("if"), condition(2))), citation());
  }

  private static Arbitrary<List<String>> stageSet() {
    return Arbitraries.oneOf(
        seq(lit("every stage"), opt(seq(lit("from"), stage())),
            opt(seq(lit("except"), stageRefs()))),
        stageRefs());
  }

  // -------------------------------------------------------------------------------------------
  // Block statements

  private static Arbitrary<List<String>> stageStatement() {
    Arbitrary<List<String>> roles = roles();
    Arbitrary<List<String>> guard = opt(seq(lit("if"), condition(2)));
    // a step's deadline: a duration, or a word for urgency (the words are one token each)
    Arbitrary<List<String>> deadline = opt(Arbitraries.oneOf(
        seq(lit("within"), opt(lit("the")), duration()),
        // counted back from a known date: `within 48 hours before the conference`
        seq(lit("within"), opt(lit("the")), duration(), lit("before"), opt(lit("the")),
            tok(eventName())),
        Arbitraries.of("immediately", "without delay", "as soon as possible").map(List::of)));
    Arbitrary<List<String>> requirement = Arbitraries.oneOf(
        seq(lit("completed"), stageRefs()),
        seq(lit("agreement of"), tok(roleName())),
        seq(lit("advice of"), tok(roleName())),
        condition(1));
    Arbitrary<List<String>> response =
        phrase("resolved", "unsatisfactory", "no response", "not resolved");
    Arbitrary<List<String>> target = Arbitraries.oneOf(stage(), lit("resolved"), tok(outcome()));
    Arbitrary<List<String>> subject = Arbitraries.oneOf(string(), tok(formName()));
    return Arbitraries.oneOf(
        seq(lit("to"), roles, opt(lit("in both agencies")),
            // `when unavailable` is one token of two words: kept together
            opt(seq(lit(", or"), tok(roleName()),
                Arbitraries.just(List.of("when unavailable")))), guard, citation()),
        seq(lit("copy"), roles, guard, citation()),
        seq(tok(Arbitraries.of("notify", "advise", "consult")), roles, opt(string()), deadline,
            guard, citation()),
        seq(lit("action"), opt(tok(Arbitraries.of("follow_up", "chase", "meet_2"))), string(),
            opt(seq(lit("by"), tok(roleName()))), deadline, guard, citation()),
        seq(lit("record"), subject, opt(seq(lit("sent to"), roles)), deadline, guard,
            citation()),
        seq(lit("remind"), roles, lit("every"), duration(), opt(lit("until resolved")),
            opt(seq(lit("copying"), roles)), guard, citation()),
        seq(lit("respond within"), opt(lit("the")), duration(), guard, citation()),
        seq(lit("respond by"), duration(), lit("after"),
            Arbitraries.oneOf(lit("start"), lit("the start"), tok(eventName())), guard,
            citation()),
        seq(lit("requires"), list(requirement, 1, 3, lit(",")), citation()),
        seq(lit("only if"), condition(2), citation()),
        seq(lit("when"), response, lit("go to"), target, citation()),
        block(lit("extension"), extensionStatement(), 3),
        seq(lit("source"), string()));
  }

  private static Arbitrary<List<String>> extensionStatement() {
    return Arbitraries.oneOf(
        seq(lit("requested by"), roles(), opt(lit("in writing")), opt(lit("with rationale")),
            citation()),
        seq(lit("granted by"), roles(), citation()),
        seq(lit("up to"), duration(), citation()),
        seq(lit("at most"), tok(Arbitraries.integers().between(0, 5).map(String::valueOf)),
            lit("times"), opt(Arbitraries.oneOf(lit("per stage"), lit("in total"))), citation()),
        seq(lit("record"), Arbitraries.oneOf(string(), tok(formName())), citation()),
        seq(lit("notify"), roles(), citation()),
        seq(lit("source"), string()));
  }

  private static Arbitrary<List<String>> triggerStatement() {
    return Arbitraries.oneOf(
        seq(lit("when"), history(2), citation()),
        seq(lit("raise at"), stage(), citation()),
        seq(lit("source"), string()));
  }

  private static Arbitrary<List<String>> limitStatement() {
    Arbitrary<List<String>> scope =
        opt(seq(lit("of"), Arbitraries.oneOf(lit("all stages"), stageRefs())));
    return Arbitraries.oneOf(
        seq(lit("total"), scope, lit("at most"), duration(), citation()),
        seq(lit("source"), string()));
  }

  private static Arbitrary<List<String>> propertyStatement() {
    return Arbitraries.oneOf(seq(claim(2), citation()), seq(lit("source"), string()));
  }

  // -------------------------------------------------------------------------------------------
  // Expressions, nested up to a depth

  private static Arbitrary<List<String>> condition(int depth) {
    Arbitrary<List<String>> atom = Arbitraries.oneOf(
        tok(attributeName()), seq(tok(attributeName()), lit("is"), tok(choice())));
    if (depth == 0) {
      return atom;
    }
    Arbitrary<List<String>> sub = condition(depth - 1);
    return Arbitraries.frequencyOf(
        Tuple.of(3, atom),
        Tuple.of(1, seq(lit("not"), sub)),
        Tuple.of(1, seq(sub, lit("and"), sub)),
        Tuple.of(1, seq(sub, lit("or"), sub)),
        Tuple.of(1, seq(lit("("), sub, lit(")"))));
  }

  private static Arbitrary<List<String>> history(int depth) {
    Arbitrary<List<String>> repetition = opt(Arbitraries.oneOf(
        lit("twice in a row"),
        seq(tok(Arbitraries.integers().between(1, 4).map(String::valueOf)), lit("times in a row"))));
    Arbitrary<List<String>> scope =
        opt(Arbitraries.oneOf(lit("for any section"), lit("for the same section")));
    Arbitrary<List<String>> atom = Arbitraries.oneOf(
        seq(lit("grading is"), tok(Arbitraries.of("inadequate", "good")), repetition, scope),
        seq(tok(eventName()), lit("occurs"), Arbitraries.oneOf(lit("more than"), lit("at least")),
            tok(Arbitraries.integers().between(0, 9).map(String::valueOf)), lit("times")),
        seq(lit("at least"), duration(), lit("since"), tok(eventName())),
        tok(attributeName()));
    if (depth == 0) {
      return atom;
    }
    Arbitrary<List<String>> sub = history(depth - 1);
    return Arbitraries.frequencyOf(
        Tuple.of(3, atom),
        Tuple.of(1, seq(sub, lit("and"), sub)),
        Tuple.of(1, seq(sub, lit("or"), sub)),
        Tuple.of(1, seq(lit("("), sub, lit(")"))));
  }

  // Claims follow the grammar's layers: temporal words take the rest; `only after` joins two
  // disjunctions; `or`, then `and`; `not`, brackets and atoms bind tightest.
  private static Arbitrary<List<String>> claim(int depth) {
    if (depth == 0) {
      return claimAtom();
    }
    Arbitrary<List<String>> temporal = phrase(
        "always", "eventually", "never", "at every stage", "every path reaches");
    Arbitrary<List<String>> disjunction = claimDisjunction(depth);
    return Arbitraries.frequencyOf(
        Tuple.of(2, seq(temporal, claim(depth - 1))),
        Tuple.of(3, disjunction),
        Tuple.of(1, seq(disjunction, lit("only after"), claimDisjunction(depth - 1))));
  }

  private static Arbitrary<List<String>> claimDisjunction(int depth) {
    Arbitrary<List<String>> conjunction = claimConjunction(depth);
    return depth == 0 ? conjunction : Arbitraries.frequencyOf(
        Tuple.of(3, conjunction),
        Tuple.of(1, seq(claimDisjunction(depth - 1), lit("or"), conjunction)));
  }

  private static Arbitrary<List<String>> claimConjunction(int depth) {
    Arbitrary<List<String>> unary = claimUnary(depth);
    return depth == 0 ? unary : Arbitraries.frequencyOf(
        Tuple.of(3, unary),
        Tuple.of(1, seq(claimConjunction(depth - 1), lit("and"), unary)));
  }

  private static Arbitrary<List<String>> claimUnary(int depth) {
    return depth == 0 ? claimAtom() : Arbitraries.frequencyOf(
        Tuple.of(3, claimAtom()),
        Tuple.of(1, seq(lit("not"), claimUnary(depth - 1))),
        Tuple.of(1, seq(lit("("), claim(depth - 1), lit(")"))));
  }

  private static Arbitrary<List<String>> claimAtom() {
    return Arbitraries.oneOf(
        seq(lit("completed"), stageRefs()),
        stage(),
        lit("resolved"),
        seq(tok(roleName()), lit("is"),
            phrase("escalated to", "copied", "notified", "advised", "consulted")),
        tok(outcome()));
  }

  /** Every spelling of every unit, singular and plural whatever the amount. */
  private static Arbitrary<List<String>> duration() {
    Arbitrary<String> amount = Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.just("1")),
        Tuple.of(1, Arbitraries.just("0")),
        Tuple.of(4, Arbitraries.integers().between(2, 60).map(String::valueOf)));
    Arbitrary<List<String>> unit = phrase(
        "working day", "working days", "working week", "working weeks", "calendar day",
        "calendar days", "week", "weeks", "month", "months", "hour", "hours", "day", "days");
    return Arbitraries.oneOf(lit("same working day"), seq(tok(amount), unit));
  }

  private static Arbitrary<List<String>> stageRefs() {
    return list(stageRef(), 1, 3, listSep());
  }

  private static Arbitrary<List<String>> stageRef() {
    return Arbitraries.oneOf(stage(), seq(stage(), lit(".."), tok(stageKey())));
  }

  private static Arbitrary<List<String>> stage() {
    return seq(lit("stage"), tok(stageKey()));
  }

  private static Arbitrary<List<String>> roles() {
    return list(tok(roleName()), 1, 3, listSep());
  }

  private static Arbitrary<List<String>> citation() {
    return opt(seq(lit("source"), string()));
  }

  private static Arbitrary<List<String>> listSep() {
    return Arbitraries.of(List.of(","), List.of("and"));
  }

  // -------------------------------------------------------------------------------------------
  // Words

  private static Arbitrary<String> roleName() {
    return Arbitraries.of("IRO", "TeamManager", "SocialWorker", "Cafcass", "QA-Manager", "Legal_2");
  }

  private static Arbitrary<String> agency() {
    return Arbitraries.of("police", "health", "education");
  }

  private static Arbitrary<String> attributeName() {
    return Arbitraries.of("urgent", "child_protection_plan", "risk", "kind");
  }

  private static Arbitrary<String> choice() {
    return Arbitraries.of("police", "health", "social_care", "x1");
  }

  private static Arbitrary<String> eventName() {
    return Arbitraries.of("plan_started", "worker_changed", "long_plan");
  }

  private static Arbitrary<String> outcome() {
    return Arbitraries.of("cafcass", "panel", "Referral");
  }

  private static Arbitrary<String> formName() {
    return Arbitraries.of("EscalationNotice", "Referral");
  }

  private static Arbitrary<String> stageKey() {
    return Arbitraries.of("1", "2", "3", "10", "informal", "final_stage");
  }

  private static Arbitrary<String> date() {
    return Arbitraries.strings().numeric().ofLength(8)
        .map(d -> d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6));
  }

  private static Arbitrary<String> monthDay() {
    return Arbitraries.strings().numeric().ofLength(4)
        .map(d -> d.substring(0, 2) + "-" + d.substring(2));
  }

  /** Quoted strings, with the two escapes and characters that mean something outside strings. */
  private static Arbitrary<List<String>> string() {
    return tok(Arbitraries.oneOf(
            Arbitraries.of("Title", "", "with \"quotes\"", "back\\slash\\", "# not a comment",
                "{ braces } and, commas", "Ünïcodé – dash", "  spaced  "),
            Arbitraries.strings().withChars("ab \"\\#{},.").ofMaxLength(8))
        .map(Strings::quote));
  }

  // -------------------------------------------------------------------------------------------
  // Layout: random white space, line breaks and comments between words

  private static final Set<String> PUNCTUATION = Set.of("{", "}", "(", ")", ",", "=", "..");

  /** A pseudo-word: the next word stays on the line of the word before, one space apart. */
  private static final String SAME_LINE = "<same-line>";

  /** The words joined by random separators; none at all beside punctuation, sometimes. */
  private static Arbitrary<String> layout(Arbitrary<List<String>> words) {
    return words.flatMap(ws -> separator().list().ofSize(ws.size() + 1).map(seps -> {
      StringBuilder out = new StringBuilder(seps.get(0));
      boolean sameLine = false;
      for (int i = 0; i < ws.size(); i++) {
        if (ws.get(i).equals(SAME_LINE)) {
          sameLine = true;
          continue;
        }
        if (i > 0) {
          String previous = ws.get(i - 1).equals(SAME_LINE) ? ws.get(i - 2) : ws.get(i - 1);
          boolean gluable = PUNCTUATION.contains(previous) || PUNCTUATION.contains(ws.get(i));
          String sep = sameLine ? " " : seps.get(i);
          out.append(sep.isEmpty() && !gluable ? " " : sep);
        }
        out.append(ws.get(i));
        sameLine = false;
      }
      return out.append(seps.get(ws.size())).toString();
    }));
  }

  private static Arbitrary<String> separator() {
    Arbitrary<String> comment = Arbitraries.oneOf(
        Arbitraries.of("#", "# note", "#tight", "#   wide", "# a \"quote\" and # hash",
            "# trailing spaces   ", "# } { ( ) source \"x\""),
        Arbitraries.strings().withChars("abc #\"{}").ofMaxLength(10).map(s -> "#" + s));
    return Arbitraries.frequencyOf(
        Tuple.of(12, Arbitraries.just(" ")),
        Tuple.of(3, Arbitraries.just("")),
        Tuple.of(3, Arbitraries.just("\n")),
        Tuple.of(2, Arbitraries.of("   ", "\t", "\n\n    ", "\r\n", " \n\t ")),
        Tuple.of(2, comment.map(c -> " " + c + "\n")),
        Tuple.of(1, comment.map(c -> "\n" + c + "\n  ")),
        Tuple.of(1, comment.list().ofMinSize(2).ofMaxSize(3)
            .map(cs -> "\n" + String.join("\n", cs) + "\n")));
  }

  // -------------------------------------------------------------------------------------------
  // Combinators over lists of words

  private static Arbitrary<List<String>> lit(String words) {
    return Arbitraries.just(List.of(words.split(" ")));
  }

  /** One word. */
  private static Arbitrary<List<String>> tok(Arbitrary<String> word) {
    return word.map(List::of);
  }

  /** One of the phrases, as its words. */
  private static Arbitrary<List<String>> phrase(String... phrases) {
    return Arbitraries.of(phrases).map(p -> List.of(p.split(" ")));
  }

  private static Arbitrary<List<String>> opt(Arbitrary<List<String>> words) {
    return Arbitraries.oneOf(Arbitraries.just(List.of()), words);
  }

  @SafeVarargs
  private static Arbitrary<List<String>> seq(Arbitrary<List<String>>... parts) {
    List<Arbitrary<List<String>>> all = new ArrayList<>();
    for (Arbitrary<List<String>> part : parts) {
      all.add(part);
    }
    return Combinators.combine(all).as(AstPrinterProperties::flat);
  }

  private static Arbitrary<List<String>> many(Arbitrary<List<String>> item, int max) {
    return item.list().ofMaxSize(max).map(AstPrinterProperties::flat);
  }

  /** {@code min} to {@code max} items, with a separator (itself words) between two. */
  private static Arbitrary<List<String>> list(
      Arbitrary<List<String>> item, int min, int max, Arbitrary<List<String>> separator) {
    return item.list().ofMinSize(min).ofMaxSize(max).flatMap(items ->
        separator.list().ofSize(items.size()).map(seps -> {
          List<String> out = new ArrayList<>();
          for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
              out.addAll(seps.get(i));
            }
            out.addAll(items.get(i));
          }
          return out;
        }));
  }

  private static Arbitrary<List<String>> block(
      Arbitrary<List<String>> head, Arbitrary<List<String>> statement, int max) {
    return seq(head, lit("{"), many(statement, max), lit("}"));
  }

  private static List<String> flat(List<List<String>> parts) {
    List<String> out = new ArrayList<>();
    parts.forEach(out::addAll);
    return out;
  }
}
