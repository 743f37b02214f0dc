package org.escalon.machine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.escalon.model.Citation;
import org.escalon.model.AtOnce;
import org.escalon.model.Condition;
import org.escalon.model.ExtensionRule;
import org.escalon.model.HistoryRule;
import org.escalon.model.Outcome;
import org.escalon.model.Precondition;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.Stage;
import org.escalon.model.Step;
import org.escalon.model.Target;
import org.escalon.model.Timescale;
import org.escalon.model.Transitions;
import org.escalon.model.Trigger;

/**
 * Builds the operational model from a lowered protocol. The model's conditions, preconditions and
 * history rules all become {@link Guard}s here, and nowhere else.
 */
final class ModelBuilder {

  private final Protocol protocol;
  private final Map<Step, Duty> duties = new LinkedHashMap<>();
  private final Map<Step, Integer> uses = new HashMap<>();
  private final List<AtOnceRule> atOnce = new ArrayList<>();

  ModelBuilder(Protocol protocol) {
    this.protocol = protocol;
  }

  OperationalModel build() {
    // a step equal in several stages is an `at every stage` obligation the lowering copied
    for (Stage s : protocol.stages()) {
      s.steps().stream().distinct().forEach(step -> uses.merge(step, 1, Integer::sum));
    }
    for (int i = 0; i < protocol.atOnce().size(); i++) {
      AtOnce a = protocol.atOnce().get(i);
      atOnce.add(new AtOnceRule(i, guard(a.when()), a.goTo(), duties(a.steps()), a.span(),
          a.citations().stream().findFirst()));
    }
    Map<Target, Route> routes = new LinkedHashMap<>();
    for (Stage s : protocol.stages()) {
      Target t = new Target.ToStage(s.key());
      routes.put(t, route(t));
    }
    for (Outcome o : protocol.outcomes()) {
      Target t = new Target.ToOutcome(o.name());
      routes.put(t, route(t));
    }
    List<StageRule> stages = new ArrayList<>();
    for (int i = 0; i < protocol.stages().size(); i++) {
      stages.add(stage(protocol.stages().get(i), i, routes));
    }
    List<OutcomeRule> outcomes = protocol.outcomes().stream().map(o -> new OutcomeRule(o.name(),
        o.title(), requirements(o.preconditions()), duties(o.steps()), o.citations(), o.span()))
        .toList();
    List<RightsTable.Entry> rights = protocol.rights().stream()
        .map(r -> new RightsTable.Entry(r, guard(r.when()))).toList();
    List<TriggerRule> triggers = protocol.triggers().stream().map(this::trigger).toList();
    List<Duty> shared = duties.values().stream().filter(Duty::shared).toList();
    List<InvariantRule> invariants = protocol.invariants().stream()
        .map(i -> new InvariantRule(i.title(), guard(i.condition()), i.span(),
            i.citations().stream().findFirst())).toList();
    return new OperationalModel(protocol, stages, outcomes, routes, new RightsTable(rights,
        protocol.stages().stream().map(Stage::key).toList()),
        triggers, shared, invariants, atOnce);
  }

  /**
   * Whether a duty to go at once to {@code to} moves an escalation on from the stage: its target
   * is an outcome, or a stage later in the ladder (it never sends one back).
   */
  static boolean later(Optional<Target> to, List<Stage> ladder, String from) {
    if (to.isEmpty()) {
      return false;
    }
    if (!(to.get() instanceof Target.ToStage s)) {
      return true;
    }
    List<String> keys = ladder.stream().map(Stage::key).toList();
    return keys.indexOf(s.key()) > keys.indexOf(from);
  }

  /**
   * The branches of a move that arrives at the stage (its {@code only if} decided, guarded by
   * {@code passed}): while a duty to go at once to a later stage or an outcome holds, the move
   * goes on there, the stage walked past; the rules in the order written, then the stage itself.
   */
  private void arriveAt(Stage s, Guard passed, List<String> skipped, List<Route.Branch> out) {
    Guard none = passed;
    for (AtOnceRule rule : atOnce) {
      if (!later(rule.goTo(), protocol.stages(), s.key())) {
        continue;
      }
      List<String> past = new ArrayList<>(skipped);
      past.add(s.key());
      for (Route.Branch b : route(rule.goTo().get()).branches()) {
        List<String> walked = new ArrayList<>(past);
        walked.addAll(b.skipped());
        out.add(new Route.Branch(Guards.and(Guards.and(none, rule.when()), b.when()), b.to(),
            walked, b.span()));
      }
      none = Guards.and(none, new Guard.Not(rule.when()));
    }
    out.add(new Route.Branch(none, new Target.ToStage(s.key()), skipped, s.span()));
  }

