package org.escalon.compiler.ast;

import java.util.List;
import java.util.Optional;
import org.escalon.model.SourceSpan;

/**
 * A stage's timescale that is set during the case, or the earlier of two:
 * {@code respond within the time set by IRO, guide 5 working days, up to 20 working days} and
 * {@code respond within the earlier of 1 working week and the time set by IRO, up to 10 working
 * days}. Each choice is counted from the start of the stage.
 */
public record RespondChosen(
    List<Choice> choices,
    Optional<ConditionExpr> guard,
    Optional<SourceRef> citation,
    SourceSpan span,
    Optional<FirmnessExpr> firmness)
    implements StageStmt {

  public RespondChosen {
    choices = List.copyOf(choices);
  }

  public RespondChosen(List<Choice> choices, Optional<ConditionExpr> guard,
      Optional<SourceRef> citation, SourceSpan span) {
    this(choices, guard, citation, span, Optional.empty());
  }

  /** Whether this is {@code the earlier of} two. */
  public boolean earlier() {
    return choices.size() > 1;
  }

  /** One timescale of the statement. */
  public sealed interface Choice {
    SourceSpan span();

    /** A timescale the protocol fixes. */
    record Fixed(DurationExpr duration) implements Choice {
      @Override
      public SourceSpan span() {
        return duration.span();
      }
    }

    /**
     * A timescale set during the case by one of {@code roles}, up to {@code cap}; with no cap the
     * statement's {@code assume at most D} bounds it (E0345 when neither is written).
     */
    record SetBy(List<Name> roles, Optional<DurationExpr> guide, Optional<DurationExpr> cap,
        SourceSpan span) implements Choice {
      public SetBy {
        roles = List.copyOf(roles);
      }
    }
  }
}
