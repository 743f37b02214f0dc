package org.escalon.compiler.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.escalon.compiler.ast.Decl;
import org.escalon.compiler.ast.ExtensionStmt;
import org.escalon.compiler.ast.LimitStmt;
import org.escalon.compiler.ast.Name;
import org.escalon.compiler.ast.PropertyStmt;
import org.escalon.compiler.ast.ProtocolFile;
import org.escalon.compiler.ast.RightTargets;
import org.escalon.compiler.ast.StageStmt;
import org.escalon.compiler.ast.TriggerStmt;
import org.escalon.compiler.diagnostics.Code;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.compiler.diagnostics.Diagnostics;
import org.escalon.model.SourceSpan;
import org.escalon.model.Target;

/**
 * Checks the shape of the ladder: statements where they belong (E0404), one timescale and one
 * route per response (E0408, E0412), a way out of every stage (E0402), every stage and outcome
 * reachable (E0401), preconditions that can be met (E0403), and complete triggers, limits,
 * properties and extensions (E0409–E0411), and no stage that comes round again, when no response
 * comes, with a deadline that has already passed (E0414).
 */
final class StructureChecker {

  private final SymbolTable symbols;
  private final Diagnostics diagnostics;
  /** Where rights to bypass or refer can take a running escalation from any stage. */
  private final Set<String> skipTargets = new LinkedHashSet<>();

  StructureChecker(SymbolTable symbols, Diagnostics diagnostics) {
    this.symbols = symbols;
    this.diagnostics = diagnostics;
  }

  void check(ProtocolFile file) {
    for (Decl decl : file.decls()) {
      if (decl instanceof Decl.StageDecl d) {
        stage(d);
      } else if (decl instanceof Decl.OutcomeDecl d) {
        answering(d.body(), "outcome `" + d.name().text() + "`");
        placement(d.body(), "an outcome", "outcomes end the escalation, so nothing is due after them");
      } else if (decl instanceof Decl.ObligationDecl d) {
        placement(d.body(), "`at every stage`",
            "obligations add steps to stages; timescales and routes belong to each stage");
      } else if (decl instanceof Decl.TriggerDecl d) {
        trigger(d);
      } else if (decl instanceof Decl.LimitDecl d) {
        if (d.body().stream().noneMatch(LimitStmt.Total.class::isInstance)) {
          saysNothing(d.title().span(), "limit", "add `total of all stages at most 20 working days`");
        }
      } else if (decl instanceof Decl.PhaseDecl d) {
        if (d.stages().isEmpty()) {
          saysNothing(d.name().span(), "phase", "list the stages it groups, such as `stage 3..5`");
        }
      } else if (decl instanceof Decl.PropertyDecl d) {
        if (d.body().stream().noneMatch(PropertyStmt.Claim.class::isInstance)) {
          saysNothing(d.title().span(), "property", "add a claim such as `every path reaches resolved`");
        }
      } else if (decl instanceof Decl.InvariantDecl d) {
        if (d.conditions().isEmpty()) {
          saysNothing(d.title().span(), "invariant", "add the condition that holds until the "
              + "escalation ends, such as `child_in_placement`");
        }
      } else if (decl instanceof Decl.ExtensionDecl d) {
        extension(d.body(), d.span());
      } else if (decl instanceof Decl.AtOnceDecl d) {
        atOnce(d);
      } else if (decl instanceof StageStmt.Decision d) {
        decision(d);
      }
    }
    referralsAtTheRaise(file);
    startsOnStageDecisions(file);
    raisers(file);
    phasesApart();
    Map<String, Routes.Route> routes = Routes.of(symbols);
    waysOut(routes);
    Set<String> reachable = reachability(file, routes);
    preconditions(routes);
    unreachable(reachable);
    resolvedNeverReached(file, reachable);
    deadlinesThatPassAgain(routes);
    routes.forEach(this::choicesThatChooseNothing);
  }

  /**
   * A route the case chooses ({@code when ... if}) that goes where the stage goes anyway: the
   * condition decides nothing, which is almost always a slip for another stage.
   */
  private void choicesThatChooseNothing(String key, Routes.Route route) {
    for (Routes.Choice choice : route.choices()) {
      List<Optional<Target>> otherwise = new ArrayList<>();
      for (StageStmt.ResponseKind kind : covered(choice.response())) {
        otherwise.add(switch (kind) {
          case RESOLVED -> route.onResolved();
          case UNSATISFACTORY -> route.onUnsatisfactory();
          default -> route.onNoResponse();
        });
      }
      if (otherwise.stream().allMatch(t -> t.equals(Optional.of(choice.target())))) {
        diagnostics.report(Diagnostic.of(Code.E0420, "`stage " + key + "` goes to "
                + describeTarget(choice.target()) + " whether or not the condition holds")
            .at(choice.written().span(), "this condition chooses nothing")
            .note("without a `when` line saying otherwise, a stage that is not resolved goes on "
                + "to the next stage of the ladder")
            .help("name the other place in `otherwise go to ...`, or drop the condition"));
      }
    }
  }

  private static String describeTarget(Target target) {
    return target instanceof Target.ToStage s ? "`stage " + s.key() + "`"
        : "`" + ((Target.ToOutcome) target).name() + "`";
  }

  // -------------------------------------------------------------------------------------------
  // Stages

