package org.escalon.compiler.diagram;

import org.escalon.describe.PlainEnglish;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.escalon.model.Outcome;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.Stage;
import org.escalon.model.Target;
import org.escalon.model.Transitions;

/** Reads the ladder out of a protocol: its levels, the moves between them and the side rights. */
public final class LadderBuilder {

  /** The three ways a stage can be left, as the protocol's transitions name them. */
  private enum Way {
    NOT_RESOLVED,
    NO_RESPONSE,
    RESOLVED
  }

  private final Protocol protocol;
  private final PlainEnglish words;

  private LadderBuilder(Protocol protocol) {
    this.protocol = protocol;
    this.words = new PlainEnglish(protocol);
  }

  /** The ladder of a protocol. */
  public static Ladder build(Protocol protocol) {
    return new LadderBuilder(protocol).ladder();
  }

  /** The id a diagram gives the level a target names: {@code stage_2}, {@code outcome_cafcass}. */
  public static String id(Target target) {
    return target instanceof Target.ToStage s ? "stage_" + safe(s.key())
        : "outcome_" + safe(((Target.ToOutcome) target).name());
  }

  private static String safe(String key) {
    return key.replaceAll("[^A-Za-z0-9_]", "_");
  }

  private Ladder ladder() {
    List<Ladder.Move> moves = new ArrayList<>();
    for (Stage stage : protocol.stages()) {
      moves.addAll(movesFrom(stage));
    }
    // a duty to go at once: an arrow from each stage it moves an escalation on from
    for (org.escalon.model.AtOnce a : protocol.atOnce()) {
      if (a.goTo().isEmpty()) {
        continue;
      }
      Target to = a.goTo().get();
      int until = to instanceof Target.ToStage s ? protocol.stages().indexOf(
          protocol.stage(s.key()).orElseThrow()) : protocol.stages().size();
      for (Stage stage : protocol.stages().subList(0, until)) {
        moves.add(new Ladder.Move(id(new Target.ToStage(stage.key())), id(to),
            "at once, if " + words.condition(a.when()), words.requirements(to), false));
      }
    }
    List<Ladder.Side> sides = new ArrayList<>();
    for (Right right : protocol.rights()) {
      String id = "right_" + (sides.size() + 1);
      List<Ladder.Move> arrows = right.targets().stream()
          .map(t -> new Ladder.Move(id, id(t), "", words.requirements(t), false)).toList();
      sides.add(new Ladder.Side(id, right.kind(), words.right(right), arrows));
    }
    List<Ladder.Level> levels = new ArrayList<>();
    for (Stage stage : protocol.stages()) {
      List<String> details = new ArrayList<>();
      // the phase a stage belongs to heads its details, so every diagram format shows it
      protocol.phaseOf(stage.key()).ifPresent(p -> details.add("phase: " + p.title()));
      details.addAll(words.recipients(stage.steps()));
      String timescales = words.timescales(stage);
      details.add(timescales.isEmpty() ? "no timescale" : "respond " + timescales);
      details.addAll(words.reminders(stage.steps()));
      words.mannerSummary(stage.steps()).ifPresent(details::add);
      levels.add(new Ladder.Level(id(new Target.ToStage(stage.key())), Ladder.Kind.STAGE,
          stage.key(), stage.title(), details));
    }
    Ladder.Level resolved = null;
    for (Outcome outcome : protocol.outcomes()) {
      String id = id(new Target.ToOutcome(outcome.name()));
      Ladder.Level level = new Ladder.Level(id, outcome.name().equals(Target.RESOLVED)
          ? Ladder.Kind.RESOLVED : Ladder.Kind.OUTCOME, outcome.name(), outcome.title(),
          java.util.stream.Stream.concat(words.recipients(outcome.steps()).stream(),
              words.mannerSummary(outcome.steps()).stream()).toList());
      if (level.kind() == Ladder.Kind.RESOLVED) {
        resolved = level;
      } else {
        levels.add(level);
      }
    }
    if (resolved != null && targeted(resolved.id(), moves, sides)) {
      levels.add(resolved);
    }
    return new Ladder(protocol.name(), levels, moves, sides);
  }

