package org.escalon.tests;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.compiler.export.BpmnExporter;
import org.escalon.model.Timespan;
import org.escalon.model.Outcome;
import org.escalon.model.Precondition;
import org.escalon.model.Protocol;
import org.escalon.model.Stage;
import org.escalon.model.Target;
import org.escalon.simulate.Scenario;
import org.escalon.simulate.ScenarioStep;
import org.escalon.simulate.ScenarioStep.Action;
import org.escalon.simulate.ScenarioStep.When;
import org.escalon.simulate.Simulator;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.common.engine.impl.calendar.CycleBusinessCalendar;
import org.flowable.common.engine.impl.calendar.DueDateBusinessCalendar;
import org.flowable.common.engine.impl.calendar.DurationBusinessCalendar;
import org.flowable.common.engine.impl.calendar.MapBusinessCalendarManager;
import org.flowable.common.engine.impl.util.DefaultClockImpl;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ManagementService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.delegate.event.FlowableActivityEvent;
import org.flowable.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.flowable.engine.runtime.Execution;
import org.flowable.job.api.Job;
import org.flowable.task.api.Task;

/**
 * An embedded Flowable engine (in-memory H2, no job executor) that runs the BPMN export of a
 * protocol through a simulator scenario on the engine's own clock: timers fire when the run moves
 * the clock past them, with the Escalon business calendars registered for the protocol's calendar.
 * It times the scenario's steps as the simulator does, but learns where the process stands only
 * from the engine.
 */
final class BpmnRun implements AutoCloseable {

  /**
   * Which stages a run entered, in order; when it entered each ("2 at 2026-12-21T00:00:00Z"), which
   * shows the business calendars count as Escalon does; and how it stood at the end ("ended at
   * outcome_resolved", "waiting", "unfinished").
   */
  record Result(List<String> stages, List<String> entries, String end) {}

  private final DefaultClockImpl clock = new DefaultClockImpl();
  private final MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
  private final List<Visit> visits = new ArrayList<>();
  private final ProcessEngine engine;

