package org.escalon.compiler.diagram;

import java.util.List;

/**
 * Where everything of a ladder diagram goes, in whole pixels: the boxes of the levels, the arrows
 * as polylines and the captions. Renderers only draw what this says.
 */
public record Layout(int width, int height, List<String> title, List<Box> boxes,
    List<Arrow> arrows, List<Caption> captions) {

  public Layout {
    title = List.copyOf(title);
    boxes = List.copyOf(boxes);
    arrows = List.copyOf(arrows);
    captions = List.copyOf(captions);
  }

  /** How an arrow or caption is drawn: up the ladder, out of it resolved, or from a side right. */
  public enum Style {
    NEXT,
    RESOLVED,
    SIDE
  }

  /** A point of the drawing. */
  public record Point(int x, int y) {}

  /** The box of a level: its top-left corner, size and lines of text. */
  public record Box(String id, Ladder.Kind kind, int x, int y, int width, int height,
      List<String> heading, List<String> details) {
    public Box {
      heading = List.copyOf(heading);
      details = List.copyOf(details);
    }

    public int bottom() {
      return y + height;
    }

    public int right() {
      return x + width;
    }

    public int middle() {
      return y + height / 2;
    }
  }

  /**
   * A line through its points, with an arrowhead at the last one when {@code head}; {@code dot}
   * marks the first (where a side arrow leaves its rail).
   */
  public record Arrow(Style style, List<Point> points, boolean head, boolean dot) {
    public Arrow {
      points = List.copyOf(points);
    }
  }

  /** Lines of text with their top-left corner; {@code backdrop} puts them on white. */
  public record Caption(int x, int y, List<String> lines, Style style, boolean backdrop,
      boolean bold) {
    public Caption {
      lines = List.copyOf(lines);
    }
  }
}