  private static boolean targeted(String id, List<Ladder.Move> moves, List<Ladder.Side> sides) {
    return moves.stream().anyMatch(m -> m.to().equals(id))
        || sides.stream().flatMap(s -> s.arrows().stream()).anyMatch(m -> m.to().equals(id));
  }

  /** One move per target, labelled with every way of leaving the stage that leads there. */
  private List<Ladder.Move> movesFrom(Stage stage) {
    Map<Target, Set<Way>> ways = new LinkedHashMap<>();
    ways.computeIfAbsent(stage.transitions().onUnsatisfactory(), t -> EnumSet.noneOf(Way.class))
        .add(Way.NOT_RESOLVED);
    if (!stage.timescales().isEmpty()) {
      ways.computeIfAbsent(stage.transitions().onNoResponse(), t -> EnumSet.noneOf(Way.class))
          .add(Way.NO_RESPONSE);
    }
    ways.computeIfAbsent(stage.transitions().onResolved(), t -> EnumSet.noneOf(Way.class))
        .add(Way.RESOLVED);
    String from = id(new Target.ToStage(stage.key()));
    List<Ladder.Move> moves = new ArrayList<>();
    Map<Target, Map<String, Set<Way>>> chosen = chosen(stage);
    chosen.forEach((target, conditions) -> conditions.forEach((condition, how) -> moves.add(
        new Ladder.Move(from, id(target), label(stage, how) + ", if " + condition,
            words.requirements(target), how.equals(EnumSet.of(Way.RESOLVED))))));
    Set<Way> choosing = EnumSet.noneOf(Way.class);
    chosen.values().forEach(c -> c.values().forEach(choosing::addAll));
    ways.forEach((target, how) -> moves.add(new Ladder.Move(from, id(target),
        (how.stream().anyMatch(choosing::contains) ? "otherwise: " : "") + label(stage, how),
        words.requirements(target), how.equals(EnumSet.of(Way.RESOLVED)))));
    return moves;
  }

  /**
   * The routes the case chooses ({@code when ... if}): per target and condition, the ways of
   * leaving the stage that take it, so `when not resolved ... if` is one arrow as without `if`.
   */
  private Map<Target, Map<String, Set<Way>>> chosen(Stage stage) {
    Map<Target, Map<String, Set<Way>>> chosen = new LinkedHashMap<>();
    for (Transitions.Choice c : stage.transitions().choices()) {
      Way way = switch (c.on()) {
        case RESOLVED -> Way.RESOLVED;
        case UNSATISFACTORY -> Way.NOT_RESOLVED;
        case NO_RESPONSE -> Way.NO_RESPONSE;
      };
      if (way == Way.NO_RESPONSE && stage.timescales().isEmpty()) {
        continue;
      }
      chosen.computeIfAbsent(c.to(), t -> new LinkedHashMap<>())
          .computeIfAbsent(words.condition(c.when()), x -> EnumSet.noneOf(Way.class)).add(way);
    }
    return chosen;
  }

  private String label(Stage stage, Set<Way> how) {
    String within = within(stage);
    boolean resolved = how.contains(Way.RESOLVED);
    boolean notResolved = how.contains(Way.NOT_RESOLVED);
    boolean noResponse = how.contains(Way.NO_RESPONSE);
    if (resolved && notResolved) {
      return "resolved or not";
    }
    if (resolved) {
      return noResponse ? "resolved, or no response " + within : "resolved";
    }
    if (notResolved && noResponse) {
      return stage.defaultTimescale().isPresent() ? "not resolved " + within
          : "not resolved, or no response " + within;
    }
    if (notResolved) {
      return stage.timescales().isEmpty() ? "not resolved" : "unsatisfactory response";
    }
    return "no response " + within;
  }

  /** The stage's timescale as an arrow says it: "within 5 working days". */
  private String within(Stage stage) {
    return stage.defaultTimescale().map(words::due).orElseGet(() -> String.join(" or ",
        stage.timescales().stream().map(words::due).toList()));
  }
}
