package org.escalon.compiler.revision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.escalon.model.Protocol;
import org.escalon.model.Stage;

/**
 * Which stage of the new version is which stage of the old: the same key and title first, then
 * the same title under a new key (renumbered), then the same key under a new title (retitled).
 * Never by line or by position, so a stage inserted in the middle leaves the others matched.
 */
public final class StageMatch {

  private final Map<String, String> oldToNew = new LinkedHashMap<>();
  private final List<Stage> added = new ArrayList<>();
  private final List<Stage> removed = new ArrayList<>();

  private StageMatch() {}

  /** Matches the stages of two versions. */
  public static StageMatch of(Protocol before, Protocol after) {
    StageMatch m = new StageMatch();
    List<Stage> olds = new ArrayList<>(before.stages());
    List<Stage> news = new ArrayList<>(after.stages());
    m.pair(olds, news, (a, b) -> a.key().equals(b.key()) && a.title().equals(b.title()));
    m.pair(olds, news, (a, b) -> a.title().equals(b.title()));
    m.pair(olds, news, (a, b) -> a.key().equals(b.key()));
    m.removed.addAll(olds);
    m.added.addAll(news);
    return m;
  }

  private void pair(List<Stage> olds, List<Stage> news,
      java.util.function.BiPredicate<Stage, Stage> same) {
    for (Stage a : List.copyOf(olds)) {
      Optional<Stage> b = news.stream().filter(n -> same.test(a, n)).findFirst();
      b.ifPresent(n -> {
        oldToNew.put(a.key(), n.key());
        olds.remove(a);
        news.remove(n);
      });
    }
  }

  /** The old stages' keys and the new keys they match. */
  public Map<String, String> pairs() {
    return java.util.Collections.unmodifiableMap(oldToNew);
  }

  /** The new key of an old stage, if it is still there. */
  public Optional<String> newKey(String oldKey) {
    return Optional.ofNullable(oldToNew.get(oldKey));
  }

  /** The old key of a new stage, if it was there before. */
  public Optional<String> oldKey(String newKey) {
    return oldToNew.entrySet().stream().filter(e -> e.getValue().equals(newKey))
        .map(Map.Entry::getKey).findFirst();
  }

  /** The stages only the new version has, in its order. */
  public List<Stage> added() {
    return List.copyOf(added);
  }

  /** The stages only the old version had, in its order. */
  public List<Stage> removed() {
    return List.copyOf(removed);
  }
}
