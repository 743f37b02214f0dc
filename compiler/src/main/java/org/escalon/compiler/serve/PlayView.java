package org.escalon.compiler.serve;

import java.util.List;

/**
 * What the play panel shows: the stage and its deadline, who it went to and who was copied, the
 * log so far, the last click's refusal if it was refused, and the run as a scenario file.
 *
 * @param refusal why the last click was refused, or empty when it was not
 * @param clock the played time, as a local date and time in the protocol's zone
 */
public record PlayView(boolean raised, boolean ended, String stage, String deadline,
    List<String> to, List<String> copied, List<Row> log, String refusal,
    String scenario, String clock) {

  /** One line of the log. */
  public record Row(String date, int workingDay, String stage, String what, String deadline) {}
}
