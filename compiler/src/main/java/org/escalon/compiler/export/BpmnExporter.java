package org.escalon.compiler.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.escalon.compiler.diagram.Words;
import org.escalon.model.Condition;
import org.escalon.model.Outcome;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.Stage;
import org.escalon.model.Step;
import org.escalon.model.Target;
import org.escalon.model.Trigger;

/**
 * A protocol as a BPMN 2.0 process that a workflow engine runs (see docs/exports.md for the
 * variables a host sets and the business calendars it registers).
 *
 * <p>Each stage is a user task for the roles it goes to. Its timescale is an interrupting timer
 * boundary event whose path throws an escalation event (the timeout) and goes on to the stage the
 * protocol names; completing the task with {@code response} = {@code resolved} or anything else
 * takes the resolved or the unsatisfactory path. Outcomes are end events. A stage or outcome with
 * preconditions is entered through a gateway that waits in a user task until they hold. Bypass
 * rights are a message boundary event ({@code bypass}) on every stage; start rights and triggers
 * choose the first stage from {@code startAt}; rights to refer at any time are event
 * sub-processes, non-interrupting when the referral runs concurrently. Which stages have been
 * completed is kept in variables by execution listeners, so that preconditions can be tested. The
 * diagram interchange ({@link BpmnDiagram}) draws every element, so that a modeller opens it.
 */
public final class BpmnExporter {

  static final String MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String FLOWABLE = "http://flowable.org/bpmn";
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  /** The BPMN of a protocol. */
  public String export(Protocol protocol) {
    return new Builder(protocol).write();
  }

  /** The id of the process: the protocol file's name without {@code .esc}. */
  public static String processId(Protocol protocol) {
    String file = protocol.span().file().replace('\\', '/');
    String name = file.substring(file.lastIndexOf('/') + 1).replaceAll("\\.esc$", "");
    String id = name.replaceAll("[^A-Za-z0-9_.-]", "_");
    return id.isEmpty() ? "protocol" : Character.isLetter(id.charAt(0)) ? id : "_" + id;
  }

  /** The id of the node that stands for a stage or outcome. */
  public static String node(Target target) {
    return target instanceof Target.ToStage s ? "stage_" + safe(s.key())
        : "outcome_" + safe(((Target.ToOutcome) target).name());
  }

