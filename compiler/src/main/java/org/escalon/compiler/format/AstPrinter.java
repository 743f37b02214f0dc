package org.escalon.compiler.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.escalon.compiler.ast.Comment;
import org.escalon.compiler.ast.Decl;
import org.escalon.compiler.ast.ExtensionStmt;
import org.escalon.compiler.ast.FormStmt;
import org.escalon.compiler.ast.LimitStmt;
import org.escalon.compiler.ast.Name;
import org.escalon.compiler.ast.InvariantStmt;
import org.escalon.compiler.ast.PhaseStmt;
import org.escalon.compiler.ast.PropertyStmt;
import org.escalon.compiler.ast.ProtocolFile;
import org.escalon.compiler.ast.RightTargets;
import org.escalon.compiler.ast.RoleStmt;
import org.escalon.compiler.ast.SourceRef;
import org.escalon.compiler.ast.StageSetExpr;
import org.escalon.compiler.ast.StageStmt;
import org.escalon.compiler.ast.Text;
import org.escalon.compiler.ast.TriggerStmt;
import org.escalon.compiler.syntax.Strings;

/**
 * Prints a protocol in its canonical layout ({@code escalon fmt}): two-space indentation, one
 * statement per line, every block on several lines, a blank line between groups of declarations
 * of different kinds and before every block, comments where the author put them.
 *
 * <p>Reading the printed text back gives the same tree, spans aside, and printing that tree gives
 * the same text again. See the package documentation.
 */
public final class AstPrinter {

  private static final String INDENT = "  ";

  private final ExprPrinter expr = new ExprPrinter();
  private final StatementLines statements = new StatementLines(expr);
  private final boolean keepColumns;

  /** The printer {@code fmt} uses: citations the author aligned in a column stay aligned. */
  public AstPrinter() {
    this(true);
  }

  private AstPrinter(boolean keepColumns) {
    this.keepColumns = keepColumns;
  }

  /**
   * The printer of the fingerprint's text: every citation one space after its statement, so that
   * two files that differ only in layout print the same.
   */
  public static AstPrinter withoutColumns() {
    return new AstPrinter(false);
  }

  /**
   * Prints a protocol in the canonical layout.
   *
   * @param file a protocol as the parser built it
   * @return its canonical text, ending with exactly one newline
   */
  public String print(ProtocolFile file) {
    Layout out = new Layout(keepColumns);
    file.leadingComments().forEach(c -> out.comment(0, c));
    int inside = head(0, "protocol " + quote(file.name()) + " {", file.decls(), out);
    decls(file.decls(), inside, out);
    out.line(0, "}");
    file.trailingComments().forEach(c -> out.comment(0, c));
    return out.text();
  }

  // -------------------------------------------------------------------------------------------
  // The protocol's statements: groups, blank lines, comments

  /** The groups declarations fall into; a blank line separates two groups and precedes a block. */
  private enum Group {
    HEADER,
    PARTIES,
    VOCABULARY,
    RIGHTS,
    BLOCK
  }

  /** The protocol's statements from {@code from} on (those before are printed in its head). */
  private void decls(List<Decl> decls, int from, Layout out) {
    Set<Integer> blankBefore = blankLines(decls);
    for (int i = from; i < decls.size(); i++) {
      if (blankBefore.contains(i)) {
        out.blank();
      }
      Decl d = decls.get(i);
      if (d instanceof Comment c) {
        out.comment(1, c);
      } else if (d instanceof Decl.ScaleDecl s && SplitLine.commentsInside(decls, i + 1) > 0) {
        int inside = SplitLine.commentsInside(decls, i + 1);
        scaleWithComments(s, decls.subList(i + 1, i + 1 + inside), out);
        i += inside;
      } else {
        decl(d, out);
      }
    }
  }

  /**
   * Where blank lines go: before a declaration that starts a new group or a block, above the
   * comments that lead into it (but not above a comment that ends the previous line).
   */
  private static Set<Integer> blankLines(List<Decl> decls) {
    Set<Integer> out = new HashSet<>();
    Group previous = null;
    for (int k = 0; k < decls.size(); k++) {
      if (decls.get(k) instanceof Comment) {
        continue;
      }
      Group group = group(decls.get(k));
      if (previous != null && (group == Group.BLOCK || group != previous)) {
        int start = k;
        while (start > 0
            && decls.get(start - 1) instanceof Comment c
            && !c.trailing()) {
          start--;
        }
        out.add(start);
      }
      previous = group;
    }
    return out;
  }

