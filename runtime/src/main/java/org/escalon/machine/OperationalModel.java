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
 */
public record OperationalModel(
    Protocol protocol,
    List<StageRule> stages,
    List<OutcomeRule> outcomes,
    Map<Target, Route> routes,
    RightsTable rights,
    List<TriggerRule> triggers,
    List<Duty> shared) {

  public OperationalModel {
    stages = List.copyOf(stages);
    outcomes = List.copyOf(outcomes);
    routes = Map.copyOf(routes);
    triggers = List.copyOf(triggers);
    shared = List.copyOf(shared);
  }

  /** The operational model of a lowered protocol. A pure function of it. */
  public static OperationalModel of(Protocol protocol) {
    return new ModelBuilder(protocol).build();
  }

  /** A condition of the lowered model as the guard the model evaluates it as. */
  public static Guard guard(Condition condition) {
    return ModelBuilder.guard(condition);
  }

  /** A precondition ({@code requires}) of the lowered model as the model's guard. */
  public static Guard guard(Precondition precondition) {
    return ModelBuilder.requirement(precondition);
  }

  public Optional<StageRule> stage(String key) {
    return stages.stream().filter(s -> s.key().equals(key)).findFirst();
  }

  public Optional<OutcomeRule> outcome(String name) {
    return outcomes.stream().filter(o -> o.name().equals(name)).findFirst();
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

  /** The role that raises escalations by default. */
  public String raisedBy() {
    return protocol.header().raisedBy();
  }
}
