package org.escalon.compiler.revision;

import java.util.List;
import java.util.Optional;
import org.escalon.model.Protocol;
import org.escalon.simulate.PopulationReport;
import org.escalon.simulate.TimelineRow;

/** A revision as a terminal summary: the grouped change list, then the consequences. */
public final class RevisionText {

  /** The summary; ends with a newline. */
  public String render(Revision r) {
    StringBuilder out = new StringBuilder();
    Protocol a = r.before();
    Protocol b = r.after();
    out.append(r.beforeFile()).append(" -> ").append(r.afterFile()).append('\n');
    out.append(b.name()).append(": version ")
        .append(a.header().version().orElse("not stated")).append(" -> ")
        .append(b.header().version().orElse("not stated")).append("\n\n");
    if (!r.changed()) {
      out.append("No change: the two versions mean the same.\n");
      return out.toString();
    }
    out.append(r.changes().size()).append(r.changes().size() == 1 ? " change" : " changes")
        .append('\n');
    Change.Group group = null;
    for (Change c : r.changes()) {
      if (c.group() != group) {
        group = c.group();
        out.append('\n').append(group.title()).append('\n');
      }
      out.append("  ").append(mark(c.kind())).append(' ').append(c.text()).append('\n');
    }
    consequences(r, out);
    return out.toString();
  }

  static char mark(Change.Kind kind) {
    return switch (kind) {
      case ADDED -> '+';
      case REMOVED -> '-';
      case CHANGED, RENAMED -> '~';
      case MOVED -> '>';
    };
  }

  private static void consequences(Revision r, StringBuilder out) {
    Consequences c = r.consequences();
    out.append("\nConsequences for a concern raised on ").append(Milestone.DAY.format(c.start()))
        .append(" (the worst case: nobody responds)\n\n");
    int width = Math.max(6, c.sideBySide().stream().mapToInt(p -> cell(p.before(),
        r.before()).length()).max().orElse(0));
    String row = "  %-" + width + "s  %s";
    out.append(String.format(row, "Before", "After")).append('\n');
    for (Consequences.Pair p : c.sideBySide()) {
      out.append(String.format(row, cell(p.before(), r.before()),
          cell(p.after(), r.after())).stripTrailing()).append('\n');
    }
    out.append('\n');
    out.append("  First date that differs: ").append(c.firstDifference()
        .map(Milestone.DAY::format).orElse("none, the two worst cases are the same")).append('\n');
    out.append("  Before, the worst case ").append(Milestone.end(c.before(), r.before()))
        .append(".\n");
    out.append("  After, it ").append(Milestone.end(c.after(), r.after()));
    String shift = Milestone.shift(c.before(), c.after());
    out.append(shift.isEmpty() ? "" : ": " + shift).append(".\n");
    if (!c.outcomes().isEmpty()) {
      out.append("\n  Working days to each outcome, as the sum of the declared timescales on the "
          + "quickest and the slowest path (the verifier, without extensions), before -> after:\n");
      for (Consequences.OutcomeShift o : c.outcomes()) {
        out.append("    ").append(o.title()).append(": at best ")
            .append(Milestone.days(o.bestBefore())).append(" -> ")
            .append(Milestone.days(o.bestAfter())).append(", at worst ")
            .append(Milestone.days(o.worstBefore())).append(" -> ")
            .append(Milestone.days(o.worstAfter())).append('\n');
      }
    }
    if (!c.verdicts().isEmpty()) {
      out.append("\n  Limits and properties, before -> after:\n");
      for (Consequences.VerdictShift v : c.verdicts()) {
        out.append("    ").append(v.kind()).append(" \u201c").append(v.title()).append("\u201d: ")
            .append(verdict(v.holdsBefore())).append(" -> ").append(verdict(v.holdsAfter()))
            .append('\n');
        v.before().ifPresent(s -> out.append("      before: ").append(s).append('\n'));
        v.after().ifPresent(s -> out.append("      after:  ").append(s).append('\n'));
      }
    }
    out.append("\n  Verifier findings that disappear:")
        .append(c.findingsGone().isEmpty() ? " none\n" : "\n");
    c.findingsGone().forEach(f -> out.append("    - ").append(f).append('\n'));
    out.append("  Verifier findings that appear:")
        .append(c.findingsNew().isEmpty() ? " none\n" : "\n");
    c.findingsNew().forEach(f -> out.append("    + ").append(f).append('\n'));
    if (c.populationBefore().isPresent() && c.populationAfter().isPresent()) {
      population(c.populationBefore().get(), c.populationAfter().get(), out);
    }
  }

  static String verdict(Optional<Boolean> holds) {
    return holds.map(h -> h ? "holds" : "fails").orElse("not declared");
  }

  private static String cell(Optional<TimelineRow> row, Protocol protocol) {
    return row.map(x -> String.format("%-15s %3d  %s", Milestone.DAY.format(x.date()),
        x.workingDay(), Milestone.what(x, protocol))).orElse("");
  }

  private static void population(PopulationReport a, PopulationReport b, StringBuilder out) {
    out.append("\n  A population of ").append(a.cases()).append(" cases raised from ")
        .append(a.from()).append(" to ").append(a.to()).append(" (seed ").append(a.seed())
        .append(", behaviour ").append(a.behaviour()).append("), before -> after:\n");
    for (PopulationFigures.Figure f : PopulationFigures.of(a, b)) {
      out.append("    ").append(f.name()).append(": ").append(f.before()).append(" -> ")
          .append(f.after()).append(f.change().isEmpty() ? "" : " (" + f.change() + ")")
          .append('\n');
    }
  }
}
