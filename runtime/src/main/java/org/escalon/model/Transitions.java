package org.escalon.model;

import java.util.List;
import java.util.Optional;

/**
 * Where a stage goes on each kind of response, defaults applied: a resolving response ends in
 * {@code resolved}; no response by the deadline and an unsatisfactory response go to the next
 * stage unless the protocol says otherwise.
 *
 * @param choices routes the case chooses ({@code when not resolved go to stage 4 if
 *     immediate_risk}), tried in the order written before the three above, which apply when none
 *     of them does
 */
public record Transitions(Target onResolved, Target onUnsatisfactory, Target onNoResponse,
    List<Choice> choices) {

  public Transitions {
    choices = List.copyOf(choices);
  }

  public Transitions(Target onResolved, Target onUnsatisfactory, Target onNoResponse) {
    this(onResolved, onUnsatisfactory, onNoResponse, List.of());
  }

  /** The kinds of response a stage has a route for. */
  public enum Response { RESOLVED, UNSATISFACTORY, NO_RESPONSE }

  /**
   * A route the case chooses: on this response, go to {@code to} when the condition holds.
   * {@code when not resolved ... if C} is two choices, one per kind of response it covers.
   */
  public record Choice(Response on, Condition when, Target to, Optional<Citation> citation,
      SourceSpan span) {}

  /** Where the response goes when no choice applies. */
  public Target otherwise(Response response) {
    return switch (response) {
      case RESOLVED -> onResolved;
      case UNSATISFACTORY -> onUnsatisfactory;
      case NO_RESPONSE -> onNoResponse;
    };
  }

  /** The choices on one kind of response, in the order written. */
  public List<Choice> choices(Response response) {
    return choices.stream().filter(c -> c.on() == response).toList();
  }
}
