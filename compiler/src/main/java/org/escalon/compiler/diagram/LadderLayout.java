package org.escalon.compiler.diagram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lays a ladder out as the policies draw it: the levels in one column top to bottom with the
 * arrows between neighbours down the middle, captions beside them; the rights on rails to the
 * left with an arrow into each level they reach; other moves (loops, skips) on lanes to the right;
 * and {@code resolved} as a tall box on the far right that every stage can step across to.
 *
 * <p>There are no font metrics here, so text is measured by an average character width: captions
 * are wrapped short enough that the estimate errs on the side of space.
 */
public final class LadderLayout {

  static final int MARGIN = 20;
  static final int LINE = 15;
  static final int HEAD_LINE = 17;
  static final int TITLE_LINE = 20;
  private static final int BOX_WIDTH = 300;
  private static final int PAD = 10;
  private static final int RAIL = 16;
  private static final int LANE = 16;
  private static final int MIN_GAP = 36;
  private static final int RESOLVED_WIDTH = 190;

  private final Ladder ladder;
  private final List<Layout.Box> boxes = new ArrayList<>();
  private final List<Layout.Arrow> arrows = new ArrayList<>();
  private final List<Layout.Caption> captions = new ArrayList<>();
  private final Map<String, Layout.Box> byId = new LinkedHashMap<>();
  private int right;

  private LadderLayout(Ladder ladder) {
    this.ladder = ladder;
  }

  /** The layout of a ladder. */
  public static Layout of(Ladder ladder) {
    return new LadderLayout(ladder).layout();
  }

  /** The width in pixels a line of text is taken to need. */
  static int width(String text, boolean bold) {
    return (int) Math.ceil(text.length() * (bold ? 7.6 : 6.7));
  }

  private Layout layout() {
    List<String> title = Lines.wrap(ladder.title(), 80);
    captions.add(new Layout.Caption(MARGIN, MARGIN, title, Layout.Style.NEXT, false, true));
    int y = MARGIN + title.size() * TITLE_LINE + 12;
    List<Ladder.Side> sides = ladder.sides();
    List<Integer> railTops = new ArrayList<>();
    for (int i = 0; i < sides.size(); i++) {
      List<String> lines = sideLines(sides.get(i));
      captions.add(new Layout.Caption(rail(i) + 8, y, lines, Layout.Style.SIDE, false, false));
      railTops.add(y + LINE / 2);
      y += lines.size() * LINE + 6;
    }
    int x = MARGIN + sides.size() * RAIL + (sides.isEmpty() ? 0 : 30);
    List<Ladder.Level> column = ladder.levels().stream()
        .filter(l -> l.kind() != Ladder.Kind.RESOLVED).toList();
    List<Ladder.Move> between = new ArrayList<>();
    List<Ladder.Move> lanes = new ArrayList<>();
    Optional<Ladder.Level> resolved = ladder.levels().stream()
        .filter(l -> l.kind() == Ladder.Kind.RESOLVED).findFirst();
    List<Ladder.Move> toResolved = new ArrayList<>();
    for (Ladder.Move move : ladder.moves()) {
      if (resolved.isPresent() && move.to().equals(resolved.get().id())) {
        toResolved.add(move);
      } else if (ladder.indexOf(move.to()) == ladder.indexOf(move.from()) + 1) {
        between.add(move);
      } else {
        lanes.add(move);
      }
    }
    y += 16;
    for (int i = 0; i < column.size(); i++) {
      Layout.Box box = box(column.get(i), x, y, BOX_WIDTH);
      if (i + 1 < column.size()) {
        Optional<Ladder.Move> down = find(between, box.id(), column.get(i + 1).id());
        List<String> lines = down.map(m -> Lines.wrapAll(m.caption(), 22)).orElse(List.of());
        y = box.bottom() + Math.max(MIN_GAP, lines.size() * LINE + 18);
      }
    }
    for (Ladder.Move move : between) {
      Layout.Box from = byId.get(move.from());
      Layout.Box to = byId.get(move.to());
      int mid = from.x() + from.width() / 2;
      arrows.add(new Layout.Arrow(Layout.Style.NEXT,
          List.of(new Layout.Point(mid, from.bottom()), new Layout.Point(mid, to.y())), true, false));
      caption(mid + 8, from.bottom() + 8, Lines.wrapAll(move.caption(), 22), Layout.Style.NEXT,
          false);
    }
    right = x + BOX_WIDTH;
    drawLanes(lanes, x + BOX_WIDTH);
    // a resolved caption is one line above its arrow, so the gap is as wide as the longest
    int resolvedCaption = toResolved.stream().mapToInt(m -> width(String.join("; ", m.caption()), false))
        .max().orElse(0);
    int resolvedX = x + BOX_WIDTH + Math.max(Math.max(90, resolvedCaption + 30),
        lanes.isEmpty() ? 0 : 24 + lanes.size() * LANE + 170);
    resolved.ifPresent(level -> drawResolved(level, toResolved, x + BOX_WIDTH, resolvedX));
    for (int i = 0; i < sides.size(); i++) {
      drawSide(i, sides.get(i), railTops.get(i));
    }
    int bottom = boxes.stream().mapToInt(Layout.Box::bottom).max().orElse(y);
    for (Layout.Caption c : captions) {
      bottom = Math.max(bottom, c.y() + c.lines().size() * LINE);
      int widest = c.lines().stream().mapToInt(l -> width(l, c.bold())).max().orElse(0);
      right = Math.max(right, c.x() + widest);
    }
    return new Layout(right + MARGIN, bottom + MARGIN, title, boxes, arrows,
        captions.subList(1, captions.size()));
  }

