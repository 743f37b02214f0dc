package org.escalon.compiler.diagram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.escalon.model.Right;

/** For any ladder: every level has one box, boxes never overlap, arrows end on their target. */
class LadderLayoutProperties {

  @Property(tries = 300)
  void boxesDoNotOverlapAndStayInTheDrawing(@ForAll("ladders") Ladder ladder) {
    Layout layout = LadderLayout.of(ladder);
    assertEquals(ladder.levels().stream().map(Ladder.Level::id).toList(),
        layout.boxes().stream().map(Layout.Box::id).sorted((a, b) -> Integer.compare(
            ladder.indexOf(a), ladder.indexOf(b))).toList(), "one box per level");
    for (Layout.Box a : layout.boxes()) {
      assertTrue(a.x() >= 0 && a.y() >= 0 && a.right() <= layout.width()
          && a.bottom() <= layout.height(), a + " inside " + layout.width() + "x"
          + layout.height());
      for (Layout.Box b : layout.boxes()) {
        boolean apart = a == b || a.right() <= b.x() || b.right() <= a.x()
            || a.bottom() <= b.y() || b.bottom() <= a.y();
        assertTrue(apart, a.id() + " overlaps " + b.id());
      }
    }
    for (Layout.Caption c : layout.captions()) {
      assertTrue(c.x() >= 0 && c.y() >= 0 && c.y() + c.lines().size() * LadderLayout.LINE
          <= layout.height(), "caption inside: " + c);
    }
  }

  @Property(tries = 300)
  void everyArrowheadTouchesABoxAndNoArrowCrossesABox(@ForAll("ladders") Ladder ladder) {
    Layout layout = LadderLayout.of(ladder);
    for (Layout.Arrow arrow : layout.arrows()) {
      Layout.Point end = arrow.points().get(arrow.points().size() - 1);
      if (arrow.head()) {
        assertTrue(layout.boxes().stream().anyMatch(b -> onEdge(b, end)),
            "arrowhead " + end + " on a box's edge");
      }
      for (int i = 0; i + 1 < arrow.points().size(); i++) {
        Layout.Point p = arrow.points().get(i);
        Layout.Point q = arrow.points().get(i + 1);
        assertTrue(p.x() == q.x() || p.y() == q.y(), "segments are straight: " + arrow);
        for (Layout.Box b : layout.boxes()) {
          assertFalse(through(b, p, q), arrow + " runs through " + b.id());
        }
      }
    }
  }

  private static boolean onEdge(Layout.Box b, Layout.Point p) {
    boolean withinX = p.x() >= b.x() && p.x() <= b.right();
    boolean withinY = p.y() >= b.y() && p.y() <= b.bottom();
    return (withinY && (p.x() == b.x() || p.x() == b.right()))
        || (withinX && (p.y() == b.y() || p.y() == b.bottom()));
  }

  /** Whether a straight segment passes through the inside of a box. */
  private static boolean through(Layout.Box b, Layout.Point p, Layout.Point q) {
    int x1 = Math.min(p.x(), q.x());
    int x2 = Math.max(p.x(), q.x());
    int y1 = Math.min(p.y(), q.y());
    int y2 = Math.max(p.y(), q.y());
    return x1 < b.right() && x2 > b.x() && y1 < b.bottom() && y2 > b.y()
        && !(x1 == x2 && (x1 <= b.x() || x1 >= b.right()))
        && !(y1 == y2 && (y1 <= b.y() || y1 >= b.bottom()));
  }

  @Provide
  Arbitrary<Ladder> ladders() {
    Arbitrary<String> words = Arbitraries.of("stage", "the", "Team Manager", "resolved",
        "within", "5 working days", "Director of Children's Services", "agreement", "of",
        "QA Assistant Director", "Cafcass").list().ofMinSize(1).ofMaxSize(12)
        .map(l -> String.join(" ", l));
    return Combinators.combine(Arbitraries.integers().between(1, 8),
        Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 3),
        Arbitraries.longs(), words.list().ofSize(40)).as(LadderLayoutProperties::ladder);
  }

  /** A ladder of n stages and m outcomes, resolved last, with moves and rights drawn at random. */
  private static Ladder ladder(int stages, int outcomes, int rights, long seed,
      List<String> words) {
    java.util.Random random = new java.util.Random(seed);
    List<Ladder.Level> levels = new ArrayList<>();
    for (int i = 0; i < stages; i++) {
      levels.add(new Ladder.Level("stage_" + i, Ladder.Kind.STAGE, "" + i,
          words.get(random.nextInt(words.size())),
          List.of("to " + words.get(random.nextInt(words.size())), "respond within 5 days")));
    }
    for (int i = 0; i < outcomes; i++) {
      levels.add(new Ladder.Level("outcome_" + i, Ladder.Kind.OUTCOME, "o" + i,
          words.get(random.nextInt(words.size())), List.of()));
    }
    levels.add(new Ladder.Level("outcome_resolved", Ladder.Kind.RESOLVED, "resolved",
        words.get(random.nextInt(words.size())), List.of()));
    List<Ladder.Move> moves = new ArrayList<>();
    for (int i = 0; i < stages; i++) {
      int count = 1 + random.nextInt(3);
      List<String> targets = new ArrayList<>();
      for (int k = 0; k < count; k++) {
        String to = levels.get(random.nextInt(levels.size())).id();
        if (!targets.contains(to)) {
          targets.add(to);
          moves.add(new Ladder.Move("stage_" + i, to, words.get(random.nextInt(words.size())),
              random.nextBoolean() ? List.of() : List.of(words.get(random.nextInt(words.size()))),
              to.equals("outcome_resolved")));
        }
      }
    }
    List<Ladder.Side> sides = new ArrayList<>();
    for (int r = 0; r < rights; r++) {
      String id = "right_" + (r + 1);
      List<Ladder.Move> arrows = new ArrayList<>();
      for (Ladder.Level level : levels) {
        if (level.kind() != Ladder.Kind.RESOLVED && random.nextInt(3) == 0) {
          arrows.add(new Ladder.Move(id, level.id(), "", List.of(), false));
        }
      }
      sides.add(new Ladder.Side(id, Right.Kind.BYPASS, words.get(random.nextInt(words.size())),
          arrows));
    }
    return new Ladder("A ladder", levels, moves, sides);
  }
}