  private static Group group(Decl d) {
    if (d instanceof Decl.ReplaceDecl r) {
      return group(r.replacement());
    } else if (d instanceof Decl.AgencyDecl || d instanceof Decl.RoleDecl) {
      return Group.PARTIES;
    } else if (d instanceof Decl.AttributeDecl
        || d instanceof org.escalon.compiler.ast.StageStmt.Decision
        || d instanceof Decl.EventDecl
        || d instanceof Decl.KnownDateDecl
        || d instanceof Decl.ScaleDecl) {
      return Group.VOCABULARY;
    } else if (d instanceof Decl.RightDecl) {
      return Group.RIGHTS;
    } else if (d instanceof Decl.FormDecl
        || d instanceof Decl.StageDecl
        || d instanceof Decl.OutcomeDecl
        || d instanceof Decl.ObligationDecl
        || d instanceof Decl.ExtensionDecl
        || d instanceof Decl.TriggerDecl
        || d instanceof Decl.LimitDecl
        || d instanceof Decl.PhaseDecl
        || d instanceof Decl.PropertyDecl || d instanceof Decl.InvariantDecl
        || d instanceof Decl.AtOnceDecl) {
      return Group.BLOCK;
    }
    return Group.HEADER;
  }

  private void decl(Decl d, Layout out) {
    if (d instanceof Decl.RoleDecl r) {
      role(r, out);
    } else if (d instanceof Decl.FormDecl f) {
      block(1, "form " + f.name().text() + title(f.title()), f.body(), this::formStmt, out);
    } else if (d instanceof Decl.StageDecl s) {
      block(1, expr.stage(s.key()) + title(s.title()), s.body(), this::stageStmt, out);
    } else if (d instanceof Decl.OutcomeDecl o) {
      block(1, "outcome " + o.name().text() + title(o.title()), o.body(), this::stageStmt, out);
    } else if (d instanceof Decl.ObligationDecl o) {
      block(1, "at " + stageSet(o.stages()), o.body(), this::stageStmt, out);
    } else if (d instanceof Decl.ExtensionDecl e) {
      block(1, "extension", e.body(), this::extensionStmt, out);
    } else if (d instanceof Decl.TriggerDecl t) {
      block(1, "trigger " + t.name().text() + title(t.title()), t.body(), this::triggerStmt, out);
    } else if (d instanceof Decl.LimitDecl l) {
      block(1, "limit " + quote(l.title()), l.body(), this::limitStmt, out);
    } else if (d instanceof Decl.PhaseDecl p) {
      block(1, "phase " + p.name().text() + title(p.title()), p.body(), this::phaseStmt, out);
    } else if (d instanceof Decl.PropertyDecl p) {
      block(1, "property " + quote(p.title()), p.body(), this::propertyStmt, out);
    } else if (d instanceof Decl.InvariantDecl i) {
      block(1, "invariant " + quote(i.title()), i.body(), this::invariantStmt, out);
    } else if (d instanceof Decl.AtOnceDecl a && a.goTo().isPresent()) {
      out.line(1, "when " + expr.condition(a.condition()) + " go to "
          + statements.target(a.goTo().get()) + cite(a.citation()));
    } else if (d instanceof Decl.AtOnceDecl a) {
      block(1, "when " + expr.condition(a.condition()), a.body(), this::stageStmt, out);
    } else if (d instanceof Decl.ReplaceDecl r) {
      int first = out.size();
      decl(r.replacement(), out);
      out.prefix(first, "replace ");
    } else {
      out.line(1, oneLineDecl(d));
    }
  }

  // -------------------------------------------------------------------------------------------
  // One-line declarations

