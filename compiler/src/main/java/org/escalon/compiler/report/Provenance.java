package org.escalon.compiler.report;

/**
 * Where a report came from, printed in the footer of every page so that a printed copy can be
 * traced to the file a board ratified: when it was generated, by which version of Escalon, from
 * which file, and the fingerprint of that file's canonical text.
 */
public record Provenance(String generated, String escalonVersion, String file, String fingerprint) {

  /** The footer's one line. */
  String line() {
    return "Generated " + generated + " by Escalon " + escalonVersion + " from " + file + ", "
        + fingerprint;
  }
}
