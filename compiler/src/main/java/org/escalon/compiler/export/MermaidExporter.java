package org.escalon.compiler.export;

import java.util.ArrayList;
import java.util.List;
import org.escalon.compiler.diagram.Ladder;
import org.escalon.compiler.diagram.LadderBuilder;
import org.escalon.compiler.diagram.Lines;
import org.escalon.model.Protocol;
import org.escalon.simulate.Escapes;

/**
 * The ladder as a Mermaid flowchart, top to bottom: stages as boxes, outcomes as rounded boxes,
 * rights as side boxes with dotted arrows, every label wrapped so that it reads in a Markdown page.
 */
public final class MermaidExporter {

  private static final int WIDTH = 44;

  /** The Mermaid text of a protocol's ladder. */
  public String export(Protocol protocol) {
    Ladder ladder = LadderBuilder.build(protocol);
    StringBuilder out = new StringBuilder();
    out.append("%% ").append(ladder.title().replace('\n', ' ')).append('\n');
    out.append("flowchart TD\n");
    List<String> outcomes = new ArrayList<>();
    for (Ladder.Level level : ladder.levels()) {
      String text = label(level.heading(), level.details());
      if (level.kind() == Ladder.Kind.STAGE) {
        out.append("  ").append(level.id()).append("[\"").append(text).append("\"]\n");
      } else {
        outcomes.add(level.id());
        out.append("  ").append(level.id()).append("([\"").append(text).append("\"])\n");
      }
    }
    for (Ladder.Side side : ladder.sides()) {
      out.append("  ").append(side.id()).append("{{\"").append(text(side.label())).append("\"}}\n");
    }
    for (Ladder.Move move : ladder.moves()) {
      out.append("  ").append(move.from()).append(" -->").append(edgeLabel(move)).append(' ')
          .append(move.to()).append('\n');
    }
    for (Ladder.Side side : ladder.sides()) {
      for (Ladder.Move arrow : side.arrows()) {
        out.append("  ").append(arrow.from()).append(" -.->").append(edgeLabel(arrow)).append(' ')
            .append(arrow.to()).append('\n');
      }
    }
    out.append("  classDef outcome fill:#e8f5e9,stroke:#2e7d32\n");
    out.append("  classDef right fill:#fff8e1,stroke:#b26a00\n");
    if (!outcomes.isEmpty()) {
      out.append("  class ").append(String.join(",", outcomes)).append(" outcome\n");
    }
    if (!ladder.sides().isEmpty()) {
      out.append("  class ")
          .append(String.join(",", ladder.sides().stream().map(Ladder.Side::id).toList()))
          .append(" right\n");
    }
    return out.toString();
  }

  private static String label(String heading, List<String> details) {
    StringBuilder text = new StringBuilder("<b>").append(text(heading)).append("</b>");
    for (String line : Lines.wrapAll(details, WIDTH)) {
      text.append("<br/>").append(escape(line));
    }
    return text.toString();
  }

  private static String edgeLabel(Ladder.Move move) {
    List<String> parts = move.caption();
    if (parts.isEmpty()) {
      return "";
    }
    return "|\"" + String.join("<br/>", Lines.wrapAll(parts, WIDTH).stream()
        .map(MermaidExporter::escape).toList()) + "\"|";
  }

  private static String text(String s) {
    return String.join("<br/>", Lines.wrap(s, WIDTH).stream().map(MermaidExporter::escape)
        .toList());
  }

  /** Mermaid's entity codes for the characters that would end a label or open a tag. */
  private static String escape(String s) {
    return Escapes.visible(s).replace("#", "#35;").replace("\"", "#quot;").replace("<", "#lt;")
        .replace(">", "#gt;");
  }
}