  private String oneLineDecl(Decl d) {
    String header = headerLine(d);
    if (header != null) {
      return header;
    } else if (d instanceof Decl.AgencyDecl a) {
      return "agency " + a.name().text() + title(a.title()) + cite(a.citation());
    } else if (d instanceof Decl.AttributeDecl a) {
      String choices = a.choices().isEmpty() ? "" : " one of " + expr.names(a.choices());
      return "attribute " + a.name().text() + title(a.title()) + choices + cite(a.citation());
    } else if (d instanceof org.escalon.compiler.ast.StageStmt.Decision s) {
      return statements.stage(s);
    } else if (d instanceof Decl.EventDecl e) {
      return "event " + e.name().text() + title(e.title()) + cite(e.citation());
    } else if (d instanceof Decl.KnownDateDecl e) {
      return "date " + e.name().text() + title(e.title()) + cite(e.citation());
    } else if (d instanceof Decl.ScaleDecl s) {
      return scale(s, false);
    } else if (d instanceof Decl.RightDecl r) {
      return right(r);
    } else if (d instanceof Decl.RemoveDecl r) {
      boolean titled = r.kind().equals("limit") || r.kind().equals("property")
          || r.kind().equals("invariant");
      return "remove " + r.kind() + " " + (titled ? Strings.quote(r.name()) : r.name())
          + cite(r.citation());
    }
    throw new IllegalArgumentException("not a one-line declaration: " + d);
  }

  /** A header line of the protocol, or {@code null} when {@code d} is not one. */
  private String headerLine(Decl d) {
    if (d instanceof Decl.BasedOnDecl b) {
      return "based on " + quote(b.path()) + cite(b.citation());
    } else if (d instanceof Decl.VersionDecl v) {
      return "version " + quote(v.version()) + cite(v.citation());
    } else if (d instanceof Decl.StatusDecl s) {
      return "status " + s.status().text() + cite(s.citation());
    } else if (d instanceof Decl.AboutDecl a) {
      return "about " + a.subjects().stream().map(Name::text)
          .collect(java.util.stream.Collectors.joining(" and ")) + cite(a.citation());
    } else if (d instanceof Decl.EffectiveDecl e) {
      return "effective " + e.date().text() + cite(e.citation());
    } else if (d instanceof Decl.ReviewDecl r) {
      return "review by " + r.date().text() + cite(r.citation());
    } else if (d instanceof Decl.OwnerDecl o) {
      return "owner " + quote(o.owner()) + cite(o.citation());
    } else if (d instanceof Decl.CalendarDecl c) {
      return "calendar " + c.calendar().text() + cite(c.citation());
    } else if (d instanceof Decl.ClosureDecl c) {
      String to = c.to().map(t -> " to " + t.text()).orElse("");
      return "closed " + c.from().text() + to + cite(c.citation());
    } else if (d instanceof Decl.YearlyClosureDecl y) {
      return "closed every year from " + y.from().text() + " to " + y.to().text()
          + cite(y.citation());
    } else if (d instanceof Decl.ZoneDecl z) {
      return "time zone " + quote(z.zone()) + cite(z.citation());
    } else if (d instanceof Decl.RaisedByDecl r) {
      return "raised by " + r.roles().stream().map(Name::text).collect(Collectors.joining(
          r.joined() == StageStmt.Joined.JOINTLY ? " and "
              : r.joined() == StageStmt.Joined.EITHER ? " or " : ", ")) + cite(r.citation());
    } else if (d instanceof Decl.RaiseWithinDecl r) {
      var word = r.firmness().flatMap(f -> f.word());
      boolean promptly = word.map(w -> w.promptly()).orElse(false);
      return "raise " + (promptly ? word.get().words() : expr.within(r.within()))
          + " after " + r.after().stream().map(Name::text).collect(Collectors.joining(" or "))
          + (promptly ? "" : word.map(w -> " " + w.words()).orElse("")) + cite(r.citation());
    } else if (d instanceof Decl.SourceDecl s) {
      return "source " + quote(s.source());
    }
    return null;
  }

  /** {@code role TeamManager "Team Manager" external source "..."}, without its block. */
  private static String roleHead(Decl.RoleDecl r) {
    return "role " + r.name().text() + title(r.title()) + (r.external() ? " external" : "")
        + r.lookup().map(l -> " looked up in directory " + quote(l.directory())
            + (l.perAgency() ? " per agency" : "")).orElse("")
        + cite(r.citation());
  }

  private void role(Decl.RoleDecl r, Layout out) {
    if (r.body().isEmpty()) {
      out.line(1, roleHead(r));
    } else {
      block(1, roleHead(r), r.body().get(), this::roleStmt, out);
    }
  }