  private StageRule stage(Stage s, int index, Map<Target, Route> routes) {
    var extension = s.extension().or(protocol::extension);
    List<String> roles = new ArrayList<>();
    List<Step.EscalateTo> addressed = new ArrayList<>();
    for (Step step : s.steps()) {
      if (step instanceof Step.EscalateTo to) {
        addressed.add(to);
        to.roles().stream().filter(r -> !roles.contains(r)).forEach(roles::add);
      }
    }
    Optional<Citation> stageCitation = s.citations().stream().findFirst();
    boolean jointly = addressed.stream().anyMatch(Step.EscalateTo::jointly);
    // `judged by` names who answers in place of those the stage is escalated to
    // `to A, or B when unavailable`: B stands in for A once the host says A is unavailable
    List<Respondents.Substitute> substitutes = addressed.stream()
        .filter(to -> to.substitute().isPresent() && to.roles().size() == 1)
        .map(to -> new Respondents.Substitute(to.roles().get(0), to.substitute().get(),
            to.span(), to.citation().or(() -> stageCitation))).toList();
    Respondents respondents = s.judges().map(j -> new Respondents(j.roles(), j.jointly(),
            j.span(), j.citation().or(() -> stageCitation), substitutes))
        .orElseGet(() -> addressed.isEmpty() ? new Respondents(roles, s.span(), stageCitation)
            : new Respondents(roles, jointly, addressed.get(0).span(),
                addressed.get(0).citation().or(() -> stageCitation), substitutes));
    List<Timescales.Conditional> conditional = new ArrayList<>();
    List<Timescale> otherwise = new ArrayList<>();
    for (Timescale t : s.timescales()) {
      if (t.when().isPresent()) {
        conditional.add(new Timescales.Conditional(guard(t.when().get()), t));
      } else {
        otherwise.add(t);
      }
    }
    return new StageRule(s.key(), index, s.title(), guard(s.onlyIf()),
        requirements(s.preconditions()), exit(s, Transitions.Response.RESOLVED, routes),
        exit(s, Transitions.Response.UNSATISFACTORY, routes),
        exit(s, Transitions.Response.NO_RESPONSE, routes),
        new Timescales(conditional, otherwise), duties(s.steps()), respondents,
        extension, extension.map(this::extensionRequirements).orElse(List.of()),
        s.citations(), s.span());
  }

  /**
   * Where a stage goes on one kind of response: the routes the case chooses ({@code when ... if}),
   * each guarded by its condition and by none of the earlier ones holding, then the route taken
   * when none holds. Each route keeps its own skips unrolled, so the branches are the routes'
   * branches in that order. Without choices it is the shared route to the target.
   */
  private Route exit(Stage s, Transitions.Response response, Map<Target, Route> routes) {
    Target otherwise = s.transitions().otherwise(response);
    List<Transitions.Choice> choices = s.transitions().choices(response);
    if (choices.isEmpty()) {
      return routes.get(otherwise);
    }
    List<Route.Branch> branches = new ArrayList<>();
    Guard none = Guard.ALWAYS;
    for (Transitions.Choice c : choices) {
      Guard chosen = Guards.and(none, guard(c.when()));
      for (Route.Branch b : routes.get(c.to()).branches()) {
        branches.add(new Route.Branch(Guards.and(chosen, b.when()), b.to(), b.skipped(),
            b.span()));
      }
      none = Guards.and(none, new Guard.Not(guard(c.when())));
    }
    for (Route.Branch b : routes.get(otherwise).branches()) {
      branches.add(new Route.Branch(Guards.and(none, b.when()), b.to(), b.skipped(), b.span()));
    }
    return new Route(otherwise, branches);
  }

  /**
   * Unrolls the skips of a move to the target: a stage whose {@code only if} does not hold is
   * walked past to where no response would take it. A chain that comes back to a stage already
   * walked past enters that stage: every stage on the loop was skipped, and going round again
   * would change nothing.
   */
  private Route route(Target target) {
    List<Route.Branch> branches = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    Guard passed = Guard.ALWAYS;
    Target next = target;
    while (true) {
      if (!(next instanceof Target.ToStage to)) {
        Outcome o = protocol.outcome(((Target.ToOutcome) next).name()).orElseThrow();
        branches.add(new Route.Branch(passed, next, skipped, o.span()));
        break;
      }
      Stage s = protocol.stage(to.key()).orElseThrow();
      if (s.onlyIf().isEmpty() || skipped.contains(s.key())) {
        arriveAt(s, passed, skipped, branches);
        break;
      }
      Guard applies = guard(s.onlyIf().get());
      arriveAt(s, Guards.and(passed, applies), skipped, branches);
      passed = Guards.and(passed, new Guard.Not(applies));
      skipped = new ArrayList<>(skipped);
      skipped.add(s.key());
      next = s.transitions().onNoResponse();
    }
    return new Route(target, branches);
  }