  static String safe(String key) {
    return key.replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  /** A sequence flow; {@code completes} names the stage it leaves unresolved, if it does. */
  /** The variable a bypass sets to the index of the stage it leaves. */
  private static final String BYPASS_FROM = "bypassFrom";

  private record Flow(String id, String from, String to, String name, String condition,
      String completes) {}

  /** Builds the process: nodes are written as they are met, flows gathered and written last. */
  private static final class Builder {
    private final Protocol protocol;
    private final Words words;
    private final XmlWriter xml = new XmlWriter();
    private final List<Flow> flows = new ArrayList<>();
    private final Set<Target> gated = new LinkedHashSet<>();
    private final Set<String> outcomesReached = new LinkedHashSet<>();
    private final BpmnDiagram diagram = new BpmnDiagram();
    private final List<Flow> innerFlows = new ArrayList<>();

    Builder(Protocol protocol) {
      this.protocol = protocol;
      this.words = new Words(protocol);
    }

    String write() {
      String id = processId(protocol);
      xml.open("definitions", "xmlns", MODEL, "xmlns:xsi", XSI, "xmlns:flowable", FLOWABLE,
          "xmlns:bpmndi", BpmnDiagram.DI, "xmlns:dc", BpmnDiagram.DC, "xmlns:di", BpmnDiagram.DD,
          "id", "definitions_" + id, "name", protocol.name(),
          "targetNamespace", "urn:escalon:protocol:" + id, "exporter", "Escalon",
          "exporterVersion", "1");
      if (hasBypass()) {
        xml.empty("message", "id", "message_bypass", "name", "bypass");
      }
      for (String outcome : referOutcomes().keySet()) {
        xml.empty("message", "id", "message_refer_" + safe(outcome), "name", "refer:" + outcome);
      }
      for (Stage stage : protocol.stages()) {
        if (!stage.timescales().isEmpty()) {
          xml.empty("escalation", "id", "escalation_" + safe(stage.key()),
              "name", "No response at " + Words.stage(stage.key()),
              "escalationCode", "timeout:" + stage.key());
        }
      }
      xml.open("process", "id", id, "name", protocol.name(), "isExecutable", "true");
      xml.text("documentation", documentation());
      start();
      for (Stage stage : protocol.stages()) {
        stage(stage);
      }
      bypass();
      gates();
      for (Outcome outcome : protocol.outcomes()) {
        if (outcomesReached.contains(outcome.name())) {
          String end = node(new Target.ToOutcome(outcome.name()));
          diagram.event(end, anchor(new Target.ToOutcome(outcome.name()))
              + BpmnDiagram.TASK_WIDTH / 2, BpmnDiagram.TASK_Y + 500);
          xml.open("endEvent", "id", end, "name", outcome.title());
          xml.text("documentation", outcomeDocumentation(outcome));
          xml.close("endEvent");
        }
      }
      referrals();
      for (Flow flow : flows) {
        flow(flow);
      }
      xml.close("process");
      List<BpmnDiagram.Edge> edges = new ArrayList<>();
      Stream.concat(flows.stream(), innerFlows.stream())
          .forEach(f -> edges.add(new BpmnDiagram.Edge(f.id(), f.from(), f.to())));
      diagram.write(xml, id, edges);
      return xml.close("definitions").toString();
    }

    private String documentation() {
      StringBuilder doc = new StringBuilder(protocol.name());
      protocol.header().version().ifPresent(v -> doc.append(", version ").append(v));
      doc.append(". Raised by ").append(words.role(protocol.header().raisedBy()))
          .append(". Generated by Escalon from ").append(processId(protocol)).append(".esc")
          .append("; see docs/exports.md for the variables and business calendars it uses.");
      return doc.toString();
    }

    // ---------------------------------------------------------------------------------------
    // Raising

    private void start() {
      xml.empty("startEvent", "id", "raised", "name", "Raised by "
          + words.role(protocol.header().raisedBy()));
      int row = BpmnDiagram.TASK_Y + BpmnDiagram.TASK_HEIGHT / 2;
      diagram.event("raised", 40, row);
      Target first = new Target.ToStage(protocol.stages().get(0).key());
      Set<String> starts = new LinkedHashSet<>();
      for (Right r : protocol.rights()) {
        if (r.kind() == Right.Kind.START) {
          r.targets().forEach(t -> starts.add(((Target.ToStage) t).key()));
        }
      }
      protocol.triggers().stream().map(Trigger::raiseAt).forEach(starts::add);
      starts.remove(protocol.stages().get(0).key());
      if (starts.isEmpty()) {
        connect("raised", first, null, null, null);
        return;
      }
      connect("raised", "start_at", null, null, null);
      for (String key : starts) {
        connect("start_at", new Target.ToStage(key), "start at " + Words.stage(key),
            BpmnExpressions.variable("startAt") + " == '" + key + "'", null);
      }
      Flow fallback = connect("start_at", first, "start at the first stage", null, null);
      xml.empty("exclusiveGateway", "id", "start_at", "name", "Start at which stage?",
          "default", fallback.id());
      diagram.gateway("start_at", 100, row - BpmnDiagram.GATEWAY / 2);
    }

    // ---------------------------------------------------------------------------------------
    // Stages

    private void stage(Stage stage) {
      String task = node(new Target.ToStage(stage.key()));
      int x = anchor(new Target.ToStage(stage.key()));
      int y = BpmnDiagram.TASK_Y;
      diagram.task(task, x, y);
      diagram.gateway(task + "_response", x + 140, y + 15);
      xml.open("userTask", "id", task, "name", stage.title());
      xml.text("documentation", stageDocumentation(stage));
      List<String> owners = new ArrayList<>();
      for (Step step : stage.steps()) {
        if (step instanceof Step.EscalateTo e) {
          e.roles().forEach(r -> owners.add("group(" + r + ")"));
        }
      }
      if (!owners.isEmpty()) {
        xml.open("potentialOwner").open("resourceAssignmentExpression")
            .text("formalExpression", String.join(", ", owners.stream().distinct().toList()))
            .close("resourceAssignmentExpression").close("potentialOwner");
      }
      xml.close("userTask");
      String response = task + "_response";
      connect(task, response, null, null, null);
      connect(response, stage.transitions().onResolved(), "resolved",
          BpmnExpressions.variable("response") + " == 'resolved'", null);
      Flow unsatisfactory = connect(response, stage.transitions().onUnsatisfactory(),
          "not resolved", null, stage.key());
      xml.empty("exclusiveGateway", "id", response, "name", "Resolved?",
          "default", unsatisfactory.id());
      BpmnExpressions.timer(stage).ifPresent(timer -> deadline(stage, task, timer));
      if (hasBypass()) {
        diagram.event(task + "_bypass", x + 80, y);
        xml.open("boundaryEvent", "id", task + "_bypass", "name", "Bypassed",
            "attachedToRef", task, "cancelActivity", "true");
        xml.empty("messageEventDefinition", "messageRef", "message_bypass");
        xml.close("boundaryEvent");
        connect(task + "_bypass", "bypass_to", null, null, stage.key());
      }
      int n = 0;
      for (Step step : stage.steps()) {
        if (step instanceof Step.Remind r) {
          reminder(task, r, ++n);
        }
      }
    }

    private void deadline(Stage stage, String task, BpmnExpressions.Timer timer) {
      int x = anchor(new Target.ToStage(stage.key()));
      diagram.event(task + "_deadline", x + 20, BpmnDiagram.TASK_Y + BpmnDiagram.TASK_HEIGHT);
      diagram.event(task + "_timed_out", x + 20, BpmnDiagram.TASK_Y + 160);
      xml.open("boundaryEvent", "id", task + "_deadline", "name", "Deadline: "
          + words.timescales(stage), "attachedToRef", task, "cancelActivity", "true");
      xml.open("timerEventDefinition", "flowable:businessCalendarName", timer.calendar());
      xml.text("timeDuration", timer.description(), "xsi:type", "tFormalExpression");
      xml.close("timerEventDefinition");
      xml.close("boundaryEvent");
      String timedOut = task + "_timed_out";
      xml.open("intermediateThrowEvent", "id", timedOut, "name", "No response at "
          + Words.stage(stage.key()));
      xml.empty("escalationEventDefinition", "escalationRef", "escalation_" + safe(stage.key()));
      xml.close("intermediateThrowEvent");
      connect(task + "_deadline", timedOut, null, null, null);
      connect(timedOut, stage.transitions().onNoResponse(), "no response", null, stage.key());
    }

    private void reminder(String task, Step.Remind r, int n) {
      String id = task + "_reminder_" + n;
      int x = diagramX(task) + 30 - 30 * (n - 1);
      diagram.event(id, x, BpmnDiagram.TASK_Y);
      diagram.event(id + "_sent", x, BpmnDiagram.TASK_Y - 90);
      diagram.event(id + "_done", x, BpmnDiagram.TASK_Y - 160);
      xml.open("boundaryEvent", "id", id, "name", "Every " + r.every(), "attachedToRef", task,
          "cancelActivity", "false");
      xml.open("timerEventDefinition");
      xml.text("timeCycle", "R/" + BpmnExpressions.cycle(r.every()), "xsi:type",
          "tFormalExpression");
      xml.close("timerEventDefinition");
      xml.close("boundaryEvent");
      xml.empty("intermediateThrowEvent", "id", id + "_sent", "name", "Remind "
          + words.roles(r.roles()) + (r.copying().isEmpty() ? ""
              : ", copying " + words.roles(r.copying())));
      xml.empty("endEvent", "id", id + "_done", "name", "Reminder sent");
      connect(id, id + "_sent", null, null, null);
      connect(id + "_sent", id + "_done", null, null, null);
    }

    private String stageDocumentation(Stage stage) {
      List<String> lines = new ArrayList<>(words.recipients(stage.steps()));
      for (Step step : stage.steps()) {
        if (step instanceof Step.Copy c) {
          lines.add("copy " + words.roles(c.roles())
              + c.when().map(w -> " if " + words.condition(w)).orElse(""));
        }
      }
      String timescales = words.timescales(stage);
      lines.add(timescales.isEmpty() ? "no timescale" : "respond " + timescales);
      stage.citations().forEach(c -> lines.add("source: " + c.text()));
      return String.join("\n", lines);
    }

    private String outcomeDocumentation(Outcome outcome) {
      List<String> lines = new ArrayList<>(words.recipients(outcome.steps()));
      outcome.citations().forEach(c -> lines.add("source: " + c.text()));
      return lines.isEmpty() ? outcome.title() : String.join("\n", lines);
    }

    // ---------------------------------------------------------------------------------------
    // Rights

    private boolean hasBypass() {
      return protocol.rights().stream().anyMatch(r -> r.kind() == Right.Kind.BYPASS);
    }

    /** One gateway for every bypass: {@code bypassTo} names the stage or outcome. */
    private void bypass() {
      if (!hasBypass()) {
        return;
      }
      Map<Target, List<Right>> byTarget = new LinkedHashMap<>();
      for (Right r : protocol.rights()) {
        if (r.kind() == Right.Kind.BYPASS) {
          r.targets().forEach(t -> byTarget.computeIfAbsent(t, k -> new ArrayList<>()).add(r));
        }
      }
      byTarget.forEach((target, rights) -> {
        String name = target instanceof Target.ToStage s ? s.key()
            : ((Target.ToOutcome) target).name();
        String test = BpmnExpressions.variable("bypassTo") + " == '" + name + "'";
        // each right that covers the target allows it when its condition holds and, for `any
        // later stage` (RightsTable.reaches), when it comes from a stage before the target
        List<String> allows = rights.stream().map(r -> allows(r, target)).toList();
        if (allows.stream().noneMatch(String::isEmpty)) {
          test += " and (" + String.join(" or ", allows.stream().map(a -> "(" + a + ")")
              .toList()) + ")";
        }
        connect("bypass_to", target, "bypass to " + words.target(target), test, null);
      });
      diagram.gateway("bypass_to", BpmnDiagram.column(protocol.stages().size() / 2) + 25, 20);
      xml.open("exclusiveGateway", "id", "bypass_to", "name", "Bypass to which stage?");
      xml.text("documentation", String.join("\n", protocol.rights().stream()
          .filter(r -> r.kind() == Right.Kind.BYPASS).map(words::right).toList()));
      xml.close("exclusiveGateway");
    }

    /** What a bypass right needs besides the target's name; empty when nothing. */
    private String allows(Right r, Target target) {
      List<String> parts = new ArrayList<>();
      r.when().ifPresent(c -> parts.add(BpmnExpressions.condition(c)));
      if (r.laterOnly() && target instanceof Target.ToStage s) {
        parts.add(BpmnExpressions.variable(BYPASS_FROM) + " < " + stageIndex(s.key()));
      }
      return String.join(" and ", parts);
    }

    private int stageIndex(String key) {
      return protocol.stages().stream().map(st -> st.key()).toList().indexOf(key);
    }

    /** The outcomes that may be referred to at any time, with whether it runs concurrently. */
    private Map<String, Right> referOutcomes() {
      Map<String, Right> out = new LinkedHashMap<>();
      for (Right r : protocol.rights()) {
        if (r.kind() == Right.Kind.REFER) {
          r.targets().forEach(t -> out.putIfAbsent(((Target.ToOutcome) t).name(), r));
        }
      }
      return out;
    }

    private int referrals;

    private void referrals() {
      referOutcomes().forEach((name, right) -> {
        String id = "refer_" + safe(name);
        Outcome outcome = protocol.outcome(name).orElseThrow();
        int x = BpmnDiagram.column(referrals++);
        int y = BpmnDiagram.TASK_Y + 600;
        diagram.subProcess(id, x, y, 220, 100);
        diagram.event(id + "_start", x + 40, y + 50);
        diagram.event(id + "_end", x + 180, y + 50);
        xml.open("subProcess", "id", id, "name", words.right(right), "triggeredByEvent", "true");
        xml.open("startEvent", "id", id + "_start", "name", "Referral to " + outcome.title(),
            "isInterrupting", right.concurrently() ? "false" : "true");
        xml.empty("messageEventDefinition", "messageRef", "message_refer_" + safe(name));
        xml.close("startEvent");
        xml.open("endEvent", "id", id + "_end", "name", outcome.title());
        xml.text("documentation", outcomeDocumentation(outcome));
        xml.close("endEvent");
        Flow inside = new Flow(id + "_flow", id + "_start", id + "_end", null, null, null);
        flow(inside);
        innerFlows.add(inside);
        xml.close("subProcess");
      });
    }

    // ---------------------------------------------------------------------------------------
    // Entering stages and outcomes

    /** A flow into a stage or outcome, through its gate when it has preconditions. */
    private Flow connect(String from, Target target, String name, String condition,
        String completes) {
      return connect(from, entry(target), name, condition, completes);
    }

    private Flow connect(String from, String to, String name, String condition,
        String completes) {
      Flow flow = new Flow("flow_" + (flows.size() + 1), from, to, name, condition, completes);
      flows.add(flow);
      return flow;
    }

    private String entry(Target target) {
      if (target instanceof Target.ToOutcome o) {
        Outcome outcome = protocol.outcome(o.name()).orElseThrow();
        outcomesReached.add(o.name());
        if (outcome.preconditions().isEmpty()) {
          return node(target);
        }
      } else {
        Stage stage = protocol.stage(((Target.ToStage) target).key()).orElseThrow();
        if (stage.preconditions().isEmpty() && stage.onlyIf().isEmpty()) {
          return node(target);
        }
      }
      gated.add(target);
      return "enter_" + node(target);
    }

    /**
     * The gates, as the engine enters a target: wait until the preconditions hold, then skip a
     * stage whose condition does not hold (on to where no response would lead).
     */
    private void gates() {
      Set<Target> done = new LinkedHashSet<>();
      while (!done.containsAll(gated)) {
        Target target = gated.stream().filter(t -> !done.contains(t)).findFirst().orElseThrow();
        done.add(target);
        gate(target);
      }
    }

    private void gate(Target target) {
      String gate = "enter_" + node(target);
      String wait = "wait_" + node(target);
      List<String> requires = words.requirements(target);
      Optional<Stage> stage = target instanceof Target.ToStage s
          ? protocol.stage(s.key()) : Optional.empty();
      List<org.escalon.model.Precondition> preconditions = stage.map(Stage::preconditions)
          .orElseGet(() -> protocol.outcome(((Target.ToOutcome) target).name()).orElseThrow()
              .preconditions());
      Optional<Condition> onlyIf = stage.flatMap(Stage::onlyIf);
      int x = anchor(target);
      diagram.gateway(gate, x, BpmnDiagram.TASK_Y + 300);
      String next = onlyIf.isPresent() ? "applies_" + node(target) : node(target);
      if (preconditions.isEmpty()) {
        connect(gate, next, null, null, null);
        xml.empty("exclusiveGateway", "id", gate, "name", "Enter " + words.title(target));
      } else {
        connect(gate, next, "preconditions hold",
            BpmnExpressions.preconditions(preconditions), null);
        Flow waiting = connect(gate, wait, "not yet", null, null);
        diagram.task(wait, x - 25, BpmnDiagram.TASK_Y + 380);
        xml.empty("exclusiveGateway", "id", gate, "name", "Enter " + words.title(target)
            + "?", "default", waiting.id());
        xml.open("userTask", "id", wait, "name", "Waiting to enter " + words.title(target));
        xml.text("documentation", "Complete this task when something changes, to test again: "
            + String.join("; ", requires));
        xml.close("userTask");
        connect(wait, gate, null, null, null);
      }
      if (onlyIf.isPresent()) {
        String applies = "applies_" + node(target);
        diagram.gateway(applies, x + 70, BpmnDiagram.TASK_Y + 300);
        connect(applies, node(target), "it applies",
            BpmnExpressions.condition(onlyIf.get()), null);
        Flow skip = connect(applies, stage.get().transitions().onNoResponse(),
            "skipped: it does not apply", null, null);
        xml.empty("exclusiveGateway", "id", applies, "name", "Does " + words.title(target)
            + " apply?", "default", skip.id());
      }
    }

    /** The left edge of the column a stage or outcome is drawn in. */
    private int anchor(Target target) {
      if (target instanceof Target.ToStage s) {
        List<String> keys = protocol.stages().stream().map(Stage::key).toList();
        return BpmnDiagram.column(keys.indexOf(s.key()));
      }
      List<String> names = protocol.outcomes().stream().map(Outcome::name).toList();
      return BpmnDiagram.column(protocol.stages().size()
          + names.indexOf(((Target.ToOutcome) target).name()));
    }

    private int diagramX(String task) {
      for (Stage stage : protocol.stages()) {
        if (node(new Target.ToStage(stage.key())).equals(task)) {
          return anchor(new Target.ToStage(stage.key()));
        }
      }
      return 0;
    }

    private void flow(Flow flow) {
      boolean body = flow.condition() != null || flow.completes() != null;
      String[] attributes = {"id", flow.id(), "name", flow.name(), "sourceRef", flow.from(),
          "targetRef", flow.to()};
      if (!body) {
        xml.empty("sequenceFlow", attributes);
        return;
      }
      xml.open("sequenceFlow", attributes);
      if (flow.completes() != null) {
        xml.open("extensionElements");
        xml.empty("flowable:executionListener", "event", "take", "expression",
            BpmnExpressions.expression("execution.setVariable('"
                + BpmnExpressions.completed(flow.completes()) + "', true)"));
        if (flow.to().equals("bypass_to") && protocol.rights().stream()
            .anyMatch(Right::laterOnly)) {
          // where a bypass comes from, for `any later stage`
          xml.empty("flowable:executionListener", "event", "take", "expression",
              BpmnExpressions.expression("execution.setVariable('" + BYPASS_FROM + "', "
                  + stageIndex(flow.completes()) + ")"));
        }
        xml.close("extensionElements");
      }
      if (flow.condition() != null) {
        xml.text("conditionExpression", BpmnExpressions.expression(flow.condition()),
            "xsi:type", "tFormalExpression");
      }
      xml.close("sequenceFlow");
    }
  }
}
