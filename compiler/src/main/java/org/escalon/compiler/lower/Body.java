package org.escalon.compiler.lower;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.compiler.ast.MannerExpr;
import org.escalon.compiler.ast.Name;
import org.escalon.compiler.ast.StageStmt;
import org.escalon.compiler.check.ActionIds;
import org.escalon.model.Citation;
import org.escalon.model.Condition;
import org.escalon.model.Manner;
import org.escalon.model.Precondition;
import org.escalon.model.Step;
import org.escalon.model.Timescale;

/** Gathers the statements of a stage or outcome body (and its obligations) into model parts. */
final class Body {

  private final Expressions expressions;
  private final ActionIds actionIds;
  private final List<Step> steps = new ArrayList<>();
  private Optional<org.escalon.model.Judges> judges = Optional.empty();
  private Optional<org.escalon.model.EscalatedBy> escalatedBy = Optional.empty();
  private final List<Timescale> timescales = new ArrayList<>();
  private final List<Precondition> preconditions = new ArrayList<>();
  private final List<Citation> citations = new ArrayList<>();
  private Optional<Condition> onlyIf = Optional.empty();

  Body(Expressions expressions, ActionIds actionIds) {
    this.expressions = expressions;
    this.actionIds = actionIds;
  }

  /** The channels as the checker accepted them (an unknown one has stopped the lowering). */
  private static Manner manner(MannerExpr m) {
    return new Manner(m.channels().stream()
        .map(c -> Manner.Channel.named(c.text()).orElseThrow()).toList(), !m.goodPractice());
  }

  void addAll(List<StageStmt> statements) {
    statements.forEach(this::add);
  }

  /** What a step's deadline counts from, in the model: none for the start of its stage. */
  private static Optional<Timescale.Anchor> from(Optional<StageStmt.Anchor> from) {
    return from.map(a -> a instanceof StageStmt.Anchor.Event e
        ? new Timescale.Anchor.Event(e.event().text())
        : a instanceof StageStmt.Anchor.Stage s ? new Timescale.Anchor.Stage(s.key().text())
        : a instanceof StageStmt.Anchor.Before b ? new Timescale.Anchor.Before(b.date().text())
        : new Timescale.Anchor.EscalationStart());
  }

