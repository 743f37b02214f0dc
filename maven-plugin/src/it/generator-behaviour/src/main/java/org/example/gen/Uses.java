package org.example.gen;

import org.example.gen.escalation.Complaint;

/** Host code that needs the generated class: it compiles only if the generated sources join. */
public final class Uses {

  private Uses() {}

  public static Complaint start() {
    return new Complaint();
  }
}
