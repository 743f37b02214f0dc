package org.escalon.machine;

import java.util.List;
import java.util.Optional;
import org.escalon.model.Right;
import org.escalon.model.Target;

/**
 * Runs an operational model on facts: where a move arrives, what blocks it, which duties are done,
 * which right applies, who may answer, which triggers fire. It holds no state of an escalation:
 * the engine asks it about concrete facts, a state exploration may ask about abstract ones.
 */
public final class Interpreter {

  /** A requirement that does not hold, and why, in words. */
  public record Unmet(Requirement requirement, String reason) {}

  /**
   * Where a move arrives: the branch of its route that is taken and, when the stage or outcome
   * arrived at requires what does not hold yet, the first such requirement: the move waits there.
   */
  public record Arrival(Route.Branch branch, Optional<Unmet> blocked) {
    public Target to() {
      return branch.to();
    }
  }

  private final OperationalModel model;

  public Interpreter(OperationalModel model) {
    this.model = model;
  }

  public OperationalModel model() {
    return model;
  }

  /**
   * Where a move towards the target arrives: {@code only if} is decided first (a stage that does
   * not apply is walked past, whatever it requires), then the requirements of where it arrives,
   * which make the move wait there when they do not hold yet.
   */
  public Arrival arrive(Target target, Facts facts) {
    return arrive(model.route(target), facts);
  }

  public Arrival arrive(Route route, Facts facts) {
    for (Route.Branch b : route.branches()) {
      if (Guards.holds(b.when(), facts)) {
        return new Arrival(b, unmet(model.requires(b.to()), facts));
      }
    }
    // the last branch's guard is the negation of all before it, so one always holds
    throw new IllegalStateException("no branch of the route to "
        + TargetCases.describe(route.target()) + " holds");
  }

  /** The first requirement that does not hold, in the order written. */
  public Optional<Unmet> unmet(List<Requirement> requirements, Facts facts) {
    for (Requirement r : requirements) {
      Optional<String> why = Guards.unmet(r.guard(), facts);
      if (why.isPresent()) {
        return Optional.of(new Unmet(r, why.get()));
      }
    }
    return Optional.empty();
  }

  /** Every requirement that does not hold, in the order written. */
  public List<Unmet> unmetAll(List<Requirement> requirements, Facts facts) {
    return requirements.stream().flatMap(r -> Guards.unmet(r.guard(), facts).stream()
        .map(why -> new Unmet(r, why))).toList();
  }

  /** The duties whose guard holds, in order. */
  public List<Duty> duties(List<Duty> duties, Facts facts) {
    // a loop, not a stream: the engine asks this on every entry, and most duties always hold
    List<Duty> holding = null;
    for (int i = 0; i < duties.size(); i++) {
      boolean holds = Guards.holds(duties.get(i).when(), facts);
      if (!holds && holding == null) {
        holding = new java.util.ArrayList<>(duties.subList(0, i));
      } else if (holds && holding != null) {
        holding.add(duties.get(i));
      }
    }
    return holding == null ? List.copyOf(duties) : List.copyOf(holding);
  }

  /** Which right, if any, lets the role do this to the target now. */
  public RightsTable.Lookup right(Right.Kind kind, String role, Target target, Facts facts) {
    return model.rights().find(kind, role, target, facts);
  }

  /**
   * Who may answer a stage: the roles it is escalated to. A stage escalated to no one (W0503)
   * may be answered by any role of the protocol.
   */
  public boolean mayRespond(StageRule stage, String role) {
    List<String> roles = stage.respondents().roles();
    return roles.isEmpty() || roles.contains(role);
  }

  /**
   * Who may withdraw an escalation: the role that raises escalations, and any role that may
   * start one; nobody else raised it.
   */
  public boolean mayWithdraw(String role) {
    return role.equals(model.raisedBy())
        || !model.rights().held(role, Right.Kind.START).isEmpty();
  }

  /** The triggers, not yet fired, whose rule holds now, in the order declared. */
  public List<TriggerRule> firing(List<String> fired, Facts facts) {
    if (model.triggers().isEmpty()) {
      return List.of(); // most protocols have none, and the engine asks after every event
    }
    return model.triggers().stream()
        .filter(t -> !fired.contains(t.name()) && Guards.holds(t.when(), facts)).toList();
  }
}