  private void stage(Decl.StageDecl stage) {
    stage.body().stream().filter(StageStmt.RequiresStep.class::isInstance)
        .forEach(r -> requiredStep((StageStmt.RequiresStep) r));
    StageStmt firstTimescale = null;
    Map<StageStmt.ResponseKind, StageStmt.When> handled = new LinkedHashMap<>();
    for (StageStmt statement : stage.body()) {
      boolean unconditionalTimescale =
          (statement instanceof StageStmt.RespondWithin w && w.guard().isEmpty())
              || (statement instanceof StageStmt.RespondBy b && b.guard().isEmpty())
              || (statement instanceof org.escalon.compiler.ast.RespondChosen c
                  && c.guard().isEmpty());
      if (unconditionalTimescale) {
        if (firstTimescale != null) {
          diagnostics.report(Diagnostic.of(Code.E0408, "`stage " + stage.key().text()
                  + "` has two timescales that both always apply")
              .at(statement.span(), "second timescale")
              .also(firstTimescale.span(), "first timescale")
              .help("keep one, or make one of them conditional with `if ...`"));
        } else {
          firstTimescale = statement;
        }
      }
      if (statement instanceof StageStmt.Extension e) {
        extension(e.body(), e.span());
      }
      if (statement instanceof StageStmt.Decision d) {
        decision(d);
      }
      if (statement instanceof StageStmt.When w && w.unconditional()) {
        for (StageStmt.ResponseKind kind : covered(w.response())) {
          StageStmt.When earlier = handled.putIfAbsent(kind, w);
          if (earlier != null) {
            diagnostics.report(Diagnostic.of(Code.E0412, "`stage " + stage.key().text()
                    + "` says twice where to go " + describe(kind))
                .at(w.span(), "handled again here")
                .also(earlier.span(), "first handled here")
                .note("`when not resolved` covers both no response and an unsatisfactory response")
                .help("keep one `when` line for each kind of response"));
            break;
          }
        }
      }
    }
    setAndAnchoredElsewhere(stage);
    answering(stage.body(), "`stage " + stage.key().text() + "`");
  }

  /**
   * Who answers: a {@code to} line says either {@code or} or {@code and}, not both (E0440); a
   * stage that each of several roles must answer ({@code to A and B}) says so on its one
   * {@code to} line, without {@code if} (E0441), so that who must answer does not change with the
   * case.
   */
  private void answering(List<StageStmt> body, String where) {
    List<StageStmt.JudgedBy> judged = body.stream().filter(StageStmt.JudgedBy.class::isInstance)
        .map(StageStmt.JudgedBy.class::cast).toList();
    for (StageStmt.JudgedBy j : judged) {
      if (j.joined() == StageStmt.Joined.MIXED) {
        mixedJoin(where, "judged by", j.span(), "either may judge; `judged by A and B`: each must "
            + "judge it resolved");
      }
    }
    List<StageStmt.EscalatedBy> escalators = body.stream()
        .filter(StageStmt.EscalatedBy.class::isInstance).map(StageStmt.EscalatedBy.class::cast)
        .toList();
    if (escalators.size() > 1) {
      diagnostics.report(Diagnostic.of(Code.E0445, where + " says twice who escalates it")
          .at(escalators.get(1).span(), "escalated again here")
          .also(escalators.get(0).span(), "first said here")
          .note("one role takes the case further from a stage when it is not resolved")
          .help("keep one `escalated by` line"));
    }
    if (judged.size() > 1) {
      diagnostics.report(Diagnostic.of(Code.E0442, where + " says twice who judges whether it "
              + "is resolved")
          .at(judged.get(1).span(), "judged again here")
          .also(judged.get(0).span(), "first said here")
          .help("name everyone on one `judged by` line, joined by `and` (each must) or `or` "
              + "(either may)"));
    }
    List<StageStmt.To> lines = body.stream().filter(StageStmt.To.class::isInstance)
        .map(StageStmt.To.class::cast).toList();
    lines.forEach(to -> substitute(to, where));
    for (StageStmt.To to : lines) {
      if (to.joined() == StageStmt.Joined.MIXED) {
        mixedJoin(where, "to", to.span(), "either may answer; `to A and B`: each must answer "
            + "before the stage is resolved");
      } else if (to.jointly() && (to.guard().isPresent() || lines.size() > 1)) {
        diagnostics.report(Diagnostic.of(Code.E0441, where + " must be answered by each of "
                + "several roles, but who they are depends on " + (to.guard().isPresent()
                ? "a condition" : "another `to` line"))
            .at(to.span(), "each of these must answer")
            .note("a stage answered jointly names everyone who must answer on its one `to` "
                + "line, without `if`")
            .help(to.guard().isPresent() ? "drop the `if`, or write the routes the condition "
                + "chooses with `when ... go to ... if`"
                : "put every role that must answer on this line, joined by `and`"));
      }
    }
  }

