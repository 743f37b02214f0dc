package org.escalon.tests;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.compiler.export.BpmnExporter;
import org.escalon.model.Protocol;
import org.escalon.model.Stage;
import org.escalon.model.Target;
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
 * protocol through a scenario on the engine's own clock: timers fire when the test moves the clock
 * past them, with the Escalon business calendars registered for the protocol's calendar.
 */
final class BpmnRun implements AutoCloseable {

  /**
   * Which stages a run entered, in order; when it entered each ("2 at 2026-12-21T00:00:00Z"), which
   * shows the business calendars count as Escalon does; and how it stood at the end.
   */
  record Result(List<String> stages, List<String> entries, String end) {}

  private final DefaultClockImpl clock = new DefaultClockImpl();
  private final MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
  private final List<String> entered = new ArrayList<>();
  private final List<Instant> enteredAt = new ArrayList<>();
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

  /** Records every user task started: the stages (and the waits) in the order they are entered. */
  private final class StageRecorder implements FlowableEventListener {
    @Override
    public void onEvent(FlowableEvent event) {
      if (event.getType() == FlowableEngineEventType.ACTIVITY_STARTED
          && event instanceof FlowableActivityEvent a && "userTask".equals(a.getActivityType())) {
        entered.add(a.getActivityId());
        enteredAt.add(clock.getCurrentTime().toInstant());
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

  /** When a step of a scenario happens: 10:00 on the n-th working day after the start. */
  static Instant at(WorkingCalendar calendar, LocalDate start, int day) {
    return calendar.addWorkingDays(start, day).atTime(LocalTime.of(10, 0))
        .atZone(calendar.zone()).toInstant();
  }

  /** When an escalation started on a date is raised: 09:00 that day. */
  static Instant raised(WorkingCalendar calendar, LocalDate start) {
    return start.atTime(LocalTime.of(9, 0)).atZone(calendar.zone()).toInstant();
  }

  Result run(Protocol protocol, EngineScenario scenario, LocalDate start, Instant horizon) {
    WorkingCalendar calendar = WorkingCalendar.of(protocol.header().calendar(),
        protocol.header().zone());
    calendars.addBusinessCalendar(EscalonBusinessCalendar.WORKING_DAYS,
        new EscalonBusinessCalendar(clock, calendar, true));
    calendars.addBusinessCalendar(EscalonBusinessCalendar.CALENDAR,
        new EscalonBusinessCalendar(clock, calendar, false));
    String key = BpmnExporter.processId(protocol);
    engine.getRepositoryService().createDeployment().name(key)
        .addString(key + ".bpmn20.xml", new BpmnExporter().export(protocol)).deploy();
    entered.clear();
    enteredAt.clear();
    Instant raisedAt = raised(calendar, start);
    clock.setCurrentTime(Date.from(raisedAt));
    Map<String, Object> variables = new HashMap<>(scenario.facts());
    variables.put("raisedAt", raisedAt.toString());
    scenario.startAt().ifPresent(s -> variables.put("startAt", s));
    RuntimeService runtime = engine.getRuntimeService();
    String id = runtime.startProcessInstanceByKey(key, variables).getId();
    for (EngineScenario.Step step : scenario.steps()) {
      Instant t = at(calendar, start, step.day());
      fireTimers(id, t);
      clock.setCurrentTime(Date.from(t));
      apply(id, step.act());
    }
    fireTimers(id, horizon);
    List<String> stages = new ArrayList<>();
    List<String> entries = new ArrayList<>();
    for (int i = 0; i < entered.size(); i++) {
      Instant when = enteredAt.get(i);
      stageOf(protocol, entered.get(i)).ifPresent(stage -> {
        stages.add(stage);
        entries.add(stage + " at " + when);
      });
    }
    return new Result(stages, entries, end(id));
  }

  private static java.util.Optional<String> stageOf(Protocol protocol, String activity) {
    return protocol.stages().stream().map(Stage::key)
        .filter(k -> BpmnExporter.node(new Target.ToStage(k)).equals(activity)).findFirst();
  }

  /** Lets the engine's clock pass {@code until}, firing each timer due by then in order. */
  private void fireTimers(String id, Instant until) {
    ManagementService management = engine.getManagementService();
    for (int fired = 0; fired < 10_000; fired++) {
      List<Job> due = management.createTimerJobQuery().processInstanceId(id).orderByJobDuedate()
          .asc().listPage(0, 1);
      if (due.isEmpty() || due.get(0).getDuedate().toInstant().isAfter(until)) {
        return;
      }
      clock.setCurrentTime(due.get(0).getDuedate());
      Job job = management.moveTimerToExecutableJob(due.get(0).getId());
      management.executeJob(job.getId());
    }
    throw new IllegalStateException("timers keep firing before " + until);
  }

  private void apply(String id, EngineScenario.Act act) {
    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();
    if (act instanceof EngineScenario.Respond r) {
      Task task = tasks.createTaskQuery().processInstanceId(id).taskDefinitionKeyLike("stage_%")
          .singleResult();
      tasks.complete(task.getId(), Map.of("response", r.resolving() ? "resolved" : "unsatisfactory"));
    } else if (act instanceof EngineScenario.Bypass b) {
      runtime.setVariable(id, "bypassTo", b.target());
      message(id, "bypass");
    } else if (act instanceof EngineScenario.Refer r) {
      message(id, "refer:" + r.outcome());
    } else {
      if (act instanceof EngineScenario.Agree a) {
        runtime.setVariable(id, "agreed_" + a.role(), true);
      } else if (act instanceof EngineScenario.Advise a) {
        runtime.setVariable(id, "advised_" + a.role(), true);
      } else if (act instanceof EngineScenario.Set s) {
        runtime.setVariable(id, s.attribute(), s.value());
      }
      // something changed: a wait for preconditions looks again
      for (Task wait : tasks.createTaskQuery().processInstanceId(id).taskDefinitionKeyLike("wait_%")
          .list()) {
        tasks.complete(wait.getId());
      }
    }
  }

  private void message(String id, String name) {
    Execution execution = engine.getRuntimeService().createExecutionQuery().processInstanceId(id)
        .messageEventSubscriptionName(name).list().get(0);
    engine.getRuntimeService().messageEventReceived(name, execution.getId());
  }

  /** "ended at outcome_x", "waiting at wait_y" or "at stage_z". */
  private String end(String id) {
    HistoryService history = engine.getHistoryService();
    var instance = history.createHistoricProcessInstanceQuery().processInstanceId(id)
        .singleResult();
    if (instance.getEndTime() != null) {
      return "ended at " + instance.getEndActivityId();
    }
    List<String> open = engine.getTaskService().createTaskQuery().processInstanceId(id).list()
        .stream().map(Task::getTaskDefinitionKey).sorted().toList();
    return (open.stream().anyMatch(t -> t.startsWith("wait_")) ? "waiting at " : "at ")
        + String.join(", ", open);
  }

  @Override
  public void close() {
    engine.close();
  }
}