  /** {@code scale grading "T" { inadequate = 1, good }}, values on one line. */
  private static String scale(Decl.ScaleDecl s, boolean trailingComma) {
    List<String> values = new ArrayList<>();
    for (Decl.ScaleValue v : s.values()) {
      values.add(v.name().text() + v.score().map(score -> " = " + score).orElse(""));
    }
    return "scale " + s.name().text() + title(s.title()) + " { " + String.join(", ", values)
        + (trailingComma ? ", }" : " }") + cite(s.citation());
  }

  /**
   * A scale followed by comments that were written inside it and cannot all end its line: broken
   * over lines, with a comma after the last value if that gives a comment the word it needs.
   */
  private static void scaleWithComments(Decl.ScaleDecl s, List<Decl> comments, Layout out) {
    List<String> words = SplitLine.words(scale(s, false));
    if (SplitLine.linesNeeded(comments) > words.size()) {
      words = SplitLine.words(scale(s, true));
    }
    SplitLine.print(words, comments, 1, out);
  }

  private String right(Decl.RightDecl r) {
    StringBuilder out = new StringBuilder(r.role().text()).append(" may ");
    switch (r.kind()) {
      case START:
        out.append("start at ").append(rightTargets(r.targets()));
        break;
      case BYPASS:
        out.append("bypass to ").append(rightTargets(r.targets()));
        break;
      default:
        // `at any time` says nothing a refer right does not already mean; it is kept for reading
        out.append("refer to ").append(rightTargets(r.targets()))
            .append(r.atRaise() ? " at the raise" : " at any time");
        break;
    }
    if (r.withReason()) {
      out.append(" with reason");
    }
    if (r.concurrently()) {
      out.append(" concurrently");
    }
    r.guard().ifPresent(g -> out.append(" if ").append(expr.condition(g)));
    return out.append(cite(r.citation())).toString();
  }

  private String rightTargets(RightTargets targets) {
    if (targets instanceof RightTargets.AnyStage) {
      return "any stage";
    } else if (targets instanceof RightTargets.AnyLaterStage) {
      return "any later stage";
    }
    List<String> out = new ArrayList<>();
    for (RightTargets.RightTarget t : ((RightTargets.Listed) targets).targets()) {
      if (t instanceof RightTargets.RightTarget.Stages s) {
        out.add(expr.stageRef(s.ref()));
      } else {
        out.add(((RightTargets.RightTarget.Outcome) t).outcome().text());
      }
    }
    return String.join(", ", out);
  }

  private String stageSet(StageSetExpr set) {
    if (set instanceof StageSetExpr.Listed l) {
      return expr.stageRefs(l.stages());
    }
    StageSetExpr.Every every = (StageSetExpr.Every) set;
    String from = every.from().map(k -> " from " + expr.stage(k)).orElse("");
    String except = every.except().isEmpty() ? "" : " except " + expr.stageRefs(every.except());
    return "every stage" + from + except;
  }

  // -------------------------------------------------------------------------------------------
  // Blocks

  /** Prints one statement of a block at the given depth. */
  private interface StatementPrinter<S> {
    void print(S statement, int depth, Layout out);
  }

  /**
   * A block: its head and opening brace, its statements one a line, one level deeper, and its
   * closing brace. A comment that ended the head's line (a trailing comment first in the body)
   * ends the printed head's line again.
   */
  private static <S> void block(
      int depth, String head, List<S> body, StatementPrinter<S> statement, Layout out) {
    int inside = head(depth, head + " {", body, out);
    for (S s : body.subList(inside, body.size())) {
      if (s instanceof Comment c) {
        out.comment(depth + 1, c);
      } else {
        statement.print(s, depth + 1, out);
      }
    }
    out.line(depth, "}");
  }

  /**
   * Prints the head of a block ({@code head} ends with the opening brace) and returns how many of
   * the body's first statements it printed: the comments written between the words of the head,
   * when more than one of them ended a line (see {@link SplitLine}); else none.
   */
  private static int head(int depth, String head, List<?> body, Layout out) {
    int inside = SplitLine.commentsInside(body, 0);
    if (inside == 0) {
      out.line(depth, head);
    } else {
      SplitLine.print(SplitLine.words(head), body.subList(0, inside), depth, out);
    }
    return inside;
  }

