package org.escalon.compiler.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.compiler.diagnostics.Severity;
import org.escalon.compiler.verify.Verdict;
import org.escalon.compiler.verify.Verification;
import org.escalon.compiler.verify.Verifier;
import org.escalon.model.Citation;
import org.escalon.model.Limit;
import org.escalon.model.Property;
import org.escalon.model.Protocol;
import org.escalon.simulate.Simulator;
import org.escalon.simulate.Timeline;

/**
 * The findings of the verifier, all of them: every error and warning `escalon verify` gives, in
 * its order, each with its notes, its help and its counterexample replayed by the simulator from
 * the report's start date; then each limit and property with nothing found against it, as
 * holding. A limit or property with only warnings is never said to hold.
 */
public final class VerifierFindings implements FindingSource {

  /** The note that says how a counterexample's path ends; the report puts it under its table. */
  static final java.util.regex.Pattern PATH_NOTE = java.util.regex.Pattern.compile(
      "The timeline below is the verifier's path \\((.*)\\), dated from the report's start\\.");

  static String pathNote(String ending) {
    return "The timeline below is the verifier's path (" + ending + "), dated from the report's "
        + "start.";
  }

  @Override
  public List<ReportedFinding> findings(Protocol protocol, LocalDate start) {
    Verification v = new Verifier().verify(protocol, start);
    List<ReportedFinding> findings = new ArrayList<>();
    for (Verdict verdict : v.verdicts()) {
      List<Citation> citations = citations(protocol, verdict);
      for (org.escalon.compiler.verify.Finding f : verdict.findings()) {
        Optional<Timeline> timeline = f.counterexample()
            .map(c -> new Simulator(protocol).run(c.scenario(), start));
        List<String> notes = new ArrayList<>(f.notes());
        f.help().ifPresent(h -> notes.add("What to do: " + h));
        f.counterexample().ifPresent(c -> notes.add(pathNote(c.ending())));
        findings.add(new ReportedFinding(verdict.name(), f.code().severity() == Severity.ERROR
            ? ReportedFinding.Verdict.FAILS : ReportedFinding.Verdict.WARNS, Optional.of(f.code().name()),
            f.message(), notes, timeline, citations));
      }
      if (verdict.findings().isEmpty() && verdict.kind() != Verdict.Kind.CHECK) {
        findings.add(new ReportedFinding(verdict.name(), verdict.holds() ? ReportedFinding.Verdict.HOLDS
            : ReportedFinding.Verdict.NOT_CHECKED, Optional.empty(), verdict.holds()
            ? "the verifier proved it on every path: " + verdict.summary() : verdict.summary(),
            List.of(), Optional.empty(), citations));
      }
    }
    if (v.truncated()) {
      findings.add(new ReportedFinding("the verifier's search", ReportedFinding.Verdict.NOT_CHECKED,
          "the verifier stopped at its limit of states, so what it did not reach is not checked",
          Optional.empty(), List.of()));
    }
    for (String note : v.totalsNotes()) {
      findings.add(new ReportedFinding("the verifier's totals", ReportedFinding.Verdict.NOTE, Optional.empty(),
          note, List.of(), Optional.empty(), List.of()));
    }
    return findings;
  }

  private static List<Citation> citations(Protocol protocol, Verdict verdict) {
    return switch (verdict.kind()) {
      case LIMIT -> protocol.limits().stream().filter(l -> l.title().equals(verdict.name()))
          .findFirst().map(Limit::citations).orElse(List.of());
      case PROPERTY -> protocol.properties().stream()
          .filter(p -> p.title().equals(verdict.name())).findFirst().map(Property::citations)
          .or(() -> protocol.invariants().stream()
              .filter(i -> verdict.name().equals(Verdict.invariant(i.title()))).findFirst()
              .map(org.escalon.model.Invariant::citations))
          .orElse(List.of());
      case CHECK -> List.of();
    };
  }
}
