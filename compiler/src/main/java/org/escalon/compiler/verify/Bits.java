package org.escalon.compiler.verify;

import java.util.Arrays;

/**
 * An immutable set of small numbers, as many as it needs: the facts of an abstract state (stages
 * completed, agreements given, events happened, timescales that apply, role actions done) and the
 * packed values of its attributes. A fixed-width number here once wrapped past 64 stages or 32
 * role mentions and made false properties hold; this cannot wrap.
 */
final class Bits {

  static final Bits NONE = new Bits(new long[0]);

  private final long[] words; // no trailing zero word, so equal sets have equal arrays
  private int hash; // made on first use (as String's): most sets are read out of a packed state
  // and never hashed

  private Bits(long[] words) {
    this.words = words;
  }

  private static Bits of(long[] words) {
    int n = words.length;
    while (n > 0 && words[n - 1] == 0) {
      n--;
    }
    return n == 0 ? NONE : new Bits(n == words.length ? words : Arrays.copyOf(words, n));
  }

  boolean get(int bit) {
    int w = bit >>> 6;
    return w < words.length && (words[w] & (1L << bit)) != 0;
  }

  Bits with(int bit) {
    if (get(bit)) {
      return this;
    }
    long[] copy = Arrays.copyOf(words, Math.max(words.length, (bit >>> 6) + 1));
    copy[bit >>> 6] |= 1L << bit;
    return of(copy);
  }

  boolean isEmpty() {
    return words.length == 0;
  }

  /** How many words the set needs. */
  int wordCount() {
    return words.length;
  }

  /** Word {@code i} of the set (0 past its end). */
  long word(int i) {
    return i < words.length ? words[i] : 0;
  }

  /** The set held in {@code n} words of {@code packed} from {@code from}. */
  static Bits read(long[] packed, int from, int n) {
    int used = n;
    while (used > 0 && packed[from + used - 1] == 0) {
      used--;
    }
    return used == 0 ? NONE : new Bits(Arrays.copyOfRange(packed, from, from + used));
  }

  /** The number held in {@code width} bits (at most 62) from {@code offset}. */
  long field(int offset, int width) {
    long value = 0;
    for (int i = 0; i < width; i++) {
      if (get(offset + i)) {
        value |= 1L << i;
      }
    }
    return value;
  }

  /** The same set with {@code width} bits from {@code offset} holding {@code value}. */
  Bits withField(int offset, int width, long value) {
    long[] copy = Arrays.copyOf(words, Math.max(words.length, ((offset + width) >>> 6) + 1));
    for (int i = 0; i < width; i++) {
      int bit = offset + i;
      if ((value & (1L << i)) != 0) {
        copy[bit >>> 6] |= 1L << bit;
      } else {
        copy[bit >>> 6] &= ~(1L << bit);
      }
    }
    return of(copy);
  }

  /** Every member, smallest first. */
  int[] members() {
    int count = 0;
    for (long w : words) {
      count += Long.bitCount(w);
    }
    int[] out = new int[count];
    int k = 0;
    for (int w = 0; w < words.length; w++) {
      for (long rest = words[w]; rest != 0; rest &= rest - 1) {
        out[k++] = (w << 6) + Long.numberOfTrailingZeros(rest);
      }
    }
    return out;
  }

  // compared word by word: the sets are a word or two, and every state lookup compares several
  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof Bits b) || words.length != b.words.length) {
      return false;
    }
    for (int i = 0; i < words.length; i++) {
      if (words[i] != b.words[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0 && words.length > 0) {
      h = Arrays.hashCode(words);
      hash = h;
    }
    return h;
  }

  @Override
  public String toString() {
    return Arrays.toString(members());
  }
}
