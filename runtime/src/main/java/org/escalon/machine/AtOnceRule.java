package org.escalon.machine;

import java.util.List;
import java.util.Optional;
import org.escalon.model.Citation;
import org.escalon.model.SourceSpan;
import org.escalon.model.Target;

/**
 * What must happen at once when a condition holds, whatever the stage ({@code when C go to
 * stage N}, {@code when C { steps }}), as the model evaluates it. A move that would arrive at a
 * stage earlier than {@code goTo} while the guard holds goes on to it instead (the model's routes
 * carry that: {@code ModelBuilder}); an escalation at such a stage when a fact changes so that the
 * guard holds goes there at once ({@link Interpreter#movesAtOnce}); the duties are done each time
 * the guard comes to hold ({@link Interpreter#comingToHold}), whether or not an escalation runs.
 *
 * @param index its place among the protocol's rules, in the order written
 */
public record AtOnceRule(int index, Guard when, Optional<Target> goTo, List<Duty> duties,
    SourceSpan span, Optional<Citation> citation) {

  public AtOnceRule {
    duties = List.copyOf(duties);
  }

  /** The key of the stage, or the name of the outcome, it goes to; empty if it only does steps. */
  public Optional<String> goToName() {
    return goTo.map(t -> t instanceof Target.ToStage s ? s.key()
        : ((Target.ToOutcome) t).name());
  }

  /** The name the host is told the duties come from ("at once 1"): no stage or outcome. */
  public String where() {
    return "at once " + (index + 1);
  }
}
