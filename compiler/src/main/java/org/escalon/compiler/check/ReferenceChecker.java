package org.escalon.compiler.check;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.escalon.compiler.ast.ClaimExpr;
import org.escalon.compiler.ast.ConditionExpr;
import org.escalon.compiler.ast.Decl;
import org.escalon.compiler.ast.DurationExpr;
import org.escalon.compiler.ast.ExtensionStmt;
import org.escalon.compiler.ast.FormStmt;
import org.escalon.compiler.ast.HistoryExpr;
import org.escalon.compiler.ast.LimitStmt;
import org.escalon.compiler.ast.MannerExpr;
import org.escalon.compiler.ast.Name;
import org.escalon.compiler.ast.PropertyStmt;
import org.escalon.compiler.ast.ProtocolFile;
import org.escalon.compiler.ast.RightTargets;
import org.escalon.compiler.ast.RoleStmt;
import org.escalon.compiler.ast.StageKey;
import org.escalon.compiler.ast.StageRef;
import org.escalon.compiler.ast.StageSetExpr;
import org.escalon.compiler.ast.StageStmt;
import org.escalon.compiler.ast.TriggerStmt;
import org.escalon.compiler.check.Durations.Place;
import org.escalon.compiler.diagnostics.Code;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.compiler.diagnostics.Diagnostics;
import org.escalon.model.Manner;
import org.escalon.model.SourceSpan;

/**
 * Resolves every name the protocol uses against its declarations (E02xx, with suggestions) and
 * checks the timescales and counts written beside them (E03xx). Records what is used, for lints.
 */
final class ReferenceChecker {

  private final SymbolTable symbols;
  private final Diagnostics diagnostics;
  private final Usage usage;
  private final Durations durations;
  private final ConditionChecker conditions;

  ReferenceChecker(SymbolTable symbols, Diagnostics diagnostics, Usage usage) {
    this.symbols = symbols;
    this.diagnostics = diagnostics;
    this.usage = usage;
    this.durations = new Durations(diagnostics);
    this.conditions = new ConditionChecker(symbols, diagnostics, usage);
  }

  /** The directories named so far, by their name folded (case and spacing), for E0426. */
  private final java.util.Map<String, Decl.Lookup> directories = new java.util.HashMap<>();

  /**
   * A role looked up in a directory ({@code looked up in directory "..." per agency}): the
   * directory has a name (E0425), spelled as every other role spells it (E0426), and a lookup
   * per agency needs the protocol's agencies named (E0424).
   */
  private void lookup(Decl.RoleDecl role, Decl.Lookup lookup) {
    String name = lookup.directory().value();
    if (name.isBlank()) {
      diagnostics.report(Diagnostic.of(Code.E0425, "the role `" + role.name().text()
              + "` is looked up in a directory with no name")
          .at(lookup.directory().span(), "no name")
          .note("the host supplies each directory under its name; the name is how the protocol "
              + "and the host agree which list it is")
          .help("name the list as the policy does, such as \"single points of contact\""));
      return;
    }
    String folded = name.trim().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    Decl.Lookup first = directories.putIfAbsent(folded, lookup);
    if (first != null && !first.directory().value().equals(name)) {
      diagnostics.report(Diagnostic.of(Code.E0426, "the directory \"" + name + "\" is spelled \""
              + first.directory().value() + "\" elsewhere")
          .at(lookup.directory().span(), "spelled this way here")
          .also(first.directory().span(), "and this way here")
          .note("the host supplies a directory under one name: two spellings would be two "
              + "directories")
          .help("spell it \"" + first.directory().value() + "\" here too"));
    }
    if (lookup.perAgency()) {
      // a holder is looked up in each agency: every agency of the protocol is used
      usage.agencies.addAll(symbols.agencies().keySet());
    }
    if (lookup.perAgency() && symbols.agencies().isEmpty()) {
      diagnostics.report(Diagnostic.of(Code.E0424, "the role `" + role.name().text()
              + "` is looked up per agency, but the protocol names no agency")
          .at(lookup.span(), "in which agencies?")
          .note("a directory per agency gives one holder of the role in each agency of the "
              + "protocol, so the agencies must be declared")
          .help("declare the agencies, such as `agency police \"Police\"`, or drop `per agency` "
              + "when one holder is looked up"));
    }
  }

