package org.escalon.store;

/**
 * Named points inside the store's transactions and deliveries. The store calls them and does
 * nothing more; the kill test halts its JVM at one of them, chosen at random, to prove that a
 * crash anywhere loses and repeats nothing.
 */
interface Checkpoints {

  Checkpoints NONE = where -> {};

  void reached(String where);
}
