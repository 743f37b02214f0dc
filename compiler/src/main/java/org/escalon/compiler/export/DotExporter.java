package org.escalon.compiler.export;

import java.util.ArrayList;
import java.util.List;
import org.escalon.compiler.diagram.Ladder;
import org.escalon.compiler.diagram.LadderBuilder;
import org.escalon.compiler.diagram.Lines;
import org.escalon.model.Protocol;
import org.escalon.simulate.Escapes;

/**
 * The ladder in Graphviz DOT, top to bottom. Rights are notes beside the ladder whose dashed
 * arrows do not constrain the ranks, so the stages stay in one column as the policy draws them.
 */
public final class DotExporter {

  private static final int WIDTH = 40;

  /** The DOT text of a protocol's ladder. */
  public String export(Protocol protocol) {
    Ladder ladder = LadderBuilder.build(protocol);
    StringBuilder out = new StringBuilder();
    out.append("digraph ladder {\n");
    out.append("  graph [rankdir=TB, labelloc=t, fontname=\"Helvetica\", fontsize=14, label=")
        .append(quote(ladder.title())).append("];\n");
    out.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#e8eef7\", "
        + "color=\"#2b4a7a\", fontname=\"Helvetica\", fontsize=11];\n");
    out.append("  edge [fontname=\"Helvetica\", fontsize=10, color=\"#333333\"];\n");
    for (Ladder.Level level : ladder.levels()) {
      List<String> lines = new ArrayList<>(Lines.wrap(level.heading(), WIDTH));
      lines.addAll(Lines.wrapAll(level.details(), WIDTH));
      out.append("  ").append(level.id()).append(" [label=").append(quote(lines));
      if (level.kind() != Ladder.Kind.STAGE) {
        out.append(", shape=box, style=\"rounded,filled,bold\", fillcolor=\"#e8f5e9\", "
            + "color=\"#2e7d32\"");
      }
      out.append("];\n");
    }
    for (Ladder.Side side : ladder.sides()) {
      out.append("  ").append(side.id()).append(" [label=")
          .append(quote(Lines.wrap(side.label(), WIDTH)))
          .append(", shape=note, style=filled, fillcolor=\"#fff8e1\", color=\"#b26a00\"];\n");
    }
    for (Ladder.Move move : ladder.moves()) {
      out.append("  ").append(move.from()).append(" -> ").append(move.to());
      List<String> attributes = new ArrayList<>();
      label(move).ifPresent(attributes::add);
      if (move.resolving()) {
        attributes.add("color=\"#2e7d32\", fontcolor=\"#2e7d32\"");
      }
      out.append(attributes.isEmpty() ? "" : " [" + String.join(", ", attributes) + "]")
          .append(";\n");
    }
    for (Ladder.Side side : ladder.sides()) {
      for (Ladder.Move arrow : side.arrows()) {
        List<String> attributes = new ArrayList<>();
        label(arrow).ifPresent(attributes::add);
        attributes.add("style=dashed, color=\"#b26a00\", constraint=false");
        out.append("  ").append(arrow.from()).append(" -> ").append(arrow.to()).append(" [")
            .append(String.join(", ", attributes)).append("];\n");
      }
    }
    out.append("}\n");
    return out.toString();
  }

  private static java.util.Optional<String> label(Ladder.Move move) {
    List<String> parts = move.caption();
    return parts.isEmpty() ? java.util.Optional.empty()
        : java.util.Optional.of("label=" + quote(Lines.wrapAll(parts, WIDTH)));
  }

  private static String quote(String s) {
    return quote(List.of(s));
  }

  /** A DOT string of centred lines. */
  private static String quote(List<String> lines) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        out.append("\\n");
      }
      out.append(Escapes.visible(lines.get(i)).replace("\\", "\\\\").replace("\"", "\\\""));
    }
    return out.append('"').toString();
  }
}