  /**
   * A substitute ({@code to TeamManager, or DutyTeamManager when unavailable}) stands in for one
   * addressee (E0447), who is not the substitute, at a stage: outcomes are not answered (E0448).
   */
  private void substitute(StageStmt.To to, String where) {
    if (to.substitute().isEmpty()) {
      return;
    }
    Name substitute = to.substitute().get();
    if (to.roles().size() > 1) {
      diagnostics.report(Diagnostic.of(Code.E0447, where + " names a substitute on a `to` line "
              + "of " + to.roles().size() + " roles: it is not said for whom it stands in")
          .at(substitute.span(), "stands in for which of them?")
          .note("a substitute answers in the place of the one addressee of its line once the "
              + "host says that addressee is unavailable")
          .help("give each addressee a `to` line of its own: `to " + to.roles().get(0).text()
              + ", or " + substitute.text() + " when unavailable`"));
    } else if (where.startsWith("outcome")) {
      diagnostics.report(Diagnostic.of(Code.E0448, where + " names a substitute, but an "
              + "outcome is not answered")
          .at(substitute.span(), "never stands in")
          .note("a substitute answers a stage in the addressee's place once the host says the "
              + "addressee is unavailable; an outcome ends the escalation")
          .help("drop `, or " + substitute.text() + " when unavailable`, or name both: `to "
              + to.roles().get(0).text() + ", " + substitute.text() + "`"));
    } else if (substitute.text().equals(to.roles().get(0).text())) {
      diagnostics.report(Diagnostic.of(Code.E0448, where + " names " + substitute.text()
              + " as the substitute for " + substitute.text())
          .at(substitute.span(), "the addressee itself")
          .note("a substitute answers in the addressee's place when the addressee is unavailable")
          .help("name the role that stands in, such as the duty manager"));
    }
  }

  /**
   * E0440: one {@code to} or {@code judged by} line joins its roles with both {@code and} and
   * {@code or}. {@code meaning} completes the note after "`LINE A or B`: ".
   */
  private void mixedJoin(String where, String line, SourceSpan span, String meaning) {
    diagnostics.report(Diagnostic.of(Code.E0440, where + " says both `and` and `or` in one `"
            + line + "` line")
        .at(span, "`and` and `or` together")
        .note("`" + line + " A or B`: " + meaning)
        .help("write `or` between every role, or `and` between every role"));
  }

  /**
   * A timescale set during the case is counted again from the start of the stay when it is set,
   * with the stage's other timescales; one counted from the escalation's start or an event in
   * the same stage would be counted from two places (E0408).
   */
  private void setAndAnchoredElsewhere(Decl.StageDecl stage) {
    StageStmt set = stage.body().stream().filter(s -> s instanceof
        org.escalon.compiler.ast.RespondChosen c && c.choices().stream().anyMatch(
            org.escalon.compiler.ast.RespondChosen.Choice.SetBy.class::isInstance))
        .findFirst().orElse(null);
    StageStmt by = stage.body().stream().filter(StageStmt.RespondBy.class::isInstance)
        .findFirst().orElse(null);
    if (set != null && by != null) {
      diagnostics.report(Diagnostic.of(Code.E0408, "`stage " + stage.key().text()
              + "` has a timescale set during the case and one counted from elsewhere")
          .at(by.span(), "counted from elsewhere")
          .also(set.span(), "set during the case, counted from the start of the stage")
          .help("count the stage's timescales from the start of the stage (`respond within`)"));
    }
  }

  private static List<StageStmt.ResponseKind> covered(StageStmt.ResponseKind kind) {
    return kind == StageStmt.ResponseKind.NOT_RESOLVED
        ? List.of(StageStmt.ResponseKind.UNSATISFACTORY, StageStmt.ResponseKind.NO_RESPONSE)
        : List.of(kind);
  }

  private static String describe(StageStmt.ResponseKind kind) {
    return switch (kind) {
      case RESOLVED -> "on a resolving response";
      case UNSATISFACTORY -> "on an unsatisfactory response";
      case NO_RESPONSE -> "when no response comes";
      case NOT_RESOLVED -> "when not resolved";
    };
  }

  /**
   * A step required before a stage is entered ({@code requires notify ... by ROLE}) is one its
   * role reports done, always, and every move into the stage waits for it: a notify, advise,
   * consult, action or record (E0404), required (E0362), with no deadline or condition of its own
   * (E0363), done by one named role (E0364).
   */
  private void requiredStep(StageStmt.RequiresStep r) {
    StageStmt s = r.step();
    record Parts(Optional<Name> by, int roles, org.escalon.compiler.ast.MannerExpr manner,
        boolean deadline, Optional<org.escalon.compiler.ast.ConditionExpr> guard) {}
    Parts p = s instanceof StageStmt.Notify n ? new Parts(n.by(), n.by().isPresent() ? 1 : 0,
        n.manner(), n.within().isPresent() || n.urgency().isPresent(), n.guard())
        : s instanceof StageStmt.Action a ? new Parts(a.by(), a.by().isPresent()
            ? 1 + a.alsoBy().size() : 0, a.manner(), a.within().isPresent() || a.urgency().isPresent(), a.guard())
        : s instanceof StageStmt.Record k ? new Parts(k.by(), k.by().isPresent() ? 1 : 0,
            k.manner(), k.within().isPresent() || k.urgency().isPresent(), k.guard())
        : null;
    if (p == null) {
      diagnostics.report(Diagnostic.of(Code.E0404, "only a step can be required before a stage "
              + "is entered")
          .at(s.span(), "not a step")
          .help("write `requires notify ROLE \"...\" by ROLE`, or `advise`, `consult`, "
              + "`action` or `record` in its place"));
      return;
    }
    if (p.manner().goodPractice()) {
      diagnostics.report(Diagnostic.of(Code.E0362, "a step required before the stage is "
              + "entered cannot be good practice")
          .at(r.span(), "required, and `as good practice`")
          .note("every move into the stage waits until the step is reported done, so it is "
              + "required")
          .help("drop `as good practice`, or make it a step done on entering the stage "
              + "(drop `requires`)"));
    }
    if (p.deadline() || p.guard().isPresent()) {
      diagnostics.report(Diagnostic.of(Code.E0363, "a step required before the stage is "
              + "entered has no " + (p.deadline() ? "deadline" : "condition") + " of its own")
          .at(r.span(), p.deadline() ? "has a deadline" : "has a condition")
          .note("the move into the stage waits until the step is reported done, whenever "
              + "that is, and the stage is never entered without it")
          .help(p.deadline() ? "drop `within ...`: the stage's own timescale starts once the "
              + "step is done" : "drop `if ...`, or require the step of another stage"));
    }
    if (p.roles() != 1) {
      diagnostics.report(Diagnostic.of(Code.E0364, p.roles() == 0
              ? "a step required before the stage is entered must say who does it"
              : "a step required before the stage is entered is done by one role")
          .at(r.span(), p.roles() == 0 ? "no `by ROLE`" : "more than one role")
          .note("the role that does it reports it done, and the move into the stage waits for "
              + "that report")
          .help("add `by ROLE`, naming the one role that does it"));
    }
  }

