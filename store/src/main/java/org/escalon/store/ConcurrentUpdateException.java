package org.escalon.store;

/**
 * Another call changed the escalation between this call's read and its write, so this call wrote
 * nothing. The caller may load the escalation again and retry; a command retried with the same id
 * is applied at most once.
 */
public final class ConcurrentUpdateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConcurrentUpdateException(String escalationId, Throwable cause) {
    super("escalation " + escalationId + " was changed by another call; nothing was written",
        cause);
  }
}
