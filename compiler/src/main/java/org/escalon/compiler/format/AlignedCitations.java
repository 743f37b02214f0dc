package org.escalon.compiler.format;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.escalon.compiler.ast.Citation;
import org.escalon.compiler.ast.ProtocolFile;
import org.escalon.compiler.syntax.Strings;

/**
 * Keeps the citations that the author aligned in a column where the author put them. Policy
 * officers line up the `source "..."` at the end of neighbouring statements so that the
 * statements read as a column and the policy as another; collapsing them to one space would make
 * `fmt` undo a layout people choose on purpose. A citation counts as aligned when another
 * citation within two lines of it starts at the same column; any other keeps one space.
 */
final class AlignedCitations {

  private static final int NEAR = 2;

  private AlignedCitations() {}

  /** The printed text with each aligned citation moved back to its column. */
  static String apply(String printed, ProtocolFile file) {
    List<Citation> trailing = new ArrayList<>();
    collect(file, trailing, false);
    trailing.removeIf(c -> !c.span().isKnown());
    trailing.sort(Comparator.comparingInt((Citation c) -> c.span().line())
        .thenComparingInt(c -> c.span().column()));
    Set<Citation> aligned = new HashSet<>();
    for (Citation c : trailing) {
      for (Citation other : trailing) {
        if (other != c && other.span().column() == c.span().column()
            && Math.abs(other.span().line() - c.span().line()) <= NEAR) {
          aligned.add(c);
        }
      }
    }
    Map<String, Deque<Citation>> byText = new HashMap<>();
    for (Citation c : trailing) {
      byText.computeIfAbsent(c.text(), k -> new ArrayDeque<>()).add(c);
    }
    StringBuilder out = new StringBuilder();
    for (String line : printed.split("\n", -1)) {
      out.append(realign(line, byText, aligned)).append('\n');
    }
    return out.substring(0, out.length() - 1);
  }

  private static String realign(String line, Map<String, Deque<Citation>> byText,
      Set<Citation> aligned) {
    int at = line.indexOf(" source \"");
    if (at <= 0 || line.substring(0, at).isBlank()) {
      return line;
    }
    for (Map.Entry<String, Deque<Citation>> e : byText.entrySet()) {
      String written = " source " + Strings.quote(e.getKey());
      if (e.getValue().isEmpty() || !line.startsWith(written, at)) {
        continue;
      }
      Citation c = e.getValue().poll();
      int column = at + 2;
      if (aligned.contains(c) && c.span().column() > column) {
        return line.substring(0, at) + " ".repeat(c.span().column() - column) + line.substring(at);
      }
      return line;
    }
    return line;
  }

  /** Every citation that ends a statement (not a `source` statement of its own), in any order. */
  private static void collect(Object value, List<Citation> into, boolean ownLine) {
    if (value instanceof Citation c) {
      if (!ownLine) {
        into.add(c);
      }
    } else if (value instanceof Optional<?> o) {
      o.ifPresent(v -> collect(v, into, ownLine));
    } else if (value instanceof List<?> list) {
      list.forEach(v -> collect(v, into, ownLine));
    } else if (value instanceof Record r) {
      boolean source = r.getClass().getSimpleName().startsWith("Source");
      for (RecordComponent component : r.getClass().getRecordComponents()) {
        try {
          collect(component.getAccessor().invoke(r), into, source);
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException("cannot read " + component.getName(), e);
        }
      }
    }
  }
}