  BpmnRun() {
    StandaloneInMemProcessEngineConfiguration config = new StandaloneInMemProcessEngineConfiguration();
    config.setJdbcUrl("jdbc:h2:mem:escalon-bpmn;DB_CLOSE_DELAY=-1");
    config.setDatabaseSchemaUpdate("create-drop");
    config.setAsyncExecutorActivate(false);
    config.setClock(clock);
    calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new DurationBusinessCalendar(clock));
    calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, new DueDateBusinessCalendar(clock));
    calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar(clock));
    config.setBusinessCalendarManager(calendars);
    config.setEventListeners(List.of(new StageRecorder()));
    engine = config.buildProcessEngine();
  }

  /** One stay in a user task: a stage, or a wait for preconditions. */
  private static final class Visit {
    private final String activity;
    private final Instant entered;
    private Instant left;

    Visit(String activity, Instant entered) {
      this.activity = activity;
      this.entered = entered;
    }

    String activity() {
      return activity;
    }

    Instant entered() {
      return entered;
    }

    Instant left() {
      return left;
    }
  }

  /** Records every user task entered and left, in order, on the engine's clock. */
  private final class StageRecorder implements FlowableEventListener {
    @Override
    public void onEvent(FlowableEvent event) {
      if (!(event instanceof FlowableActivityEvent a) || !"userTask".equals(a.getActivityType())) {
        return;
      }
      Instant now = clock.getCurrentTime().toInstant();
      if (event.getType() == FlowableEngineEventType.ACTIVITY_STARTED) {
        visits.add(new Visit(a.getActivityId(), now));
      } else if (event.getType() == FlowableEngineEventType.ACTIVITY_COMPLETED
          || event.getType() == FlowableEngineEventType.ACTIVITY_CANCELLED) {
        for (int i = visits.size() - 1; i >= 0; i--) {
          Visit v = visits.get(i);
          if (v.activity().equals(a.getActivityId()) && v.left == null) {
            v.left = now;
            break;
          }
        }
      }
    }

    @Override
    public boolean isFailOnException() {
      return true;
    }

    @Override
    public boolean isFireOnTransactionLifecycleEvent() {
      return false;
    }

    @Override
    public String getOnTransaction() {
      return null;
    }
  }

  Result run(Protocol protocol, Scenario scenario, LocalDate startDate) {
    return new Drive(protocol, scenario, startDate).go();
  }

  /**
   * One run, timed as the simulator times a scenario: raised at 09:00 on the start date; a step
   * at noon of the working day it names (counted from the start, or from entering a stage),
   * after every deadline due by then; a step for a stay at a stage that has ended is not taken;
   * required agreement and advice are given when needed unless withheld; a year at most.
   */
  private final class Drive {
    final Protocol protocol;
    final Scenario scenario;
    final LocalDate startDate;
    final WorkingCalendar calendar;
    final Instant horizon;
    final List<ScenarioStep> waiting;
    final RuntimeService runtime = engine.getRuntimeService();
    final TaskService tasks = engine.getTaskService();
    String id;
    Instant last;
    Timespan asked;
    /** When the escalator escalates a stay whose soft deadline was missed, as the simulator. */
    Instant escalateAt;

    Drive(Protocol protocol, Scenario scenario, LocalDate startDate) {
      this.protocol = protocol;
      this.scenario = scenario;
      this.startDate = startDate;
      this.calendar = WorkingCalendar.of(protocol.header().calendar(), protocol.header().zone());
      ZonedDateTime start = startDate.atTime(9, 0).atZone(calendar.zone());
      this.last = start.toInstant();
      this.horizon = start.plusYears(Simulator.HORIZON_YEARS).toInstant();
      this.waiting = new ArrayList<>(scenario.steps());
    }

    Result go() {
      calendars.addBusinessCalendar(EscalonBusinessCalendar.WORKING_DAYS,
          new EscalonBusinessCalendar(clock, calendar, true));
      calendars.addBusinessCalendar(EscalonBusinessCalendar.CALENDAR,
          new EscalonBusinessCalendar(clock, calendar, false));
      String key = BpmnExporter.processId(protocol);
      engine.getRepositoryService().createDeployment().name(key)
          .addString(key + ".bpmn20.xml", new BpmnExporter().export(protocol)).deploy();
      visits.clear();
      clock.setCurrentTime(Date.from(last));
      Map<String, Object> variables = new HashMap<>();
      for (ScenarioStep step : scenario.before()) {
        // a fact set or a judgement taken before the raise: a process variable from the start
        if (step.action() instanceof Action.Decide d) {
          variables.put(d.decision(), d.yes() ? "yes" : "no");
        } else {
          Action.Set fact = (Action.Set) step.action();
          variables.put(fact.attribute(), fact.value());
        }
      }
      variables.put("raisedAt", last.toString());
      scenario.raise().flatMap(Action.Raise::stage).ifPresent(s -> variables.put("startAt", s));
      id = runtime.startProcessInstanceByKey(key, variables).getId();
      String end = loop();
      List<String> stages = new ArrayList<>();
      List<String> entries = new ArrayList<>();
      for (Visit visit : visits) {
        stageOf(visit.activity()).ifPresent(stage -> {
          stages.add(stage);
          entries.add(stage + " at " + visit.entered());
        });
      }
      return new Result(stages, entries, end);
    }

    private String loop() {
      while (true) {
        giveWhenNeeded();
        Optional<Job> timer = nextTimer();
        Optional<ScenarioStep> step = nextStep();
        Optional<Instant> stepAt = step.flatMap(this::when);
        Optional<Instant> due = timer.map(j -> j.getDuedate().toInstant());
        if (escalateAt != null && (due.isEmpty() || escalateAt.isBefore(due.get()))
            && (stepAt.isEmpty() || escalateAt.isBefore(stepAt.get()))) {
          // the simulator's escalator: a soft deadline missed, and the scenario says no more
          clock.setCurrentTime(Date.from(escalateAt));
          last = escalateAt;
          escalateAt = null;
          if (ended().isEmpty()) {
            message("escalate");
          }
          continue;
        }
        if (due.isEmpty() && stepAt.isEmpty()) {
          return ended().orElse("waiting");
        }
        boolean timerFirst = due.isPresent() && (stepAt.isEmpty() || !due.get().isAfter(stepAt.get()));
        Instant next = timerFirst ? due.get() : stepAt.get();
        if (next.isAfter(horizon)) {
          return ended().orElse("unfinished");
        }
        clock.setCurrentTime(Date.from(next));
        last = next;
        if (timerFirst) {
          ManagementService management = engine.getManagementService();
          String element = timer.get().getElementId();
          management.executeJob(management.moveTimerToExecutableJob(timer.get().getId()).getId());
          missedSoft(element, next);
        } else {
          waiting.remove(step.get());
          if (!left(step.get(), next) && ended().isEmpty()) {
            apply(step.get().action());
          }
        }
      }
    }

    /**
     * After a stage's non-interrupting deadline timer (a stage whose timescales are all soft):
     * the simulator's escalator escalates at the end of the timescale's assumption, or at once,
     * unless the scenario has a step left for the stay.
     */
    private void missedSoft(String element, Instant at) {
      if (element == null || !element.endsWith("_deadline")) {
        return;
      }
      String node = element.substring(0, element.length() - "_deadline".length());
      Optional<String> key = stageOf(node);
      if (key.isEmpty()) {
        return;
      }
      var stage = protocol.stage(key.get()).orElseThrow();
      if (stage.timescales().isEmpty() || !stage.timescales().stream()
          .allMatch(org.escalon.model.Timescale::soft)) {
        return;
      }
      long n = visits.stream().filter(v -> v.activity().equals(node)).count();
      boolean more = waiting.stream().anyMatch(w -> w.when() instanceof When.AtStage a
          && a.stage().equals(key.get()) && a.visit() == n);
      if (more) {
        return;
      }
      Visit current = visits.stream().filter(v -> v.activity().equals(node) && v.left == null)
          .reduce((a, b) -> b).orElse(null);
      Instant when = at;
      var assumed = stage.timescales().get(0).firmness().flatMap(f -> f.assumed());
      if (current != null && assumed.isPresent() && stage.timescales().size() == 1) {
        Instant end = calendar.deadline(current.entered().atZone(calendar.zone()), assumed.get())
            .toInstant();
        when = end.isAfter(at) ? end : at;
      }
      escalateAt = when;
    }

    /** The next timer, leaving out those set to {@code never}. */
    private Optional<Job> nextTimer() {
      return engine.getManagementService().createTimerJobQuery().processInstanceId(id)
          .orderByJobDuedate().asc().list().stream()
          .filter(j -> j.getDuedate().toInstant().atZone(ZoneOffset.UTC).getYear() < 9999)
          .findFirst();
    }

    // The earliest step whose time is known (among equals the first in the file), else the first.
    private Optional<ScenarioStep> nextStep() {
      return waiting.stream().filter(s -> when(s).isPresent())
          .min(java.util.Comparator.comparing(s -> when(s).orElseThrow()))
          .or(() -> waiting.stream().findFirst());
    }

    private Optional<Instant> when(ScenarioStep step) {
      Instant earliest = last;
      LocalDate day;
      if (step.when() instanceof When.AtStage a) {
        Optional<Visit> visit = visit(a.stage(), a.visit());
        if (visit.isEmpty()) {
          return Optional.empty();
        }
        day = calendar.addWorkingDays(visit.get().entered().atZone(calendar.zone()).toLocalDate(),
            a.day());
        earliest = max(earliest, visit.get().entered());
      } else if (step.when() instanceof When.FromStart f) {
        day = calendar.addWorkingDays(startDate, f.day());
      } else if (step.when() instanceof When.OnDate d) {
        day = d.date();
      } else {
        day = startDate;
      }
      return Optional.of(max(earliest, day.atTime(12, 0).atZone(calendar.zone()).toInstant()));
    }

    private Optional<Visit> visit(String stage, int n) {
      String node = BpmnExporter.node(new Target.ToStage(stage));
      return visits.stream().filter(v -> v.activity().equals(node)).skip(n - 1L).findFirst();
    }

    private boolean left(ScenarioStep step, Instant at) {
      if (step.when() instanceof When.AtStage a) {
        Visit v = visit(a.stage(), a.visit()).orElseThrow();
        return v.left() != null && !v.left().isAfter(at);
      }
      return false;
    }

    private void apply(Action action) {
      if (action instanceof Action.Respond r) {
        Task task = tasks.createTaskQuery().processInstanceId(id).taskDefinitionKeyLike("stage_%")
            .singleResult();
        tasks.complete(task.getId(), Map.of("response", r.resolving() ? "resolved" : "unsatisfactory"));
      } else if (action instanceof Action.Bypass b) {
        runtime.setVariable(id, "bypassTo", b.target());
        message("bypass");
      } else if (action instanceof Action.Refer r) {
        message("refer:" + r.outcome());
      } else if (action instanceof Action.AskForTime a) {
        asked = a.amount();
      } else if (action instanceof Action.GrantTime) {
        extend();
      } else if (action instanceof Action.Escalate) {
        escalateAt = null;
        message("escalate");
      } else if (action instanceof Action.Withdraw) {
        runtime.deleteProcessInstance(id, "withdrawn");
      } else if (action instanceof Action.Agree a) {
        changed("agreed_" + a.role(), true);
      } else if (action instanceof Action.Advise a) {
        changed("advised_" + a.role(), true);
      } else if (action instanceof Action.Set s) {
        changed(s.attribute(), s.value());
      } else if (action instanceof Action.Decide d) {
        // a decision taken during the stage: the process variable the route's gateway reads
        changed(d.decision(), d.yes() ? "yes" : "no");
      } else {
        throw new IllegalArgumentException("the BPMN run does not take " + action);
      }
    }

    /** More time: the deadline timer of the stage moves on, counted from its last day. */
    private void extend() {
      ManagementService management = engine.getManagementService();
      Job deadline = management.createTimerJobQuery().processInstanceId(id).list().stream()
          .filter(j -> j.getElementId() != null && j.getElementId().endsWith("_deadline"))
          .findFirst().orElseThrow();
      ZonedDateTime lastDay = deadline.getDuedate().toInstant().minusNanos(1)
          .atZone(calendar.zone());
      management.rescheduleTimeDateJob(deadline.getId(),
          calendar.deadline(lastDay, asked).toInstant().toString());
      asked = null;
    }

    /** Something changed: a wait for preconditions looks again. */
    private void changed(String variable, Object value) {
      runtime.setVariable(id, variable, value);
      for (Task wait : tasks.createTaskQuery().processInstanceId(id).taskDefinitionKeyLike("wait_%")
          .list()) {
        tasks.complete(wait.getId());
      }
    }

    private void giveWhenNeeded() {
      if (!scenario.agreementsWhenNeeded() || ended().isPresent()) {
        return;
      }
      for (Task wait : tasks.createTaskQuery().processInstanceId(id).taskDefinitionKeyLike("wait_%")
          .list()) {
        List<String> missing = new ArrayList<>();
        for (Precondition p : preconditionsOf(wait.getTaskDefinitionKey())) {
          String variable = p instanceof Precondition.Agreement a ? "agreed_" + a.role()
              : p instanceof Precondition.Advice a ? "advised_" + a.role() : null;
          if (variable != null && runtime.getVariable(id, variable) == null) {
            missing.add(variable);
          }
        }
        if (!missing.isEmpty()) {
          missing.forEach(v -> runtime.setVariable(id, v, true));
          tasks.complete(wait.getId());
        }
      }
    }

    private List<Precondition> preconditionsOf(String waitTask) {
      for (Stage stage : protocol.stages()) {
        if (("wait_" + BpmnExporter.node(new Target.ToStage(stage.key()))).equals(waitTask)) {
          return stage.preconditions();
        }
      }
      for (Outcome outcome : protocol.outcomes()) {
        if (("wait_" + BpmnExporter.node(new Target.ToOutcome(outcome.name()))).equals(waitTask)) {
          return outcome.preconditions();
        }
      }
      return List.of();
    }

    private void message(String name) {
      Execution execution = runtime.createExecutionQuery().processInstanceId(id)
          .messageEventSubscriptionName(name).list().get(0);
      runtime.messageEventReceived(name, execution.getId());
    }

    /** "ended at outcome_x" once the process has ended. */
    private Optional<String> ended() {
      HistoryService history = engine.getHistoryService();
      var instance = history.createHistoricProcessInstanceQuery().processInstanceId(id)
          .singleResult();
      if (instance.getEndTime() == null) {
        return Optional.empty();
      }
      return Optional.of("ended at " + ("withdrawn".equals(instance.getDeleteReason())
          ? "outcome_withdrawn" : instance.getEndActivityId()));
    }

    private Optional<String> stageOf(String activity) {
      return protocol.stages().stream().map(Stage::key)
          .filter(k -> BpmnExporter.node(new Target.ToStage(k)).equals(activity)).findFirst();
    }
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  @Override
  public void close() {
    engine.close();
  }
}
