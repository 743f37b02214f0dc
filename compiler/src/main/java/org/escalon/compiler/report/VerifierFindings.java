package org.escalon.compiler.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.compiler.verify.Counterexample;
import org.escalon.compiler.verify.Verdict;
import org.escalon.compiler.verify.Verification;
import org.escalon.compiler.verify.Verifier;
import org.escalon.model.Citation;
import org.escalon.model.Property;
import org.escalon.model.Protocol;
import org.escalon.simulate.Simulator;
import org.escalon.simulate.Timeline;

/**
 * The findings of the verifier: the limits as {@link LimitFindings} checks them (the path where
 * nobody responds), then each declared property proved or refuted over every path, then each
 * built-in check that fails; a failure carries its counterexample replayed by the simulator from
 * the report's start date.
 */
public final class VerifierFindings implements FindingSource {

  @Override
  public List<Finding> findings(Protocol protocol, LocalDate start) {
    List<Finding> findings = new ArrayList<>();
    for (Finding f : new LimitFindings().findings(protocol, start)) {
      if (protocol.limits().stream().anyMatch(l -> l.title().equals(f.title()))) {
        findings.add(f);
      }
    }
    Verification v = new Verifier().verify(protocol, start);
    List<Property> properties = protocol.properties();
    for (int i = 0; i < properties.size() && i < v.properties().size(); i++) {
      findings.add(finding(protocol, v.properties().get(i), start, properties.get(i).citations()));
    }
    for (Verdict check : v.checks()) {
      if (!check.holds()) {
        findings.add(finding(protocol, check, start, List.of()));
      }
    }
    return findings;
  }

  private static Finding finding(Protocol protocol, Verdict verdict, LocalDate start,
      List<Citation> citations) {
    if (verdict.holds()) {
      return new Finding(verdict.name(), Finding.Verdict.HOLDS, "the verifier proved it on "
          + "every path: " + verdict.summary(), Optional.empty(), citations);
    }
    StringBuilder why = new StringBuilder(verdict.findings().isEmpty() ? verdict.summary() : "");
    Optional<Counterexample> path = Optional.empty();
    for (org.escalon.compiler.verify.Finding f : verdict.findings()) {
      why.append(why.length() == 0 ? "" : "; ").append(f.message());
      if (path.isEmpty()) {
        path = f.counterexample();
      }
    }
    Optional<Timeline> timeline = path.map(c -> new Simulator(protocol).run(c.scenario(), start));
    path.ifPresent(c -> why.append(". The timeline below is the verifier's shortest such path ("
        + c.ending() + ")"));
    return new Finding(verdict.name(), Finding.Verdict.FAILS, why.toString(), timeline,
        citations);
  }
}