  private void placement(List<StageStmt> body, String where, String why) {
    for (StageStmt statement : body) {
      String what = null;
      if (statement instanceof StageStmt.RespondWithin || statement instanceof StageStmt.RespondBy
          || statement instanceof org.escalon.compiler.ast.RespondChosen) {
        what = "a timescale";
      } else if (statement instanceof StageStmt.When) {
        what = "a `when` route";
      } else if (statement instanceof StageStmt.Extension) {
        what = "an extension rule";
      } else if (statement instanceof StageStmt.OnlyIf) {
        what = "`only if`";
      } else if (statement instanceof StageStmt.JudgedBy) {
        what = "`judged by`";
      } else if (statement instanceof StageStmt.Decision) {
        what = "a decision";
      } else if (statement instanceof StageStmt.EscalatedBy) {
        what = "`escalated by`";
      } else if (statement instanceof StageStmt.RequiresStep) {
        what = "a step required before entry";
      } else if (where.startsWith("`at") && (statement instanceof StageStmt.Requires
          || statement instanceof StageStmt.To)) {
        what = statement instanceof StageStmt.To ? "`to`" : "a precondition";
      }
      if (what != null) {
        diagnostics.report(Diagnostic.of(Code.E0404, what + " does not belong in " + where)
            .at(statement.span(), "not allowed here")
            .note(why)
            .help("move it into the `stage` it is about"));
      }
    }
  }

  /**
   * Who raises: one role raises a case, so {@code raised by A and B} is refused (E0443): either
   * may raise it, {@code raised by A or B}. A trigger that says who raises it names one of them
   * (E0444): the engine takes the trigger's raise as that role's.
   */
  private void raisers(ProtocolFile file) {
    Set<String> raisers = new LinkedHashSet<>();
    for (Decl.RaisedByDecl r : file.all(Decl.RaisedByDecl.class)) {
      r.roles().forEach(n -> raisers.add(n.text()));
      if (r.joined() == StageStmt.Joined.JOINTLY || r.joined() == StageStmt.Joined.MIXED) {
        diagnostics.report(Diagnostic.of(Code.E0443, "`raised by` joins its roles with `and`: "
                + "an escalation is raised by one role")
            .at(r.span(), "raised by each of them")
            .note("`raised by IRO or CPChair`: either may raise an escalation, and the one who "
                + "raised it is the escalator of that case")
            .help("write `or` between the roles"));
      }
    }
    for (Decl.TriggerDecl trigger : file.all(Decl.TriggerDecl.class)) {
      for (TriggerStmt statement : trigger.body()) {
        if (statement instanceof TriggerStmt.RaiseAt r && r.by().isPresent()
            && !raisers.isEmpty() && !raisers.contains(r.by().get().text())) {
          diagnostics.report(Diagnostic.of(Code.E0444, "the trigger `" + trigger.name().text()
                  + "` is raised by `" + r.by().get().text() + "`, who does not raise "
                  + "escalations")
              .at(r.by().get().span(), "not on the `raised by` line")
              .note("escalations are raised by " + String.join(" or ", raisers))
              .help("name one of them, or add `" + r.by().get().text()
                  + "` to the `raised by` line: `raised by " + String.join(" or ", raisers)
                  + " or " + r.by().get().text() + "`"));
        }
      }
    }
  }

  /**
   * {@code refer to X at the raise} by a role that never raises an escalation (not the role that
   * raises them, with no right to start one) could never be used (E0423).
   */
  private void referralsAtTheRaise(ProtocolFile file) {
    Set<String> raisers = new LinkedHashSet<>();
    file.all(Decl.RaisedByDecl.class).forEach(r -> raisers.add(r.role().text()));
    file.all(Decl.RightDecl.class).stream().filter(r -> r.kind() == Decl.RightKind.START)
        .forEach(r -> raisers.add(r.role().text()));
    for (Decl.RightDecl r : file.all(Decl.RightDecl.class)) {
      if (r.atRaise() && !raisers.contains(r.role().text())) {
        diagnostics.report(Diagnostic.of(Code.E0423, "`" + r.role().text() + "` never raises "
                + "an escalation, so a referral at the raise is never theirs to make")
            .at(r.span(), "only at the raise")
            .note("a referral at the raise is made at the same time as the escalation is "
                + "raised, by the role that raises it")
            .help("give the right to the role that raises escalations, or write `at any time`"));
      }
    }
  }

