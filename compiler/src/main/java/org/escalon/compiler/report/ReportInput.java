package org.escalon.compiler.report;

import java.util.Optional;
import org.escalon.model.Protocol;

/**
 * What a report is written from: the protocol, its source text (for the codifier's marked
 * interpretations), its policy map when there is one, where it came from, and the caveat the
 * behaviour file of a population run gives about its rates.
 */
public record ReportInput(Protocol protocol, String source, PolicyMap map, Provenance provenance,
    Optional<String> behaviourCaveat) {

  /** A protocol with nothing else known about it. */
  public static ReportInput of(Protocol protocol) {
    return new ReportInput(protocol, "", PolicyMap.none(), new Provenance("at an unrecorded time",
        "(version not recorded)", "(file not recorded)", "(no fingerprint)"), Optional.empty());
  }
}
