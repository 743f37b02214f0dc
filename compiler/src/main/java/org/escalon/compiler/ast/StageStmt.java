package org.escalon.compiler.ast;

import java.util.List;
import java.util.Optional;
import org.escalon.model.SourceSpan;
import org.escalon.model.Timescale;

/**
 * A statement in the body of a stage, an outcome or an obligation ({@code at every stage}). The
 * grammar lets any of them stand in any of those bodies; the checker says which do not fit.
 */
public sealed interface StageStmt
    permits Comment,
        StageStmt.To,
        StageStmt.Copy,
        StageStmt.Notify,
        StageStmt.Action,
        StageStmt.Record,
        StageStmt.Remind,
        StageStmt.RespondWithin,
        StageStmt.RespondBy,
        RespondChosen,
        StageStmt.Requires,
        StageStmt.RequiresStep,
        StageStmt.OnlyIf,
        StageStmt.When,
        StageStmt.Extension,
        StageStmt.Source,
        StageStmt.JudgedBy,
        StageStmt.Decision,
        StageStmt.EscalatedBy {

  SourceSpan span();

  /**
   * {@code to TeamManager in both agencies}: who the stage escalates to; {@code to A or B} (or
   * commas) either may answer, {@code to A and B} each must ({@link Joined}).
   */
  record To(
      List<Name> roles,
      boolean bothAgencies,
      Joined joined,
      Optional<ConditionExpr> guard,
      Optional<SourceRef> citation,
      SourceSpan span,
      Optional<Name> substitute)
      implements StageStmt {
    public To {
      roles = List.copyOf(roles);
    }

    /** A line with no substitute. */
    public To(List<Name> roles, boolean bothAgencies, Joined joined,
        Optional<ConditionExpr> guard, Optional<SourceRef> citation, SourceSpan span) {
      this(roles, bothAgencies, joined, guard, citation, span, Optional.empty());
    }

    public To(List<Name> roles, boolean bothAgencies, Optional<ConditionExpr> guard,
        Optional<SourceRef> citation, SourceSpan span) {
      this(roles, bothAgencies, Joined.LISTED, guard, citation, span);
    }

    /** Whether each role of the line must answer ({@code to A and B}). */
    public boolean jointly() {
      return joined == Joined.JOINTLY;
    }
  }

  /**
   * How a {@code to} line joins its roles: one role or commas ({@code LISTED}), {@code or}
   * ({@code EITHER}): either may answer; {@code and} ({@code JOINTLY}): each must; both words on
   * one line ({@code MIXED}) is error E0440.
   */
  enum Joined {
    LISTED,
    EITHER,
    JOINTLY,
    MIXED
  }

  /** {@code copy SocialWorker, TeamManager if child_protection_plan}. */
  record Copy(
      List<Name> roles, Optional<ConditionExpr> guard, Optional<SourceRef> citation, SourceSpan span)
      implements StageStmt {
    public Copy {
      roles = List.copyOf(roles);
    }
  }

  /**
   * {@code notify IRO "..."}, {@code advise YoungPerson "..."}, {@code consult QAManager}; {@code by}
   * names who does the telling when it is not the raiser.
   */
  record Notify(
      Verb verb,
      List<Name> roles,
      Optional<Text> what,
      Optional<Name> by,
      Optional<DurationExpr> within,
      Optional<ConditionExpr> guard,
      Optional<SourceRef> citation,
      SourceSpan span,
      MannerExpr manner,
      Optional<Anchor> from,
      Optional<Timescale.Firmness.Word> urgency)
      implements StageStmt {
    public Notify {
      roles = List.copyOf(roles);
    }

    /** A deadline written as a duration, or none. */
    public Notify(Verb verb, List<Name> roles, Optional<Text> what, Optional<Name> by,
        Optional<DurationExpr> within, Optional<ConditionExpr> guard,
        Optional<SourceRef> citation, SourceSpan span, MannerExpr manner, Optional<Anchor> from) {
      this(verb, roles, what, by, within, guard, citation, span, manner, from, Optional.empty());
    }

    /** A deadline counted from the start of the stage. */
    public Notify(Verb verb, List<Name> roles, Optional<Text> what, Optional<Name> by,
        Optional<DurationExpr> within, Optional<ConditionExpr> guard,
        Optional<SourceRef> citation, SourceSpan span, MannerExpr manner) {
      this(verb, roles, what, by, within, guard, citation, span, manner, Optional.empty());
    }
  }

  /** The ways of telling someone: inform, advise (the young person), consult. */
  enum Verb {
    NOTIFY,
    ADVISE,
    CONSULT
  }

  /**
   * {@code action "follow up" by IRO via email within 1 working day as good practice}; {@code id}
   * is the name an author writes before the words ({@code action follow_up "..."}) to keep an id
   * on rewording.
   */
  record Action(
      Optional<Name> id,
      Text what,
      Optional<Name> by,
      Optional<DurationExpr> within,
      Optional<ConditionExpr> guard,
      Optional<SourceRef> citation,
      SourceSpan span,
      MannerExpr manner,
      Optional<Anchor> from,
      Optional<Timescale.Firmness.Word> urgency,
      List<Name> alsoBy)
      implements StageStmt {
    public Action {
      alsoBy = List.copyOf(alsoBy);
    }

    /** Done by one role, or by whoever the protocol says. */
    public Action(Optional<Name> id, Text what, Optional<Name> by, Optional<DurationExpr> within,
        Optional<ConditionExpr> guard, Optional<SourceRef> citation, SourceSpan span,
        MannerExpr manner, Optional<Anchor> from, Optional<Timescale.Firmness.Word> urgency) {
      this(id, what, by, within, guard, citation, span, manner, from, urgency, List.of());
    }

    /** A deadline written as a duration, or none. */
    public Action(Optional<Name> id, Text what, Optional<Name> by, Optional<DurationExpr> within,
        Optional<ConditionExpr> guard, Optional<SourceRef> citation, SourceSpan span,
        MannerExpr manner, Optional<Anchor> from) {
      this(id, what, by, within, guard, citation, span, manner, from, Optional.empty());
    }

    /** A deadline counted from the start of the stage. */
    public Action(Optional<Name> id, Text what, Optional<Name> by, Optional<DurationExpr> within,
        Optional<ConditionExpr> guard, Optional<SourceRef> citation, SourceSpan span,
        MannerExpr manner) {
      this(id, what, by, within, guard, citation, span, manner, Optional.empty());
    }
  }

  /**
   * {@code record EscalationNotice by TeamManager sent to ServiceManager via email within 5 working
   * days}; {@code by} names who records it when it is not the raiser.
   */
  record Record(
      RecordSubject subject,
      List<Name> sentTo,
      Optional<DurationExpr> within,
      Optional<ConditionExpr> guard,
      Optional<SourceRef> citation,
      SourceSpan span,
      Optional<Name> by,
      MannerExpr manner,
      Optional<Anchor> from,
      Optional<Timescale.Firmness.Word> urgency)
      implements StageStmt {
    public Record {
      sentTo = List.copyOf(sentTo);
    }

    /** A deadline written as a duration, or none. */
    public Record(RecordSubject subject, List<Name> sentTo, Optional<DurationExpr> within,
        Optional<ConditionExpr> guard, Optional<SourceRef> citation, SourceSpan span,
        Optional<Name> by, MannerExpr manner, Optional<Anchor> from) {
      this(subject, sentTo, within, guard, citation, span, by, manner, from, Optional.empty());
    }

    /** A deadline counted from the start of the stage. */
    public Record(RecordSubject subject, List<Name> sentTo, Optional<DurationExpr> within,
        Optional<ConditionExpr> guard, Optional<SourceRef> citation, SourceSpan span,
        Optional<Name> by, MannerExpr manner) {
      this(subject, sentTo, within, guard, citation, span, by, manner, Optional.empty());
    }
  }

  /** {@code remind Professional every 2 weeks until resolved copying TeamManager}. */
  record Remind(
      List<Name> roles,
      DurationExpr every,
      boolean untilResolved,
      List<Name> copying,
      Optional<ConditionExpr> guard,
      Optional<SourceRef> citation,
      SourceSpan span)
      implements StageStmt {
    public Remind {
      roles = List.copyOf(roles);
      copying = List.copyOf(copying);
    }
  }

  /**
   * {@code respond within 5 working days}: counted from the stage's start; {@code firmness} says
   * how firm it is ({@code where possible}), or that an urgency word stands for it ({@code respond
   * immediately}).
   */
  record RespondWithin(
      DurationExpr duration,
      Optional<ConditionExpr> guard,
      Optional<SourceRef> citation,
      SourceSpan span,
      Optional<FirmnessExpr> firmness)
      implements StageStmt {
    public RespondWithin(DurationExpr duration, Optional<ConditionExpr> guard,
        Optional<SourceRef> citation, SourceSpan span) {
      this(duration, guard, citation, span, Optional.empty());
    }
  }

  /** {@code respond by 3 weeks after the start} or {@code ... after notice_sent}. */
  record RespondBy(
      DurationExpr duration,
      Anchor anchor,
      Optional<ConditionExpr> guard,
      Optional<SourceRef> citation,
      SourceSpan span,
      Optional<FirmnessExpr> firmness)
      implements StageStmt {
    public RespondBy(DurationExpr duration, Anchor anchor, Optional<ConditionExpr> guard,
        Optional<SourceRef> citation, SourceSpan span) {
      this(duration, anchor, guard, citation, span, Optional.empty());
    }
  }

  /** {@code requires completed stage 4, agreement of QAAssistantDirector}. */
  record Requires(List<Requirement> requirements, Optional<SourceRef> citation, SourceSpan span)
      implements StageStmt {
    public Requires {
      requirements = List.copyOf(requirements);
    }
  }

  /**
   * {@code requires notify QAServiceManager "..." by QAManager}: a step its role does before the
   * stage is entered; {@code step} is the step as written in a stage (the checker says which fit).
   */
  record RequiresStep(StageStmt step, SourceSpan span) implements StageStmt {}

  /** {@code only if child_protection_issue}: the stage is skipped when the condition is false. */
  record OnlyIf(ConditionExpr condition, Optional<SourceRef> citation, SourceSpan span)
      implements StageStmt {}

  /**
   * {@code when not resolved go to stage 2}; with a condition, a route the case chooses: {@code
   * when not resolved go to stage 4 if immediate_risk, otherwise go to stage 2}.
   *
   * @param condition when the route is taken; empty for the stage's route on that response
   * @param otherwise where the response goes when the condition does not hold (only with one)
   */
  record When(ResponseKind response, Target target, Optional<ConditionExpr> condition,
      Optional<Target> otherwise, Optional<SourceRef> citation, SourceSpan span)
      implements StageStmt {

    public When(ResponseKind response, Target target, Optional<SourceRef> citation,
        SourceSpan span) {
      this(response, target, Optional.empty(), Optional.empty(), citation, span);
    }

    /** Whether this line says where the response goes when no condition chose a route. */
    public boolean unconditional() {
      return condition.isEmpty() || otherwise.isPresent();
    }
  }

  /** An {@code extension { ... }} block that applies to this stage only. */
  record Extension(List<ExtensionStmt> body, SourceSpan span) implements StageStmt {
    public Extension {
      body = List.copyOf(body);
    }
  }

  /**
   * {@code judged by IRO}: who judges whether the stage is resolved, in place of those it is
   * escalated to; {@code judged by CPChair and HeadOfQA}: each must judge it resolved.
   */
  record JudgedBy(List<Name> roles, Joined joined, Optional<SourceRef> citation, SourceSpan span)
      implements StageStmt {
    public JudgedBy {
      roles = List.copyOf(roles);
    }
  }

  /**
   * {@code decision justified "the challenge is justified" by ServiceManager}: a yes/no judgement
   * the role takes during the stage, which routes and conditions read by its name. The same line
   * directly in the protocol is a declaration: the role takes it at any time.
   */
  record Decision(Name name, Optional<Text> title, List<Name> roles, Joined joined,
      Optional<SourceRef> citation, SourceSpan span) implements StageStmt, Decl {
    public Decision {
      roles = List.copyOf(roles);
    }
  }

  /**
   * {@code escalated by TeamManager}: who takes the case further from this stage when it is not
   * resolved (after a soft deadline is missed), in place of the role that raised it.
   */
  record EscalatedBy(Name role, Optional<SourceRef> citation, SourceSpan span)
      implements StageStmt {}

  /** {@code source "..."}: the paragraph this stage encodes. */
  record Source(SourceRef citation) implements StageStmt {
    @Override
    public SourceSpan span() {
      return citation.span();
    }
  }

  /** What a {@code record} statement records: a declared form, or a note in words. */
  sealed interface RecordSubject {
    /** A declared form, by name. */
    record FormRef(Name form) implements RecordSubject {}

    /** A note in words, such as {@code "the young person's views"}. */
    record Note(Text text) implements RecordSubject {}
  }

  /** What a timescale counts from. */
  sealed interface Anchor {
    /** The start of the escalation. */
    record EscalationStart(SourceSpan span) implements Anchor {}

    /** A declared event. */
    record Event(Name event) implements Anchor {}

    /** The last start of a stage: a step's deadline only ({@code within D after stage 1}). */
    record Stage(StageKey key, SourceSpan span) implements Anchor {}

    /** Counted back from a known date: a step's deadline only ({@code within D before conference}). */
    record Before(Name date) implements Anchor {}
  }

  /** Which response a {@code when} statement handles. */
  enum ResponseKind {
    RESOLVED,
    UNSATISFACTORY,
    NO_RESPONSE,
    NOT_RESOLVED
  }

  /** Where a {@code when} statement goes. */
  sealed interface Target {
    /** Another stage. */
    record ToStage(StageKey key, SourceSpan span) implements Target {}

    /** The built-in outcome {@code resolved}. */
    record ToResolved(SourceSpan span) implements Target {}

    /** A declared outcome. */
    record ToOutcome(Name outcome) implements Target {}
  }

  /** One precondition of a stage or outcome. */
  sealed interface Requirement {
    /** {@code completed stage 4, stage 5 and stage 6}. */
    record Completed(List<StageRef> stages, SourceSpan span) implements Requirement {
      public Completed {
        stages = List.copyOf(stages);
      }
    }

    /** {@code agreement of QAAssistantDirector}. */
    record Agreement(Name role, SourceSpan span) implements Requirement {}

    /** {@code advice of LegalCounsel}. */
    record Advice(Name role, SourceSpan span) implements Requirement {}

    /** A condition on the case's attributes. */
    record Holds(ConditionExpr condition) implements Requirement {}
  }
}