  private List<Duty> duties(List<Step> steps) {
    return steps.stream().map(step -> duties.computeIfAbsent(step,
        x -> new Duty(guard(x.when()), x, uses.getOrDefault(x, 0) > 1))).toList();
  }

  private TriggerRule trigger(Trigger t) {
    return new TriggerRule(t.name(), history(t.rule()), t.raiseAt(),
        t.raisedBy().orElse(protocol.header().raisedBy()), t.citations(), t.span());
  }

  private List<Requirement> requirements(List<Precondition> preconditions) {
    return preconditions.stream().map(p -> new Requirement(requirement(p), p.span())).toList();
  }

  /** An extension's requirements, each with the requesters it is asked of. */
  private List<Requirement> extensionRequirements(ExtensionRule rule) {
    List<Requirement> out = new ArrayList<>();
    for (int i = 0; i < rule.preconditions().size(); i++) {
      Precondition p = rule.preconditions().get(i);
      out.add(new Requirement(requirement(p), p.span(), rule.askedOf().get(i)));
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------
  // The model's conditions as guards: one case per kind, MachineKindsTest lists every kind

  static Guard guard(Optional<Condition> condition) {
    return condition.map(ModelBuilder::guard).orElse(Guard.ALWAYS);
  }

  static Guard guard(Condition c) {
    return ConditionCases.on(c, AS_GUARD);
  }

  private static final ConditionCases<Guard> AS_GUARD = new ConditionCases<>() {
    @Override
    public Guard holds(Condition.Holds h) {
      return new Guard.Attribute(h.attribute(), "yes");
    }

    @Override
    public Guard is(Condition.Is i) {
      return new Guard.Attribute(i.attribute(), i.value());
    }

    @Override
    public Guard not(Condition.Not n) {
      return new Guard.Not(guard(n.operand()));
    }

    @Override
    public Guard and(Condition.And a) {
      return new Guard.And(guard(a.left()), guard(a.right()));
    }

    @Override
    public Guard or(Condition.Or o) {
      return new Guard.Or(guard(o.left()), guard(o.right()));
    }
  };

  static Guard requirement(Precondition p) {
    return PreconditionCases.on(p, new PreconditionCases<>() {
      @Override
      public Guard completed(Precondition.Completed c) {
        Guard all = Guard.ALWAYS;
        for (String stage : c.stages()) {
          all = Guards.and(all, new Guard.Completed(stage));
        }
        return all;
      }

      @Override
      public Guard agreement(Precondition.Agreement a) {
        return new Guard.Agreed(a.role());
      }

      @Override
      public Guard advice(Precondition.Advice a) {
        return new Guard.Advised(a.role());
      }

      @Override
      public Guard done(Precondition.Done d) {
        // the checker has made sure the step names its one role (E0364)
        return new Guard.Done(StepClocks.id(d.step()), StepClocks.by(d.step()).orElseThrow());
      }

      @Override
      public Guard holds(Precondition.Holds h) {
        return guard(h.condition());
      }
    });
  }

  static Guard history(HistoryRule rule) {
    return HistoryRuleCases.on(rule, HISTORY_AS_GUARD);
  }

  private static final HistoryRuleCases<Guard> HISTORY_AS_GUARD = new HistoryRuleCases<>() {
    @Override
    public Guard graded(HistoryRule.Graded g) {
      return new Guard.Graded(g.scale(), g.grade(), g.times(), g.sameSection());
    }

    @Override
    public Guard count(HistoryRule.Count c) {
      return new Guard.Occurred(c.event(), c.atLeast());
    }

    @Override
    public Guard since(HistoryRule.Since s) {
      return new Guard.Elapsed(s.duration(), s.event());
    }

    @Override
    public Guard holds(HistoryRule.Holds h) {
      return new Guard.Attribute(h.attribute(), "yes");
    }

    @Override
    public Guard and(HistoryRule.And a) {
      return new Guard.And(history(a.left()), history(a.right()));
    }

    @Override
    public Guard or(HistoryRule.Or o) {
      return new Guard.Or(history(o.left()), history(o.right()));
    }
  };
}
