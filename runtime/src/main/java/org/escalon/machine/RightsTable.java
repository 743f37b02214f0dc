package org.escalon.machine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.escalon.model.Right;
import org.escalon.model.Target;

/**
 * The protocol's rights as a table from (kind, role, target) to the rights that cover it, in the
 * order declared, each with its guard. The one place that decides which right applies.
 */
public final class RightsTable {

  /** A right and the guard its {@code if} becomes. */
  public record Entry(Right right, Guard when) {}

  /**
   * The answer to "may this role do this": the right that applies, if one does; else the rights
   * that name the target but whose condition does not hold, and the role's rights of that kind.
   */
  public record Lookup(Optional<Right> applies, List<Right> covering, List<Right> held) {

    /** The right a refusal should cite: one that names the target, else the role's first. */
    public Optional<Right> nearest() {
      return covering.stream().findFirst().or(() -> held.stream().findFirst());
    }
  }

  private record Key(Right.Kind kind, String role, Target target) {}

  private record Holder(Right.Kind kind, String role) {}

  private final List<Entry> entries;
  private final Map<Right.Kind, List<Entry>> byKind = new EnumMap<>(Right.Kind.class);
  private final Map<Key, List<Entry>> byTarget = new LinkedHashMap<>();
  private final Map<Holder, List<Right>> byHolder = new LinkedHashMap<>();

  RightsTable(List<Entry> entries) {
    this.entries = List.copyOf(entries);
    for (Right.Kind kind : Right.Kind.values()) {
      byKind.put(kind, entries.stream().filter(e -> e.right().kind() == kind).toList());
    }
    for (Entry e : entries) {
      Right r = e.right();
      byHolder.computeIfAbsent(new Holder(r.kind(), r.role()), k -> new ArrayList<>()).add(r);
      for (Target t : r.targets()) {
        byTarget.computeIfAbsent(new Key(r.kind(), r.role(), t), k -> new ArrayList<>()).add(e);
      }
    }
  }

  /** The rights of this kind, in the order declared, each with its guard. */
  public List<Entry> entries(Right.Kind kind) {
    return byKind.get(kind);
  }

  /** The guard of a right of the protocol's (a right the protocol does not have always holds). */
  public Guard guard(Right right) {
    return entries.stream().filter(e -> e.right() == right).map(Entry::when).findFirst()
        .orElse(Guard.ALWAYS);
  }

  /** The rights of this kind the role holds, in the order declared. */
  public List<Right> held(String role, Right.Kind kind) {
    return byHolder.getOrDefault(new Holder(kind, role), List.of());
  }

  /** Which right, if any, lets the role do this to the target now. */
  public Lookup find(Right.Kind kind, String role, Target target, Facts facts) {
    List<Entry> entries = byTarget.getOrDefault(new Key(kind, role, target), List.of());
    Optional<Right> applies = entries.stream().filter(e -> Guards.holds(e.when(), facts))
        .map(Entry::right).findFirst();
    return new Lookup(applies, entries.stream().map(Entry::right).toList(), held(role, kind));
  }
}
