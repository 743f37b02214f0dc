package org.escalon.compiler.revision;

/** The longest strictly increasing subsequence, for telling which stages kept their order. */
final class LongestRun {

  private LongestRun() {}

  /** Which positions of {@code values} belong to one longest strictly increasing subsequence. */
  static boolean[] increasing(int[] values) {
    int n = values.length;
    int[] length = new int[n];
    int[] previous = new int[n];
    int best = -1;
    for (int i = 0; i < n; i++) {
      length[i] = 1;
      previous[i] = -1;
      for (int j = 0; j < i; j++) {
        if (values[j] < values[i] && length[j] + 1 > length[i]) {
          length[i] = length[j] + 1;
          previous[i] = j;
        }
      }
      if (best < 0 || length[i] > length[best]) {
        best = i;
      }
    }
    boolean[] in = new boolean[n];
    for (int i = best; i >= 0; i = previous[i]) {
      in[i] = true;
    }
    return in;
  }
}
