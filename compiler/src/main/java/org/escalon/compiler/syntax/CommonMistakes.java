package org.escalon.compiler.syntax;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.escalon.compiler.diagnostics.Code;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.grammar.EscalonLexer;

/**
 * The mistakes people make when they write a protocol as they would write a policy in a word
 * processor, each recognised from the token that did not fit and the tokens around it, with the
 * way to say it in the language. Anything not recognised here gets the general "expected ...,
 * found ..." message.
 */
final class CommonMistakes {

  private static final Set<String> CURLY_QUOTES = Set.of("\u201C", "\u201D", "\u2018", "\u2019",
      "\u201E", "\u00AB", "\u00BB");

  private static final Map<String, Integer> NUMBER_WORDS = Map.ofEntries(
      Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
      Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
      Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
      Map.entry("twelve", 12), Map.entry("fourteen", 14), Map.entry("fifteen", 15),
      Map.entry("twenty", 20), Map.entry("thirty", 30));

  /**
   * Words for urgency a policy uses that are not the language's (`immediately`, `without delay`
   * and `as soon as possible` are: section 10).
   */
  private static final Set<String> URGENCY = Set.of("asap", "as", "promptly", "urgently",
      "soon", "without", "quickly", "forthwith");

  /** Tokens after which a name written with spaces ends: what may follow a role name. */
  private static final Set<Integer> AFTER_A_NAME = Set.of(EscalonLexer.IF, EscalonLexer.SOURCE,
      EscalonLexer.WITHIN, EscalonLexer.BY, EscalonLexer.AND, EscalonLexer.COMMA,
      EscalonLexer.STRING, EscalonLexer.LBRACE, EscalonLexer.EXTERNAL, EscalonLexer.MAY,
      EscalonLexer.IN, EscalonLexer.EVERY, EscalonLexer.COPYING, EscalonLexer.UNTIL);

  /** The first words of the steps that may carry a deadline (`within D`, `within D after X`). */
  private static final Set<Integer> STEPS = Set.of(EscalonLexer.ACTION, EscalonLexer.RECORD,
      EscalonLexer.NOTIFY, EscalonLexer.ADVISE, EscalonLexer.CONSULT);

  private final Spans spans;

  CommonMistakes(Spans spans) {
    this.spans = spans;
  }

