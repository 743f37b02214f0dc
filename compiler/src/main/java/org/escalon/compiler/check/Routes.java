package org.escalon.compiler.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.escalon.compiler.ast.Decl.StageDecl;
import org.escalon.compiler.ast.ConditionExpr;
import org.escalon.compiler.ast.StageStmt;
import org.escalon.model.Target;

/**
 * Where each stage goes on each kind of response, defaults applied: a resolving response ends in
 * {@code resolved}; no response and an unsatisfactory response go to the next stage of the ladder,
 * unless a {@code when} line says otherwise. The last stage has no default.
 */
public final class Routes {

  /**
   * The three ways out of a stage; empty where the protocol gives none.
   *
   * @param choices the routes the case chooses ({@code when ... if}), in the order written; the
   *     three ways out are taken when none of them applies
   */
  public record Route(
      Optional<Target> onResolved, Optional<Target> onUnsatisfactory, Optional<Target> onNoResponse,
      List<Choice> choices) {

    public Route {
      choices = List.copyOf(choices);
    }

    /** Every place the stage can go to on a response that does not resolve it. */
    public List<Target> unresolvedTargets() {
      List<Target> all = new ArrayList<>();
      onUnsatisfactory.ifPresent(all::add);
      onNoResponse.ifPresent(all::add);
      choices.stream().filter(c -> c.response() != StageStmt.ResponseKind.RESOLVED)
          .forEach(c -> all.add(c.target()));
      return all;
    }
  }

  /** {@code when RESPONSE go to TARGET if CONDITION}: a route the case chooses. */
  public record Choice(StageStmt.ResponseKind response, ConditionExpr condition, Target target,
      StageStmt.When written) {}

  private Routes() {}

  /** The routes of every stage, in ladder order. */
  public static Map<String, Route> of(SymbolTable symbols) {
    Map<String, Route> routes = new LinkedHashMap<>();
    for (StageDecl stage : symbols.stages().values()) {
      routes.put(stage.key().text(), route(stage, symbols));
    }
    return routes;
  }

  private static Route route(StageDecl stage, SymbolTable symbols) {
    Optional<Target> resolved = Optional.of(new Target.ToOutcome(Target.RESOLVED));
    Optional<Target> next = symbols.nextStage(stage.key().text()).map(Target.ToStage::new);
    Optional<Target> unsatisfactory = next;
    Optional<Target> noResponse = next;
    List<Choice> choices = new ArrayList<>();
    for (StageStmt statement : stage.body()) {
      if (statement instanceof StageStmt.When w && w.condition().isPresent()) {
        choices.add(new Choice(w.response(), w.condition().get(), target(w.target()), w));
      }
      if (statement instanceof StageStmt.When w && w.unconditional()) {
        Optional<Target> to = Optional.of(target(w.otherwise().orElse(w.target())));
        switch (w.response()) {
          case RESOLVED -> resolved = to;
          case UNSATISFACTORY -> unsatisfactory = to;
          case NO_RESPONSE -> noResponse = to;
          case NOT_RESOLVED -> {
            unsatisfactory = to;
            noResponse = to;
          }
        }
      }
    }
    return new Route(resolved, unsatisfactory, noResponse, choices);
  }

  public static Target target(StageStmt.Target target) {
    if (target instanceof StageStmt.Target.ToStage s) {
      return new Target.ToStage(s.key().text());
    } else if (target instanceof StageStmt.Target.ToOutcome o) {
      return new Target.ToOutcome(o.outcome().text());
    }
    return new Target.ToOutcome(Target.RESOLVED);
  }
}
