package org.escalon.compiler.service;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What may be written at a caret: role, stage, outcome, attribute and form names where the words
 * before the caret call for one ({@code to }, {@code copy }, {@code go to }, {@code if },
 * {@code record }), or the statement keywords at the start of a line. The names come from the
 * last document that parsed, since the one being typed often does not.
 */
public final class Completions {

  private static final List<String> STATEMENTS = List.of("to", "copy", "notify", "advise",
      "consult", "action", "record", "remind", "respond within", "respond by", "requires",
      "only if", "when resolved go to", "when unsatisfactory go to", "when no response go to",
      "when not resolved go to", "extension", "source", "stage", "outcome", "role", "attribute",
      "event", "form", "agency", "trigger", "limit", "property", "at every stage");

  // The last words before the caret, then the name being typed (possibly empty).
  private static final Pattern TAIL = Pattern.compile("([A-Za-z_ ,.]*?)([A-Za-z_0-9]*)$");

  private Completions() {}

  public static List<Completion> at(Analysis analysis, Position caret) {
    String line = analysis.source().line(caret.line());
    String before = line.substring(0, Math.min(Math.max(caret.column() - 1, 0), line.length()));
    Matcher m = TAIL.matcher(before);
    String context = m.find() ? m.group(1) : before;
    String typed = m.group(2);
    Set<SymbolKind> kinds = kindsAfter(context.toLowerCase(Locale.ROOT));
    List<Completion> found = new ArrayList<>();
    for (Symbol s : analysis.index().symbols()) {
      if (kinds.contains(s.kind()) && startsWith(s.name(), typed)) {
        String label = s.kind() == SymbolKind.STAGE && !context.endsWith("stage ")
            && !context.endsWith("..") ? "stage " + s.name() : s.name();
        found.add(new Completion(label, s.kind().word() + s.title().map(t -> ": " + t).orElse(""),
            Completion.Kind.NAME));
      }
    }
    if (kinds.contains(SymbolKind.OUTCOME) && startsWith("resolved", typed)
        && analysis.index().symbol(SymbolKind.OUTCOME, "resolved").isEmpty()) {
      found.add(new Completion("resolved", "outcome: the concern is resolved",
          Completion.Kind.NAME));
    }
    if (context.isBlank()) {
      for (String keyword : STATEMENTS) {
        if (startsWith(keyword, typed)) {
          found.add(new Completion(keyword, "statement", Completion.Kind.KEYWORD));
        }
      }
    }
    return found;
  }

  /** Which kinds of name the words before the caret call for. */
  static Set<SymbolKind> kindsAfter(String context) {
    String c = context.stripLeading();
    if (c.endsWith("stage ") || c.endsWith("..") || c.endsWith("completed ")) {
      return EnumSet.of(SymbolKind.STAGE);
    }
    if (c.matches(".*\\b(go to|bypass to|refer to|raise at)\\s+(.*,\\s*)?")) {
      return EnumSet.of(SymbolKind.STAGE, SymbolKind.OUTCOME);
    }
    if (c.matches(".*\\b(record)\\s+")) {
      return EnumSet.of(SymbolKind.FORM);
    }
    if (c.matches(".*\\b(if|only if|and|or|not|is|set)\\s+")) {
      return EnumSet.of(SymbolKind.ATTRIBUTE, SymbolKind.EVENT);
    }
    if (c.matches(".*\\b(after|since|occurs)\\s+")) {
      return EnumSet.of(SymbolKind.EVENT);
    }
    if (c.matches("(to|copy|notify|advise|consult|remind|raised by)\\s+.*")
        || c.matches(".*\\b(by|of|copying|sent to|requested by|granted by)\\s+(.*,\\s*)?")) {
      return EnumSet.of(SymbolKind.ROLE);
    }
    if (c.isBlank()) {
      // a right starts with a role: `IRO may bypass to any stage`
      return EnumSet.of(SymbolKind.ROLE);
    }
    return EnumSet.allOf(SymbolKind.class);
  }

  private static boolean startsWith(String name, String typed) {
    return name.toLowerCase(Locale.ROOT).startsWith(typed.toLowerCase(Locale.ROOT));
  }
}