  /** A decision is one role's judgement (any of those named), taken by one event (E0428). */
  private void decision(StageStmt.Decision d) {
    if (d.joined() == StageStmt.Joined.JOINTLY || d.joined() == StageStmt.Joined.MIXED) {
      diagnostics.report(Diagnostic.of(Code.E0428, "the decision `" + d.name().text()
              + "` is taken jointly")
          .at(d.span(), "`and` between the roles")
          .note("a decision is one role's judgement, supplied by one event: any of the roles "
              + "named may take it")
          .help("write `or` between the roles; for a judgement each must give, use "
              + "`judged by A and B`"));
    }
  }

  /**
   * A right to start is used at the raise, and a stage's decision is never taken before the
   * raise: a start whose condition reads one would turn on a judgement nobody can have made yet
   * (E0342). The protocol's decision, declared outside every stage, is taken at any time.
   */
  private void startsOnStageDecisions(ProtocolFile file) {
    Map<String, Decl.StageDecl> decidedAt = new LinkedHashMap<>();
    for (Decl.StageDecl stage : file.all(Decl.StageDecl.class)) {
      stage.body().stream().filter(StageStmt.Decision.class::isInstance)
          .forEach(s -> decidedAt.put(((StageStmt.Decision) s).name().text(), stage));
    }
    for (Decl.RightDecl r : file.all(Decl.RightDecl.class)) {
      if (r.kind() != Decl.RightKind.START || r.guard().isEmpty()) {
        continue;
      }
      for (org.escalon.compiler.ast.Name n : r.guard().get().attributes()) {
        Decl.StageDecl stage = decidedAt.get(n.text());
        if (stage != null) {
          diagnostics.report(Diagnostic.of(Code.E0342, "the right to start reads `" + n.text()
                  + "`, a decision taken only at `stage " + stage.key().text() + "`")
              .at(n.span(), "never decided before the raise")
              .note("a right to start is used when the escalation is raised, and a stage's "
                  + "decision is taken only while the escalation is at that stage")
              .help("declare the decision in the protocol, outside every stage (`decision "
                  + n.text() + " \"...\" by ROLE`), so its role may take it at any time"));
        }
      }
    }
  }

  /**
   * {@code when C go to T} and {@code when C { steps }}: the block holds only what is done
   * (escalate, copy, inform, act, record), since it belongs to no stage (E0421); a duty to go
   * at once to the first stage never moves an escalation, which is always there or later, and a
   * block with no step does nothing (E0422).
   */
  private void atOnce(Decl.AtOnceDecl d) {
    for (StageStmt statement : d.body()) {
      boolean done = statement instanceof StageStmt.Copy || statement instanceof StageStmt.Notify
          || statement instanceof StageStmt.Action || statement instanceof StageStmt.Record
          || statement instanceof StageStmt.Source
          || statement instanceof org.escalon.compiler.ast.Comment;
      if (!done) {
        diagnostics.report(Diagnostic.of(Code.E0421, "only steps belong in a `when` block done "
                + "at once")
            .at(statement.span(), "not a step")
            .note("`when CONDITION { ... }` is done whatever the stage, even before an "
                + "escalation is raised: it has no respondent, timescale, route or precondition")
            .help("keep `notify`, `advise`, `consult`, `copy`, `action` and `record` here; to "
                + "move the escalation write `when CONDITION go to stage N` on its own line"));
      }
    }
    if (d.goTo().isEmpty() && d.body().stream().noneMatch(st -> !(st instanceof StageStmt.Source
        || st instanceof org.escalon.compiler.ast.Comment))) {
      diagnostics.report(Diagnostic.of(Code.E0422, "this `when` does nothing")
          .at(d.span(), "no step")
          .help("add what must be done at once, such as `notify Police \"call 999\"`"));
    }
    if (d.goTo().isPresent() && d.goTo().get() instanceof StageStmt.Target.ToStage to
        && !symbols.stageKeys().isEmpty()
        && symbols.stageKeys().get(0).equals(to.key().text())) {
      diagnostics.report(Diagnostic.of(Code.E0422, "going at once to the first stage never "
              + "moves an escalation")
          .at(to.span(), "the first stage")
          .note("an escalation is at the first stage or later, and a duty to go at once only "
              + "moves it up the ladder, never back")
          .help("name a later stage, or an outcome"));
    }
  }

  // -------------------------------------------------------------------------------------------
  // Ways out, reachability, preconditions

  private void waysOut(Map<String, Routes.Route> routes) {
    routes.forEach((key, route) -> {
      if (route.onUnsatisfactory().isEmpty() || route.onNoResponse().isEmpty()) {
        String missing = route.onUnsatisfactory().isEmpty() && route.onNoResponse().isEmpty()
            ? "not resolved" : route.onNoResponse().isEmpty() ? "no response" : "unsatisfactory";
        diagnostics.report(Diagnostic.of(Code.E0402, "`stage " + key
                + "` has no way out when " + describeMissing(missing))
            .at(symbols.stageSpan(key), "the last stage of the ladder")
            .note("no stage comes after it, so the escalation would stop here unresolved")
            .help("add `when " + missing + " go to ...` with an outcome, such as a referral"));
      }
    });
  }

  private static String describeMissing(String missing) {
    return switch (missing) {
      case "no response" -> "no response comes";
      case "unsatisfactory" -> "the response is unsatisfactory";
      default -> "the concern is not resolved";
    };
  }

