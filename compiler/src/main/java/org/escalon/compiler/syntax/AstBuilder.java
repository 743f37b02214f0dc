package org.escalon.compiler.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.escalon.compiler.ast.SourceRef;
import org.escalon.compiler.ast.ClaimExpr;
import org.escalon.compiler.ast.Comment;
import org.escalon.compiler.ast.ConditionExpr;
import org.escalon.compiler.ast.DateLit;
import org.escalon.compiler.ast.Decl;
import org.escalon.compiler.ast.DurationExpr;
import org.escalon.compiler.ast.FirmnessExpr;
import org.escalon.model.Timescale;
import org.escalon.compiler.ast.ExtensionStmt;
import org.escalon.compiler.ast.FormStmt;
import org.escalon.compiler.ast.HistoryExpr;
import org.escalon.compiler.ast.LimitStmt;
import org.escalon.compiler.ast.MannerExpr;
import org.escalon.compiler.ast.InvariantStmt;
import org.escalon.compiler.ast.PhaseStmt;
import org.escalon.compiler.ast.Name;
import org.escalon.compiler.ast.PropertyStmt;
import org.escalon.compiler.ast.ProtocolFile;
import org.escalon.compiler.ast.RightTargets;
import org.escalon.compiler.ast.RoleStmt;
import org.escalon.compiler.ast.StageKey;
import org.escalon.compiler.ast.StageRef;
import org.escalon.compiler.ast.StageSetExpr;
import org.escalon.compiler.ast.RespondChosen;
import org.escalon.compiler.ast.StageStmt;
import org.escalon.compiler.ast.Text;
import org.escalon.compiler.ast.TriggerStmt;
import org.escalon.grammar.EscalonParser;
import org.escalon.grammar.EscalonParser.*;
import org.escalon.model.SourceSpan;

/**
 * Turns ANTLR's parse tree into the immutable AST. Only called on trees without syntax errors, so
 * every labelled alternative is complete. Comments are re-attached as statements of the block they
 * stand in, in order, by a {@link CommentCursor} over the hidden channel.
 */
final class AstBuilder {

  private final String file;
  private final CommentCursor comments;
  private final Spans spans;

  AstBuilder(String file, CommentCursor comments) {
    this.file = file;
    this.comments = comments;
    this.spans = new Spans(file);
  }

  ProtocolFile build(FileContext ctx) {
    ProtocolContext p = ctx.protocol();
    List<Comment> leading = comments.takeBefore(p.start.getTokenIndex());
    List<Decl> decls = body(p.protocolStatement(), p.RBRACE().getSymbol(), this::decl);
    List<Comment> trailing = comments.takeBefore(Integer.MAX_VALUE);
    return new ProtocolFile(leading, text(p.STRING().getSymbol()), decls, trailing, span(p));
  }

  // -------------------------------------------------------------------------------------------
  // Blocks and comments

