package org.escalon.store;

import java.sql.SQLException;

/** The database failed (not a refusal, not a conflict); nothing of the call was written. */
public final class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreException(String what, SQLException cause) {
    super(what + ": " + cause.getMessage(), cause);
  }
}
