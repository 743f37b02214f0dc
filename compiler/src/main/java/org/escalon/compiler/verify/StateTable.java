package org.escalon.compiler.verify;

import java.util.Arrays;

/**
 * The states a search has found, each packed into the same number of longs (as
 * {@link AbstractRules} lays them out) and numbered in the order found, with an open-addressing
 * hash set over them: looking a successor up hashes and compares a few words, and allocates
 * nothing.
 */
final class StateTable {

  private final int width;
  private long[] pool;
  private int[] slots; // a state's number plus one; 0 is an empty slot
  private int size;

  StateTable(int width) {
    this.width = width;
    this.pool = new long[width * 256];
    this.slots = new int[512];
  }

  int size() {
    return size;
  }

  /** The words every state is stored in, state {@code id}'s from {@link #offset}. */
  long[] pool() {
    return pool;
  }

  int offset(int id) {
    return id * width;
  }

  /** The number of the state held in {@code words} from {@code from}, or -1 if it is new. */
  int find(long[] words, int from) {
    int mask = slots.length - 1;
    for (int slot = hash(words, from) & mask; ; slot = (slot + 1) & mask) {
      int id = slots[slot] - 1;
      if (id < 0) {
        return -1;
      }
      if (same(id * width, words, from)) {
        return id;
      }
    }
  }

  // word by word: a state is a few words, too few for Arrays.equals's vectorised compare to pay
  private boolean same(int at, long[] words, int from) {
    for (int i = 0; i < width; i++) {
      if (pool[at + i] != words[from + i]) {
        return false;
      }
    }
    return true;
  }

  /** Adds a state {@link #find} did not find; returns its number. */
  int add(long[] words, int from) {
    if ((size + 1) * width > pool.length) {
      pool = Arrays.copyOf(pool, pool.length * 2);
    }
    System.arraycopy(words, from, pool, size * width, width);
    if (2 * (size + 1) > slots.length) {
      slots = new int[slots.length * 2];
      for (int id = 0; id < size; id++) {
        place(id);
      }
    }
    place(size);
    return size++;
  }

  private void place(int id) {
    int mask = slots.length - 1;
    int slot = hash(pool, id * width) & mask;
    while (slots[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    slots[slot] = id + 1;
  }

  private int hash(long[] words, int from) {
    long h = 0;
    for (int i = from; i < from + width; i++) {
      h = (h + words[i]) * 0x9E3779B97F4A7C15L;
    }
    h = (h ^ (h >>> 33)) * 0xFF51AFD7ED558CCDL; // MurmurHash3's finish: every bit mixes in
    return (int) (h ^ (h >>> 33));
  }
}
