package org.escalon.migration;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.escalon.model.Protocol;
import org.escalon.model.Stage;

/**
 * How the stages of one version of a protocol map onto the next: each old stage to the new stage
 * with the same key, or to the one an explicit mapping names; an old stage with neither is
 * unmapped, and an escalation standing there cannot move until the plan says where it goes.
 *
 * @param mappings old stage key to new stage key, in the old ladder's order
 * @param explicit the old keys whose mapping was given, not found by key
 * @param unmapped the old stage keys with no stage in the new version
 */
public record MigrationPlan(Protocol from, Protocol to, Map<String, String> mappings,
    Set<String> explicit, List<String> unmapped) {

  public MigrationPlan {
    mappings = Collections.unmodifiableMap(new LinkedHashMap<>(mappings));
    explicit = Collections.unmodifiableSet(new LinkedHashSet<>(explicit));
    unmapped = List.copyOf(unmapped);
  }

  /** A plan from {@code from} to {@code to}, to be filled in. */
  public static Builder between(Protocol from, Protocol to) {
    return new Builder(from, to);
  }

  /** The new key of an old stage, if the plan maps it. */
  public Optional<String> target(String oldKey) {
    return Optional.ofNullable(mappings.get(oldKey));
  }

  /** The plan as lines for a person: each mapping, then what it cannot map. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    for (Stage s : from.stages()) {
      Optional<String> t = target(s.key());
      lines.add(t.map(k -> "stage " + s.key() + " -> stage " + k
          + (explicit.contains(s.key()) ? " (mapped explicitly)" : " (same key)")
          + to.stage(k).filter(n -> !n.title().equals(s.title()))
              .map(n -> ": \u201c" + s.title() + "\u201d becomes \u201c" + n.title() + "\u201d")
              .orElse(""))
          .orElse("stage " + s.key() + " (\u201c" + s.title() + "\u201d): not mapped; the new "
              + "version has no stage " + s.key() + " and no mapping names one"));
    }
    for (Stage n : to.stages()) {
      if (!mappings.containsValue(n.key())) {
        lines.add("stage " + n.key() + " (\u201c" + n.title() + "\u201d) is new: no escalation "
            + "lands there unless a mapping says so");
      }
    }
    return lines;
  }

  /** Builds a plan, Camunda style: equal stages by key, then explicit mappings. */
  public static final class Builder {
    private final Protocol from;
    private final Protocol to;
    private final Map<String, String> mappings = new LinkedHashMap<>();
    private final Set<String> explicit = new LinkedHashSet<>();

    private Builder(Protocol from, Protocol to) {
      this.from = from;
      this.to = to;
    }

    /** Maps every old stage whose key the new version has to that stage. */
    public Builder mapEqualStages() {
      for (Stage s : from.stages()) {
        if (to.stage(s.key()).isPresent() && !explicit.contains(s.key())) {
          mappings.put(s.key(), s.key());
        }
      }
      return this;
    }

    /**
     * Maps an old stage to a new one (a stage removed or renamed); throws {@link
     * IllegalArgumentException} naming a key that either version lacks.
     */
    public Builder map(String oldKey, String newKey) {
      if (from.stage(oldKey).isEmpty()) {
        throw new IllegalArgumentException("the old version has no stage " + oldKey);
      }
      if (to.stage(newKey).isEmpty()) {
        throw new IllegalArgumentException("the new version has no stage " + newKey);
      }
      mappings.put(oldKey, newKey);
      explicit.add(oldKey);
      return this;
    }

    public MigrationPlan build() {
      Map<String, String> ordered = new LinkedHashMap<>();
      List<String> unmapped = new ArrayList<>();
      for (Stage s : from.stages()) {
        if (mappings.containsKey(s.key())) {
          ordered.put(s.key(), mappings.get(s.key()));
        } else {
          unmapped.add(s.key());
        }
      }
      return new MigrationPlan(from, to, ordered, explicit, unmapped);
    }
  }
}
