package org.escalon.compiler.check;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Finds the declared name closest to a misspelt one, for "did you mean `TeamManager`?". */
public final class Suggestions {

  private Suggestions() {}

  public static Optional<String> closest(String wanted, Collection<String> candidates) {
    String w = wanted.toLowerCase(Locale.ROOT);
    return candidates.stream()
        .filter(c -> isClose(w, c.toLowerCase(Locale.ROOT)))
        .min(Comparator.comparingInt((String c) -> distance(w, c.toLowerCase(Locale.ROOT)))
            .thenComparing(Comparator.naturalOrder()));
  }

  /** "Did you mean `X`?" when something is close, otherwise what is declared, briefly. */
  static String help(String wanted, Collection<String> candidates, String kind) {
    Optional<String> near = closest(wanted, candidates);
    if (near.isPresent()) {
      return "did you mean `" + near.get() + "`?";
    }
    if (candidates.isEmpty()) {
      return "declare it with `" + kind + " " + wanted + " \"...\"`";
    }
    String known = candidates.stream().limit(6).map(c -> "`" + c + "`")
        .reduce((a, b) -> a + ", " + b).orElse("");
    return "declare it with `" + kind + " " + wanted + " \"...\"`, or use one of " + known
        + (candidates.size() > 6 ? ", ..." : "");
  }

  private static boolean isClose(String a, String b) {
    int d = distance(a, b);
    int longest = Math.max(a.length(), b.length());
    return d <= Math.max(1, longest / 3) || (longest >= 4 && (a.contains(b) || b.contains(a)));
  }

  /** Levenshtein distance, with a transposition of neighbours counted as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