  Optional<Diagnostic> recognise(Parser parser, Token found, IntervalSet expected, String where) {
    TokenStream input = parser.getInputStream();
    Token previous = previousOnChannel(input, found);
    Token lineStart = firstOnLine(input, found);
    Token next = nextOnChannel(input, found);
    int type = found.getType();
    String text = found.getText();
    String lower = text.toLowerCase(Locale.ROOT);
    if (type == EscalonLexer.UNKNOWN_CHAR && CURLY_QUOTES.contains(text)) {
      return Optional.of(Diagnostic.of(Code.E0103, "`" + text + "` is a curly quote, and the "
              + "language reads only straight quotes")
          .at(spans.of(found), "curly quote")
          .note("word processors turn `\"` into `\u201C` and `\u201D` as you type; text pasted "
              + "from a policy document keeps them")
          .help("replace each curly quote with a straight one, `\"`, and each curly apostrophe with `'`")
          .build());
    }
    if (expected.contains(EscalonLexer.LBRACE) && previous != null
        && previous.getLine() < found.getLine()) {
      return Optional.of(Diagnostic.of(Code.E0101, "the heading above has no `{`")
          .at(spans.of(previous), "a `{` is missing after this")
          .also(spans.of(found), "read as still part of the heading")
          .note(where)
          .help("end the heading's line with `{` and close the block with `}`")
          .build());
    }
    if (type == EscalonLexer.NUMBERED_KEY && !expected.contains(EscalonLexer.NUMBERED_KEY)) {
      // `3A` is a stage key as policies number them; anywhere else it is a number and a word
      // run together, such as `5working days`
      int digits = text.replaceAll("[^0-9].*$", "").length();
      return Optional.of(Diagnostic.of(Code.E0101, "`" + text + "` runs a number and a word "
              + "together")
          .at(spans.of(found), "read as a stage key such as `3A`")
          .note(where)
          .help("put a space between them: `" + text.substring(0, digits) + " "
              + text.substring(digits) + "`")
          .build());
    }
    if (type == EscalonLexer.IDENT && NUMBER_WORDS.containsKey(lower)
        && expected.contains(EscalonLexer.INT)) {
      return Optional.of(Diagnostic.of(Code.E0101, "a number in a timescale is written in figures, "
              + "found `" + text + "`")
          .at(spans.of(found), "write `" + NUMBER_WORDS.get(lower) + "`")
          .note(where)
          .help("write `" + NUMBER_WORDS.get(lower) + " working days` rather than `" + text
              + " working days`")
          .build());
    }
    if (type == EscalonLexer.LPAREN && (expected.contains(EscalonLexer.INT)
        || expected.contains(EscalonLexer.SOURCE))) {
      return Optional.of(Diagnostic.of(Code.E0101, "a timescale is written without brackets")
          .at(spans.of(found), "a bracket here")
          .note(where)
          .help("write the timescale itself, in figures: `respond within 2 working days`; "
              + "a remark in brackets belongs in a `#` comment")
          .build());
    }
    if ((type == EscalonLexer.IDENT && URGENCY.contains(lower)) || type == EscalonLexer.AS
        || (type == EscalonLexer.SAME && next.getType() != EscalonLexer.WORKING)) {
      return Optional.of(Diagnostic.of(Code.E0101, "the language has no timescale `"
              + restOfLine(input, found) + "`")
          .at(spans.of(found), "a timescale is a number of days or hours")
          .note(where)
          .note("the language's words for urgency each have one meaning: `respond immediately` "
              + "(by the close of the working day the stage starts, and must be met), `respond "
              + "without delay` (the same, where possible) and `respond as soon as possible` (by "
              + "the close of the next working day, where possible)")
          .help("write the one of them the policy means, or a timescale such as `respond within "
              + "4 hours`, and say how you read the policy's words in a `# read as: ...` comment "
              + "above it")
          .build());
    }
    if (type == EscalonLexer.IDENT && (lower.equals("where") || lower.equals("wherever")
        || lower.equals("possible") || lower.equals("if_possible") || lower.equals("ideally"))) {
      return Optional.of(Diagnostic.of(Code.E0101, "the language has no `"
              + restOfLine(input, found) + "` for how firm a timescale is")
          .at(spans.of(found), "the language has no `" + text + "`")
          .note(where)
          .note("a timescale with no word must be met: when it passes, the escalation moves on; "
              + "one written `where possible` or `as a guide` is soft: missing it is recorded, and "
              + "the escalation moves on when the escalator decides")
          .help("write `respond within ... where possible` or `... as a guide` for a timescale "
              + "the policy says should be kept but need not be, and say how you read the "
              + "policy's words in a `# read as: ...` comment above it")
          .build());
    }
    if (type == EscalonLexer.AFTER && lineStart.getType() == EscalonLexer.RESPOND) {
      return Optional.of(Diagnostic.of(Code.E0101, "`within ... after` is not how the language "
              + "counts a response from an event")
          .at(spans.of(found), "write `respond by ... after` for a deadline counted from an event")
          .note(where)
          .help("write `respond by " + between(input, lineStart, found) + " after "
              + restOfLine(input, next) + "`: `within` counts from entering the stage, `by ... "
              + "after` from the event")
          .build());
    }
    if (type == EscalonLexer.AFTER && STEPS.contains(lineStart.getType())
        && previous.getType() != EscalonLexer.WITHIN) {
      // a step's deadline counted from elsewhere is `within D after ...` (docs/language.md
      // section 10); `after` with no `within` before it is the slip this catches
      return Optional.of(Diagnostic.of(Code.E0101, "a step's deadline is written `within ... "
              + "after`")
          .at(spans.of(found), "`after` with no `within D` before it")
          .note(where)
          .help("write `within D after " + restOfLine(input, next) + "`, such as `within 15 "
              + "working days after " + restOfLine(input, next) + "`: the clock counts D from "
              + "it")
          .build());
    }
    if (type == EscalonLexer.IDENT && next.getType() == EscalonLexer.MAY
        && (where.startsWith("inside stage") || where.startsWith("inside the outcome"))) {
      return Optional.of(Diagnostic.of(Code.E0101, "rights go outside stages")
          .at(spans.of(found).to(spans.of(next)), "a right, written " + where)
          .note("a right (`" + text + " may ...`) says who may move an escalation between "
              + "stages, so it belongs to the protocol, not to one stage")
          .help("move this line below the stage's `}`; to limit the right to some stages write "
              + "`" + text + " may bypass to stage ...` or `" + text + " may start at stage ...`")
          .build());
    }
    if (previous != null && isWord(found) && previous.getType() == EscalonLexer.IDENT
        && previous.getLine() == found.getLine() && !AFTER_A_NAME.contains(type)) {
      String joined = joinedName(input, previous);
      java.util.List<Token> words = wordsFrom(input, previous);
      return Optional.of(Diagnostic.of(Code.E0101, "a name has no spaces: `"
              + titleOf(input, previous) + "` is read as " + words.size() + " words")
          .at(spans.of(previous).to(spans.of(words.get(words.size() - 1))),
              "one name written as several words")
          .note(where)
          .note("a role, stage or attribute is named by one word; its title, with spaces, "
              + "goes in quotes where it is declared")
          .help("write `" + joined + "` here and declare it as `role " + joined + " \""
              + titleOf(input, previous) + "\"`")
          .build());
    }
    return Optional.empty();
  }