  private void roleStmt(RoleStmt s, int depth, Layout out) {
    if (s instanceof RoleStmt.Equivalent e) {
      List<String> titles = e.titles().stream().map(AstPrinter::quote).toList();
      out.line(depth, "in " + e.agency().text() + " " + String.join(", ", titles)
          + cite(e.citation()));
    } else {
      out.line(depth, source(((RoleStmt.Source) s).citation()));
    }
  }

  private void formStmt(FormStmt s, int depth, Layout out) {
    if (s instanceof FormStmt.Field f) {
      out.line(depth, "field " + f.name().text() + title(f.title()) + " " + fieldType(f.type())
          + cite(f.citation()));
    } else {
      out.line(depth, source(((FormStmt.Source) s).citation()));
    }
  }

  private String fieldType(FormStmt.FieldType type) {
    switch (type.kind()) {
      case TEXT:
        return "text";
      case DATE:
        return "date";
      case NUMBER:
        return "number";
      case YES_NO:
        return "yes-no";
      case STAGE:
        return "stage";
      case ROLE:
        return "role";
      default:
        return "one of " + expr.names(type.choices());
    }
  }

  private void triggerStmt(TriggerStmt s, int depth, Layout out) {
    if (s instanceof TriggerStmt.When w) {
      out.line(depth, "when " + expr.history(w.history()) + cite(w.citation()));
    } else if (s instanceof TriggerStmt.RaiseAt r) {
      out.line(depth, "raise at " + expr.stage(r.stage())
          + r.by().map(b -> " by " + b.text()).orElse("") + cite(r.citation()));
    } else {
      out.line(depth, source(((TriggerStmt.Source) s).citation()));
    }
  }

  private void limitStmt(LimitStmt s, int depth, Layout out) {
    if (s instanceof LimitStmt.Total t) {
      String scope = t.allStages() ? " of all stages"
          : t.stages().isEmpty() ? "" : " of " + expr.stageRefs(t.stages());
      String measure = t.measure() == org.escalon.model.Measure.ELAPSED ? "elapsed" : "total";
      out.line(depth, measure + scope + " at most " + expr.duration(t.atMost())
          + cite(t.citation()));
    } else {
      out.line(depth, source(((LimitStmt.Source) s).citation()));
    }
  }

  private void phaseStmt(PhaseStmt s, int depth, Layout out) {
    if (s instanceof PhaseStmt.Stages t) {
      out.line(depth, expr.stageRefs(t.stages()) + cite(t.citation()));
    } else {
      out.line(depth, source(((PhaseStmt.Source) s).citation()));
    }
  }

  private void invariantStmt(InvariantStmt s, int depth, Layout out) {
    if (s instanceof InvariantStmt.Holds h) {
      out.line(depth, expr.condition(h.condition()) + cite(h.citation()));
    } else {
      out.line(depth, source(((InvariantStmt.Source) s).citation()));
    }
  }

  private void propertyStmt(PropertyStmt s, int depth, Layout out) {
    if (s instanceof PropertyStmt.Claim c) {
      out.line(depth, expr.claim(c.claim()) + cite(c.citation()));
    } else {
      out.line(depth, source(((PropertyStmt.Source) s).citation()));
    }
  }

  private void extensionStmt(ExtensionStmt s, int depth, Layout out) {
    out.line(depth, statements.extension(s));
  }

  private void stageStmt(StageStmt s, int depth, Layout out) {
    if (s instanceof StageStmt.Extension e) {
      block(depth, "extension", e.body(), this::extensionStmt, out);
    } else {
      out.line(depth, statements.stage(s));
    }
  }

  // -------------------------------------------------------------------------------------------
  // Leaves

  static String quote(Text text) {
    return Strings.quote(text.value());
  }

  static String title(Optional<Text> title) {
    return title.map(t -> " " + quote(t)).orElse("");
  }

  /**
   * {@code  source "..."} at the end of a one-line statement, or nothing. The column the author
   * put it at travels with it (see {@link Layout#line}), so that citations aligned in a column
   * stay aligned.
   */
  static String cite(Optional<SourceRef> citation) {
    return citation.map(c -> " " + AT_COLUMN + c.span().column() + END_COLUMN + source(c))
        .orElse("");
  }

