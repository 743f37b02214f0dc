package org.escalon.compiler.ast;

import java.util.List;
import java.util.Optional;
import org.escalon.model.SourceSpan;

/** A statement inside an {@code extension { ... }} block. */
public sealed interface ExtensionStmt
    permits Comment,
        ExtensionStmt.RequestedBy,
        ExtensionStmt.GrantedBy,
        ExtensionStmt.UpTo,
        ExtensionStmt.Guide,
        ExtensionStmt.AtMost,
        ExtensionStmt.Record,
        ExtensionStmt.Notify,
        ExtensionStmt.Requires,
        ExtensionStmt.Source {

  /**
   * {@code requested by SocialWorker, TeamManager in writing with rationale}, or {@code requested
   * by addressees}: at each stage, the roles that stage is escalated to (then {@code roles} is
   * empty).
   */
  record RequestedBy(
      List<Name> roles,
      boolean addressees,
      boolean inWriting,
      boolean withRationale,
      Optional<SourceRef> citation,
      SourceSpan span)
      implements ExtensionStmt {
    public RequestedBy {
      roles = List.copyOf(roles);
    }
  }

  /** {@code granted by IRO}. */
  record GrantedBy(List<Name> roles, Optional<SourceRef> citation, SourceSpan span)
      implements ExtensionStmt {
    public GrantedBy {
      roles = List.copyOf(roles);
    }
  }

  /** {@code up to 5 working days}: the most one extension may add. */
  record UpTo(DurationExpr duration, Optional<SourceRef> citation, SourceSpan span)
      implements ExtensionStmt {}

  /**
   * {@code guide 5 working days}: the usual most one extension adds ("usually up to another 5
   * working days"); a request past it is allowed, and its grant recorded as beyond the usual time.
   */
  record Guide(DurationExpr duration, Optional<SourceRef> citation, SourceSpan span)
      implements ExtensionStmt {}

  /** {@code at most 1 times per stage}. */
  record AtMost(int count, Per per, Optional<SourceRef> citation, SourceSpan span)
      implements ExtensionStmt {}

  /** What an {@code at most} count is counted over. */
  enum Per {
    STAGE,
    TOTAL
  }

  /** {@code record "a copy of the request in a case note"}. */
  record Record(StageStmt.RecordSubject subject, Optional<SourceRef> citation, SourceSpan span)
      implements ExtensionStmt {}

  /** {@code notify TeamManager}. */
  record Notify(List<Name> roles, Optional<SourceRef> citation, SourceSpan span)
      implements ExtensionStmt {
    public Notify {
      roles = List.copyOf(roles);
    }
  }

  /**
   * {@code requires agreement of LineManager}: what must hold before more time is asked for; with
   * {@code when requested by SocialWorker or CaseHoldingManager} ({@code askedOf}), only before a
   * request by one of them (empty: by anyone).
   */
  record Requires(List<StageStmt.Requirement> requirements, List<Name> askedOf,
      Optional<SourceRef> citation, SourceSpan span) implements ExtensionStmt {
    public Requires {
      requirements = List.copyOf(requirements);
      askedOf = List.copyOf(askedOf);
    }
  }

  /** {@code source "..."}. */
  record Source(SourceRef citation) implements ExtensionStmt {}
}
