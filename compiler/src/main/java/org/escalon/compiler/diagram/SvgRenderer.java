package org.escalon.compiler.diagram;

import org.escalon.describe.PlainEnglish;
import java.util.List;
import org.escalon.model.Protocol;

/**
 * Draws a laid-out ladder as standalone SVG: no scripts, no external fonts or images, so it can be
 * opened on its own or set inline in the report. Ids carry an {@code esc-} prefix so that they do
 * not clash with the page around them.
 */
public final class SvgRenderer {

  private static final String FONT = "Helvetica, Arial, sans-serif";

  private final String prefix;
  private final java.util.Map<String, String> marks;

  /** Ids prefixed {@code esc-}, nothing marked. */
  public SvgRenderer() {
    this("esc-", java.util.Map.of());
  }

  /**
   * Ids with another prefix, so that two ladders can share a page, and some levels marked: a
   * level whose id is a key of {@code marks} gets that value as an extra class (the revision
   * page colours levels added, removed or changed this way).
   */
  public SvgRenderer(String prefix, java.util.Map<String, String> marks) {
    this.prefix = prefix;
    this.marks = java.util.Map.copyOf(marks);
  }

  /** The SVG of a protocol's ladder. */
  public String render(Protocol protocol) {
    Ladder ladder = LadderBuilder.build(protocol);
    java.util.Map<String, OutcomeMeaning> meanings = new java.util.HashMap<>();
    for (Ladder.Level level : ladder.levels()) {
      if (level.kind() != Ladder.Kind.STAGE) {
        meanings.put(level.id(), OutcomeMeaning.of(protocol, level.key()));
      }
    }
    return render(LadderLayout.of(ladder), meanings);
  }

  /** The SVG of a layout, its outcomes coloured by their kind alone. */
  public String render(Layout layout) {
    return render(layout, java.util.Map.of());
  }

  private String render(Layout layout, java.util.Map<String, OutcomeMeaning> meanings) {
    StringBuilder out = new StringBuilder();
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"ladder\" width=\"")
        .append(layout.width()).append("\" height=\"").append(layout.height())
        .append("\" viewBox=\"0 0 ").append(layout.width()).append(' ').append(layout.height())
        .append("\" role=\"img\" aria-labelledby=\"").append(prefix)
        .append("ladder-title\">\n");
    out.append("  <title id=\"").append(prefix).append("ladder-title\">")
        .append(Markup.escape("The escalation ladder: " + String.join(" ", layout.title())))
        .append("</title>\n");
    out.append("  <defs>\n");
    marker(out, prefix + "head", "#333333", 8);
    marker(out, prefix + "head-resolved", "#2e7d32", 8);
    marker(out, prefix + "head-side", "#b26a00", 6);
    out.append("  </defs>\n");
    out.append("  <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    int y = LadderLayout.MARGIN;
    for (String line : layout.title()) {
      text(out, LadderLayout.MARGIN, y + 15, line, 16, true, "#1a1a1a", "start");
      y += LadderLayout.TITLE_LINE;
    }
    for (Layout.Box box : layout.boxes()) {
      box(out, box, meanings.getOrDefault(box.id(), box.kind() == Ladder.Kind.RESOLVED
          ? OutcomeMeaning.RESOLVED : OutcomeMeaning.OTHER));
    }
    for (Layout.Arrow arrow : layout.arrows()) {
      arrow(out, arrow);
    }
    for (Layout.Caption caption : layout.captions()) {
      caption(out, caption);
    }
    out.append("</svg>\n");
    return out.toString();
  }