  /**
   * Builds the statements of a block, placing before each one the comments that precede it
   * (comments inside a one-line statement move before it), and the block's last comments at its
   * end.
   */
  @SuppressWarnings("unchecked")
  private <C extends ParserRuleContext, S> List<S> body(
      List<C> statements, Token close, Function<C, S> build) {
    List<S> out = new ArrayList<>();
    for (C statement : statements) {
      comments.takeBefore(statement.start.getTokenIndex()).forEach(c -> out.add((S) c));
      boolean isBlock = statement.getToken(EscalonParser.LBRACE, 0) != null
          || (statement instanceof RoleDeclContext role && role.roleBody() != null);
      if (!isBlock) {
        comments.takeInside(statement.start.getTokenIndex(), statement.stop.getTokenIndex())
            .forEach(c -> out.add((S) c));
      }
      out.add(build.apply(statement));
    }
    comments.takeBefore(close.getTokenIndex()).forEach(c -> out.add((S) c));
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // Protocol statements

  private Decl decl(ProtocolStatementContext ctx) {
    if (ctx instanceof VersionStatementContext c) {
      return new Decl.VersionDecl(text(c.STRING().getSymbol()), citation(c.citation()), span(c));
    } else if (ctx instanceof StatusStatementContext c) {
      return new Decl.StatusDecl(name(c.name()), citation(c.citation()), span(c));
    } else if (ctx instanceof AboutStatementContext c) {
      return new Decl.AboutDecl(names(c.names()), citation(c.citation()), span(c));
    } else if (ctx instanceof EffectiveStatementContext c) {
      return new Decl.EffectiveDecl(date(c.DATE().getSymbol()), citation(c.citation()), span(c));
    } else if (ctx instanceof ReviewStatementContext c) {
      return new Decl.ReviewDecl(date(c.DATE().getSymbol()), citation(c.citation()), span(c));
    } else if (ctx instanceof OwnerStatementContext c) {
      return new Decl.OwnerDecl(text(c.STRING().getSymbol()), citation(c.citation()), span(c));
    } else if (ctx instanceof CalendarStatementContext c) {
      return new Decl.CalendarDecl(name(c.name()), citation(c.citation()), span(c));
    } else if (ctx instanceof ClosedStatementContext c) {
      Optional<DateLit> to =
          c.DATE().size() > 1 ? Optional.of(date(c.DATE(1).getSymbol())) : Optional.empty();
      return new Decl.ClosureDecl(date(c.DATE(0).getSymbol()), to, citation(c.citation()), span(c));
    } else if (ctx instanceof ClosedYearlyStatementContext c) {
      return new Decl.YearlyClosureDecl(
          date(c.MONTHDAY(0).getSymbol()), date(c.MONTHDAY(1).getSymbol()),
          citation(c.citation()), span(c));
    } else if (ctx instanceof ZoneStatementContext c) {
      return new Decl.ZoneDecl(text(c.STRING().getSymbol()), citation(c.citation()), span(c));
    } else if (ctx instanceof RaisedByStatementContext c) {
      return new Decl.RaisedByDecl(c.toRoles().name().stream().map(this::name).toList(),
          joined(c.toRoles()), citation(c.citation()), span(c));
    } else if (ctx instanceof RaiseWithinStatementContext c) {
      return raiseWithin(c);
    } else if (ctx instanceof RaisePromptlyStatementContext c) {
      return raisePromptly(c);
    } else if (ctx instanceof SourceStatementContext c) {
      return new Decl.SourceDecl(text(c.STRING().getSymbol()), span(c));
    } else if (ctx instanceof AgencyDeclContext c) {
      return new Decl.AgencyDecl(name(c.name()), optText(c.STRING()), citation(c.citation()),
          span(c));
    } else if (ctx instanceof RoleDeclContext c) {
      return role(c);
    } else if (ctx instanceof AttributeDeclContext c) {
      List<Name> choices = c.names() == null ? List.of() : names(c.names());
      return new Decl.AttributeDecl(name(c.name()), optText(c.STRING()), choices,
          citation(c.citation()), span(c));
    } else if (ctx instanceof ProtocolDecisionDeclContext c) {
      return new StageStmt.Decision(name(c.name()), optText(c.STRING()),
          c.toRoles().name().stream().map(this::name).toList(), joined(c.toRoles()),
          citation(c.citation()), span(c));
    } else if (ctx instanceof EventDeclContext c) {
      return new Decl.EventDecl(name(c.name()), optText(c.STRING()), citation(c.citation()),
          span(c));
    } else if (ctx instanceof KnownDateDeclContext c) {
      return new Decl.KnownDateDecl(name(c.name()), optText(c.STRING()), citation(c.citation()),
          span(c));
    } else if (ctx instanceof ScaleDeclContext c) {
      List<Decl.ScaleValue> values = c.scaleValue().stream().map(this::scaleValue).toList();
      return new Decl.ScaleDecl(name(c.name()), optText(c.STRING()), values,
          citation(c.citation()), span(c));
    } else if (ctx instanceof FormDeclContext c) {
      return new Decl.FormDecl(name(c.name()), optText(c.STRING()),
          body(c.formStatement(), c.RBRACE().getSymbol(), this::formStatement), span(c));
    } else if (ctx instanceof StageDeclContext c) {
      return new Decl.StageDecl(stageKey(c.stageKey()), optText(c.STRING()),
          stageBody(c.stageStatement(), c.RBRACE().getSymbol()), span(c));
    } else if (ctx instanceof OutcomeDeclContext c) {
      return new Decl.OutcomeDecl(new Name(c.outcomeName().getText(), span(c.outcomeName())),
          optText(c.STRING()),
          stageBody(c.stageStatement(), c.RBRACE().getSymbol()), span(c));
    } else if (ctx instanceof ObligationDeclContext c) {
      return new Decl.ObligationDecl(stageSet(c.stageSet()),
          stageBody(c.stageStatement(), c.RBRACE().getSymbol()), span(c));
    } else if (ctx instanceof RightDeclContext c) {
      return right(c);
    } else if (ctx instanceof ExtensionDeclContext c) {
      return new Decl.ExtensionDecl(
          body(c.extensionStatement(), c.RBRACE().getSymbol(), this::extensionStatement), span(c));
    } else if (ctx instanceof TriggerDeclContext c) {
      return new Decl.TriggerDecl(name(c.name()), optText(c.STRING()),
          body(c.triggerStatement(), c.RBRACE().getSymbol(), this::triggerStatement), span(c));
    } else if (ctx instanceof LimitDeclContext c) {
      return new Decl.LimitDecl(text(c.STRING().getSymbol()),
          body(c.limitStatement(), c.RBRACE().getSymbol(), this::limitStatement), span(c));
    } else if (ctx instanceof PhaseDeclContext c) {
      return new Decl.PhaseDecl(name(c.name()), optText(c.STRING()),
          body(c.phaseStatement(), c.RBRACE().getSymbol(), this::phaseStatement), span(c));
    } else if (ctx instanceof PropertyDeclContext c) {
      return new Decl.PropertyDecl(text(c.STRING().getSymbol()),
          body(c.propertyStatement(), c.RBRACE().getSymbol(), this::propertyStatement), span(c));
    } else if (ctx instanceof BasedOnDeclContext c) {
      return new Decl.BasedOnDecl(text(c.STRING().getSymbol()), citation(c.citation()), span(c));
    } else if (ctx instanceof ReplaceDeclContext c) {
      return new Decl.ReplaceDecl(decl(c.protocolStatement()), span(c));
    } else if (ctx instanceof RemoveDeclContext c) {
      return remove(c);
    } else if (ctx instanceof AtOnceGoDeclContext c) {
      return new Decl.AtOnceDecl(condition(c.condition()), Optional.of(target(c.target())),
          List.of(), citation(c.citation()), span(c));
    } else if (ctx instanceof AtOnceStepsDeclContext c) {
      return new Decl.AtOnceDecl(condition(c.condition()), Optional.empty(),
          stageBody(c.stageStatement(), c.RBRACE().getSymbol()), Optional.empty(), span(c));
    } else if (ctx instanceof InvariantDeclContext c) {
      return new Decl.InvariantDecl(text(c.STRING().getSymbol()),
          body(c.invariantStatement(), c.RBRACE().getSymbol(), this::invariantStatement), span(c));
    }
    throw unexpected(ctx);
  }

  private Decl role(RoleDeclContext c) {
    Optional<List<RoleStmt>> body = Optional.empty();
    if (c.roleBody() != null) {
      RoleBodyContext b = c.roleBody();
      body = Optional.of(body(b.roleStatement(), b.RBRACE().getSymbol(), this::roleStatement));
    }
    Optional<Decl.Lookup> lookup = Optional.ofNullable(c.lookup()).map(l -> new Decl.Lookup(
        text(l.STRING().getSymbol()), l.PER() != null, span(l)));
    return new Decl.RoleDecl(name(c.name()), optText(c.STRING()), c.EXTERNAL() != null,
        citation(c.citation()), body, span(c), lookup);
  }

  private RoleStmt roleStatement(RoleStatementContext ctx) {
    if (ctx instanceof EquivalentStatementContext c) {
      List<Text> titles = c.STRING().stream().map(t -> text(t.getSymbol())).toList();
      return new RoleStmt.Equivalent(name(c.name()), titles, citation(c.citation()), span(c));
    } else if (ctx instanceof RoleSourceStatementContext c) {
      return new RoleStmt.Source(new SourceRef(text(c.STRING().getSymbol()).value(), span(c)));
    }
    throw unexpected(ctx);
  }

  private Decl.ScaleValue scaleValue(ScaleValueContext c) {
    Optional<Integer> score =
        c.INT() == null ? Optional.empty() : Optional.of(integer(c.INT().getSymbol()));
    return new Decl.ScaleValue(name(c.name()), score, span(c));
  }

  private FormStmt formStatement(FormStatementContext ctx) {
    if (ctx instanceof FieldStatementContext c) {
      return new FormStmt.Field(name(c.name()), optText(c.STRING()), fieldType(c.fieldType()),
          citation(c.citation()), span(c));
    } else if (ctx instanceof FormSourceStatementContext c) {
      return new FormStmt.Source(new SourceRef(text(c.STRING().getSymbol()).value(), span(c)));
    }
    throw unexpected(ctx);
  }

  private FormStmt.FieldType fieldType(FieldTypeContext ctx) {
    FormStmt.FieldType.Kind kind;
    if (ctx instanceof TextFieldContext) {
      kind = FormStmt.FieldType.Kind.TEXT;
    } else if (ctx instanceof DateFieldContext) {
      kind = FormStmt.FieldType.Kind.DATE;
    } else if (ctx instanceof NumberFieldContext) {
      kind = FormStmt.FieldType.Kind.NUMBER;
    } else if (ctx instanceof YesNoFieldContext) {
      kind = FormStmt.FieldType.Kind.YES_NO;
    } else if (ctx instanceof StageFieldContext) {
      kind = FormStmt.FieldType.Kind.STAGE;
    } else if (ctx instanceof RoleFieldContext) {
      kind = FormStmt.FieldType.Kind.ROLE;
    } else if (ctx instanceof ChoiceFieldContext c) {
      return new FormStmt.FieldType(FormStmt.FieldType.Kind.CHOICE, names(c.names()));
    } else {
      throw unexpected(ctx);
    }
    return new FormStmt.FieldType(kind, List.of());
  }

  private Decl right(RightDeclContext c) {
    RightKindContext k = c.rightKind();
    Decl.RightKind kind;
    RightTargets targets;
    boolean atRaise = false;
    if (k instanceof StartRightContext s) {
      kind = Decl.RightKind.START;
      targets = rightTargets(s.rightTargets());
    } else if (k instanceof BypassRightContext b) {
      kind = Decl.RightKind.BYPASS;
      targets = rightTargets(b.rightTargets());
    } else if (k instanceof ReferRightContext r) {
      kind = Decl.RightKind.REFER;
      atRaise = r.RAISE() != null;
      targets = new RightTargets.Listed(List.of(new RightTargets.RightTarget.Outcome(name(r.name()))));
    } else {
      throw unexpected(k);
    }
    return new Decl.RightDecl(name(c.name()), kind, targets, c.REASON() != null,
        c.CONCURRENTLY() != null, guard(c.guard()), citation(c.citation()), span(c), atRaise);
  }

  private RightTargets rightTargets(RightTargetsContext ctx) {
    if (ctx instanceof AnyStageTargetsContext c) {
      return new RightTargets.AnyStage(span(c));
    } else if (ctx instanceof AnyLaterStageTargetsContext c) {
      return new RightTargets.AnyLaterStage(span(c));
    } else if (ctx instanceof ListedTargetsContext c) {
      List<RightTargets.RightTarget> targets = new ArrayList<>();
      for (RightTargetContext t : c.rightTarget()) {
        if (t instanceof StageRightTargetContext s) {
          targets.add(new RightTargets.RightTarget.Stages(stageRef(s.stageRef())));
        } else if (t instanceof OutcomeRightTargetContext o) {
          targets.add(new RightTargets.RightTarget.Outcome(name(o.name())));
        }
      }
      return new RightTargets.Listed(targets);
    }
    throw unexpected(ctx);
  }

  // -------------------------------------------------------------------------------------------
  // Stage bodies

  private List<StageStmt> stageBody(List<StageStatementContext> statements, Token close) {
    return body(statements, close, this::stageStatement);
  }

  private StageStmt stageStatement(StageStatementContext ctx) {
    if (ctx instanceof ToStatementContext c) {
      return new StageStmt.To(c.toRoles().name().stream().map(this::name).toList(),
          c.BOTH() != null, joined(c.toRoles()), guard(c.guard()),
          citation(c.citation()), span(c),
          Optional.ofNullable(c.substitute()).map(x -> name(x.name())));
    } else if (ctx instanceof JudgedByStatementContext c) {
      return new StageStmt.JudgedBy(c.toRoles().name().stream().map(this::name).toList(),
          joined(c.toRoles()), citation(c.citation()), span(c));
    } else if (ctx instanceof DecisionStatementContext c) {
      return new StageStmt.Decision(name(c.name()), optText(c.STRING()),
          c.toRoles().name().stream().map(this::name).toList(), joined(c.toRoles()),
          citation(c.citation()), span(c));
    } else if (ctx instanceof EscalatedByStatementContext c) {
      return new StageStmt.EscalatedBy(name(c.name()), citation(c.citation()), span(c));
    } else if (ctx instanceof CopyStatementContext c) {
      return new StageStmt.Copy(roleList(c.roleList()), guard(c.guard()), citation(c.citation()),
          span(c));
    } else if (ctx instanceof NotifyStatementContext c) {
      Optional<Name> by = c.name() == null ? Optional.empty() : Optional.of(name(c.name()));
      return new StageStmt.Notify(verb(c.actionVerb()), roleList(c.roleList()), optText(c.STRING()),
          by, deadline(c.deadline()), guard(c.guard()), citation(c.citation()), span(c),
          manner(c.via(), c.practice()), from(c.deadline()), urgency(c.deadline()));
    } else if (ctx instanceof ActionStatementContext c) {
      Optional<Name> by = c.name().isEmpty() ? Optional.empty() : Optional.of(name(c.name(0)));
      List<Name> alsoBy = c.name().stream().skip(1).map(this::name).toList();
      Optional<Name> id = c.actionId() == null ? Optional.empty()
          : Optional.of(name(c.actionId().name()));
      return new StageStmt.Action(id, text(c.STRING().getSymbol()), by, deadline(c.deadline()),
          guard(c.guard()), citation(c.citation()), span(c), manner(c.via(), c.practice()),
          from(c.deadline()), urgency(c.deadline()), alsoBy);
    } else if (ctx instanceof RecordStatementContext c) {
      List<Name> sentTo = c.roleList() == null ? List.of() : roleList(c.roleList());
      Optional<Name> by = c.name() == null ? Optional.empty() : Optional.of(name(c.name()));
      return new StageStmt.Record(recordSubject(c.recordSubject()), sentTo, deadline(c.deadline()),
          guard(c.guard()), citation(c.citation()), span(c), by, manner(c.via(), c.practice()),
          from(c.deadline()), urgency(c.deadline()));
    } else if (ctx instanceof RemindStatementContext c) {
      List<Name> copying = c.roleList().size() > 1 ? roleList(c.roleList(1)) : List.of();
      return new StageStmt.Remind(roleList(c.roleList(0)), duration(c.duration()),
          c.UNTIL() != null, copying, guard(c.guard()), citation(c.citation()), span(c));
    } else if (ctx instanceof RespondWithinStatementContext c && c.setTime() != null) {
      return new RespondChosen(List.of(setBy(c.setTime())), guard(c.guard()),
          citation(c.citation()), span(c), firmness(c.firmness(), c.assumption()));
    } else if (ctx instanceof RespondWithinStatementContext c && c.EARLIER() != null) {
      return new RespondChosen(c.timeChoice().stream().map(this::choice).toList(),
          guard(c.guard()), citation(c.citation()), span(c),
          firmness(c.firmness(), c.assumption()));
    } else if (ctx instanceof RespondWithinStatementContext c) {
      return new StageStmt.RespondWithin(duration(c.duration()), guard(c.guard()),
          citation(c.citation()), span(c), firmness(c.firmness(), c.assumption()));
    } else if (ctx instanceof RespondPromptlyStatementContext c) {
      // an urgency word is the timescale it stands for, counted from the stage's start
      Timescale.Firmness.Word word = word(c.promptly());
      SourceSpan at = span(c.promptly());
      DurationExpr d = span(word, at);
      Optional<FirmnessExpr> f = Optional.of(new FirmnessExpr(Optional.of(word),
          assumed(c.assumption()), at, assumedSpan(c.assumption())));
      return new StageStmt.RespondWithin(d, guard(c.guard()), citation(c.citation()), span(c), f);
    } else if (ctx instanceof RespondByStatementContext c) {
      return new StageStmt.RespondBy(duration(c.duration()), anchor(c.anchor()), guard(c.guard()),
          citation(c.citation()), span(c), firmness(c.firmness(), c.assumption()));
    } else if (ctx instanceof RequiresStatementContext c) {
      return new StageStmt.Requires(c.requirement().stream().map(this::requirement).toList(),
          citation(c.citation()), span(c));
    } else if (ctx instanceof RequiredStepStatementContext c) {
      return new StageStmt.RequiresStep(stageStatement(c.stageStatement()), span(c));
    } else if (ctx instanceof OnlyIfStatementContext c) {
      return new StageStmt.OnlyIf(condition(c.condition()), citation(c.citation()), span(c));
    } else if (ctx instanceof WhenStatementContext c) {
      return new StageStmt.When(responseKind(c.responseKind()), target(c.target()),
          citation(c.citation()), span(c));
    } else if (ctx instanceof ChosenWhenStatementContext c) {
      return new StageStmt.When(responseKind(c.responseKind()), target(c.target(0)),
          guard(c.guard()),
          c.OTHERWISE() == null ? Optional.empty() : Optional.of(target(c.target(1))),
          citation(c.citation()), span(c));
    } else if (ctx instanceof StageExtensionStatementContext c) {
      return new StageStmt.Extension(
          body(c.extensionStatement(), c.RBRACE().getSymbol(), this::extensionStatement), span(c));
    } else if (ctx instanceof StageSourceStatementContext c) {
      return new StageStmt.Source(new SourceRef(text(c.STRING().getSymbol()).value(), span(c)));
    }
    throw unexpected(ctx);
  }

  private static StageStmt.Verb verb(ActionVerbContext c) {
    if (c.ADVISE() != null) {
      return StageStmt.Verb.ADVISE;
    }
    return c.CONSULT() != null ? StageStmt.Verb.CONSULT : StageStmt.Verb.NOTIFY;
  }

  /** {@code via telephone or email} and {@code as good practice}, either or both left out. */
  private MannerExpr manner(ViaContext via, PracticeContext practice) {
    List<Name> channels = via == null ? List.of() : via.channel().stream()
        .map(c -> new Name(c.getText(), span(c))).toList();
    return new MannerExpr(channels, practice != null);
  }

  private StageStmt.RecordSubject recordSubject(RecordSubjectContext c) {
    if (c.STRING() != null) {
      return new StageStmt.RecordSubject.Note(text(c.STRING().getSymbol()));
    }
    return new StageStmt.RecordSubject.FormRef(name(c.name()));
  }

  private StageStmt.Anchor anchor(AnchorContext ctx) {
    if (ctx instanceof StartAnchorContext c) {
      return new StageStmt.Anchor.EscalationStart(span(c));
    } else if (ctx instanceof EventAnchorContext c) {
      return new StageStmt.Anchor.Event(name(c.name()));
    }
    throw unexpected(ctx);
  }

  private static StageStmt.ResponseKind responseKind(ResponseKindContext ctx) {
    if (ctx instanceof ResolvedResponseContext) {
      return StageStmt.ResponseKind.RESOLVED;
    } else if (ctx instanceof UnsatisfactoryResponseContext) {
      return StageStmt.ResponseKind.UNSATISFACTORY;
    } else if (ctx instanceof NoResponseContext) {
      return StageStmt.ResponseKind.NO_RESPONSE;
    }
    return StageStmt.ResponseKind.NOT_RESOLVED;
  }

  private StageStmt.Target target(TargetContext ctx) {
    if (ctx instanceof StageTargetContext c) {
      return new StageStmt.Target.ToStage(stageKey(c.stageKey()), span(c));
    } else if (ctx instanceof ResolvedTargetContext c) {
      return new StageStmt.Target.ToResolved(span(c));
    } else if (ctx instanceof OutcomeTargetContext c) {
      return new StageStmt.Target.ToOutcome(name(c.name()));
    }
    throw unexpected(ctx);
  }

  private StageStmt.Requirement requirement(RequirementContext ctx) {
    if (ctx instanceof CompletedRequirementContext c) {
      return new StageStmt.Requirement.Completed(stageRefs(c.stageRefs()), span(c));
    } else if (ctx instanceof AgreementRequirementContext c) {
      return new StageStmt.Requirement.Agreement(name(c.name()), span(c));
    } else if (ctx instanceof AdviceRequirementContext c) {
      return new StageStmt.Requirement.Advice(name(c.name()), span(c));
    } else if (ctx instanceof ConditionRequirementContext c) {
      return new StageStmt.Requirement.Holds(condition(c.condition()));
    }
    throw unexpected(ctx);
  }

  private StageSetExpr stageSet(StageSetContext ctx) {
    if (ctx instanceof EveryStageSetContext c) {
      Optional<StageKey> from =
          c.stageKey() == null ? Optional.empty() : Optional.of(stageKey(c.stageKey()));
      List<StageRef> except = c.stageRefs() == null ? List.of() : stageRefs(c.stageRefs());
      return new StageSetExpr.Every(from, except, span(c));
    } else if (ctx instanceof ListedStageSetContext c) {
      return new StageSetExpr.Listed(stageRefs(c.stageRefs()), span(c));
    }
    throw unexpected(ctx);
  }

  private List<StageRef> stageRefs(StageRefsContext c) {
    return c.stageRef().stream().map(this::stageRef).toList();
  }

  private StageRef stageRef(StageRefContext ctx) {
    if (ctx instanceof StageRangeRefContext c) {
      return new StageRef.Range(stageKey(c.stageKey(0)), stageKey(c.stageKey(1)), span(c));
    } else if (ctx instanceof SingleStageRefContext c) {
      return new StageRef.Single(stageKey(c.stageKey()), span(c));
    } else if (ctx instanceof PhaseStageRefContext c) {
      return new StageRef.Phase(name(c.name()), span(c));
    }
    throw unexpected(ctx);
  }

  private Decl remove(RemoveDeclContext c) {
    RemovableContext r = c.removable();
    String kind = r.getStart().getText();
    if (r instanceof RemoveStageContext s) {
      StageKey key = stageKey(s.stageKey());
      return new Decl.RemoveDecl(kind, key.text(), key.span(), citation(c.citation()), span(c));
    } else if (r instanceof RemoveOutcomeContext o) {
      Name name = name(o.name());
      return new Decl.RemoveDecl(kind, name.text(), name.span(), citation(c.citation()), span(c));
    } else if (r instanceof RemoveNamedContext n) {
      Name name = name(n.name());
      return new Decl.RemoveDecl(kind, name.text(), name.span(), citation(c.citation()), span(c));
    } else if (r instanceof RemoveTitledContext t) {
      Text title = text(t.STRING().getSymbol());
      return new Decl.RemoveDecl(kind, title.value(), title.span(), citation(c.citation()),
          span(c));
    }
    throw unexpected(r);
  }

  private InvariantStmt invariantStatement(InvariantStatementContext ctx) {
    if (ctx instanceof InvariantConditionStatementContext c) {
      return new InvariantStmt.Holds(condition(c.condition()), citation(c.citation()), span(c));
    } else if (ctx instanceof InvariantSourceStatementContext c) {
      return new InvariantStmt.Source(new SourceRef(text(c.STRING().getSymbol()).value(),
          span(c)));
    }
    throw unexpected(ctx);
  }

  private PhaseStmt phaseStatement(PhaseStatementContext ctx) {
    if (ctx instanceof PhaseStagesStatementContext c) {
      return new PhaseStmt.Stages(stageRefs(c.stageRefs()), citation(c.citation()), span(c));
    } else if (ctx instanceof PhaseSourceStatementContext c) {
      return new PhaseStmt.Source(new SourceRef(text(c.STRING().getSymbol()).value(), span(c)));
    }
    throw unexpected(ctx);
  }

  // -------------------------------------------------------------------------------------------
  // Extensions, triggers, limits, properties

  private ExtensionStmt extensionStatement(ExtensionStatementContext ctx) {
    if (ctx instanceof RequestedByStatementContext c) {
      return new ExtensionStmt.RequestedBy(
          c.roleList() == null ? List.of() : roleList(c.roleList()), c.ADDRESSEES() != null,
          c.WRITING() != null, c.RATIONALE() != null, citation(c.citation()), span(c));
    } else if (ctx instanceof GrantedByStatementContext c) {
      return new ExtensionStmt.GrantedBy(roleList(c.roleList()), citation(c.citation()), span(c));
    } else if (ctx instanceof UpToStatementContext c) {
      return new ExtensionStmt.UpTo(duration(c.duration()), citation(c.citation()), span(c));
    } else if (ctx instanceof ExtensionGuideStatementContext c) {
      return new ExtensionStmt.Guide(duration(c.duration()), citation(c.citation()), span(c));
    } else if (ctx instanceof AtMostStatementContext c) {
      ExtensionStmt.Per per = c.TOTAL() != null ? ExtensionStmt.Per.TOTAL : ExtensionStmt.Per.STAGE;
      return new ExtensionStmt.AtMost(integer(c.INT().getSymbol()), per, citation(c.citation()),
          span(c));
    } else if (ctx instanceof ExtensionRecordStatementContext c) {
      return new ExtensionStmt.Record(recordSubject(c.recordSubject()), citation(c.citation()),
          span(c));
    } else if (ctx instanceof ExtensionNotifyStatementContext c) {
      return new ExtensionStmt.Notify(roleList(c.roleList()), citation(c.citation()), span(c));
    } else if (ctx instanceof ExtensionRequiresStatementContext c) {
      return new ExtensionStmt.Requires(c.requirement().stream().map(this::requirement).toList(),
          c.toRoles() == null ? List.of() : c.toRoles().name().stream().map(this::name).toList(),
          citation(c.citation()), span(c));
    } else if (ctx instanceof ExtensionSourceStatementContext c) {
      return new ExtensionStmt.Source(new SourceRef(text(c.STRING().getSymbol()).value(), span(c)));
    }
    throw unexpected(ctx);
  }

  private TriggerStmt triggerStatement(TriggerStatementContext ctx) {
    if (ctx instanceof TriggerWhenStatementContext c) {
      return new TriggerStmt.When(history(c.history()), citation(c.citation()), span(c));
    } else if (ctx instanceof RaiseAtStatementContext c) {
      Optional<Name> by = c.name() == null ? Optional.empty() : Optional.of(name(c.name()));
      return new TriggerStmt.RaiseAt(stageKey(c.stageKey()), by, citation(c.citation()), span(c));
    } else if (ctx instanceof TriggerSourceStatementContext c) {
      return new TriggerStmt.Source(new SourceRef(text(c.STRING().getSymbol()).value(), span(c)));
    }
    throw unexpected(ctx);
  }

  private HistoryExpr history(HistoryContext ctx) {
    if (ctx instanceof HistoryAndContext c) {
      return new HistoryExpr.And(history(c.history(0)), history(c.history(1)), span(c));
    } else if (ctx instanceof HistoryOrContext c) {
      return new HistoryExpr.Or(history(c.history(0)), history(c.history(1)), span(c));
    } else if (ctx instanceof HistoryParensContext c) {
      return new HistoryExpr.Group(history(c.history()), span(c));
    } else if (ctx instanceof GradingHistoryContext c) {
      int times = 1;
      if (c.repetition() instanceof TwiceRepetitionContext) {
        times = 2;
      } else if (c.repetition() instanceof CountedRepetitionContext r) {
        times = integer(r.INT().getSymbol());
      }
      HistoryExpr.Scope scope = HistoryExpr.Scope.UNSAID;
      if (c.sectionScope() instanceof AnySectionContext) {
        scope = HistoryExpr.Scope.ANY_SECTION;
      } else if (c.sectionScope() instanceof SameSectionContext) {
        scope = HistoryExpr.Scope.SAME_SECTION;
      }
      return new HistoryExpr.Graded(name(c.name(0)), name(c.name(1)), times,
          c.repetition() != null, scope, span(c));
    } else if (ctx instanceof CountHistoryContext c) {
      return new HistoryExpr.Count(name(c.name()), c.comparison() instanceof MoreThanContext,
          integer(c.INT().getSymbol()), span(c));
    } else if (ctx instanceof DurationHistoryContext c) {
      return new HistoryExpr.Since(duration(c.duration()), name(c.name()), span(c));
    } else if (ctx instanceof AttributeHistoryContext c) {
      return new HistoryExpr.Attr(name(c.name()));
    }
    throw unexpected(ctx);
  }

  private LimitStmt limitStatement(LimitStatementContext ctx) {
    if (ctx instanceof TotalStatementContext c) {
      boolean all = c.limitScope() instanceof AllStagesScopeContext;
      List<StageRef> stages = c.limitScope() instanceof ListedStagesScopeContext l
          ? stageRefs(l.stageRefs()) : List.of();
      return new LimitStmt.Total(all, stages, duration(c.duration()),
          org.escalon.model.Measure.TIMESCALES, citation(c.citation()), span(c));
    } else if (ctx instanceof ElapsedStatementContext c) {
      return new LimitStmt.Total(false, List.of(), duration(c.duration()),
          org.escalon.model.Measure.ELAPSED, citation(c.citation()), span(c));
    } else if (ctx instanceof LimitSourceStatementContext c) {
      return new LimitStmt.Source(new SourceRef(text(c.STRING().getSymbol()).value(), span(c)));
    }
    throw unexpected(ctx);
  }

  // `within D in total` bounds the sum of the timescales; a plain `within D` the calendar
  private static org.escalon.model.Measure measure(TerminalNode inTotal) {
    return inTotal == null ? org.escalon.model.Measure.ELAPSED
        : org.escalon.model.Measure.TIMESCALES;
  }

  private PropertyStmt propertyStatement(PropertyStatementContext ctx) {
    if (ctx instanceof ClaimStatementContext c) {
      return new PropertyStmt.Claim(claim(c.claim()), citation(c.citation()), span(c));
    } else if (ctx instanceof EventuallyWithinStatementContext c) {
      ClaimExpr operand = new ClaimExpr.Eventually(claim(c.claim()),
          spans.of(c.EVENTUALLY().getSymbol()).to(span(c.claim())));
      return new PropertyStmt.Claim(new ClaimExpr.Within(operand, duration(c.duration()),
          measure(c.TOTAL()), operand.span().to(span(c.duration()))),
          citation(c.citation()), span(c));
    } else if (ctx instanceof ReachesWithinStatementContext c) {
      ClaimExpr operand = new ClaimExpr.Reaches(claim(c.claim()),
          spans.of(c.EVERY().getSymbol()).to(span(c.claim())));
      return new PropertyStmt.Claim(new ClaimExpr.Within(operand, duration(c.duration()),
          measure(c.TOTAL()), operand.span().to(span(c.duration()))),
          citation(c.citation()), span(c));
    } else if (ctx instanceof PropertySourceStatementContext c) {
      return new PropertyStmt.Source(new SourceRef(text(c.STRING().getSymbol()).value(), span(c)));
    }
    throw unexpected(ctx);
  }

  private ClaimExpr claim(ClaimContext ctx) {
    if (ctx instanceof AlwaysClaimContext c) {
      return new ClaimExpr.Always(claim(c.claim()), span(c));
    } else if (ctx instanceof EventuallyClaimContext c) {
      return new ClaimExpr.Eventually(claim(c.claim()), span(c));
    } else if (ctx instanceof NeverClaimContext c) {
      return new ClaimExpr.Never(claim(c.claim()), span(c));
    } else if (ctx instanceof EveryStageClaimContext c) {
      return new ClaimExpr.AtEveryStage(claim(c.claim()), span(c));
    } else if (ctx instanceof ReachesClaimContext c) {
      return new ClaimExpr.Reaches(claim(c.claim()), span(c));
    } else if (ctx instanceof PlainClaimContext c) {
      ClaimExpr subject = disjunction(c.claimDisjunction(0));
      return c.claimDisjunction().size() == 1 ? subject
          : new ClaimExpr.OnlyAfter(subject, disjunction(c.claimDisjunction(1)), span(c));
    }
    throw unexpected(ctx);
  }

  // `a or b or c` and `a and b and c` group to the left, as they read
  private ClaimExpr disjunction(ClaimDisjunctionContext c) {
    ClaimExpr left = conjunction(c.claimConjunction(0));
    for (int i = 1; i < c.claimConjunction().size(); i++) {
      ClaimExpr right = conjunction(c.claimConjunction(i));
      left = new ClaimExpr.Or(left, right, left.span().to(right.span()));
    }
    return left;
  }

  private ClaimExpr conjunction(ClaimConjunctionContext c) {
    ClaimExpr left = unary(c.claimUnary(0));
    for (int i = 1; i < c.claimUnary().size(); i++) {
      ClaimExpr right = unary(c.claimUnary(i));
      left = new ClaimExpr.And(left, right, left.span().to(right.span()));
    }
    return left;
  }

  private ClaimExpr unary(ClaimUnaryContext ctx) {
    if (ctx instanceof NotClaimContext c) {
      return new ClaimExpr.Not(unary(c.claimUnary()), span(c));
    } else if (ctx instanceof ParenClaimContext c) {
      return new ClaimExpr.Group(claim(c.claim()), span(c));
    } else if (ctx instanceof CompletedClaimContext c) {
      return new ClaimExpr.Completed(stageRefs(c.stageRefs()), span(c));
    } else if (ctx instanceof InStageClaimContext c) {
      return new ClaimExpr.InStage(stageKey(c.stageKey()), span(c));
    } else if (ctx instanceof ResolvedClaimContext c) {
      return new ClaimExpr.Resolved(span(c));
    } else if (ctx instanceof RoleActionClaimContext c) {
      return new ClaimExpr.RoleAction(name(c.name()), roleAction(c.roleAction()), span(c));
    } else if (ctx instanceof NamedClaimContext c) {
      return new ClaimExpr.Named(name(c.name()));
    }
    throw unexpected(ctx);
  }

  private static ClaimExpr.Action roleAction(RoleActionContext c) {
    if (c.ESCALATED() != null) {
      return ClaimExpr.Action.ESCALATED_TO;
    } else if (c.COPIED() != null) {
      return ClaimExpr.Action.COPIED;
    } else if (c.NOTIFIED() != null) {
      return ClaimExpr.Action.NOTIFIED;
    } else if (c.ADVISED() != null) {
      return ClaimExpr.Action.ADVISED;
    }
    return ClaimExpr.Action.CONSULTED;
  }

  // -------------------------------------------------------------------------------------------
  // Conditions and durations

  private Optional<ConditionExpr> guard(GuardContext c) {
    return c == null ? Optional.empty() : Optional.of(condition(c.condition()));
  }

  private ConditionExpr condition(ConditionContext ctx) {
    if (ctx instanceof NotConditionContext c) {
      return new ConditionExpr.Not(condition(c.condition()), span(c));
    } else if (ctx instanceof AndConditionContext c) {
      return new ConditionExpr.And(condition(c.condition(0)), condition(c.condition(1)), span(c));
    } else if (ctx instanceof OrConditionContext c) {
      return new ConditionExpr.Or(condition(c.condition(0)), condition(c.condition(1)), span(c));
    } else if (ctx instanceof ParenConditionContext c) {
      return new ConditionExpr.Group(condition(c.condition()), span(c));
    } else if (ctx instanceof IsConditionContext c) {
      return new ConditionExpr.Is(name(c.name(0)), name(c.name(1)), span(c));
    } else if (ctx instanceof AttributeConditionContext c) {
      return new ConditionExpr.Attr(name(c.name()));
    }
    throw unexpected(ctx);
  }

  private Optional<DurationExpr> deadline(DeadlineContext c) {
    return c == null ? Optional.empty() : c.promptly() != null
        ? Optional.of(span(word(c.promptly()), span(c.promptly())))
        : Optional.of(duration(c.duration()));
  }

  /** The urgency word a step's deadline is written with ({@code action "..." immediately}). */
  private static Optional<Timescale.Firmness.Word> urgency(DeadlineContext c) {
    return c == null || c.promptly() == null ? Optional.empty() : Optional.of(word(c.promptly()));
  }

  /** What a step's deadline counts from, when it says ({@code within D after ...}). */
  private Optional<StageStmt.Anchor> from(DeadlineContext c) {
    if (c != null && c.BEFORE() != null) {
      return Optional.of(new StageStmt.Anchor.Before(name(c.name())));
    }
    if (c == null || c.stepAnchor() == null) {
      return Optional.empty();
    }
    StepAnchorContext a = c.stepAnchor();
    if (a instanceof StepStartAnchorContext s) {
      return Optional.of(new StageStmt.Anchor.EscalationStart(span(s)));
    } else if (a instanceof StepStageAnchorContext s) {
      return Optional.of(new StageStmt.Anchor.Stage(stageKey(s.stageKey()), span(s)));
    } else if (a instanceof StepEventAnchorContext s) {
      return Optional.of(new StageStmt.Anchor.Event(name(s.name())));
    }
    throw unexpected(a);
  }

  private RespondChosen.Choice choice(TimeChoiceContext c) {
    return c.setTime() != null ? setBy(c.setTime())
        : new RespondChosen.Choice.Fixed(duration(c.duration()));
  }

  private RespondChosen.Choice setBy(SetTimeContext c) {
    Optional<DurationExpr> guide = c.GUIDE() == null ? Optional.empty()
        : Optional.of(duration(c.duration(0)));
    Optional<DurationExpr> cap = c.UP() == null ? Optional.empty()
        : Optional.of(duration(c.duration(c.duration().size() - 1)));
    return new RespondChosen.Choice.SetBy(roleList(c.roleList()), guide, cap, span(c));
  }

  /** A clock on raising: {@code raise within D after EVENT or EVENT [where possible]}. */
  private Decl.RaiseWithinDecl raiseWithin(RaiseWithinStatementContext c) {
    return new Decl.RaiseWithinDecl(duration(c.duration()),
        c.name().stream().map(this::name).toList(), firmness(c.firmness(), null),
        citation(c.citation()), span(c));
  }

  /** {@code raise as soon as possible after EVENT}: the urgency word is the time, as at a stage. */
  private Decl.RaiseWithinDecl raisePromptly(RaisePromptlyStatementContext c) {
    Timescale.Firmness.Word word = word(c.promptly());
    SourceSpan at = span(c.promptly());
    return new Decl.RaiseWithinDecl(span(word, at), c.name().stream().map(this::name).toList(),
        Optional.of(new FirmnessExpr(Optional.of(word), Optional.empty(), at, Optional.empty())),
        citation(c.citation()), span(c));
  }

  /** The urgency word written: {@code immediately}, {@code without delay}, {@code as soon as possible}. */
  private static Timescale.Firmness.Word word(PromptlyContext p) {
    return p.IMMEDIATELY() != null ? Timescale.Firmness.Word.IMMEDIATELY
        : p.WITHOUT_DELAY() != null ? Timescale.Firmness.Word.WITHOUT_DELAY
            : Timescale.Firmness.Word.AS_SOON_AS_POSSIBLE;
  }

  /** The time an urgency word stands for, as a duration written at {@code at}. */
  private static DurationExpr span(Timescale.Firmness.Word word, SourceSpan at) {
    return word.span().unit() == org.escalon.model.TimeUnit.SAME_WORKING_DAY
        ? new DurationExpr(0, DurationExpr.Unit.SAME_WORKING_DAY, at)
        : new DurationExpr(word.span().amount(), DurationExpr.Unit.WORKING_DAYS, at);
  }

  private Optional<FirmnessExpr> firmness(FirmnessContext f, AssumptionContext a) {
    if (f == null && a == null) {
      return Optional.empty();
    }
    Optional<Timescale.Firmness.Word> word = f == null ? Optional.empty()
        : Optional.of(f.WHERE_POSSIBLE() != null ? Timescale.Firmness.Word.WHERE_POSSIBLE
            : Timescale.Firmness.Word.AS_A_GUIDE);
    return Optional.of(new FirmnessExpr(word, assumed(a), f != null ? span(f) : span(a),
        assumedSpan(a)));
  }

  private Optional<DurationExpr> assumed(AssumptionContext a) {
    return a == null ? Optional.empty() : Optional.of(duration(a.duration()));
  }

  private Optional<SourceSpan> assumedSpan(AssumptionContext a) {
    return a == null ? Optional.empty() : Optional.of(span(a));
  }

  DurationExpr duration(DurationContext ctx) {
    if (ctx instanceof SameWorkingDayContext c) {
      return new DurationExpr(0, DurationExpr.Unit.SAME_WORKING_DAY, span(c));
    }
    DurationExpr.Unit unit;
    AmountContext amount;
    if (ctx instanceof WorkingDaysContext c) {
      unit = DurationExpr.Unit.WORKING_DAYS;
      amount = c.amount();
    } else if (ctx instanceof WorkingWeeksContext c) {
      unit = DurationExpr.Unit.WORKING_WEEKS;
      amount = c.amount();
    } else if (ctx instanceof CalendarDaysContext c) {
      unit = DurationExpr.Unit.CALENDAR_DAYS;
      amount = c.amount();
    } else if (ctx instanceof WeeksContext c) {
      unit = DurationExpr.Unit.WEEKS;
      amount = c.amount();
    } else if (ctx instanceof MonthsContext c) {
      unit = DurationExpr.Unit.MONTHS;
      amount = c.amount();
    } else if (ctx instanceof HoursContext c) {
      unit = DurationExpr.Unit.HOURS;
      amount = c.amount();
    } else if (ctx instanceof UnlabelledDaysContext c) {
      unit = DurationExpr.Unit.UNLABELLED_DAYS;
      amount = c.amount();
    } else {
      throw unexpected(ctx);
    }
    return new DurationExpr(integer(amount.INT().getSymbol()), unit, span(ctx));
  }

  // -------------------------------------------------------------------------------------------
  // Leaves

  private Optional<SourceRef> citation(CitationContext c) {
    return c == null
        ? Optional.empty()
        : Optional.of(new SourceRef(text(c.STRING().getSymbol()).value(), span(c)));
  }

  /** How a {@code to} line joins its roles: by its words, commas saying nothing. */
  private static StageStmt.Joined joined(ToRolesContext c) {
    boolean and = c.toSep().stream().anyMatch(s -> s.AND() != null);
    boolean or = c.toSep().stream().anyMatch(s -> s.OR() != null);
    return and && or ? StageStmt.Joined.MIXED : and ? StageStmt.Joined.JOINTLY
        : or ? StageStmt.Joined.EITHER : StageStmt.Joined.LISTED;
  }

  private List<Name> roleList(RoleListContext c) {
    return c.name().stream().map(this::name).toList();
  }

  private List<Name> names(NamesContext c) {
    return c.name().stream().map(this::name).toList();
  }

  private Name name(NameContext c) {
    return new Name(c.getText(), span(c));
  }

  private StageKey stageKey(StageKeyContext c) {
    return new StageKey(c.getText(), span(c));
  }

  private Optional<Text> optText(org.antlr.v4.runtime.tree.TerminalNode node) {
    return node == null ? Optional.empty() : Optional.of(text(node.getSymbol()));
  }

  private Text text(Token t) {
    return new Text(Strings.unquote(t.getText()), spans.of(t));
  }

  private DateLit date(Token t) {
    return new DateLit(t.getText(), spans.of(t));
  }

  /** Amounts past {@link InputLimits#LARGEST_NUMBER} never get here: E0311 refused them. */
  private static int integer(Token t) {
    return Integer.parseInt(t.getText());
  }

  private SourceSpan span(ParserRuleContext c) {
    return spans.of(c);
  }

  private IllegalStateException unexpected(ParserRuleContext ctx) {
    return new IllegalStateException(
        "no AST for " + ctx.getClass().getSimpleName() + " in " + file + " at " + span(ctx));
  }
}
