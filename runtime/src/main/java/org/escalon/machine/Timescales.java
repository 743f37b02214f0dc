package org.escalon.machine;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.escalon.model.Timescale;
import org.escalon.model.Timespan;

/**
 * A stage's timescales, decided once: the conditional ones whose guard holds apply and the
 * earliest of their deadlines counts; when none holds, the unconditional one applies (a protocol
 * has at most one, E0408; a model built by hand with several counts the earliest of them).
 */
public record Timescales(List<Conditional> conditional, List<Timescale> otherwise) {

  public Timescales {
    conditional = List.copyOf(conditional);
    otherwise = List.copyOf(otherwise);
  }

  /** A timescale that applies when its guard holds. */
  public record Conditional(Guard when, Timescale timescale) {}

  /** The timescales that apply, given the facts: the earliest of their deadlines counts. */
  public List<Timescale> applying(Facts facts) {
    if (conditional.isEmpty()) {
      return otherwise;
    }
    List<Timescale> holding = conditional.stream().filter(c -> Guards.holds(c.when(), facts))
        .map(Conditional::timescale).toList();
    return holding.isEmpty() ? otherwise : holding;
  }

  /**
   * The timescale that counts and its deadline: of those that apply and can be counted (an event
   * that has not happened gives none), the earliest; the first declared wins a tie.
   */
  public <T extends Comparable<? super T>> Optional<Due<T>> earliest(Facts facts,
      Function<Timescale, Optional<T>> deadline) {
    Optional<Due<T>> earliest = Optional.empty();
    for (Timescale t : applying(facts)) {
      Optional<T> at = deadline.apply(t);
      if (at.isPresent() && (earliest.isEmpty() || at.get().compareTo(earliest.get().at()) < 0)) {
        earliest = Optional.of(new Due<>(t, at.get()));
      }
    }
    return earliest;
  }

  /**
   * The timescales that apply and that {@code role} sets during the case; a value it sets
   * replaces their guide (or cap) and the earliest deadline of all that apply counts again.
   */
  public List<Timescale> setBy(Facts facts, String role) {
    return applying(facts).stream().filter(t -> t.setBy().map(s -> s.roles().contains(role))
        .orElse(false)).toList();
  }

  /**
   * The timescale that counts once {@code role} has set its timescales to {@code amount}, and
   * its deadline: the earliest of those that apply, each counted by {@code counted} from the start
   * of the stay (a stage with a timescale set during the case counts all of its timescales from
   * there, E0408), the value set standing for the role's, the others' {@link Timescale#initial}
   * for theirs (one still waiting for its value counts none). From then on it is the stay's timescale: whether its deadline is soft, what a missed
   * deadline cites.
   */
  public <T extends Comparable<? super T>> Optional<Due<T>> afterSetting(Facts facts, String role,
      Timespan amount, Function<Timespan, T> counted) {
    List<Timescale> set = setBy(facts, role);
    return earliest(facts, t -> (set.contains(t) ? Optional.of(amount) : t.initial())
        .map(counted));
  }

  /** The timescale that counts, and when its deadline falls. */
  public record Due<T>(Timescale timescale, T at) {}

  public boolean isEmpty() {
    return conditional.isEmpty() && otherwise.isEmpty();
  }
}