  private void add(StageStmt statement) {
    if (statement instanceof StageStmt.To s) {
      steps.add(new Step.EscalateTo(names(s.roles()), s.bothAgencies(), s.jointly(),
          cond(s.guard()), cite(s.citation()), s.span(), s.substitute().map(Name::text)));
    } else if (statement instanceof StageStmt.JudgedBy s) {
      judges = Optional.of(new org.escalon.model.Judges(names(s.roles()),
          s.joined() == StageStmt.Joined.JOINTLY, cite(s.citation()), s.span()));
    } else if (statement instanceof StageStmt.EscalatedBy s) {
      escalatedBy = Optional.of(new org.escalon.model.EscalatedBy(s.role().text(),
          cite(s.citation()), s.span()));
    } else if (statement instanceof StageStmt.Copy s) {
      steps.add(new Step.Copy(names(s.roles()), cond(s.guard()), cite(s.citation()), s.span()));
    } else if (statement instanceof StageStmt.Notify s) {
      steps.add(new Step.Inform(Step.Inform.Kind.valueOf(s.verb().name()), names(s.roles()),
          s.what().map(t -> t.value()), s.by().map(Name::text), s.within().map(Expressions::duration),
          cond(s.guard()),
          cite(s.citation()), s.span(), manner(s.manner()), from(s.from()), s.urgency()));
    } else if (statement instanceof StageStmt.Action s) {
      steps.add(new Step.Act(actionIds.of(s), s.what().value(), s.by().map(Name::text),
          s.within().map(Expressions::duration), cond(s.guard()), cite(s.citation()), s.span(),
          manner(s.manner()), from(s.from()), s.urgency(), names(s.alsoBy())));
    } else if (statement instanceof StageStmt.Record s) {
      Optional<String> form = s.subject() instanceof StageStmt.RecordSubject.FormRef f
          ? Optional.of(f.form().text()) : Optional.empty();
      Optional<String> note = s.subject() instanceof StageStmt.RecordSubject.Note n
          ? Optional.of(n.text().value()) : Optional.empty();
      steps.add(new Step.Keep(form, note, names(s.sentTo()), s.within().map(Expressions::duration),
          cond(s.guard()), cite(s.citation()), s.span(), s.by().map(Name::text),
          manner(s.manner()), from(s.from()), s.urgency()));
    } else if (statement instanceof StageStmt.Remind s) {
      steps.add(new Step.Remind(names(s.roles()), Expressions.duration(s.every()),
          s.untilResolved(), names(s.copying()), cond(s.guard()), cite(s.citation()), s.span()));
    } else if (statement instanceof StageStmt.RespondWithin s) {
      timescales.add(new Timescale(Expressions.duration(s.duration()),
          new Timescale.Anchor.StageStart(), cond(s.guard()), cite(s.citation()), s.span(),
          Optional.empty(), firmness(s.firmness())));
    } else if (statement instanceof org.escalon.compiler.ast.RespondChosen s) {
      // the earlier of two is both timescales, always applying together: the model counts the
      // earliest deadline of those that apply (machine.Timescales)
      for (var choice : s.choices()) {
        Timescale fixed;
        if (choice instanceof org.escalon.compiler.ast.RespondChosen.Choice.SetBy set) {
          // with no cap, the declared assumption is the duration the tools count (the checker
          // has made sure there is one, E0345)
          var bound = set.cap().or(() -> s.firmness().flatMap(f -> f.assumed())).orElseThrow();
          fixed = new Timescale(Expressions.duration(bound),
              new Timescale.Anchor.StageStart(), cond(s.guard()), cite(s.citation()), s.span(),
              Optional.of(new Timescale.SetBy(names(set.roles()),
                  set.guide().map(Expressions::duration), set.cap().isEmpty())),
              firmness(s.firmness()));
        } else {
          fixed = new Timescale(Expressions.duration(
              ((org.escalon.compiler.ast.RespondChosen.Choice.Fixed) choice).duration()),
              new Timescale.Anchor.StageStart(), cond(s.guard()), cite(s.citation()), s.span(),
              Optional.empty(), firmness(s.firmness()));
        }
        timescales.add(fixed);
      }
    } else if (statement instanceof StageStmt.RespondBy s) {
      Timescale.Anchor anchor = s.anchor() instanceof StageStmt.Anchor.Event e
          ? new Timescale.Anchor.Event(e.event().text()) : new Timescale.Anchor.EscalationStart();
      timescales.add(new Timescale(Expressions.duration(s.duration()), anchor, cond(s.guard()),
          cite(s.citation()), s.span(), Optional.empty(), firmness(s.firmness())));
    } else if (statement instanceof StageStmt.Requires s) {
      s.requirements().forEach(r -> preconditions.add(expressions.precondition(r)));
    } else if (statement instanceof StageStmt.RequiresStep s) {
      // the step, lowered as a stage's step is, is done before entry: a precondition, not a duty
      Body step = new Body(expressions, actionIds);
      step.add(s.step());
      preconditions.add(new Precondition.Done(step.steps().get(0), s.span()));
    } else if (statement instanceof StageStmt.OnlyIf s) {
      Condition c = expressions.condition(s.condition());
      onlyIf = Optional.of(onlyIf.map(prev -> (Condition) new Condition.And(prev, c)).orElse(c));
    } else if (statement instanceof StageStmt.Source s) {
      citations.add(Expressions.citation(s.citation()));
    }
  }

  private Optional<Condition> cond(Optional<org.escalon.compiler.ast.ConditionExpr> guard) {
    return guard.map(expressions::condition);
  }

  private static Optional<Citation> cite(Optional<org.escalon.compiler.ast.SourceRef> citation) {
    return citation.map(Expressions::citation);
  }

  private static List<String> names(List<Name> names) {
    return names.stream().map(Name::text).toList();
  }

  List<Step> steps() {
    return steps;
  }

  /** Who escalates from the stage ({@code escalated by}), if the stage says. */
  Optional<org.escalon.model.EscalatedBy> escalatedBy() {
    return escalatedBy;
  }

  /** Who judges whether the stage is resolved ({@code judged by}), if the stage says. */
  Optional<org.escalon.model.Judges> judges() {
    return judges;
  }

  List<Timescale> timescales() {
    return timescales;
  }

  List<Precondition> preconditions() {
    return preconditions;
  }

  List<Citation> citations() {
    return citations;
  }

  Optional<Condition> onlyIf() {
    return onlyIf;
  }

  /** How firm a timescale is: the word (none: it must be met) and a soft one's assumed bound. */
  private static Optional<Timescale.Firmness> firmness(
      Optional<org.escalon.compiler.ast.FirmnessExpr> firmness) {
    return firmness.flatMap(f -> f.word().map(w -> new Timescale.Firmness(w,
        f.assumed().map(Expressions::duration))));
  }
}
