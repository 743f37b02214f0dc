package org.escalon.engine;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.model.Protocol;
import org.escalon.model.Stage;
import org.escalon.model.Target;

/**
 * The resolution record a policy asks for (St Helens' Escalation Resolution template): when and at
 * which level the escalation was resolved, and for each stage whether its timescale was kept, with
 * the reason when it was not.
 */
public record ResolutionRecord(
    Optional<LocalDate> dateOfResolution,
    Optional<String> levelOfResolution,
    String outcome,
    List<StageLine> stages) {

  public ResolutionRecord {
    stages = List.copyOf(stages);
  }

  /** One stage of the ladder as it went. */
  public record StageLine(String stage, String title, Optional<Boolean> timescaleKept,
      Optional<String> reason) {}

  public static ResolutionRecord of(Escalation escalation) {
    Protocol p = escalation.protocol();
    EscalationState s = escalation.state();
    ZoneId zone = escalation.calendar().zone();
    List<StageLine> lines = new ArrayList<>();
    for (StageVisit visit : s.visits()) {
      String title = p.stage(visit.stage()).map(Stage::title).orElse(visit.stage());
      Optional<Boolean> kept = visit.timescaleKept();
      Optional<String> reason = kept.filter(k -> !k).map(k -> reason(visit));
      lines.add(new StageLine(visit.stage(), title, kept, reason));
    }
    boolean resolved = s.outcome().filter(Target.RESOLVED::equals).isPresent();
    Optional<LocalDate> date = resolved
        ? s.lastEventAt().map(t -> t.atZone(zone).toLocalDate()) : Optional.empty();
    return new ResolutionRecord(date, resolved ? s.resolvedAt() : Optional.empty(),
        s.outcome().orElse("open"), lines);
  }

  private static String reason(StageVisit visit) {
    String how = visit.leftBy().orElse("");
    return how.equals("no response") ? "no response by the deadline"
        : "answered (" + how + ") after the deadline";
  }

  /** The record as text, in the order of the policy's template. */
  public String toText() {
    StringBuilder out = new StringBuilder();
    out.append("Date of resolution: ").append(dateOfResolution.map(Object::toString).orElse("-"))
        .append('\n');
    out.append("Level of resolution: ").append(levelOfResolution.map(l -> "stage " + l).orElse("-"))
        .append('\n');
    out.append("Outcome: ").append(outcome).append('\n');
    for (StageLine line : stages) {
      out.append("Timescales adhered to, stage ").append(line.stage()).append(" (")
          .append(line.title()).append("): ")
          .append(line.timescaleKept().map(k -> k ? "yes" : "no").orElse("no timescale"))
          .append(line.reason().map(r -> "; reason: " + r).orElse("")).append('\n');
    }
    return out.toString();
  }
}
