package org.escalon.migration;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What validating one live escalation against a plan found: whether it can move, and if so
 * where it lands (its stage, when that stay began, its deadline under the new timescale, the
 * stages it has completed in the new version's keys), what does not come with it, and if not,
 * why not.
 */
public record Landing(boolean canMove, List<String> reasons, Optional<String> from,
    Optional<String> stage, Optional<Instant> entered, Optional<Instant> deadline,
    List<String> completed, List<String> leftBehind) {

  public Landing {
    reasons = List.copyOf(reasons);
    completed = List.copyOf(completed);
    leftBehind = List.copyOf(leftBehind);
  }

  /** One line for a person. */
  public String describe() {
    if (!canMove) {
      return "cannot move: " + String.join("; ", reasons);
    }
    return "moves from stage " + from.orElse("?") + " to stage " + stage.orElse("?")
        + deadline.map(d -> ", deadline " + d).orElse(", no deadline")
        + (completed.isEmpty() ? "" : ", having completed stages " + String.join(", ", completed))
        + (leftBehind.isEmpty() ? "" : "; not carried: " + String.join("; ", leftBehind));
  }
}
