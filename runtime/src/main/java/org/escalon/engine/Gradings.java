package org.escalon.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The grades a case's plan has been given, as generated machines keep them: by {@code
 * scale/section}, oldest first, in a map that is replaced, never changed (so a refused call can
 * put the old one back).
 */
public final class Gradings {

  private Gradings() {}

  /** The gradings with one more grade of a section on a scale. */
  public static Map<String, List<String>> add(Map<String, List<String>> gradings, String scale,
      String section, String grade) {
    String key = scale + "/" + section;
    TreeMap<String, List<String>> next = new TreeMap<>(gradings);
    List<String> grades = new ArrayList<>(next.getOrDefault(key, List.of()));
    grades.add(grade);
    next.put(key, List.copyOf(grades));
    return next;
  }

  /** Whether the last {@code times} grades of some section on the scale were all {@code grade}. */
  public static boolean graded(Map<String, List<String>> gradings, String scale, String grade,
      int times) {
    for (Map.Entry<String, List<String>> section : gradings.entrySet()) {
      List<String> grades = section.getValue();
      if (section.getKey().startsWith(scale + "/") && grades.size() >= times
          && grades.subList(grades.size() - times, grades.size()).stream()
              .allMatch(grade::equals)) {
        return true;
      }
    }
    return false;
  }
}
