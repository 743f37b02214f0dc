package org.escalon.machine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.escalon.model.Condition;
import org.escalon.model.Precondition;
import org.escalon.model.Protocol;
import org.escalon.model.Target;

/**
 * The meaning of a protocol, decided once: stages and outcomes with their routes (skips unrolled),
 * guards, timescale choices and duties; the rights table; the triggers. Built by {@link #of} from
 * the lowered {@link Protocol}, which it keeps for what it does not re-decide (names, titles,
 * forms, limits, properties). Immutable.
 *
 * @param shared the {@code at every stage} obligations, each once (stages hold the same objects)
 * @param invariants what must hold of the case while an escalation is open
 * @param atOnce what must happen at once when a condition holds, whatever the stage
 */
public record OperationalModel(
    Protocol protocol,
    List<StageRule> stages,
    List<OutcomeRule> outcomes,
    Map<Target, Route> routes,
    RightsTable rights,
    List<TriggerRule> triggers,
    List<Duty> shared,
    List<InvariantRule> invariants,
    List<AtOnceRule> atOnce) {

  public OperationalModel {
    atOnce = List.copyOf(atOnce);
    invariants = List.copyOf(invariants);
    stages = List.copyOf(stages);
    outcomes = List.copyOf(outcomes);
    routes = Map.copyOf(routes);
    triggers = List.copyOf(triggers);
    shared = List.copyOf(shared);
  }

  /**
   * The operational model of a lowered protocol. A pure function of it, so the model of a
   * protocol object seen recently is returned again rather than rebuilt: the engine asks for it
   * with every escalation it creates, restores or replays, and building it costs far more than
   * applying an event (a hundred escalations of Kent's protocol a second instead of tens of
   * thousands, when each one built its own).
   */
  public static OperationalModel of(Protocol protocol) {
    return BUILT.get(protocol);
  }

  /** A condition of the lowered model as the guard the model evaluates it as. */
  public static Guard guard(Condition condition) {
    return ModelBuilder.guard(condition);
  }

  /** A precondition ({@code requires}) of the lowered model as the model's guard. */
  public static Guard guard(Precondition precondition) {
    return ModelBuilder.requirement(precondition);
  }

  private static final RecentModels BUILT = new RecentModels();

  /**
   * The models of the last few protocols asked for, found by identity: a protocol's own {@code
   * equals} and {@code hashCode} walk its whole tree, which would cost as much as building again.
   * Bounded, so a process that loads many protocols keeps only the most recent.
   */
  private static final class RecentModels {
    private static final int SIZE = 16;
    private final OperationalModel[] models = new OperationalModel[SIZE];
    private int next;

    OperationalModel get(Protocol protocol) {
      OperationalModel seen = find(protocol);
      return seen != null ? seen : keep(new ModelBuilder(protocol).build());
    }

    private synchronized OperationalModel find(Protocol protocol) {
      for (OperationalModel model : models) {
        if (model != null && model.protocol() == protocol) {
          return model;
        }
      }
      return null;
    }

    // Built outside the lock, so one thread building does not hold up the others; a model two
    // threads built at once is kept once.
    private synchronized OperationalModel keep(OperationalModel built) {
      OperationalModel seen = find(built.protocol());
      if (seen != null) {
        return seen;
      }
      models[next] = built;
      next = (next + 1) % SIZE;
      return built;
    }
  }

  // Loops, not streams: the engine looks a stage up several times for every event.
  public Optional<StageRule> stage(String key) {
    for (StageRule s : stages) {
      if (s.key().equals(key)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  public Optional<OutcomeRule> outcome(String name) {
    for (OutcomeRule o : outcomes) {
      if (o.name().equals(name)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  /** Where a move towards a stage or outcome of the protocol arrives. */
  public Route route(Target target) {
    Route route = routes.get(target);
    if (route == null) {
      throw new IllegalArgumentException("the protocol has no " + TargetCases.describe(target));
    }
    return route;
  }

  /** The requirements of the stage or outcome a target names. */
  public List<Requirement> requires(Target target) {
    return TargetCases.on(target, new TargetCases<>() {
      @Override
      public List<Requirement> stage(String key) {
        return OperationalModel.this.stage(key).map(StageRule::requires).orElse(List.of());
      }

      @Override
      public List<Requirement> outcome(String name) {
        return OperationalModel.this.outcome(name).map(OutcomeRule::requires).orElse(List.of());
      }
    });
  }

  /** The role that raises escalations by default: the first the protocol names. */
  public String raisedBy() {
    return protocol.header().raisedBy();
  }

  /**
   * Every role that may raise an escalation at the first stage ({@code raised by IRO or
   * CPChair}), the first first. Whoever of them raised a case is its escalator.
   */
  public List<String> raisers() {
    return protocol.header().raisers();
  }

  /** A trigger's rule of the lowered model as the model's guard. */
  public static Guard guard(org.escalon.model.HistoryRule rule) {
    return ModelBuilder.history(rule);
  }
}