  private Set<String> reachability(ProtocolFile file, Map<String, Routes.Route> routes) {
    Set<String> roots = new LinkedHashSet<>();
    symbols.stageKeys().stream().findFirst().ifPresent(k -> roots.add(stageNode(k)));
    for (Decl.RightDecl right : file.all(Decl.RightDecl.class)) {
      List<String> nodes = rightNodes(right);
      roots.addAll(nodes);
      if (right.kind() != Decl.RightKind.START) {
        skipTargets.addAll(nodes);
      }
    }
    for (Decl.TriggerDecl trigger : file.all(Decl.TriggerDecl.class)) {
      for (TriggerStmt statement : trigger.body()) {
        if (statement instanceof TriggerStmt.RaiseAt r) {
          roots.add(stageNode(r.stage().text()));
        }
      }
    }
    // a duty to go at once can take a running escalation there from any stage
    for (Decl.AtOnceDecl atOnce : file.all(Decl.AtOnceDecl.class)) {
      atOnce.goTo().map(Routes::target).map(StructureChecker::node).ifPresent(n -> {
        roots.add(n);
        skipTargets.add(n);
      });
    }
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> work = new ArrayDeque<>(roots);
    while (!work.isEmpty()) {
      String node = work.pop();
      if (!seen.add(node) || !node.startsWith("stage:")) {
        continue;
      }
      Routes.Route route = routes.get(node.substring("stage:".length()));
      if (route == null) {
        continue;
      }
      for (Optional<Target> t : List.of(route.onResolved(), route.onUnsatisfactory(),
          route.onNoResponse())) {
        t.map(StructureChecker::node).ifPresent(work::push);
      }
      route.choices().forEach(c -> work.push(node(c.target())));
    }
    return seen;
  }

  private List<String> rightNodes(Decl.RightDecl right) {
    List<String> nodes = new ArrayList<>();
    if (right.targets() instanceof RightTargets.AnyStage) {
      symbols.stageKeys().forEach(k -> nodes.add(stageNode(k)));
    } else if (right.targets() instanceof RightTargets.AnyLaterStage) {
      symbols.stageKeys().stream().skip(1).forEach(k -> nodes.add(stageNode(k)));
    } else if (right.targets() instanceof RightTargets.Listed listed) {
      for (RightTargets.RightTarget t : listed.targets()) {
        if (t instanceof RightTargets.RightTarget.Stages s) {
          symbols.keys(List.of(s.ref())).forEach(k -> nodes.add(stageNode(k)));
        } else if (t instanceof RightTargets.RightTarget.Outcome o) {
          nodes.add("outcome:" + o.outcome().text());
        }
      }
    }
    return nodes;
  }

  private void unreachable(Set<String> reachable) {
    for (Decl.StageDecl stage : symbols.stages().values()) {
      if (!reachable.contains(stageNode(stage.key().text()))) {
        diagnostics.report(Diagnostic.of(Code.E0401, "`stage " + stage.key().text()
                + "` cannot be reached")
            .at(stage.key().span(), "no route leads here")
            .note("a stage is reached from the stage before it, by a `when` route, by a right "
                + "to start or bypass, or by a trigger")
            .help("route a stage to it with `when not resolved go to stage " + stage.key().text()
                + "`, or give the raiser a right: `IRO may bypass to stage " + stage.key().text()
                + "`"));
      }
    }
    for (Decl.OutcomeDecl outcome : symbols.outcomes().values()) {
      String name = outcome.name().text();
      if (!Target.RESOLVED.equals(name) && !reachable.contains("outcome:" + name)) {
        diagnostics.report(Diagnostic.of(Code.E0401, "the outcome `" + name + "` cannot be reached")
            .at(outcome.name().span(), "no route leads here")
            .help("route a stage to it with `when not resolved go to " + name
                + "`, or give a right: `IRO may refer to " + name + " at any time`"));
      }
    }
  }

  /**
   * The built-in outcome {@code resolved} that nothing reaches (W0507): every stage entered sends
   * its resolving response elsewhere and no route, right or duty goes there. A warning, not
   * E0401: {@code resolved} is built in, and a protocol may end resolved escalations in an
   * outcome of its own.
   */
  private void resolvedNeverReached(ProtocolFile file, Set<String> reachable) {
    if (symbols.stages().isEmpty() || reachable.contains("outcome:" + Target.RESOLVED)) {
      return;
    }
    Decl.OutcomeDecl declared = symbols.outcomes().get(Target.RESOLVED);
    List<String> elsewhere = new ArrayList<>();
    for (Decl.StageDecl stage : symbols.stages().values()) {
      if (reachable.contains(stageNode(stage.key().text()))) {
        elsewhere.add("stage " + stage.key().text());
      }
    }
    diagnostics.report(Diagnostic.of(Code.W0507, "the built-in outcome `resolved` is never "
            + "reached")
        .at(declared != null ? declared.name().span() : file.name().span(), declared != null
            ? "nothing leads here" : "no stage of this protocol ends in `resolved`")
        .note("a resolving response goes to `resolved` unless a `when resolved go to ...` line "
            + "sends it elsewhere; here " + String.join(", ", elsewhere) + " send"
            + (elsewhere.size() == 1 ? "s" : "") + " it elsewhere, and no route, right or duty "
            + "goes to `resolved`")
        .note("`verify` reports the same as E0603")
        .help("drop the `when resolved go to ...` line of a stage whose resolving response ends "
            + "the escalation, or send it to `resolved`"));
  }