  void check(ProtocolFile file) {
    for (Decl decl : file.decls()) {
      if (decl instanceof Decl.RaisedByDecl d) {
        d.roles().forEach(this::role);
      } else if (decl instanceof Decl.RaiseWithinDecl d) {
        d.after().forEach(this::event);
        durations.check(d.within(), Place.TIMESCALE);
      } else if (decl instanceof Decl.RoleDecl d) {
        d.body().orElse(List.of()).forEach(this::roleStatement);
        d.lookup().ifPresent(l -> lookup(d, l));
      } else if (decl instanceof Decl.AttributeDecl d) {
        duplicates(d.choices(), "choice");
      } else if (decl instanceof Decl.ScaleDecl d) {
        duplicates(d.values().stream().map(Decl.ScaleValue::name).toList(), "grade");
      } else if (decl instanceof Decl.FormDecl d) {
        form(d);
      } else if (decl instanceof Decl.StageDecl d) {
        d.body().forEach(this::stageStatement);
      } else if (decl instanceof org.escalon.compiler.ast.StageStmt.Decision d) {
        stageStatement(d);
      } else if (decl instanceof Decl.OutcomeDecl d) {
        d.body().forEach(this::stageStatement);
      } else if (decl instanceof Decl.ObligationDecl d) {
        stageSet(d.stages());
        d.body().forEach(this::stageStatement);
      } else if (decl instanceof Decl.RightDecl d) {
        right(d);
      } else if (decl instanceof Decl.ExtensionDecl d) {
        d.body().forEach(this::extensionStatement);
      } else if (decl instanceof Decl.TriggerDecl d) {
        d.body().forEach(this::triggerStatement);
      } else if (decl instanceof Decl.LimitDecl d) {
        d.body().forEach(this::limitStatement);
      } else if (decl instanceof Decl.PhaseDecl d) {
        phase(d);
      } else if (decl instanceof Decl.PropertyDecl d) {
        d.body().forEach(this::propertyStatement);
      } else if (decl instanceof Decl.InvariantDecl d) {
        d.conditions().forEach(h -> conditions.check(h.condition()));
      } else if (decl instanceof Decl.AtOnceDecl d) {
        conditions.check(d.condition());
        d.goTo().ifPresent(this::target);
        d.body().forEach(this::stageStatement);
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Declarations

  private void roleStatement(RoleStmt statement) {
    if (statement instanceof RoleStmt.Equivalent e) {
      if (symbols.agencies().containsKey(e.agency().text())) {
        usage.agencies.add(e.agency().text());
      } else {
        unknown(Code.E0209, "agency", e.agency(), symbols.agencies().keySet());
      }
    }
  }

  private void form(Decl.FormDecl form) {
    List<Name> fields = form.body().stream()
        .filter(FormStmt.Field.class::isInstance).map(f -> ((FormStmt.Field) f).name()).toList();
    duplicates(fields, "field");
    for (FormStmt statement : form.body()) {
      if (statement instanceof FormStmt.Field f) {
        duplicates(f.type().choices(), "choice");
      }
    }
  }

  private void duplicates(List<Name> names, String kind) {
    for (int i = 0; i < names.size(); i++) {
      for (int j = 0; j < i; j++) {
        if (names.get(i).text().equals(names.get(j).text())) {
          diagnostics.report(Diagnostic.of(Code.E0210, "the " + kind + " `" + names.get(i).text()
                  + "` is declared twice")
              .at(names.get(i).span(), "declared again here")
              .also(names.get(j).span(), "first declared here")
              .help("remove one of them"));
          break;
        }
      }
    }
  }

  private void right(Decl.RightDecl right) {
    role(right.role());
    right.guard().ifPresent(conditions::check);
    if (right.targets() instanceof RightTargets.AnyLaterStage later
        && right.kind() != Decl.RightKind.BYPASS) {
      diagnostics.report(Diagnostic.of(Code.E0404, "`any later stage` belongs to a bypass")
          .at(later.span(), "later than what?")
          .note("an escalation being started is at no stage yet, so no stage is later")
          .help("write `" + right.role().text() + " may bypass to any later stage`, or list "
              + "the stages: `" + right.role().text() + " may start at stage 2..3`"));
    }
    if (right.targets() instanceof RightTargets.Listed listed) {
      for (RightTargets.RightTarget t : listed.targets()) {
        if (t instanceof RightTargets.RightTarget.Stages s) {
          stageRef(s.ref());
        } else if (t instanceof RightTargets.RightTarget.Outcome o) {
          outcome(o.outcome());
        }
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Stage bodies

  /** A joint step ({@code by A and B}): each role known, and none named twice (E0433). */
  private void jointStep(StageStmt.Action s) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    s.by().ifPresent(b -> seen.add(b.text()));
    for (Name n : s.alsoBy()) {
      role(n);
      if (!seen.add(n.text())) {
        diagnostics.report(Diagnostic.of(Code.E0433, "`" + n.text() + "` is named twice among "
            + "those who do this step").at(n.span(), "named already")
            .note("`by A and B` is a joint step: it is done when each of them has reported it "
                + "done, so each role is named once")
            .help("remove the second `" + n.text() + "`, or name the other role the policy "
                + "means"));
      }
    }
  }

  private void stageStatement(StageStmt statement) {
    if (statement instanceof StageStmt.To s) {
      s.roles().forEach(this::role);
      s.substitute().ifPresent(this::role);
      s.guard().ifPresent(conditions::check);
    } else if (statement instanceof StageStmt.JudgedBy s) {
      s.roles().forEach(this::role);
    } else if (statement instanceof StageStmt.Decision s) {
      s.roles().forEach(this::role);
    } else if (statement instanceof StageStmt.EscalatedBy s) {
      role(s.role());
    } else if (statement instanceof StageStmt.Copy s) {
      s.roles().forEach(this::role);
      s.guard().ifPresent(conditions::check);
    } else if (statement instanceof StageStmt.Notify s) {
      s.roles().forEach(this::role);
      s.by().ifPresent(this::role);
      channels(s.manner());
      s.within().ifPresent(d -> durations.check(d, Place.TIMESCALE));
      s.from().ifPresent(a -> stepAnchor(a, s.within()));
      s.guard().ifPresent(conditions::check);
    } else if (statement instanceof StageStmt.Action s) {
      s.by().ifPresent(this::role);
      jointStep(s);
      channels(s.manner());
      s.within().ifPresent(d -> durations.check(d, Place.TIMESCALE));
      s.from().ifPresent(a -> stepAnchor(a, s.within()));
      s.guard().ifPresent(conditions::check);
    } else if (statement instanceof StageStmt.Record s) {
      recordSubject(s.subject());
      s.by().ifPresent(this::role);
      channels(s.manner());
      s.sentTo().forEach(this::role);
      s.within().ifPresent(d -> durations.check(d, Place.TIMESCALE));
      s.from().ifPresent(a -> stepAnchor(a, s.within()));
      s.guard().ifPresent(conditions::check);
    } else if (statement instanceof StageStmt.Remind s) {
      s.roles().forEach(this::role);
      s.copying().forEach(this::role);
      durations.check(s.every(), Place.INTERVAL);
      s.guard().ifPresent(conditions::check);
    } else if (statement instanceof StageStmt.RespondWithin s) {
      durations.check(s.duration(), Place.TIMESCALE);
      firmness(s.firmness(), Optional.of(s.duration()));
      s.guard().ifPresent(conditions::check);
    } else if (statement instanceof org.escalon.compiler.ast.RespondChosen s) {
      var assumed = s.firmness().flatMap(f -> f.assumed());
      s.choices().forEach(c -> timeChoice(c, assumed));
      if (s.choices().stream().anyMatch(c -> c instanceof org.escalon.compiler.ast.RespondChosen
          .Choice.SetBy set && set.cap().isEmpty())) {
        assumed.ifPresent(d -> durations.check(d, Place.TIMESCALE));
      } else {
        firmness(s.firmness(), Optional.empty());
      }
      s.guard().ifPresent(conditions::check);
    } else if (statement instanceof StageStmt.RespondBy s) {
      durations.check(s.duration(), Place.TIMESCALE);
      firmness(s.firmness(), Optional.empty());
      if (s.anchor() instanceof StageStmt.Anchor.Event e) {
        event(e.event());
      }
      s.guard().ifPresent(conditions::check);
    } else if (statement instanceof StageStmt.Requires s) {
      s.requirements().forEach(this::requirement);
    } else if (statement instanceof StageStmt.RequiresStep s) {
      stageStatement(s.step());
    } else if (statement instanceof StageStmt.OnlyIf s) {
      conditions.check(s.condition());
    } else if (statement instanceof StageStmt.When s) {
      target(s.target());
      s.condition().ifPresent(conditions::check);
      s.otherwise().ifPresent(this::target);
    } else if (statement instanceof StageStmt.Extension s) {
      s.body().forEach(this::extensionStatement);
    }
  }

  /** Each channel after {@code via} is one the language knows. */
  private void channels(MannerExpr manner) {
    List<String> known = Manner.Channel.words();
    for (Name channel : manner.channels()) {
      if (!known.contains(channel.text())) {
        diagnostics.report(Diagnostic.of(Code.E0320, "`" + channel.text() + "` is not a channel")
            .at(channel.span(), "not a way a step is done")
            .note("a step is done via " + String.join(", ", known.subList(0, known.size() - 1))
                + " or " + known.get(known.size() - 1) + " (any written form)")
            .help(Suggestions.closest(channel.text(), known).map(n -> "did you mean `" + n + "`?")
                .orElse("name the channel the policy names, or leave `via` out when it names "
                    + "none")));
      }
    }
  }

  private void recordSubject(StageStmt.RecordSubject subject) {
    if (subject instanceof StageStmt.RecordSubject.FormRef f) {
      if (symbols.forms().containsKey(f.form().text())) {
        usage.forms.add(f.form().text());
      } else {
        diagnostics.report(Diagnostic.of(Code.E0208, "unknown form `" + f.form().text() + "`")
            .at(f.form().span(), "no form of this name")
            .help(Suggestions.closest(f.form().text(), symbols.forms().keySet())
                .map(n -> "did you mean `" + n + "`?")
                .orElse("declare it with `form " + f.form().text()
                    + " \"...\" { ... }`, or record a note in words: `record \"...\"`")));
      }
    }
  }

  private void requirement(StageStmt.Requirement requirement) {
    if (requirement instanceof StageStmt.Requirement.Completed c) {
      c.stages().forEach(this::stageRef);
    } else if (requirement instanceof StageStmt.Requirement.Agreement a) {
      role(a.role());
    } else if (requirement instanceof StageStmt.Requirement.Advice a) {
      role(a.role());
    } else if (requirement instanceof StageStmt.Requirement.Holds h) {
      conditions.check(h.condition());
    }
  }

  private void target(StageStmt.Target target) {
    if (target instanceof StageStmt.Target.ToStage s) {
      stageKey(s.key(), true);
    } else if (target instanceof StageStmt.Target.ToOutcome o) {
      outcome(o.outcome());
    }
  }

  private void stageSet(StageSetExpr set) {
    if (set instanceof StageSetExpr.Every e) {
      e.from().ifPresent(this::stageKey);
      e.except().forEach(this::stageRef);
    } else if (set instanceof StageSetExpr.Listed l) {
      l.stages().forEach(this::stageRef);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Extensions, triggers, limits, properties

  private void extensionStatement(ExtensionStmt statement) {
    if (statement instanceof ExtensionStmt.RequestedBy s) {
      s.roles().forEach(this::role);
    } else if (statement instanceof ExtensionStmt.GrantedBy s) {
      s.roles().forEach(this::role);
    } else if (statement instanceof ExtensionStmt.UpTo s) {
      durations.check(s.duration(), Place.INTERVAL);
    } else if (statement instanceof ExtensionStmt.Guide s) {
      durations.check(s.duration(), Place.INTERVAL);
    } else if (statement instanceof ExtensionStmt.AtMost s) {
      atLeastOne(s.count(), s.span(), "at most " + s.count() + " times");
    } else if (statement instanceof ExtensionStmt.Record s) {
      recordSubject(s.subject());
    } else if (statement instanceof ExtensionStmt.Notify s) {
      s.roles().forEach(this::role);
    } else if (statement instanceof ExtensionStmt.Requires s) {
      s.requirements().forEach(this::requirement);
      s.askedOf().forEach(this::role);
    }
  }

  private void triggerStatement(TriggerStmt statement) {
    if (statement instanceof TriggerStmt.When w) {
      history(w.history());
    } else if (statement instanceof TriggerStmt.RaiseAt r) {
      stageKey(r.stage());
      r.by().ifPresent(this::role);
    }
  }

  private void history(HistoryExpr h) {
    if (h instanceof HistoryExpr.Graded g) {
      Decl.ScaleDecl scale = symbols.scales().get(g.scale().text());
      if (scale == null) {
        unknown(Code.E0206, "scale", g.scale(), symbols.scales().keySet());
      } else {
        usage.scales.add(g.scale().text());
        List<String> grades = scale.values().stream().map(v -> v.name().text()).toList();
        if (!grades.contains(g.value().text())) {
          diagnostics.report(Diagnostic.of(Code.E0207, "`" + g.value().text()
                  + "` is not a grade of the scale `" + g.scale().text() + "`")
              .at(g.value().span(), "not on the scale")
              .also(scale.name().span(), "the scale is declared here")
              .help(Suggestions.closest(g.value().text(), grades)
                  .map(n -> "did you mean `" + n + "`?")
                  .orElse("the grades are " + String.join(", ",
                      grades.stream().map(n -> "`" + n + "`").toList()))));
        }
      }
      atLeastOne(g.times(), g.span(), g.times() + " times in a row");
    } else if (h instanceof HistoryExpr.Count c) {
      event(c.event());
      if (!c.strictlyMore()) {
        atLeastOne(c.times(), c.span(), "at least " + c.times() + " times");
      }
    } else if (h instanceof HistoryExpr.Since s) {
      durations.check(s.duration(), Place.INTERVAL);
      event(s.event());
    } else if (h instanceof HistoryExpr.Attr a) {
      conditions.check(new ConditionExpr.Attr(a.attribute()));
    } else if (h instanceof HistoryExpr.And a) {
      history(a.left());
      history(a.right());
    } else if (h instanceof HistoryExpr.Or o) {
      history(o.left());
      history(o.right());
    } else if (h instanceof HistoryExpr.Group g) {
      history(g.inner());
    }
  }

  /** A phase lists stages and ranges; a phase in a phase would let phases contain each other. */
  private void phase(Decl.PhaseDecl phase) {
    for (StageRef ref : phase.stages()) {
      if (ref instanceof StageRef.Phase inner) {
        diagnostics.report(Diagnostic.of(Code.E0404, "a phase cannot list another phase")
            .at(inner.span(), "a phase inside `phase " + phase.name().text() + "`")
            .note("a phase groups stages; a stage belongs to at most one phase")
            .help("list the stages of `phase " + inner.name().text() + "` here, such as "
                + "`stage 3..5`"));
      } else {
        stageRef(ref);
      }
    }
  }

  private void limitStatement(LimitStmt statement) {
    if (statement instanceof LimitStmt.Total t) {
      t.stages().forEach(this::stageRef);
      durations.check(t.atMost(), Place.LIMIT);
    }
  }

  private void propertyStatement(PropertyStmt statement) {
    if (statement instanceof PropertyStmt.Claim c) {
      claim(c.claim());
    }
  }

  private void claim(ClaimExpr c) {
    if (c instanceof ClaimExpr.Always x) {
      claim(x.operand());
    } else if (c instanceof ClaimExpr.Eventually x) {
      claim(x.operand());
    } else if (c instanceof ClaimExpr.Never x) {
      claim(x.operand());
    } else if (c instanceof ClaimExpr.AtEveryStage x) {
      claim(x.operand());
    } else if (c instanceof ClaimExpr.Reaches x) {
      claim(x.operand());
    } else if (c instanceof ClaimExpr.Within x) {
      claim(x.operand());
      durations.check(x.bound(), Place.BOUND);
    } else if (c instanceof ClaimExpr.Not x) {
      claim(x.operand());
    } else if (c instanceof ClaimExpr.Group x) {
      claim(x.inner());
    } else if (c instanceof ClaimExpr.OnlyAfter x) {
      claim(x.subject());
      claim(x.condition());
    } else if (c instanceof ClaimExpr.And x) {
      claim(x.left());
      claim(x.right());
    } else if (c instanceof ClaimExpr.Or x) {
      claim(x.left());
      claim(x.right());
    } else if (c instanceof ClaimExpr.Completed x) {
      x.stages().forEach(this::stageRef);
    } else if (c instanceof ClaimExpr.InStage x) {
      stageKey(x.key());
    } else if (c instanceof ClaimExpr.RoleAction x) {
      role(x.role());
    } else if (c instanceof ClaimExpr.Named x) {
      String name = x.name().text();
      if (symbols.attributes().containsKey(name)) {
        conditions.check(new ConditionExpr.Attr(x.name()));
      } else if (!symbols.isOutcome(name)) {
        unknown(Code.E0203, "outcome", x.name(), symbols.outcomeNames());
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // Names

  /**
   * A timescale fixed, or set during the case by declared roles with a guide no longer than its
   * cap (E0314: a guide past the cap could never be the timescale).
   */
  /**
   * An assumption (`assume at most D`) bounds a soft deadline only (E0340), and is no shorter
   * than the deadline it bounds, when that counts from the stage's start (E0341).
   */
  private void firmness(Optional<org.escalon.compiler.ast.FirmnessExpr> firmness,
      Optional<org.escalon.compiler.ast.DurationExpr> deadline) {
    if (firmness.isEmpty() || firmness.get().assumed().isEmpty()) {
      return;
    }
    var f = firmness.get();
    var assumed = f.assumed().get();
    durations.check(assumed, Place.TIMESCALE);
    if (!f.soft()) {
      diagnostics.report(Diagnostic.of(Code.E0340, "`assume at most` bounds only a soft deadline, "
              + "and this one must be met")
          .at(f.assumedSpan().orElse(f.span()), "an assumption on a firm deadline")
          .note(f.word().map(w -> "`respond " + w.words() + "` must be met: missing it escalates "
              + "by itself, so it bounds the stage's time already").orElse("a timescale with no "
              + "word must be met: missing it escalates by itself, so it bounds the stage's time "
              + "already"))
          .help("remove the assumption, or write `where possible` or `as a guide` before it if "
              + "the policy's deadline is soft"));
      return;
    }
    if (deadline.isEmpty() || assumed.timespan().isEmpty()
        || deadline.get().timespan().isEmpty()) {
      return;
    }
    var bound = assumed.timespan().get();
    var due = deadline.get().timespan().get();
    boolean shorter = bound.unit() == due.unit() ? bound.amount() < due.amount()
        : bound.inWorkingDays() < due.inWorkingDays();
    if (shorter) {
      diagnostics.report(Diagnostic.of(Code.E0341, "the assumption (" + bound
              + ") is shorter than the deadline it bounds (" + due + ")")
          .at(f.assumedSpan().orElse(assumed.span()), "assumed bound")
          .also(deadline.get().span(), "soft deadline")
          .note("`assume at most D` is the longest the stage is taken to last when its soft "
              + "deadline is missed and the escalator waits: it cannot end before the deadline")
          .help("assume at least " + due + ", or shorten the deadline"));
    }
  }

  /**
   * A timescale set during the case is bounded by its cap or, with none, by the statement's
   * assumption (E0345 when neither: the tools that do not follow the case need a bound); its guide
   * fits under the bound (E0314 under a cap, E0346 under an assumption).
   */
  private void timeChoice(org.escalon.compiler.ast.RespondChosen.Choice choice,
      Optional<DurationExpr> assumed) {
    if (choice instanceof org.escalon.compiler.ast.RespondChosen.Choice.Fixed f) {
      durations.check(f.duration(), Place.TIMESCALE);
      return;
    }
    var set = (org.escalon.compiler.ast.RespondChosen.Choice.SetBy) choice;
    set.roles().forEach(this::role);
    set.cap().ifPresent(c -> durations.check(c, Place.TIMESCALE));
    if (set.cap().isEmpty() && assumed.isEmpty()) {
      diagnostics.report(Diagnostic.of(Code.E0345, "a timescale set during the case needs a cap "
              + "or an assumption")
          .at(set.span(), "no `up to` and no `assume at most`")
          .note("the engine follows the value set, but `check`, `verify` and the simulator's "
              + "populations do not follow the case: they need the longest the stage can last")
          .help("write the policy's cap (`, up to 20 working days`), or, where the policy names "
              + "none, the longest your organisation assumes (`, assume at most 20 working "
              + "days`) with a `# read as:` comment saying why"));
    }
    var bound = set.cap().or(() -> assumed);
    set.guide().ifPresent(g -> {
      durations.check(g, Place.TIMESCALE);
      if (bound.isEmpty() || g.timespan().isEmpty() || bound.get().timespan().isEmpty()) {
        return;
      }
      var guide = g.timespan().get();
      var most = bound.get().timespan().get();
      boolean longer = guide.unit() == most.unit() ? guide.amount() > most.amount()
          : guide.inWorkingDays() > most.inWorkingDays();
      if (longer && set.cap().isPresent()) {
        diagnostics.report(Diagnostic.of(Code.E0314, "the guide (" + guide
                + ") is longer than the cap (" + most + ")")
            .at(g.span(), "guide").also(bound.get().span(), "cap")
            .help("the cap is the longest timescale that may be set: raise it, or shorten the "
                + "guide"));
      } else if (longer) {
        diagnostics.report(Diagnostic.of(Code.E0346, "the guide (" + guide
                + ") is longer than the assumption (" + most + ")")
            .at(g.span(), "guide").also(bound.get().span(), "assumption")
            .note("the guide counts until a timescale is set, so the stage could last longer than "
                + "the tools that do not follow the case assume")
            .help("assume at least " + guide + ", or shorten the guide"));
      }
    });
  }

  private void role(Name name) {
    if (symbols.roles().containsKey(name.text())) {
      usage.roles.add(name.text());
    } else {
      unknown(Code.E0201, "role", name, symbols.roles().keySet());
    }
  }

  /** What a step's deadline counts from: a declared event, or a stage of the ladder. */
  private void stepAnchor(StageStmt.Anchor anchor, Optional<DurationExpr> within) {
    if (anchor instanceof StageStmt.Anchor.Event e) {
      event(e.event());
    } else if (anchor instanceof StageStmt.Anchor.Stage s) {
      stageKey(s.key());
    } else if (anchor instanceof StageStmt.Anchor.Before b) {
      knownDate(b.date());
      within.filter(d -> d.unit() == DurationExpr.Unit.SAME_WORKING_DAY).ifPresent(d ->
          diagnostics.report(Diagnostic.of(Code.E0438, "`the same working day` cannot be counted "
                  + "back from a date")
              .at(d.span(), "no length to count back")
              .note("a deadline before a known date is a number of working days, calendar days, "
                  + "weeks, months or hours before it")
              .help("write `within 1 working day before the " + b.date().text() + "` for the "
                  + "working day before it")));
    }
  }

  /** A step counted back from a known date names one the protocol declares ({@code date}). */
  private void knownDate(Name name) {
    if (symbols.dates().containsKey(name.text())) {
      usage.dates.add(name.text());
      return;
    }
    Diagnostic.Builder d = Diagnostic.of(Code.E0437, "unknown date `" + name.text() + "`")
        .at(name.span(), "not declared as a date in this protocol");
    if (symbols.events().containsKey(name.text())) {
      d = d.note("`" + name.text() + "` is an event: something that has happened; a deadline "
          + "before it needs its date ahead of time, which the host sets")
          .help("declare it as a date instead: `date " + name.text() + " \"...\"`");
    } else {
      d = d.help(Suggestions.help(name.text(), symbols.dates().keySet(), "date"));
    }
    diagnostics.report(d);
  }

  private void event(Name name) {
    if (symbols.events().containsKey(name.text())) {
      usage.events.add(name.text());
    } else {
      unknown(Code.E0205, "event", name, symbols.events().keySet());
    }
  }

  private void outcome(Name name) {
    if (!symbols.isOutcome(name.text())) {
      unknown(Code.E0203, "outcome", name, symbols.outcomeNames());
    }
  }

  private void stageRef(StageRef ref) {
    if (ref instanceof StageRef.Phase p) {
      if (!symbols.phases().containsKey(p.name().text())) {
        unknown(Code.E0214, "phase", p.name(), symbols.phases().keySet());
      }
    } else if (ref instanceof StageRef.Single s) {
      stageKey(s.key());
    } else if (ref instanceof StageRef.Range r) {
      boolean known = stageKey(r.from()) & stageKey(r.to());
      if (known && symbols.stageIndex(r.from().text()) > symbols.stageIndex(r.to().text())) {
        diagnostics.report(Diagnostic.of(Code.E0308, "`stage " + r.from().text() + ".."
                + r.to().text() + "` runs backwards")
            .at(r.span(), "`stage " + r.to().text() + "` comes before `stage " + r.from().text()
                + "` in the ladder")
            .help("write `stage " + r.to().text() + ".." + r.from().text() + "`"));
      }
    }
  }

  private boolean stageKey(StageKey key) {
    return stageKey(key, false);
  }

  /**
   * Resolves a stage key. A number is not "close" to another number (`stage 7` is not a misspelt
   * `stage 1`), and where an outcome could be meant (the place a `go to` leads), a stage past the
   * end of the ladder is more likely the outcome that follows it, so the outcomes are offered.
   */
  private boolean stageKey(StageKey key, boolean outcomeWouldDo) {
    if (symbols.stages().containsKey(key.text())) {
      return true;
    }
    List<String> keys = symbols.stageKeys();
    boolean numbered = key.text().chars().allMatch(Character::isDigit);
    Optional<String> near = numbered ? Optional.empty() : Suggestions.closest(key.text(), keys);
    String stages = "the stages are " + String.join(", ",
        keys.stream().map(k -> "`stage " + k + "`").toList());
    String outcomes = String.join(", ", symbols.outcomeNames().stream()
        .map(o -> "`go to " + o + "`").toList());
    diagnostics.report(Diagnostic.of(Code.E0202, "unknown stage `" + key.text() + "`")
        .at(key.span(), "no stage has this key")
        .help(near.map(n -> "did you mean `stage " + n + "`?")
            .orElse(outcomeWouldDo ? stages + "; if you meant where the ladder leads after "
                + "them, that is an outcome: " + outcomes : stages)));
    return false;
  }

  private void unknown(Code code, String kind, Name name, Collection<String> known) {
    diagnostics.report(Diagnostic.of(code, "unknown " + kind + " `" + name.text() + "`")
        .at(name.span(), "not declared in this protocol")
        .help(Suggestions.help(name.text(), known, kind)));
  }

  private void atLeastOne(int count, SourceSpan span, String written) {
    if (count < 1) {
      diagnostics.report(Diagnostic.of(Code.E0309, "`" + written + "` must count at least one")
          .at(span, "zero")
          .help("give a count of at least 1"));
    }
  }
}
