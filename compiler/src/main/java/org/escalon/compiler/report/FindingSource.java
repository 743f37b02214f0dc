package org.escalon.compiler.report;

import java.time.LocalDate;
import java.util.List;
import org.escalon.model.Protocol;

/**
 * Where the report's findings come from: the checks of the protocol's limits and properties, with
 * counterexample timelines dated from the report's start date.
 */
public interface FindingSource {

  List<ReportedFinding> findings(Protocol protocol, LocalDate start);
}