  /** The diagnostic for a `{` that is never closed, pointing at it rather than at the end. */
  Diagnostic unclosed(Token open, Token last, String what) {
    return Diagnostic.of(Code.E0105, "the `{` of " + what + " is never closed")
        .at(spans.of(open), "this `{` has no `}`")
        .also(spans.of(last), "the file ends after this")
        .help("add `}` where " + what + " ends")
        .build();
  }

  private static boolean isWord(Token t) {
    return t.getType() == EscalonLexer.IDENT
        || (Expectations.isKeyword(t.getType()) && t.getText().chars().allMatch(Character::isLetter));
  }

  private static String joinedName(TokenStream input, Token first) {
    StringBuilder joined = new StringBuilder();
    for (Token t : wordsFrom(input, first)) {
      String w = t.getText();
      joined.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
    }
    return joined.toString();
  }

  private static String titleOf(TokenStream input, Token first) {
    StringBuilder title = new StringBuilder();
    for (Token t : wordsFrom(input, first)) {
      title.append(title.isEmpty() ? "" : " ").append(t.getText());
    }
    return title.toString();
  }

  private static java.util.List<Token> wordsFrom(TokenStream input, Token first) {
    java.util.List<Token> words = new java.util.ArrayList<>();
    for (int i = first.getTokenIndex(); i < input.size(); i++) {
      Token t = input.get(i);
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      if (t.getLine() != first.getLine() || !isWord(t)
          || (!words.isEmpty() && AFTER_A_NAME.contains(t.getType()))) {
        break;
      }
      words.add(t);
    }
    return words;
  }

  /** The text from a token to the end of its line, as written (comments left out). */
  private static String restOfLine(TokenStream input, Token from) {
    StringBuilder text = new StringBuilder();
    for (int i = from.getTokenIndex(); i >= 0 && i < input.size(); i++) {
      Token t = input.get(i);
      if (t.getType() == Token.EOF || t.getLine() != from.getLine()
          || t.getType() == EscalonLexer.SOURCE) {
        break;
      }
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        text.append(text.isEmpty() ? "" : " ").append(t.getText());
      }
    }
    return text.toString();
  }

  /** The words strictly between `within` and {@code end} on the line that starts at {@code start}. */
  private static String between(TokenStream input, Token start, Token end) {
    StringBuilder text = new StringBuilder();
    boolean after = false;
    for (int i = start.getTokenIndex(); i < end.getTokenIndex(); i++) {
      Token t = input.get(i);
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      if (after && t.getType() != EscalonLexer.THE) {
        text.append(text.isEmpty() ? "" : " ").append(t.getText());
      }
      after |= t.getType() == EscalonLexer.WITHIN;
    }
    return text.toString();
  }

  private static Token previousOnChannel(TokenStream input, Token found) {
    for (int i = found.getTokenIndex() - 1; i >= 0; i--) {
      Token t = input.get(i);
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        return t;
      }
    }
    return null;
  }

  private static Token nextOnChannel(TokenStream input, Token found) {
    for (int i = found.getTokenIndex() + 1; i < input.size(); i++) {
      Token t = input.get(i);
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        return t;
      }
    }
    return input.get(input.size() - 1);
  }

  private static Token firstOnLine(TokenStream input, Token found) {
    Token first = found;
    for (int i = found.getTokenIndex() - 1; i >= 0; i--) {
      Token t = input.get(i);
      if (t.getLine() != found.getLine()) {
        break;
      }
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        first = t;
      }
    }
    return first;
  }
}
