package org.escalon.model;

import java.util.List;
import java.util.Optional;

/**
 * A clock on raising itself ({@code raise within 2 working days after disagreement or decision},
 * {@code raise as soon as possible after disagreement}): the escalation should be raised within
 * {@code duration} of the last of the named events ({@code after}) to happen before it. The
 * escalation does not exist while the clock runs, so a late raise is never refused (escalating
 * late is better than not): it is recorded, shown and counted. {@code firmness} is the policy's
 * word (an urgency word, or {@code where possible}); none: it must be met.
 */
public record RaiseClock(Timespan duration, List<String> after,
    Optional<Timescale.Firmness> firmness, Optional<Citation> citation, SourceSpan span) {

  public RaiseClock {
    after = List.copyOf(after);
  }

  /** Whether the policy only asks for it ("should", "where possible"). */
  public boolean soft() {
    return firmness.map(f -> f.word().soft()).orElse(false);
  }
}
