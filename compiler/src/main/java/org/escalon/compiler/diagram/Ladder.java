package org.escalon.compiler.diagram;

import java.util.List;
import java.util.Optional;
import org.escalon.model.Right;

/**
 * The escalation ladder as a policy draws it in its appendix: the stages top to bottom, then the
 * outcomes, the moves between them (labelled with when they happen and what they require), and
 * the rights drawn beside the ladder as side arrows. What every diagram is drawn from.
 */
public record Ladder(String title, List<Level> levels, List<Move> moves, List<Side> sides) {

  public Ladder {
    levels = List.copyOf(levels);
    moves = List.copyOf(moves);
    sides = List.copyOf(sides);
  }

  /** What a level of the ladder is. */
  public enum Kind {
    STAGE,
    OUTCOME,
    RESOLVED
  }

  /** A stage or an outcome: its heading and the lines under it (who it goes to, its timescale). */
  public record Level(String id, Kind kind, String key, String heading, List<String> details) {
    public Level {
      details = List.copyOf(details);
    }
  }

  /**
   * A move from one level (or a side right) to another, with when it happens and what the target
   * requires first; {@code resolving} when it is the way a resolved concern leaves the ladder.
   */
  public record Move(String from, String to, String label, List<String> requires,
      boolean resolving) {
    public Move {
      requires = List.copyOf(requires);
    }

    /** What the target requires, as one phrase ("requires agreement of X; advice of Y"), or "". */
    public String requirement() {
      return requires.isEmpty() ? "" : "requires " + String.join("; ", requires);
    }

    /** The arrow's caption: when it is taken, then what it requires; either may be absent. */
    public List<String> caption() {
      List<String> parts = new java.util.ArrayList<>();
      if (!label.isEmpty()) {
        parts.add(label);
      }
      if (!requires.isEmpty()) {
        parts.add(requirement());
      }
      return parts;
    }
  }

  /** A right drawn beside the ladder: who may start at, bypass to or refer to which levels. */
  public record Side(String id, Right.Kind kind, String label, List<Move> arrows) {
    public Side {
      arrows = List.copyOf(arrows);
    }
  }

  /** The level with this id. */
  public Optional<Level> level(String id) {
    return levels.stream().filter(l -> l.id().equals(id)).findFirst();
  }

  /** The position of a level top to bottom, or -1. */
  public int indexOf(String id) {
    for (int i = 0; i < levels.size(); i++) {
      if (levels.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }
}