  /** A stage required as completed must be able to come before the stage or outcome requiring it. */
  private void preconditions(Map<String, Routes.Route> routes) {
    for (Decl.StageDecl stage : symbols.stages().values()) {
      requirements(stage.body(), stageNode(stage.key().text()), routes);
    }
    for (Decl.OutcomeDecl outcome : symbols.outcomes().values()) {
      requirements(outcome.body(), "outcome:" + outcome.name().text(), routes);
    }
  }

  private void requirements(List<StageStmt> body, String self, Map<String, Routes.Route> routes) {
    for (StageStmt statement : body) {
      if (!(statement instanceof StageStmt.Requires r)) {
        continue;
      }
      for (StageStmt.Requirement requirement : r.requirements()) {
        if (!(requirement instanceof StageStmt.Requirement.Completed c)) {
          continue;
        }
        for (String key : symbols.keys(c.stages())) {
          boolean itself = self.equals(stageNode(key));
          if (itself || !leadsTo(key, self, routes)) {
            diagnostics.report(Diagnostic.of(Code.E0403, itself
                    ? "`stage " + key + "` requires its own completion"
                    : "`stage " + key + "` can never be completed before this")
                .at(c.span(), "can never be met")
                .note(itself ? "a stage cannot be completed before it is entered"
                    : "no route leads from `stage " + key + "` to here")
                .help("require a stage that comes earlier in the ladder"));
          }
        }
      }
    }
  }

