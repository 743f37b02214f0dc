package org.escalon.machine;

import java.util.List;
import org.escalon.model.SourceSpan;
import org.escalon.model.Target;

/**
 * Where a move towards a target really arrives, with every {@code only if} skip unrolled: the
 * branches are tried in order and the first whose guard holds is taken. A stage whose
 * {@code only if} does not hold is walked past as if it had had no response, so the branch after
 * it is guarded by the negation of its condition. The list is finite: a chain of skips that comes
 * back to a stage it has already skipped enters that stage (see {@code docs/language.md}, section
 * 14), so no counter of skips is needed anywhere.
 *
 * @param target the stage or outcome the move names
 * @param branches the guarded destinations; the last one's guard holds whenever no earlier does
 */
public record Route(Target target, List<Branch> branches) {

  public Route {
    branches = List.copyOf(branches);
  }

  /**
   * One destination of a route.
   *
   * @param when what must hold for the move to arrive here
   * @param to the stage or outcome arrived at
   * @param skipped the stages walked past on the way, in order
   * @param span where the destination's {@code only if} is written, or the destination's span
   */
  public record Branch(Guard when, Target to, List<String> skipped, SourceSpan span) {
    public Branch {
      skipped = List.copyOf(skipped);
    }
  }
}
