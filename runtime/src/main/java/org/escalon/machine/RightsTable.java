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

  /**
   * One target of one right, for listing what may be done: {@code earlier} are the rights of the
   * same kind and role declared before it that name the same target (when one of them holds, it
   * is the one that applies). {@code index} is its place among the covers of its kind, for a
   * consumer to keep something per cover in an array.
   */
  public record Cover(Entry entry, Target target, List<Entry> earlier, int index) {

    public Right right() {
      return entry.right();
    }
  }

  private record Key(Right.Kind kind, String role, Target target) {}

  private record Holder(Right.Kind kind, String role) {}

  private final List<Entry> entries;
  private final Map<Right.Kind, List<Entry>> byKind = new EnumMap<>(Right.Kind.class);
  private final Map<Right.Kind, List<Cover>> covers = new EnumMap<>(Right.Kind.class);
  private final Map<Key, List<Entry>> byTarget = new LinkedHashMap<>();
  private final Map<Holder, List<Right>> byHolder = new LinkedHashMap<>();
  /** The stages' keys in ladder order: what "later" means for {@code bypass to any later stage}. */
  private final List<String> ladder;

  RightsTable(List<Entry> entries, List<String> ladder) {
    this.ladder = List.copyOf(ladder);
    this.entries = List.copyOf(entries);
    for (Right.Kind kind : Right.Kind.values()) {
      List<Entry> ofKind = entries.stream().filter(e -> e.right().kind() == kind).toList();
      byKind.put(kind, ofKind);
      List<Cover> list = new ArrayList<>();
      for (int i = 0; i < ofKind.size(); i++) {
        Entry e = ofKind.get(i);
        for (Target t : e.right().targets()) {
          List<Entry> earlier = ofKind.subList(0, i).stream()
              .filter(x -> x.right().role().equals(e.right().role())
                  && x.right().targets().contains(t)).toList();
          list.add(new Cover(e, t, earlier, list.size()));
        }
      }
      covers.put(kind, List.copyOf(list));
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

  /** Every target of every right of this kind, in the order declared. */
  public List<Cover> covers(Right.Kind kind) {
    return covers.get(kind);
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

  /**
   * Which right, if any, lets the role do this to the target now, from the stage the escalation
   * is at ({@code from}; empty before it is raised). A right that names the target but cannot
   * reach it from here ({@link #reaches}) counts as one whose condition does not hold. The first
   * right that holds and {@linkplain #usable may be used now} applies; when none may, the first
   * that holds is returned, so that the move is refused in its words (a referral only at the
   * raise, asked for later: {@link Interpreter#tooLate}). So a right limited to the raise
   * declared before one usable at any time applies at the raise and never shadows the other
   * later ("a concurrent referral at the same time that s/he instigates" beside "at any point").
   */
  public Lookup find(Right.Kind kind, String role, Target target, Optional<String> from,
      Facts facts, boolean atTheRaise) {
    List<Entry> entries = byTarget.getOrDefault(new Key(kind, role, target), List.of());
    List<Entry> holding = entries.stream()
        .filter(e -> reaches(e.right(), from, target) && Guards.holds(e.when(), facts)).toList();
    Optional<Right> applies = holding.stream().filter(e -> usable(e.right(), atTheRaise))
        .findFirst().or(() -> holding.stream().findFirst()).map(Entry::right);
    return new Lookup(applies, entries.stream().map(Entry::right).toList(), held(role, kind));
  }

  /**
   * Whether a right that holds may be used at this moment: a right limited to the raise ({@code
   * refer to cafcass at the raise}) only at the raise's instant ({@code atTheRaise}); every other
   * right whenever it holds. The one place a right's moment is weighed against another's.
   */
  public static boolean usable(Right right, boolean atTheRaise) {
    return !right.atRaise() || atTheRaise;
  }

  /**
   * Whether the right can take the escalation from stage {@code from} to the target: always,
   * unless it is {@code laterOnly}, which reaches only a stage after {@code from} in the ladder
   * ("the IRO may bypass to any later stage": never back, never the stage it is at). The one
   * place this is decided; it ignores the right's condition.
   */
  public boolean reaches(Right right, Optional<String> from, Target target) {
    if (!right.laterOnly()) {
      return true;
    }
    return from.isPresent() && target instanceof Target.ToStage s
        && ladder.indexOf(s.key()) > ladder.indexOf(from.get());
  }

  /**
   * What a right lets its holder reach from stage {@code from}, in the words of a refusal: the
   * one wording the engine and the generated machines give ("a stage after stage 2").
   */
  public static String reach(Right right, Optional<String> from) {
    if (right.laterOnly()) {
      return from.map(stage -> "a stage after stage " + stage).orElse("a later stage");
    }
    return String.join(", ", right.targets().stream().map(TargetCases::describe).toList());
  }
}