  private static void marker(StringBuilder out, String id, String colour, int size) {
    out.append("    <marker id=\"").append(id).append("\" viewBox=\"0 0 10 10\" refX=\"10\" "
        + "refY=\"5\" markerWidth=\"").append(size).append("\" markerHeight=\"").append(size)
        .append("\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"")
        .append(colour).append("\"/></marker>\n");
  }

  private void box(StringBuilder out, Layout.Box box, OutcomeMeaning meaning) {
    String fill;
    String stroke;
    if (box.kind() == Ladder.Kind.STAGE) {
      fill = "#e8eef7";
      stroke = "#2b4a7a";
    } else {
      fill = meaning.fill();
      stroke = meaning.stroke();
    }
    int radius = box.kind() == Ladder.Kind.STAGE ? 4 : 14;
    String mark = marks.containsKey(box.id()) ? " " + marks.get(box.id()) : "";
    out.append("  <g class=\"level ").append(PlainEnglish.lower(box.kind())).append(mark)
        .append("\" id=\"").append(prefix).append(box.id()).append("\">\n");
    out.append("    <rect x=\"").append(box.x()).append("\" y=\"").append(box.y())
        .append("\" width=\"").append(box.width()).append("\" height=\"").append(box.height())
        .append("\" rx=\"").append(radius).append("\" fill=\"").append(fill)
        .append("\" stroke=\"").append(stroke).append("\" stroke-width=\"1.5\"/>\n");
    int centre = box.x() + box.width() / 2;
    int y = box.y() + 10;
    for (String line : box.heading()) {
      text(out, centre, y + 13, line, 13, true, "#1a1a1a", "middle");
      y += LadderLayout.HEAD_LINE;
    }
    for (String line : box.details()) {
      text(out, centre, y + 12, line, 12, false, "#333333", "middle");
      y += LadderLayout.LINE;
    }
    out.append("  </g>\n");
  }

  private void arrow(StringBuilder out, Layout.Arrow arrow) {
    String colour = colour(arrow.style());
    StringBuilder points = new StringBuilder();
    for (Layout.Point p : arrow.points()) {
      if (points.length() > 0) {
        points.append(' ');
      }
      points.append(p.x()).append(',').append(p.y());
    }
    out.append("  <polyline class=\"move ").append(PlainEnglish.lower(arrow.style()))
        .append("\" points=\"").append(points).append("\" fill=\"none\" stroke=\"")
        .append(colour).append("\" stroke-width=\"1.5\"");
    if (arrow.style() == Layout.Style.SIDE) {
      out.append(" stroke-dasharray=\"5,3\"");
    }
    if (arrow.head()) {
      out.append(" marker-end=\"url(#").append(head(arrow.style())).append(")\"");
    }
    out.append("/>\n");
    if (arrow.dot()) {
      Layout.Point p = arrow.points().get(0);
      out.append("  <circle cx=\"").append(p.x()).append("\" cy=\"").append(p.y())
          .append("\" r=\"3\" fill=\"").append(colour).append("\"/>\n");
    }
  }

  private static void caption(StringBuilder out, Layout.Caption caption) {
    List<String> lines = caption.lines();
    if (caption.backdrop()) {
      int widest = lines.stream().mapToInt(l -> LadderLayout.width(l, false)).max().orElse(0);
      out.append("  <rect x=\"").append(caption.x() - 2).append("\" y=\"").append(caption.y())
          .append("\" width=\"").append(widest + 4).append("\" height=\"")
          .append(lines.size() * LadderLayout.LINE + 2)
          .append("\" fill=\"#ffffff\" fill-opacity=\"0.9\"/>\n");
    }
    int y = caption.y();
    for (String line : lines) {
      text(out, caption.x(), y + 12, line, 12, caption.bold(), colour(caption.style()), "start");
      y += LadderLayout.LINE;
    }
  }

  private static String colour(Layout.Style style) {
    return switch (style) {
      case NEXT -> "#333333";
      case RESOLVED -> "#2e7d32";
      case SIDE -> "#b26a00";
    };
  }

  private String head(Layout.Style style) {
    return switch (style) {
      case NEXT -> prefix + "head";
      case RESOLVED -> prefix + "head-resolved";
      case SIDE -> prefix + "head-side";
    };
  }

  private static void text(StringBuilder out, int x, int y, String text, int size, boolean bold,
      String colour, String anchor) {
    out.append("  <text x=\"").append(x).append("\" y=\"").append(y).append("\" font-family=\"")
        .append(FONT).append("\" font-size=\"").append(size).append('"');
    if (bold) {
      out.append(" font-weight=\"bold\"");
    }
    out.append(" fill=\"").append(colour).append("\" text-anchor=\"").append(anchor).append("\">")
        .append(Markup.escape(text)).append("</text>\n");
  }
}