  /**
   * Marks the column a citation stood at in the source, resolved when its line is laid out.
   * Neither character can be in printed text: a quoted string escapes control characters.
   */
  static final char AT_COLUMN = '\u0001';
  static final char END_COLUMN = '\u0002';

  /** A citation's column marker, then the citation's keyword. */
  private static final Pattern CITED_AT =
      Pattern.compile(AT_COLUMN + "([0-9]{1,9})" + END_COLUMN + "(?=source \")");

  /** Where a printed line's citation begins (0-based), and its column in the source (1-based). */
  private record Cited(int at, int column) {}

  /** The text without the citations' columns: a citation one space after its statement. */
  static String withoutColumns(String text) {
    return CITED_AT.matcher(text).replaceAll("");
  }

  static String source(SourceRef citation) {
    return "source " + Strings.quote(citation.text());
  }

  static String comment(Comment c) {
    return c.text().isEmpty() ? "#" : "# " + c.text();
  }

  // -------------------------------------------------------------------------------------------
  // The printed lines

  /** The text being printed, a line at a time, with what a trailing comment may be added to. */
  static final class Layout {
    private final List<String> lines = new ArrayList<>();
    /** Whether a citation goes where the author put it (see {@link #aligned}). */
    private final boolean keepColumns;
    /** By line: where its citation begins, and the column it stood at in the source. */
    private final Map<Integer, Cited> citations = new HashMap<>();
    /** Whether the last line is, or ends with, a comment: nothing can be added to it. */
    private boolean lastEndsInComment;

    Layout(boolean keepColumns) {
      this.keepColumns = keepColumns;
    }

    void line(int depth, String text) {
      String line = INDENT.repeat(depth) + text;
      Matcher m = CITED_AT.matcher(line);
      if (m.find() && keepColumns) {
        citations.put(lines.size(), new Cited(m.start(), Integer.parseInt(m.group(1))));
      }
      lines.add(withoutColumns(line));
      lastEndsInComment = false;
    }

    /** How many lines have been printed. */
    int size() {
      return lines.size();
    }

    /** Puts {@code word} before the text of line {@code index}, after its indent. */
    void prefix(int index, String word) {
      String line = lines.get(index);
      int indent = line.length() - line.stripLeading().length();
      lines.set(index, line.substring(0, indent) + word + line.substring(indent));
    }

    void blank() {
      if (!lines.isEmpty() && !lines.get(lines.size() - 1).isEmpty()) {
        lines.add("");
        lastEndsInComment = false;
      }
    }

    /**
     * A comment: at the end of the last line when it stood at the end of the previous line in the
     * source, else on a line of its own.
     */
    void comment(int depth, Comment c) {
      if (c.trailing() && canAppend()) {
        int last = lines.size() - 1;
        lines.set(last, lines.get(last) + " " + AstPrinter.comment(c));
      } else {
        line(depth, AstPrinter.comment(c));
      }
      lastEndsInComment = true;
    }

    private boolean canAppend() {
      return !lines.isEmpty() && !lastEndsInComment && !lines.get(lines.size() - 1).isEmpty();
    }

    String text() {
      alignColumns();
      return String.join("\n", lines) + "\n";
    }

    /**
     * Citations the author aligned in a column stay aligned: a run of consecutive lines whose
     * citations stood at one column in the source is printed with them at one column, that one
     * or further right if a statement has grown. Any other citation is one space after its
     * statement. Printing the result again gives the same text.
     */
    private void alignColumns() {
      int i = 0;
      while (i < lines.size()) {
        Cited first = citations.get(i);
        int end = i + 1;
        while (first != null && citations.containsKey(end)
            && citations.get(end).column() == first.column()) {
          end++;
        }
        if (end - i >= 2) {
          int column = first.column() - 1;
          for (int j = i; j < end; j++) {
            column = Math.max(column, citations.get(j).at());
          }
          for (int j = i; j < end; j++) {
            String line = lines.get(j);
            int at = citations.get(j).at();
            lines.set(j, line.substring(0, at) + " ".repeat(column - at) + line.substring(at));
          }
        }
        i = end;
      }
    }
  }
}