  private static int rail(int i) {
    return MARGIN + 4 + i * RAIL;
  }

  private List<String> sideLines(Ladder.Side side) {
    List<String> lines = new ArrayList<>(Lines.wrap(side.label(), 64));
    for (Ladder.Move arrow : side.arrows()) {
      if (!arrow.requires().isEmpty()) {
        String target = ladder.level(arrow.to()).map(Ladder.Level::key).orElse(arrow.to());
        lines.addAll(Lines.wrap("(" + target + ": " + arrow.requirement() + ")", 64));
      }
    }
    return lines;
  }

  private Layout.Box box(Ladder.Level level, int x, int y, int width) {
    List<String> heading = Lines.wrap(level.heading(), 36);
    List<String> details = Lines.wrapAll(level.details(), 42);
    int height = PAD * 2 + heading.size() * HEAD_LINE + details.size() * LINE;
    Layout.Box box = new Layout.Box(level.id(), level.kind(), x, y, width, height, heading,
        details);
    boxes.add(box);
    byId.put(box.id(), box);
    return box;
  }

  private static Optional<Ladder.Move> find(List<Ladder.Move> moves, String from, String to) {
    return moves.stream().filter(m -> m.from().equals(from) && m.to().equals(to)).findFirst();
  }

  /** Loops and skips: out of the right side of a box, along a lane, into the target's side. */
  private void drawLanes(List<Ladder.Move> lanes, int edge) {
    for (int j = 0; j < lanes.size(); j++) {
      Ladder.Move move = lanes.get(j);
      Layout.Box from = byId.get(move.from());
      Layout.Box to = byId.get(move.to());
      if (from == null || to == null) {
        continue;
      }
      int lane = edge + 24 + j * LANE;
      List<Layout.Point> points;
      int out;
      int in;
      if (to == from) {
        // a loop round the lower right corner, clear of the resolved arrow at the middle
        int corner = from.right() - 30;
        out = from.bottom() + 14;
        in = from.bottom() - 10;
        points = List.of(new Layout.Point(corner, from.bottom()), new Layout.Point(corner, out),
            new Layout.Point(lane, out), new Layout.Point(lane, in), new Layout.Point(edge, in));
      } else {
        boolean down = to.y() > from.y();
        out = down ? from.bottom() - 10 : from.y() + 10;
        in = down ? to.y() + 10 : to.bottom() - 10;
        points = List.of(new Layout.Point(edge, out), new Layout.Point(lane, out),
            new Layout.Point(lane, in), new Layout.Point(edge, in));
      }
      arrows.add(new Layout.Arrow(Layout.Style.NEXT, points, true, false));
      List<String> lines = Lines.wrapAll(move.caption(), 22);
      caption(lane + 6, (out + in) / 2 - lines.size() * LINE / 2, lines, Layout.Style.NEXT, true);
    }
  }

  /** The resolved box spans the stages that step across to it. */
  private void drawResolved(Ladder.Level level, List<Ladder.Move> moves, int edge, int x) {
    List<Layout.Box> sources = moves.stream().map(m -> byId.get(m.from()))
        .filter(b -> b != null).toList();
    int top = sources.stream().mapToInt(Layout.Box::y).min()
        .orElse(boxes.isEmpty() ? MARGIN : boxes.get(0).y());
    int bottom = sources.stream().mapToInt(Layout.Box::bottom).max().orElse(top);
    List<String> heading = Lines.wrap(level.heading(), 22);
    List<String> details = Lines.wrapAll(level.details(), 26);
    int needed = PAD * 2 + heading.size() * HEAD_LINE + details.size() * LINE;
    Layout.Box box = new Layout.Box(level.id(), level.kind(), x, top, RESOLVED_WIDTH,
        Math.max(bottom - top, needed), heading, details);
    boxes.add(box);
    byId.put(box.id(), box);
    for (Ladder.Move move : moves) {
      Layout.Box from = byId.get(move.from());
      if (from == null) {
        continue;
      }
      int y = from.middle();
      arrows.add(new Layout.Arrow(Layout.Style.RESOLVED,
          List.of(new Layout.Point(edge, y), new Layout.Point(x, y)), true, false));
      caption(edge + 8, y - 3 - LINE, List.of(String.join("; ", move.caption())),
          Layout.Style.RESOLVED, true);
    }
    right = Math.max(right, x + RESOLVED_WIDTH);
  }

  /** A rail down the left, from its label to the lowest level it reaches, and an arrow into each. */
  private void drawSide(int i, Ladder.Side side, int top) {
    int x = rail(i);
    int lowest = top;
    for (Ladder.Move arrow : side.arrows()) {
      Layout.Box to = byId.get(arrow.to());
      if (to == null) {
        continue;
      }
      int y = Math.min(to.y() + 10 + i * 9, to.bottom() - 6);
      lowest = Math.max(lowest, y);
      arrows.add(new Layout.Arrow(Layout.Style.SIDE,
          List.of(new Layout.Point(x, y), new Layout.Point(to.x(), y)), true, true));
    }
    arrows.add(new Layout.Arrow(Layout.Style.SIDE,
        List.of(new Layout.Point(x, top), new Layout.Point(x, lowest)), false, true));
  }

  private void caption(int x, int y, List<String> lines, Layout.Style style, boolean backdrop) {
    if (!lines.isEmpty()) {
      captions.add(new Layout.Caption(x, y, lines, style, backdrop, false));
    }
  }
}
