package org.escalon.compiler.ast;

import java.util.List;
import java.util.Optional;
import org.escalon.model.SourceSpan;

/** A statement directly inside {@code protocol { ... }}: header lines and declarations. */
public sealed interface Decl
    permits Comment,
        Decl.VersionDecl,
        Decl.StatusDecl,
        Decl.EffectiveDecl,
        Decl.ReviewDecl,
        Decl.OwnerDecl,
        Decl.CalendarDecl,
        Decl.ClosureDecl,
        Decl.YearlyClosureDecl,
        Decl.ZoneDecl,
        Decl.RaiseWithinDecl,
        Decl.RaisedByDecl,
        Decl.AboutDecl,
        Decl.SourceDecl,
        Decl.AgencyDecl,
        Decl.RoleDecl,
        Decl.AttributeDecl,
        StageStmt.Decision,
        Decl.EventDecl,
        Decl.KnownDateDecl,
        Decl.ScaleDecl,
        Decl.FormDecl,
        Decl.StageDecl,
        Decl.OutcomeDecl,
        Decl.ObligationDecl,
        Decl.RightDecl,
        Decl.ExtensionDecl,
        Decl.TriggerDecl,
        Decl.LimitDecl,
        Decl.PhaseDecl,
        Decl.PropertyDecl,
        Decl.InvariantDecl,
        Decl.AtOnceDecl,
        Decl.BasedOnDecl,
        Decl.ReplaceDecl,
        Decl.RemoveDecl {

  SourceSpan span();

  /** {@code about children and adults}: who the policy is about. */
  record AboutDecl(List<Name> subjects, Optional<SourceRef> citation, SourceSpan span)
      implements Decl {
    public AboutDecl {
      subjects = List.copyOf(subjects);
    }
  }

  /** {@code version "2022-09"}. */
  record VersionDecl(Text version, Optional<SourceRef> citation, SourceSpan span) implements Decl {}

  /** {@code status ratified} (or {@code draft}). */
  record StatusDecl(Name status, Optional<SourceRef> citation, SourceSpan span) implements Decl {}

  /** {@code effective 2022-09-01}. */
  record EffectiveDecl(DateLit date, Optional<SourceRef> citation, SourceSpan span)
      implements Decl {}

  /** {@code review by 2023-09-01}. */
  record ReviewDecl(DateLit date, Optional<SourceRef> citation, SourceSpan span) implements Decl {}

  /** {@code owner "Kent County Council"}. */
  record OwnerDecl(Text owner, Optional<SourceRef> citation, SourceSpan span) implements Decl {}

  /** {@code calendar england-and-wales}. */
  record CalendarDecl(Name calendar, Optional<SourceRef> citation, SourceSpan span)
      implements Decl {}

  /** {@code closed 2026-12-29 to 2026-12-31}: local closure days on top of bank holidays. */
  record ClosureDecl(DateLit from, Optional<DateLit> to, Optional<SourceRef> citation, SourceSpan span)
      implements Decl {}

  /** {@code closed every year from 12-27 to 12-31}. */
  record YearlyClosureDecl(DateLit from, DateLit to, Optional<SourceRef> citation, SourceSpan span)
      implements Decl {}

  /** {@code time zone "Europe/London"}. */
  record ZoneDecl(Text zone, Optional<SourceRef> citation, SourceSpan span) implements Decl {}

  /**
   * {@code raised by IRO}: the role that raises escalations; {@code raised by IRO or CPChair}:
   * either may raise one ({@code joined} says how the line joined them; only {@code or} or commas
   * fit).
   */
  record RaisedByDecl(List<Name> roles, StageStmt.Joined joined, Optional<SourceRef> citation,
      SourceSpan span) implements Decl {
    public RaisedByDecl {
      roles = List.copyOf(roles);
    }

    /** The first role named: the one that raises when nothing says which. */
    public Name role() {
      return roles.get(0);
    }
  }

  /**
   * {@code raise within 2 working days after disagreement or decision}: a clock on raising,
   * counted from the last of the events to happen before the raise; an urgency word
   * ({@code raise as soon as possible after disagreement}) is its firmness and its time.
   */
  record RaiseWithinDecl(DurationExpr within, List<Name> after, Optional<FirmnessExpr> firmness,
      Optional<SourceRef> citation, SourceSpan span) implements Decl {
    public RaiseWithinDecl {
      after = List.copyOf(after);
    }
  }

  /** {@code source "..."}: the document the whole protocol encodes. */
  record SourceDecl(Text source, SourceSpan span) implements Decl {}

  /** {@code agency police "Police"}. */
  record AgencyDecl(Name name, Optional<Text> title, Optional<SourceRef> citation, SourceSpan span)
      implements Decl {}

  /** {@code role TeamManager "Team Manager" { in police "Detective Sergeant" }}. */
  record RoleDecl(
      Name name,
      Optional<Text> title,
      boolean external,
      Optional<SourceRef> citation,
      Optional<List<RoleStmt>> body,
      SourceSpan span,
      Optional<Lookup> lookup)
      implements Decl {
    public RoleDecl {
      body = body.map(List::copyOf);
    }

    /** A role whose holder is not looked up in a directory. */
    public RoleDecl(Name name, Optional<Text> title, boolean external,
        Optional<SourceRef> citation, Optional<List<RoleStmt>> body, SourceSpan span) {
      this(name, title, external, citation, body, span, Optional.empty());
    }
  }

  /**
   * {@code looked up in directory "single points of contact" per agency}: who holds the role is
   * found in a directory the host supplies, in each agency when {@code perAgency}.
   */
  record Lookup(Text directory, boolean perAgency, SourceSpan span) {}

  /** {@code attribute child_protection_plan "..."}, optionally {@code one of a, b}. */
  record AttributeDecl(
      Name name,
      Optional<Text> title,
      List<Name> choices,
      Optional<SourceRef> citation,
      SourceSpan span)
      implements Decl {
    public AttributeDecl {
      choices = List.copyOf(choices);
    }
  }

  /** {@code event plan_started "..."}: something that happens to a case, named for timescales and triggers. */
  record EventDecl(Name name, Optional<Text> title, Optional<SourceRef> citation, SourceSpan span)
      implements Decl {}

  /**
   * {@code date conference "The child protection conference"}: a date in the future the host
   * supplies during the case; steps may fall due before it.
   */
  record KnownDateDecl(Name name, Optional<Text> title, Optional<SourceRef> citation,
      SourceSpan span) implements Decl {}

  /** {@code scale grading "..." { inadequate = 1, requires_improvement = 2, good, outstanding }}. */
  record ScaleDecl(
      Name name,
      Optional<Text> title,
      List<ScaleValue> values,
      Optional<SourceRef> citation,
      SourceSpan span)
      implements Decl {
    public ScaleDecl {
      values = List.copyOf(values);
    }
  }

  /** One value of a scale, with the score the policy gives it if any. */
  record ScaleValue(Name name, Optional<Integer> score, SourceSpan span) {}

  /** {@code form EscalationNotice "Escalation Notice" { field ... }}. */
  record FormDecl(Name name, Optional<Text> title, List<FormStmt> body, SourceSpan span)
      implements Decl {
    public FormDecl {
      body = List.copyOf(body);
    }
  }

  /** {@code stage 2 "To Team Manager" { ... }}. */
  record StageDecl(StageKey key, Optional<Text> title, List<StageStmt> body, SourceSpan span)
      implements Decl {
    public StageDecl {
      body = List.copyOf(body);
    }
  }

  /** {@code outcome cafcass "Referral to Cafcass" { ... }}. */
  record OutcomeDecl(Name name, Optional<Text> title, List<StageStmt> body, SourceSpan span)
      implements Decl {
    public OutcomeDecl {
      body = List.copyOf(body);
    }
  }

  /** {@code at every stage { ... }}: obligations applied at each stage of a set. */
  record ObligationDecl(StageSetExpr stages, List<StageStmt> body, SourceSpan span)
      implements Decl {
    public ObligationDecl {
      body = List.copyOf(body);
    }
  }

  /** {@code IRO may bypass to any stage with reason}, optionally only {@code if} a condition holds. */
  record RightDecl(
      Name role,
      RightKind kind,
      RightTargets targets,
      boolean withReason,
      boolean concurrently,
      Optional<ConditionExpr> guard,
      Optional<SourceRef> citation,
      SourceSpan span,
      boolean atRaise)
      implements Decl {}

  /** What a right allows. */
  enum RightKind {
    START,
    BYPASS,
    REFER
  }

  /** {@code extension { requested by ...; granted by ...; up to ... }}. */
  record ExtensionDecl(List<ExtensionStmt> body, SourceSpan span) implements Decl {
    public ExtensionDecl {
      body = List.copyOf(body);
    }
  }

  /** {@code trigger inadequate "..." { when ...; raise at stage 1 }}. */
  record TriggerDecl(Name name, Optional<Text> title, List<TriggerStmt> body, SourceSpan span)
      implements Decl {
    public TriggerDecl {
      body = List.copyOf(body);
    }
  }

  /** {@code limit "IRO Handbook s6.2" { total of stage 1..4 at most 20 working days }}. */
  record LimitDecl(Text title, List<LimitStmt> body, SourceSpan span) implements Decl {
    public LimitDecl {
      body = List.copyOf(body);
    }
  }

  /** {@code phase formal "The formal process" { stage 3..5 }}: a named group of stages. */
  record PhaseDecl(Name name, Optional<Text> title, List<PhaseStmt> body, SourceSpan span)
      implements Decl {
    public PhaseDecl {
      body = List.copyOf(body);
    }

    /** The stage references the phase lists, in the order written. */
    public List<StageRef> stages() {
      return body.stream().filter(PhaseStmt.Stages.class::isInstance)
          .flatMap(s -> ((PhaseStmt.Stages) s).stages().stream()).toList();
    }
  }

  /** {@code property "..." { every path reaches resolved or cafcass }}. */
  record PropertyDecl(Text title, List<PropertyStmt> body, SourceSpan span) implements Decl {
    public PropertyDecl {
      body = List.copyOf(body);
    }
  }

  /**
   * {@code invariant "..." { child_in_placement }}: a condition on the case that holds from the
   * raise until the escalation ends.
   */
  record InvariantDecl(Text title, List<InvariantStmt> body, SourceSpan span) implements Decl {
    public InvariantDecl {
      body = List.copyOf(body);
    }

    /** The conditions the block states, in the order written (the checker wants exactly one). */
    public List<InvariantStmt.Holds> conditions() {
      return body.stream().filter(InvariantStmt.Holds.class::isInstance)
          .map(InvariantStmt.Holds.class::cast).toList();
    }
  }

  /** {@code based on "regional.esc"}: the protocol this one is built on, relative to this file. */
  record BasedOnDecl(Text path, Optional<SourceRef> citation, SourceSpan span) implements Decl {}

  /** {@code replace stage 2 "..." { ... }}: swaps the base's declaration of the same kind and name. */
  record ReplaceDecl(Decl replacement, SourceSpan span) implements Decl {}

  /**
   * {@code remove stage 5}: drops the base's declaration of this kind and name.
   *
   * @param kind the keyword, as written: {@code stage}, {@code role}, {@code limit}...
   * @param name the key, name or title, as written
   */
  record RemoveDecl(String kind, String name, SourceSpan nameSpan, Optional<SourceRef> citation,
      SourceSpan span) implements Decl {}

  /**
   * {@code when immediate_risk go to stage 3}, or {@code when immediate_risk { notify Police
   * "call 999" }}: what must happen at once when the condition holds, whatever the stage.
   *
   * @param goTo where an open escalation goes at once (the first form)
   * @param body the steps done when the condition comes to hold (the second form)
   */
  record AtOnceDecl(ConditionExpr condition, Optional<StageStmt.Target> goTo,
      List<StageStmt> body, Optional<SourceRef> citation, SourceSpan span) implements Decl {
    public AtOnceDecl {
      body = List.copyOf(body);
    }
  }
}