  /**
   * Whether a stage, once entered, can lead to a node: by its routes, or by a right to bypass or
   * refer, which a running escalation can use from any stage.
   */
  private boolean leadsTo(String fromKey, String to, Map<String, Routes.Route> routes) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> work = new ArrayDeque<>(skipTargets);
    successors(fromKey, routes).forEach(work::push);
    while (!work.isEmpty()) {
      String node = work.pop();
      if (node.equals(to)) {
        return true;
      }
      if (seen.add(node) && node.startsWith("stage:")) {
        successors(node.substring("stage:".length()), routes).forEach(work::push);
      }
    }
    return false;
  }

  private static List<String> successors(String key, Map<String, Routes.Route> routes) {
    Routes.Route route = routes.get(key);
    List<String> next = new ArrayList<>();
    if (route != null) {
      route.unresolvedTargets().forEach(t -> next.add(node(t)));
    }
    return next;
  }

  /**
   * A deadline counted from an event or from the start stays where it is when its stage is
   * entered again. If no response leads round a loop of such stages, each is entered with its
   * deadline already passed, which passes at once and leads on: the escalation would go round
   * for ever without time moving. Reported once per loop, at its first stage.
   */
  private void deadlinesThatPassAgain(Map<String, Routes.Route> routes) {
    Set<String> reported = new LinkedHashSet<>();
    for (String start : routes.keySet()) {
      List<String> loop = new ArrayList<>();
      String key = start;
      while (key != null && fixedTimescale(key).isPresent() && !loop.contains(key)) {
        loop.add(key);
        key = routes.get(key).onNoResponse().filter(Target.ToStage.class::isInstance)
            .map(t -> ((Target.ToStage) t).key()).filter(routes::containsKey).orElse(null);
      }
      if (loop.isEmpty() || !start.equals(key) || !reported.add(String.join(",", loop.stream().sorted().toList()))) {
        continue;
      }
      StageStmt.RespondBy by = fixedTimescale(start).orElseThrow();
      String from = by.anchor() instanceof StageStmt.Anchor.Event e
          ? "`" + e.event().text() + "`" : "the start of the escalation";
      String round = loop.size() == 1 ? "goes back to itself"
          : "leads round " + String.join(" → ", loop.stream().map(k -> "stage " + k).toList())
              + " → stage " + start;
      diagnostics.report(Diagnostic.of(Code.E0414, "`stage " + start + "` " + round
              + " when no response comes, but its deadline counts from " + from)
          .at(by.span(), "this deadline stays where it is")
          .note("once the deadline has passed, the stage is entered again with the same deadline, "
              + "already passed, so it passes again at once, for ever")
          .help("count the timescale from entering the stage (`respond within ...`), or say "
              + "where the escalation goes when no response comes (`when no response go to ...`)"));
    }
  }

  /** The stage's first timescale counted from an event or the start, if it has one. */
  private Optional<StageStmt.RespondBy> fixedTimescale(String key) {
    Decl.StageDecl stage = symbols.stages().get(key);
    if (stage == null) {
      return Optional.empty();
    }
    return stage.body().stream().filter(StageStmt.RespondBy.class::isInstance)
        .map(StageStmt.RespondBy.class::cast).findFirst();
  }

  // -------------------------------------------------------------------------------------------
  // Triggers, limits, properties, extensions

  private void trigger(Decl.TriggerDecl trigger) {
    long whens = trigger.body().stream().filter(TriggerStmt.When.class::isInstance).count();
    long raises = trigger.body().stream().filter(TriggerStmt.RaiseAt.class::isInstance).count();
    if (whens != 1 || raises != 1) {
      String problem = whens == 0 ? "says no `when`" : raises == 0 ? "says no `raise at stage`"
          : "says more than one `when` or `raise at`";
      diagnostics.report(Diagnostic.of(Code.E0409, "the trigger `" + trigger.name().text() + "` "
              + problem)
          .at(trigger.name().span(), "this trigger")
          .help("a trigger needs one `when ...` and one `raise at stage ...`; combine rules with "
              + "`and` / `or`"));
    }
  }

  /**
   * Phases group the ladder for the reader and for limits; a stage in two of them would be
   * counted twice by a limit over both and drawn in two places, so each stage has at most one.
   */
  private void phasesApart() {
    Map<String, Decl.PhaseDecl> phaseOf = new java.util.HashMap<>();
    for (Decl.PhaseDecl phase : symbols.phases().values()) {
      for (String key : symbols.keys(phase.stages())) {
        Decl.PhaseDecl first = phaseOf.putIfAbsent(key, phase);
        if (first != null && first != phase) {
          diagnostics.report(Diagnostic.of(Code.E0415, "`stage " + key + "` is in `phase "
                  + first.name().text() + "` and in `phase " + phase.name().text() + "`")
              .at(phase.name().span(), "lists `stage " + key + "` again")
              .also(first.name().span(), "first listed here")
              .note("a phase is a part of the ladder; a stage belongs to at most one")
              .help("take `stage " + key + "` out of one of the two phases"));
        }
      }
    }
  }

  private void saysNothing(SourceSpan span, String kind, String help) {
    diagnostics.report(Diagnostic.of(Code.E0410, "this " + kind + " says nothing")
        .at(span, "no " + switch (kind) {
          case "limit" -> "`total`";
          case "phase" -> "stages";
          case "invariant" -> "condition";
          default -> "claim";
        })
        .help(help));
  }

  private void extension(List<ExtensionStmt> body, SourceSpan span) {
    if (body.stream().noneMatch(ExtensionStmt.GrantedBy.class::isInstance)) {
      diagnostics.report(Diagnostic.of(Code.E0411, "nobody can grant this extension")
          .at(span, "no `granted by`")
          .help("say who grants more time, such as `granted by IRO`"));
    }
    // a guide is the usual time under the cap: one past `up to` could never be usual
    var upTo = body.stream().filter(ExtensionStmt.UpTo.class::isInstance)
        .map(ExtensionStmt.UpTo.class::cast).findFirst();
    body.stream().filter(ExtensionStmt.Guide.class::isInstance).map(ExtensionStmt.Guide.class::cast)
        .forEach(g -> upTo.ifPresent(u -> {
          if (g.duration().timespan().isEmpty() || u.duration().timespan().isEmpty()) {
            return;
          }
          var guide = g.duration().timespan().get();
          var most = u.duration().timespan().get();
          if (guide.unit() == most.unit() ? guide.amount() > most.amount()
              : guide.inWorkingDays() > most.inWorkingDays()) {
            diagnostics.report(Diagnostic.of(Code.E0347, "the guide (" + guide
                    + ") is longer than the most one extension may add (" + most + ")")
                .at(g.span(), "guide").also(u.span(), "up to")
                .note("`up to` is a rule (a request past it is refused); the guide is the usual "
                    + "time under it, which a request may pass")
                .help("shorten the guide, or raise `up to` if the policy allows more"));
          }
        }));
    askedOf(body, span);
  }

  /**
   * {@code requires ... when requested by A or B} names requesters among those the extension
   * says may ask (E0343); an extension that does not say who may ask cannot say whose request
   * needs it (E0344): anyone's would do, and nothing could tell the roles apart.
   */
  private void askedOf(List<ExtensionStmt> body, SourceSpan span) {
    List<ExtensionStmt.RequestedBy> asks = body.stream()
        .filter(ExtensionStmt.RequestedBy.class::isInstance)
        .map(ExtensionStmt.RequestedBy.class::cast).toList();
    Set<String> may = new LinkedHashSet<>();
    asks.forEach(a -> a.roles().forEach(n -> may.add(n.text())));
    boolean addressees = asks.stream().anyMatch(ExtensionStmt.RequestedBy::addressees);
    for (ExtensionStmt s : body) {
      if (!(s instanceof ExtensionStmt.Requires r) || r.askedOf().isEmpty()) {
        continue;
      }
      if (asks.isEmpty()) {
        diagnostics.report(Diagnostic.of(Code.E0344, "`when requested by` in an extension "
                + "that does not say who may ask")
            .at(r.span(), "whose request is this?")
            .also(span, "no `requested by` line")
            .note("with no `requested by`, anyone may ask for more time, so a requirement "
                + "asked of some requesters only cannot be told apart from one asked of none")
            .help("say who may ask, such as `requested by " + r.askedOf().get(0).text()
                + ", MultiAgencyPartner`"));
        continue;
      }
      for (org.escalon.compiler.ast.Name n : r.askedOf()) {
        if (!addressees && !may.contains(n.text())) {
          diagnostics.report(Diagnostic.of(Code.E0343, "`" + n.text() + "` may not ask for "
                  + "more time, so no request of theirs needs this")
              .at(n.span(), "not in `requested by`")
              .note("more time is requested by " + String.join(", ", may))
              .help("name one of those who may ask, or add `" + n.text()
                  + "` to `requested by`"));
        }
      }
    }
  }

  // -------------------------------------------------------------------------------------------

  private static String stageNode(String key) {
    return "stage:" + key;
  }

  private static String node(Target target) {
    if (target instanceof Target.ToStage s) {
      return stageNode(s.key());
    }
    return "outcome:" + ((Target.ToOutcome) target).name();
  }
}
