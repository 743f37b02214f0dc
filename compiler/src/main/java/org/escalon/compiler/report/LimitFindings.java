package org.escalon.compiler.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.compiler.diagnostics.Code;
import org.escalon.compiler.diagnostics.Diagnostic;
import org.escalon.compiler.diagnostics.Diagnostics;
import org.escalon.describe.PlainEnglish;
import org.escalon.compiler.verify.LimitChecker;
import org.escalon.model.Limit;
import org.escalon.model.Property;
import org.escalon.model.Right;
import org.escalon.model.Target;
import org.escalon.model.Protocol;
import org.escalon.model.Timescale;
import org.escalon.simulate.Scenario;
import org.escalon.simulate.ScenarioStep;
import org.escalon.simulate.Simulator;

/**
 * The findings this build can make without the verifier: each limit against the stages'
 * timescales on the path where nobody responds ({@link LimitChecker}, W0601), with the worst-case
 * timeline as the counterexample of a limit broken; the properties are listed as not checked.
 */
public final class LimitFindings implements FindingSource {

  @Override
  public List<ReportedFinding> findings(Protocol protocol, LocalDate start) {
    Diagnostics diagnostics = new Diagnostics();
    new LimitChecker(diagnostics).check(protocol);
    List<ReportedFinding> findings = new ArrayList<>();
    for (Limit limit : protocol.limits()) {
      Optional<Diagnostic> broken = diagnostics.all().stream()
          .filter(d -> d.code() == Code.W0601 && d.span().equals(limit.span())).findFirst();
      if (broken.isPresent()) {
        Diagnostic d = broken.get();
        Scenario path = path(protocol, limit);
        findings.add(new ReportedFinding(limit.title(), ReportedFinding.Verdict.FAILS, d.message() + " ("
            + String.join("; ", d.notes()) + "). The timeline below is that path, from the "
            + "report's start date.", Optional.of(new Simulator(protocol).run(path, start)),
            limit.citations()));
      } else if (additive(protocol, limit)) {
        findings.add(new ReportedFinding(limit.title(), ReportedFinding.Verdict.HOLDS, "the stages' timescales "
            + "on the path where nobody responds stay within " + limit.atMost(),
            Optional.empty(), limit.citations()));
      } else {
        findings.add(new ReportedFinding(limit.title(), ReportedFinding.Verdict.NOT_CHECKED, "the stages' "
            + "timescales are not all counted in " + limit.atMost().unit().words(2)
            + " from the start of their stage, so they do not simply add up; the simulator's "
            + "population report measures this limit", Optional.empty(), limit.citations()));
      }
    }
    for (Property property : protocol.properties()) {
      findings.add(new ReportedFinding(property.title(), ReportedFinding.Verdict.NOT_CHECKED, "properties are "
          + "proved by the verifier, whose findings VerifierFindings adds", Optional.empty(),
          property.citations()));
    }
    return findings;
  }

  /**
   * The path on which nobody responds through the limit's stages: raised at the first of them when
   * the raiser may start there (or a trigger raises it there), else at the first stage.
   */
  private static Scenario path(Protocol protocol, Limit limit) {
    String first = limit.stages().get(0);
    String raiser = protocol.header().raisedBy();
    boolean startsThere = protocol.triggers().stream().anyMatch(t -> t.raiseAt().equals(first))
        || protocol.rights().stream().anyMatch(r -> r.kind() == Right.Kind.START
            && r.role().equals(raiser) && r.targets().contains(new Target.ToStage(first)));
    if (!startsThere || first.equals(protocol.stages().get(0).key())) {
      return Scenario.worstCase();
    }
    return new Scenario("nobody responds, from " + PlainEnglish.stage(first)
        + ", the first stage the limit counts", Optional.empty(),
        Optional.of(new ScenarioStep.Action.Raise(raiser, Optional.of(first),
            Optional.of("the limit counts from here"))), false, true, List.of(), List.of());
  }

  private static boolean additive(Protocol protocol, Limit limit) {
    return limit.stages().stream().map(k -> protocol.stage(k).orElseThrow().defaultTimescale())
        .allMatch(t -> t.isPresent() && t.get().anchor() instanceof Timescale.Anchor.StageStart
            && t.get().duration().unit() == limit.atMost().unit());
  }
}
