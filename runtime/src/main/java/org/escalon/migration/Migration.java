package org.escalon.migration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationListener;
import org.escalon.engine.EscalationMachine;
import org.escalon.engine.EscalationState;
import org.escalon.engine.Fingerprint;
import org.escalon.engine.StageVisit;
import org.escalon.model.Protocol;

/**
 * Validates and performs the move of live escalations along a {@link MigrationPlan}. The move is
 * one event, {@link CaseEvent.Migrated}, that starts the escalation's log under the new version;
 * the old log stays with the old version, closed.
 */
public final class Migration {

  private final MigrationPlan plan;
  private final WorkingCalendar calendar;

  /** Migrations along a plan, counting in the new version's own calendar. */
  public Migration(MigrationPlan plan) {
    this(plan, WorkingCalendar.of(plan.to().header().calendar(), plan.to().header().zone()));
  }

  public Migration(MigrationPlan plan, WorkingCalendar calendar) {
    this.plan = plan;
    this.calendar = calendar;
  }

  /** Whether the escalation can move at {@code at}, and where it would land. */
  public Landing validate(EscalationMachine live, Instant at) {
    Optional<CaseEvent.Migrated> event = event(live, at);
    if (event.isEmpty()) {
      return refusal(live, at);
    }
    EscalationState landed = Escalation.restore(plan.to(), calendar,
        new EscalationListener() {}, List.of(event.get())).state();
    return new Landing(true, List.of(), live.state().stage(), landed.stage(),
        Optional.of(event.get().entered()), landed.deadline(), landed.completed(),
        leftBehind(live.state()));
  }

  /**
   * Moves the escalation: a new escalation under the new version whose log starts with the
   * move, told to {@code listener} from then on. Throws {@link MigrationRefused} (with the
   * validation) if it cannot move; the old escalation is untouched either way.
   */
  public Escalation migrate(EscalationMachine live, Instant at, EscalationListener listener) {
    Optional<CaseEvent.Migrated> event = event(live, at);
    if (event.isEmpty()) {
      throw new MigrationRefused(refusal(live, at));
    }
    Escalation moved = new Escalation(plan.to(), calendar, listener);
    moved.apply(event.get());
    return moved;
  }

  private Optional<CaseEvent.Migrated> event(EscalationMachine live, Instant at) {
    EscalationState s = live.state();
    if (!reasons(live, at).isEmpty()) {
      return Optional.empty();
    }
    String stage = s.stage().orElseThrow();
    StageVisit stay = s.currentVisit().orElseThrow();
    List<String> completed = new ArrayList<>();
    for (String k : s.completed()) {
      plan.target(k).filter(t -> !completed.contains(t)).ifPresent(completed::add);
    }
    Map<String, String> facts = new TreeMap<>(s.attributes());
    facts.keySet().removeIf(a -> plan.to().attributes().stream()
        .noneMatch(x -> x.name().equals(a)));
    return Optional.of(new CaseEvent.Migrated(at, plan.from().header().version().orElse(""),
        Fingerprint.of(plan.from()).toString(), s.raisedAt().orElseThrow(),
        s.raisedBy().filter(r -> plan.to().role(r).isPresent()),
        plan.target(stage).orElseThrow(), stay.entered(), completed,
        roles(s.agreements()), roles(s.advice()), new TreeMap<>(facts)));
  }

  private List<String> roles(List<String> roles) {
    return roles.stream().filter(r -> plan.to().role(r).isPresent()).toList();
  }

  /** Why an escalation cannot move; empty when it can. */
  private List<String> reasons(EscalationMachine live, Instant at) {
    EscalationState s = live.state();
    List<String> why = new ArrayList<>();
    if (!live.protocol().equals(plan.from())
        && !Fingerprint.of(live.protocol()).rules().equals(Fingerprint.of(plan.from()).rules())) {
      why.add("it runs under \"" + live.protocol().name() + "\" version "
          + live.protocol().header().version().orElse("") + ", not the plan's old version");
    }
    switch (s.status()) {
      case NOT_RAISED -> why.add("it has not been raised: start it under the new version");
      case ENDED -> why.add("it has ended (" + s.outcome().orElse("") + "): it stays with the "
          + "version it ended under");
      case OPEN -> {
        String stage = s.stage().orElseThrow();
        if (plan.target(stage).isEmpty()) {
          why.add("it is at stage " + stage + ", which the plan does not map: add a mapping "
              + "for stage " + stage);
        }
        s.waitingFor().ifPresent(t -> why.add("it is waiting for what the next level requires "
            + "(" + t + "): move it once it has gone on"));
        s.pendingExtension().ifPresent(d -> why.add("a request for " + d + " more is pending: "
            + "move it once the request has been decided"));
      }
    }
    if (s.lastEventAt().filter(at::isBefore).isPresent()) {
      why.add("its last event was at " + s.lastEventAt().get() + ", after " + at);
    }
    return why;
  }

  private Landing refusal(EscalationMachine live, Instant at) {
    return new Landing(false, reasons(live, at),
        live.state().stage(), Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
        List.of());
  }

  /** What the new version has no place for: completed stages unmapped, extensions granted. */
  private List<String> leftBehind(EscalationState s) {
    List<String> left = new ArrayList<>();
    for (String k : s.completed()) {
      if (plan.target(k).isEmpty()) {
        left.add("completed stage " + k + " (no mapping)");
      }
    }
    if (s.extensionsInTotal() > 0) {
      left.add(s.extensionsInTotal() + " extension(s) granted (the new timescale applies)");
    }
    s.attributes().keySet().stream().filter(a -> plan.to().attributes().stream()
        .noneMatch(x -> x.name().equals(a))).forEach(a -> left.add("case fact " + a));
    return left;
  }
}
