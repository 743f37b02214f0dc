package org.escalon.compiler.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.escalon.compiler.ast.ClaimExpr;
import org.escalon.compiler.ast.ConditionExpr;
import org.escalon.compiler.ast.Decl;
import org.escalon.compiler.ast.Name;
import org.escalon.compiler.ast.PropertyStmt;
import org.escalon.compiler.ast.ProtocolFile;
import org.escalon.compiler.ast.StageKey;
import org.escalon.compiler.ast.StageRef;
import org.escalon.compiler.ast.StageStmt;
import org.escalon.compiler.ast.Text;
import org.escalon.compiler.diagnostics.Diagnostics;
import org.escalon.compiler.diagnostics.ShortRenderer;
import org.escalon.compiler.syntax.SourceParser;
import org.escalon.model.SourceSpan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AstPrinterTest {

  private final AstPrinter printer = new AstPrinter();

  // -------------------------------------------------------------------------------------------
  // The canonical layout

  @Test
  void citationsTheAuthorAlignedInAColumnStayAligned() {
    String aligned = """
        protocol "Aligned" {
          role IRO "Independent Reviewing Officer"
          role TeamManager "Team Manager"
          stage 1 "First" {
            to   TeamManager                   source "Stage 1"
            respond within 5 working days      source "five working days"
            when not resolved go to resolved  source "the end"
          }
        }
        """;
    // the run of three stood at one column; a statement grown by fmt ("to   TeamManager" is
    // shorter, the last line is one column short) keeps them at one column, the furthest right
    String expected = """
        protocol "Aligned" {
          role IRO "Independent Reviewing Officer"
          role TeamManager "Team Manager"

          stage 1 "First" {
            to TeamManager                     source "Stage 1"
            respond within 5 working days      source "five working days"
            when not resolved go to resolved source "the end"
          }
        }
        """;
    String printed = printer.print(parse(aligned));
    assertEquals(expected, printed, "only the first two shared a column");
    assertEquals(printed, printer.print(parse(printed)), "printing again changes nothing");

    String column = aligned.replace("resolved  source", "resolved   source");
    String inColumn = printer.print(parse(column));
    assertEquals(3, inColumn.lines().filter(l -> l.indexOf("source") == 39).count(), inColumn);
    assertEquals(inColumn, printer.print(parse(inColumn)));

    String single = printer.print(parse(column.replaceAll(" +source", " source")));
    assertTrue(single.contains("  to TeamManager source \"Stage 1\""), single);
    assertEquals(CanonicalFingerprint.of(parse(single)), CanonicalFingerprint.of(parse(inColumn)),
        "layout does not change the fingerprint");
  }

  @Test
  void printsAMessyProtocolInTheCanonicalLayout() {
    String messy = """
        # Leading comment
           protocol   "Messy"{version "1" status draft # trailing after status
        owner "Someone"   source "Policy p1"
          role   IRO "Independent Reviewing Officer" role Cafcass "Cafcass"   external
        agency police
        # about attributes
        attribute urgent attribute kind "kind" one of low,high
        scale grading{good=1,bad}
        stage 1 "First" { to IRO copy Cafcass if urgent and(kind is low or kind is high) respond within 1 working days # five
        # own line
        when not resolved go to stage 2 }
        stage 2 { # first trailing
        to Cafcass, # inside a statement
            IRO respond by 2 week after start source "s2" when not resolved go to cafcass }
        outcome cafcass {
        # own line inside
         record "note" }
        IRO may bypass to any  stage with reason
        trigger t { when grading is bad twice in a row for any section raise at stage 1 }
        property "p" { every path reaches (resolved or cafcass) }
        } # the end
        # after""";
    String expected = """
        # Leading comment
        protocol "Messy" {
          version "1"
          status draft # trailing after status
          owner "Someone" source "Policy p1"

          role IRO "Independent Reviewing Officer"
          role Cafcass "Cafcass" external
          agency police

          # about attributes
          attribute urgent
          attribute kind "kind" one of low, high
          scale grading { good = 1, bad }

          stage 1 "First" {
            to IRO
            copy Cafcass if urgent and (kind is low or kind is high)
            respond within 1 working day # five
            # own line
            when not resolved go to stage 2
          }

          stage 2 { # first trailing
            # inside a statement
            to Cafcass, IRO
            respond by 2 weeks after the start source "s2"
            when not resolved go to cafcass
          }

          outcome cafcass {
            # own line inside
            record "note"
          }

          IRO may bypass to any stage with reason

          trigger t {
            when grading is bad twice in a row for any section
            raise at stage 1
          }

          property "p" {
            every path reaches (resolved or cafcass)
          }
        } # the end
        # after
        """;
    assertEquals(expected, printer.print(parse(messy)));
    assertRoundTrip(messy);
  }

  @Test
  void aTrailingCommentFirstInABlockEndsTheOpeningLine() {
    String text = "protocol \"P\" { # after the brace\n stage 1 { # after the stage brace\n"
        + " extension { # after the extension brace\n granted by IRO } } }";
    assertEquals("""
        protocol "P" { # after the brace
          stage 1 { # after the stage brace
            extension { # after the extension brace
              granted by IRO
            }
          }
        }
        """, printer.print(parse(text)));
  }

  @Test
  void aCommentOnItsOwnLineFirstInABlockStaysOnItsOwnLine() {
    String text = "protocol \"P\" {\n# first\nstage 1 {\n# in the stage\nto IRO}}";
    assertEquals("""
        protocol "P" {
          # first
          stage 1 {
            # in the stage
            to IRO
          }
        }
        """, printer.print(parse(text)));
  }

  @Test
  void commentsBeforeAndAfterTheProtocolAreKept() {
    String text = "#one\n#  two\n#\nprotocol \"P\" { } # end\n# last   \n\n\n";
    assertEquals("""
        # one
        #  two
        #
        protocol "P" {
        } # end
        # last
        """, printer.print(parse(text)));
  }

  @Test
  void shortBlocksWrittenOnOneLineArePrintedOnSeveral() {
    String text = "protocol \"P\" { limit \"L\" { total of stage 1..4 at most 20 working days }"
        + " extension { granted by IRO up to 5 working days at most 1 times } }";
    assertEquals("""
        protocol "P" {
          limit "L" {
            total of stage 1..4 at most 20 working days
          }

          extension {
            granted by IRO
            up to 5 working days
            at most 1 times per stage
          }
        }
        """, printer.print(parse(text)));
  }

  @Test
  void blankLinesSeparateGroupsAndPrecedeBlocksButNotTheirLeadingComments() {
    String text = """
        protocol "P" { source "s" version "1" agency police role IRO role QA "QA" { in police "DS" }
        event e attribute urgent IRO may start at any stage # start
        # before the form
        form F { field f "F" one of x and y source "form" } form G { } }""";
    assertEquals("""
        protocol "P" {
          source "s"
          version "1"

          agency police
          role IRO
          role QA "QA" {
            in police "DS"
          }

          event e
          attribute urgent

          IRO may start at any stage # start

          # before the form
          form F {
            field f "F" one of x, y source "form"
          }

          form G {
          }
        }
        """, printer.print(parse(text)));
  }

  @Test
  void scaleValuesStayOnOneLine() {
    String text = """
        protocol "P" { scale grading "Care plan grading" {
          inadequate = 1,
          requires_improvement = 2,
          good,
          outstanding,
        } source "Handbook" }""";
    assertEquals("""
        protocol "P" {
          scale grading "Care plan grading" { inadequate = 1, requires_improvement = 2, good, outstanding } source "Handbook"
        }
        """, printer.print(parse(text)));
  }

  @Test
  void commentsWrittenInsideAScaleStillReadBackTheSame() {
    assertRoundTrip("""
        protocol "P" {
          scale g "T" { low = 1, # one
            # two
            high # three
          } source # four
          "s" # five
          # six
          version "1"
        }""");
    assertRoundTrip("protocol \"P\" { scale # 1\n g # 2\n { # 3\n low # 4\n , # 5\n } # 6\n }");
    assertRoundTrip(
        "protocol \"P\" { scale # 1\n g # 2\n { # 3\n low # 4\n , # 5\n } source # 6\n \"s\" # 7\n }");
  }

  @Test
  void commentsWrittenInsideABlockHeadStillReadBackTheSame() {
    String text = "protocol \"P\" { stage # one\n 1 # two\n \"T\" { to IRO } }";
    assertEquals("""
        protocol "P" {
          stage 1 "T" # one
            { # two
            to IRO
          }
        }
        """, printer.print(parse(text)));
    assertRoundTrip(text);
    assertRoundTrip("protocol # a\n \"P\" # b\n { at # c\n every stage except stage 1 # d\n .. # e\n"
        + " 3 # f\n { extension # g\n # h\n { # i\n } } }");
  }

  @Test
  void aCitationOnItsOwnLineIsASourceStatementAndStaysOne() {
    String text = "protocol \"P\" { stage 1 { to IRO source \"cites to\"\n copy IRO\n"
        + " source \"cites the stage\" } }";
    assertEquals("""
        protocol "P" {
          stage 1 {
            to IRO source "cites to"
            copy IRO
            source "cites the stage"
          }
        }
        """, printer.print(parse(text)));
    assertRoundTrip(text);
  }

  @Test
  void stringsAreQuotedWithTheirEscapes() {
    String text = "protocol \"A \\\"quoted\\\" \\\\ name\" { owner \"x # not a comment\" }";
    assertEquals("""
        protocol "A \\"quoted\\" \\\\ name" {
          owner "x # not a comment"
        }
        """, printer.print(parse(text)));
  }

  // -------------------------------------------------------------------------------------------
  // Durations

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      1 working days     | 1 working day
      5 working day      | 5 working days
      0 working days     | 0 working days
      1 working weeks    | 1 working week
      2 working week     | 2 working weeks
      1 calendar days    | 1 calendar day
      10 calendar day    | 10 calendar days
      1 weeks            | 1 week
      2 week             | 2 weeks
      1 months           | 1 month
      6 month            | 6 months
      1 hours            | 1 hour
      48 hour            | 48 hours
      1 days             | 1 day
      5 day              | 5 days
      same working day   | same working day
      """)
  void durationsArePrintedWithTheirCanonicalUnit(String written, String canonical) {
    String text = "protocol \"P\" { limit \"L\" { total at most " + written + " } }";
    assertTrue(printer.print(parse(text)).contains("    total at most " + canonical + "\n"),
        () -> printer.print(parse(text)));
    assertRoundTrip(text);
  }

  @Test
  void timescalesSayWhatTheyCountFrom() {
    String text = "protocol \"P\" { stage 1 { respond within same working day if urgent"
        + " respond within the 2 working days respond by 3 week after start"
        + " respond by 1 working days after the start respond by 6 months after plan_started } }";
    assertEquals("""
        protocol "P" {
          stage 1 {
            respond within the same working day if urgent
            respond within 2 working days
            respond by 3 weeks after the start
            respond by 1 working day after the start
            respond by 6 months after plan_started
          }
        }
        """, printer.print(parse(text)));
  }

  // -------------------------------------------------------------------------------------------
  // Parentheses

  @Test
  void keepsTheParenthesesTheAuthorWroteAndAddsNone() {
    String text = """
        protocol "P" {
          stage 1 { only if u or v and not w or ((d)) and not (e or f) }
          trigger t { when (x or y) and z or g is v for the same section }
          property "q" { always m and not n only after stage 2 or (eventually k) }
          property "r" { not x only after y }
        }""";
    String printed = printer.print(parse(text));
    assertTrue(printed.contains("    only if u or v and not w or ((d)) and not (e or f)\n"), printed);
    assertTrue(printed.contains("    when (x or y) and z or g is v for the same section\n"), printed);
    assertTrue(printed.contains("    always m and not n only after stage 2 or (eventually k)\n"),
        printed);
    assertTrue(printed.contains("    not x only after y\n"), printed);
    assertRoundTrip(text);
  }

  @Test
  void aTreeBuiltByHandGetsTheParenthesesItsMeaningNeeds() {
    ConditionExpr u = attr("u");
    ConditionExpr v = attr("v");
    ConditionExpr w = attr("w");
    ConditionExpr orUnderAnd =
        new ConditionExpr.And(new ConditionExpr.Or(u, v, NONE), w, NONE);
    ConditionExpr andOnTheRight =
        new ConditionExpr.And(u, new ConditionExpr.And(v, w, NONE), NONE);
    ConditionExpr notOverAnd = new ConditionExpr.Not(new ConditionExpr.And(u, v, NONE), NONE);
    ClaimExpr x = new ClaimExpr.Named(new Name("x", NONE));
    ClaimExpr y = new ClaimExpr.Named(new Name("y", NONE));
    ClaimExpr notBeforeOnlyAfter =
        new ClaimExpr.OnlyAfter(new ClaimExpr.Not(x, NONE), y, NONE);
    ClaimExpr alwaysOverAnd = new ClaimExpr.Always(new ClaimExpr.And(x, y, NONE), NONE);
    ClaimExpr completedAndStage = new ClaimExpr.And(
        new ClaimExpr.Completed(List.of(new StageRef.Single(
            new StageKey("1", NONE), NONE)), NONE),
        new ClaimExpr.InStage(new StageKey("2", NONE), NONE), NONE);

    String printed = printer.print(protocolWith(
        stage(new StageStmt.OnlyIf(orUnderAnd, Optional.empty(), NONE),
            new StageStmt.OnlyIf(andOnTheRight, Optional.empty(), NONE),
            new StageStmt.OnlyIf(notOverAnd, Optional.empty(), NONE)),
        property(notBeforeOnlyAfter, alwaysOverAnd, completedAndStage)));

    assertEquals("""
        protocol "P" {
          stage 1 {
            only if (u or v) and w
            only if u and (v and w)
            only if not (u and v)
          }

          property "p" {
            not x only after y
            always x and y
            completed stage 1 and (stage 2)
          }
        }
        """, printed);
    // The added parentheses read back as groups; the text itself is stable.
    assertEquals(printed, printer.print(parse(printed)));
  }

  // -------------------------------------------------------------------------------------------
  // Round trips: (a) parse(print(ast)) is ast, spans aside; (b) printing is idempotent

  @Test
  void theSampleOfTheSyntaxSheetRoundTrips() {
    assertRoundTrip(SAMPLE);
  }

  @Test
  void aProtocolUsingEveryConstructRoundTrips() {
    ProtocolFile ast = parse(EVERY_CONSTRUCT);
    String printed = printer.print(ast);
    assertRoundTrip(EVERY_CONSTRUCT);
    assertRoundTrip(printed);
    assertTrue(printed.endsWith("} # trailing after the protocol\n# the very end\n"), printed);
    for (String line : printed.split("\n", -1)) {
      assertFalse(line.endsWith(" ") || line.contains("\t"), () -> "untidy line: [" + line + "]");
    }
    assertEquals(countComments(EVERY_CONSTRUCT), countComments(printed));
  }

  @Test
  void theSpanEraserComparesStructureOnly() {
    ProtocolFile one = parse("protocol \"P\" { version \"1\" }");
    ProtocolFile two = parse("\n\n   protocol    \"P\"\n{\n\n  version\n \"1\"   }");
    ProtocolFile other = parse("protocol \"P\" { version \"2\" }");
    assertFalse(one.equals(two));
    assertEquals(SpanEraser.erase(one), SpanEraser.erase(two));
    assertFalse(SpanEraser.erase(one).equals(SpanEraser.erase(other)));
    assertEquals(SourceSpan.NONE, SpanEraser.erase(one).decls().get(0).span());
  }

  // -------------------------------------------------------------------------------------------
  // Helpers

  private static final SourceSpan NONE = SourceSpan.NONE;

  private void assertRoundTrip(String text) {
    ProtocolFile ast = parse(text);
    String printed = printer.print(ast);
    ProtocolFile again = parse(printed);
    assertEquals(SpanEraser.erase(ast), SpanEraser.erase(again),
        () -> "the printed text reads back as another tree:\n" + printed);
    assertEquals(printed, printer.print(again), "printing is not idempotent");
    assertTrue(printed.endsWith("\n") && !printed.endsWith("\n\n"), "one final newline");
  }

  static ProtocolFile parse(String text) {
    Diagnostics diagnostics = new Diagnostics();
    Optional<ProtocolFile> file = new SourceParser().parse("test.esc", text, diagnostics);
    if (file.isEmpty()) {
      ShortRenderer renderer = new ShortRenderer();
      fail("does not parse:\n" + diagnostics.sorted().stream()
          .map(d -> renderer.render(d, "test.esc")).collect(Collectors.joining("\n"))
          + "\n---\n" + text);
    }
    return file.get();
  }

  private static long countComments(String text) {
    return parse(text).toString().split("Comment\\[", -1).length - 1;
  }

  private static ConditionExpr attr(String name) {
    return new ConditionExpr.Attr(new Name(name, NONE));
  }

  private static ProtocolFile protocolWith(Decl... decls) {
    return new ProtocolFile(List.of(), new Text("P", NONE), List.of(decls), List.of(), NONE);
  }

  private static Decl stage(StageStmt... body) {
    return new Decl.StageDecl(new StageKey("1", NONE), Optional.empty(), List.of(body), NONE);
  }

  private static Decl property(ClaimExpr... claims) {
    List<PropertyStmt> body = List.of(claims).stream()
        .map(c -> (PropertyStmt) new PropertyStmt.Claim(c, Optional.empty(), NONE))
        .toList();
    return new Decl.PropertyDecl(new Text("p", NONE), body, NONE);
  }

  // -------------------------------------------------------------------------------------------
  // Texts

  /**
   * The sample protocol of the syntax cheat-sheet, as given there but for one name: the sheet's
   * {@code field reason} does not parse, {@code reason} being a keyword, so it is {@code
   * main_reason} here.
   */
  private static final String SAMPLE = """
      protocol "Kent IRO practice escalation" {
        # ---- header (R1)
        version "2022-09"
        status ratified                         # draft | ratified
        effective 2022-09-01
        review by 2023-09-01                    # `by` optional
        owner "Kent County Council"
        calendar england-and-wales              # england-and-wales | scotland | northern-ireland
        closed 2026-12-29 to 2026-12-31         # local closure days (one date or a range)
        closed every year from 12-27 to 12-31   # yearly closure, MM-DD
        time zone "Europe/London"
        raised by IRO                           # the role that raises escalations
        source "Kent County Council, IRO practice escalation and dispute resolution"

        # ---- agencies and roles (R2)
        agency police "Police"
        agency health "Health"
        role IRO "Independent Reviewing Officer"
        role Cafcass "Cafcass" external          # `external` = outside the organisation
        role TeamManager "Team Manager" {
          in police "Detective Sergeant"          # equivalent role in another agency
          in health "Senior Health Visitor", "Nurse", "GP"
        }

        # ---- case attributes (R11), events, scales, forms (R17)
        attribute child_protection_plan "the young person is subject to a Child Protection Plan"
        attribute agency_kind "the receiving agency" one of social_care, police, health
        event plan_started "the child protection plan started"
        event social_worker_changed "the allocated social worker changed"
        scale grading "Care plan section grading" { inadequate = 1, requires_improvement = 2, good = 3, outstanding = 4 }
        form EscalationNotice "Escalation Notice" {
          field issuing_agency "Agency issuing Escalation Notice" text
          field child_name "Name of Child/Young Person" text
          field dob "D.O.B" date
          field resolved_at "Level of resolution" stage
          field signed_role "Role" role
          field adhered "Timescales adhered to Stage 1" yes-no
          field count "Number" number
          field main_reason "Main reason for escalation" one of threshold_conflict, communication, need_for_action, roles_and_responsibilities
          source "Escalation Notice template"
        }

        # ---- obligations at every stage (R10): same statements as a stage body (no timescale/when)
        at every stage {
          advise YoungPerson "of the delay, where appropriate"
          record "the young person's views"
        }
        at every stage from stage 3 { consult QAManager }    # also: at stage 3..6 { ... }, at every stage except stage informal { ... }

        # ---- stages (R3). Key is a number or a name; title optional. Declaration order = ladder order.
        stage informal "Informal resolution" {
          to SocialWorker
          action "escalate via the escalation form and set a timescale" by IRO
          source "Practice Resolution, Informal Resolution"
        }
        stage 2 "To Team Manager" {
          to TeamManager                          # escalated to (one or more roles: `to A, B` or `to A and B`)
          to TeamManager in both agencies         # "the equivalent manager in the other agency"
          copy SocialWorker                       # copied
          copy IRO if child_protection_plan       # conditional copy (any statement can take `if CONDITION`)
          notify IRO "of the escalation"          # inform someone; also `advise ROLE "..."`, `consult ROLE "..."`
          notify TeamManager "by phone or in writing" within 1 working day
          action "follow up by phone" by IRO      # a step to do, with optional `by ROLE`, `within DURATION`
          record EscalationNotice sent to ServiceManager, LSCBBusinessManager within 5 working days
          record "rationale for the escalation"   # a form by name, or a note in words
          remind Professional every 2 weeks until resolved copying TeamManager
          respond within 5 working days           # response timescale, counted from this stage's start
          respond within the same working day if immediate_risk   # conditional timescale
          respond by 3 weeks after the start      # counted from the escalation's start
          respond by 5 working days after plan_started            # counted from a named event
          requires completed stage 1              # preconditions (R8), comma separated
          requires agreement of QAAssistantDirector, advice of LegalCounsel
          requires child_protection_plan          # a condition on the case
          only if child_protection_plan           # stage is SKIPPED (not blocked) when false
          when not resolved go to stage 3         # = no response or unsatisfactory response
          when no response go to stage 3          # timeout only
          when unsatisfactory go to cafcass       # unsatisfactory response only
          when resolved go to resolved            # resolving response (this is the default)
          extension { granted by IRO up to 5 working days }   # a stage-specific extension rule
          source "Practice Resolution, Stage 2"
        }
        # Defaults: a resolving response -> outcome `resolved` (built in, records the stage);
        # no response / unsatisfactory -> the next stage in declaration order. The LAST stage must
        # say where it goes (`when not resolved go to ...`), e.g. an outcome, else error E0402.
        # Self-loops are allowed (`when not resolved go to stage ongoing`).

        # ---- outcomes (R5): terminal. Same body statements as a stage except timescales/when.
        outcome cafcass "Referral to Cafcass" {
          to Cafcass
          requires completed stage 4, stage 5 and stage 6
          requires agreement of QAAssistantDirector, advice of LegalCounsel
          record "IRO oversight case note, with the rationale for returning to court"
          source "Practice Resolution: the final stage"
        }
        # `resolved` is built in; you may also declare `outcome resolved "Resolved" { record ResolutionRecord }`.

        # ---- rights (R7)
        IRO may start at any stage
        IRO may start at stage 1..6               # ranges follow declaration order between the two keys
        IRO may bypass to any stage with reason
        IRO may bypass to stage 2..6, cafcass with reason
        IRO may refer to cafcass at any time concurrently     # `concurrently`: alongside the local process

        # ---- extensions (R9)
        extension {
          requested by SocialWorker, TeamManager in writing with rationale
          granted by IRO
          up to 5 working days
          at most 1 times per stage               # or `in total`
          record "a copy of the request in a case note on the child's file"
          notify TeamManager
          source "Social Worker responsibilities"
        }

        # ---- triggers (R12)
        trigger inadequate "An inadequate grading of any section" {
          when grading is inadequate for any section
          raise at stage 1
        }
        trigger two_ri "Two consecutive requires improvement gradings" {
          when grading is requires_improvement twice in a row for the same section   # or `3 times in a row`
          raise at stage 1
        }
        trigger social_worker_changes { when social_worker_changed occurs more than 2 times raise at stage 1 }   # or `at least N times`
        trigger long_plan { when at least 6 months since plan_started and child_protection_plan raise at stage 1 }

        # ---- limits (R14) and properties (R15)
        limit "IRO Handbook s6.2" {
          total of stage 1..4 at most 20 working days    # or `total of all stages at most ...`
          source "IRO Handbook s6.2"
        }
        property "every path reaches resolution or Cafcass" { every path reaches resolved or cafcass }
        property "Cafcass only after stages 4, 5 and 6" { cafcass only after completed stage 4, stage 5 and stage 6 }
        property "the young person is advised at every stage" { at every stage YoungPerson is advised }
        # claims: always C | eventually C | never C | at every stage C | every path reaches C | C only after C
        #         | not C | C and C | C or C | (C) | completed stage.. | stage K | resolved | OUTCOME
        #         | ROLE is (escalated to | copied | notified | advised | consulted)
      }
      """;

  /** Every statement, with and without its optional parts, and comments in many places. */
  private static final String EVERY_CONSTRUCT = """
      # A protocol that uses every construct of the language.
      # Second leading comment.
      protocol "Every construct" { # trailing after the protocol brace
        version "1.0" source "v"
        status draft source "st"
        effective 2024-01-31 source "e"
        review 2025-01-31
        review by 2025-02-28 source "r"
        owner "Owner \\"quoted\\" \\\\ back" source "o"
        calendar england-and-wales source "c"
        closed 2026-12-29
        closed 2026-12-29 to 2026-12-31 source "cl"
        closed every year from 12-27 to 12-31 source "cy"
        time zone "Europe/London" source "tz"
        raised by IRO source "rb"
        source "the policy"
        agency police
        agency health "Health" source "ag"
        role IRO
        role Cafcass "Cafcass" external
        role TeamManager "Team Manager" external source "tm" {
          in police "Detective Sergeant" source "eq"
          in health "Senior Health Visitor", "Nurse", "GP"
          source "roles"
        }
        role Empty { }
        attribute urgent
        attribute cpp "plan" source "at"
        attribute agency_kind "the agency" one of social_care, police and health source "ak"
        event plan_started
        event worker_changed "changed" source "ev"
        scale grading { inadequate = 1, good }
        scale other "Other" { low = 0, high = 10, } source "sc"
        form EscalationNotice "Escalation Notice" {
          field a_text "A" text
          field a_date date source "fd"
          field a_number "N" number
          field a_bool "B" yes-no
          field a_stage "S" stage
          field a_role role
          field a_choice "C" one of x, y and z source "fc"
          source "the form"
        }
        form EmptyForm { }
        at every stage { advise YoungPerson "of the delay" }
        at every stage from stage 3 { consult QAManager }
        at every stage except stage informal, stage 2..4 { notify IRO }
        at every stage from stage 2 except stage 5 { record "x" }
        at stage 3..6, stage 8 and stage final { copy IRO }
        stage informal "Informal" {
          to SocialWorker source "to"
          to TeamManager, IRO and Cafcass in both agencies if urgent source "to2"
          copy SocialWorker
          copy IRO, Cafcass if cpp and not urgent source "cp"
          notify IRO
          notify IRO "of it" within 1 working day if urgent or cpp source "n"
          advise YoungPerson "of the delay" within the same working day
          consult QAManager, LegalCounsel "on the law"
          action "follow up"
          action "follow up by phone" by IRO within 2 working weeks if (urgent) source "ac"
          record EscalationNotice
          record EscalationNotice sent to ServiceManager, LSCBBusinessManager within 5 working days if agency_kind is police source "re"
          record "a note" sent to IRO
          remind Professional every 2 weeks
          remind Professional every 1 week until resolved copying TeamManager, IRO if urgent source "rm"
          respond within 5 working days
          respond within the same working day if urgent source "rw"
          respond within 10 calendar days
          respond within 48 hours
          respond within 5 days # unlabelled: an error the checker explains
          respond by 3 weeks after the start
          respond by 1 month after start if cpp source "rb"
          respond by 5 working days after plan_started
          requires completed stage 1
          requires completed stage 1..3, stage 5 and stage 6, agreement of QA, advice of Legal, urgent or cpp, not urgent source "rq"
          only if cpp and (urgent or agency_kind is health) source "oi"
          when not resolved go to stage 3 source "w"
          when no response go to stage informal
          when unsatisfactory go to cafcass
          when resolved go to resolved
          extension { granted by IRO up to 5 working days }
          extension {
            requested by SocialWorker, TeamManager in writing with rationale source "rq"
            requested by IRO in writing
            requested by IRO with rationale
            granted by IRO and TeamManager source "g"
            up to 1 working week source "u"
            at most 1 times
            at most 2 times per stage source "am"
            at most 3 times in total
            record "a copy" source "rec"
            record EscalationNotice
            notify TeamManager, IRO source "nt"
            source "ext"
            # last in the extension
          }
          source "Stage informal"
        }
        stage 2 { }
        outcome cafcass "Referral to Cafcass" {
          to Cafcass
          requires completed stage 4, stage 5 and stage 6
          record "IRO oversight case note"
          source "final"
        }
        outcome panel { }
        IRO may start at any stage
        IRO may start at any of stage source "r1"
        IRO may start at stage 1..6
        IRO may bypass to any stage with reason
        IRO may bypass to stage 2..6, cafcass and stage 7 with reason concurrently source "r2"
        IRO may refer to cafcass at any time concurrently
        IRO may refer to panel at any time with reason source "r3"
        extension {
          requested by SocialWorker
          granted by IRO
          up to 5 working days
          at most 1 times per stage
        }
        trigger inadequate "An inadequate grading" {
          when grading is inadequate for any section
          raise at stage 1
        }
        trigger two_ri {
          when grading is good twice in a row for the same section source "tw"
          when grading is good 3 times in a row
          when grading is good 1 times in a row
          when grading is good
          raise at stage informal source "ra"
          source "trig"
        }
        trigger changes { when worker_changed occurs more than 2 times raise at stage 1 }
        trigger changes2 { when worker_changed occurs at least 2 times or (cpp and urgent) and at least 6 months since plan_started raise at stage 2 }
        trigger empty { }
        limit "IRO Handbook s6.2" {
          total of stage 1..4 at most 20 working days source "l1"
          total of all stages at most 6 months
          total of stage 1, stage 2 and stage informal at most 1 working day
          total at most 1 calendar day
          source "IRO Handbook s6.2"
        }
        limit "empty" { }
        property "claims" {
          every path reaches resolved or cafcass
          cafcass only after completed stage 4, stage 5 and stage 6 source "p1"
          at every stage YoungPerson is advised
          always stage 2 and (eventually resolved)
          never (IRO is escalated to or IRO is copied)
          not IRO is notified and IRO is consulted
          always (eventually (not resolved)) only after (stage informal or stage 3)
          source "prop"
        }
        property "empty" { }
        # last comment in the protocol
      } # trailing after the protocol
      # the very end
      """;
}
