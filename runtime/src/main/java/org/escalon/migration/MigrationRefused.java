package org.escalon.migration;

/** An escalation the plan cannot move, with the validation that says why; nothing has changed. */
public final class MigrationRefused extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  private final transient Landing landing;

  MigrationRefused(Landing landing) {
    super("the escalation " + landing.describe());
    this.landing = landing;
  }

  public Landing landing() {
    return landing;
  }
}
