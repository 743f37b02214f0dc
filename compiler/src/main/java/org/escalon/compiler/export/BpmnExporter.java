package org.escalon.compiler.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.escalon.describe.PlainEnglish;
import org.escalon.machine.Guard;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.Requirement;
import org.escalon.machine.RightsTable;
import org.escalon.machine.Route;
import org.escalon.machine.StageRule;
import org.escalon.machine.TargetCases;
import org.escalon.model.Outcome;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.Stage;
import org.escalon.model.Step;
import org.escalon.model.Target;
import org.escalon.model.Transitions;
import org.escalon.model.Trigger;

/**
 * A protocol as a BPMN 2.0 process that a workflow engine runs (see docs/exports.md for the
 * variables a host sets and the business calendars it registers), printed from the protocol's
 * operational model: its routes, guards and timescale choices are the ones the engine runs.
 *
 * <p>Each stage is a user task for the roles it goes to. Its timescale is an interrupting timer
 * boundary event whose path throws an escalation event (the timeout) and goes on to the stage the
 * protocol names; completing the task with {@code response} = {@code resolved} or anything else
 * takes the resolved or the unsatisfactory path. Outcomes are end events. A stage or outcome with
 * preconditions is entered through a gateway that waits in a user task until they hold. Bypass
 * rights are a message boundary event ({@code bypass}) on every stage; start rights and triggers
 * choose the first stage from {@code startAt}; rights to refer at any time are event
 * sub-processes, non-interrupting when the referral runs concurrently. A move towards a stage
 * whose {@code only if} may not hold goes through a gateway with one flow per branch of its
 * {@link Route}. Which stages have been
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
    return TargetCases.on(target, new TargetCases<>() {
      @Override
      public String stage(String key) {
        return "stage_" + safe(key);
      }

      @Override
      public String outcome(String name) {
        return "outcome_" + safe(name);
      }
    });
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
    private final OperationalModel model;
    private final PlainEnglish words;
    private final XmlWriter xml = new XmlWriter();
    private final List<Flow> flows = new ArrayList<>();
    private final Set<Target> routed = new LinkedHashSet<>();
    private final Set<Target> gated = new LinkedHashSet<>();
    private final Set<String> outcomesReached = new LinkedHashSet<>();
    private final BpmnDiagram diagram = new BpmnDiagram();
    private final List<Flow> innerFlows = new ArrayList<>();

    Builder(Protocol protocol) {
      this.protocol = protocol;
      this.model = OperationalModel.of(protocol);
      this.words = new PlainEnglish(protocol);
    }

    String write() {
      String id = processId(protocol);
      xml.open("definitions", "xmlns", MODEL, "xmlns:xsi", XSI, "xmlns:flowable", FLOWABLE,
          "xmlns:bpmndi", BpmnDiagram.DI, "xmlns:dc", BpmnDiagram.DC, "xmlns:di", BpmnDiagram.DD,
          "id", "definitions_" + id, "name", protocol.name(),
          "targetNamespace", "urn:escalon:protocol:" + id, "exporter", "Escalon",
          "exporterVersion", "1");
      if (protocol.stages().stream().anyMatch(Builder::soft)) {
        xml.empty("message", "id", "message_escalate", "name", "escalate");
      }
      if (hasBypass()) {
        xml.empty("message", "id", "message_bypass", "name", "bypass");
      }
      for (String outcome : referOutcomes().keySet()) {
        xml.empty("message", "id", "message_refer_" + safe(outcome), "name", "refer:" + outcome);
      }
      for (Stage stage : protocol.stages()) {
        if (!stage.timescales().isEmpty()) {
          xml.empty("escalation", "id", "escalation_" + safe(stage.key()),
              "name", "No response at " + PlainEnglish.stage(stage.key()),
              "escalationCode", "timeout:" + stage.key());
        }
      }
      xml.open("process", "id", id, "name", protocol.name(), "isExecutable", "true");
      xml.text("documentation", documentation());
      start();
      for (StageRule stage : model.stages()) {
        stage(stage, protocol.stage(stage.key()).orElseThrow());
      }
      bypass();
      routesAndGates();
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
      doc.append(". Raised by ").append(words.raisers())
          .append(". Generated by Escalon from ").append(processId(protocol)).append(".esc")
          .append("; see docs/exports.md for the variables and business calendars it uses.");
      // BPMN has no way to refuse a change of process variables: the invariant is stated, and
      // the host (or Escalon's engine) enforces it
      for (org.escalon.model.Invariant invariant : protocol.invariants()) {
        doc.append(" Invariant, ").append(invariant.title()).append(": while the escalation is ")
            .append("open, ").append(words.condition(invariant.condition()))
            .append(" (not enforced by this process).");
      }
      // a duty to go at once is in the route gateways (the model's routes carry it); a move
      // when a variable changes under a waiting task, and steps done at once, BPMN cannot say
      for (org.escalon.model.AtOnce a : protocol.atOnce()) {
        doc.append(" At once: when ").append(words.condition(a.when()));
        a.goTo().ifPresent(t -> doc.append(", go straight to ").append(words.target(t))
            .append(" (taken where a route arrives; not when the condition comes to hold while a "
                + "task waits)"));
        if (!a.steps().isEmpty()) {
          doc.append(a.goTo().isPresent() ? "; and " : ", ").append(a.steps().size())
              .append(" step(s) done at once (not in this process)");
        }
        doc.append('.');
      }
      return doc.toString();
    }

    // ---------------------------------------------------------------------------------------
    // Raising

    private void start() {
      xml.empty("startEvent", "id", "raised", "name", "Raised by "
          + words.raisers());
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
        connect("start_at", new Target.ToStage(key), "start at " + PlainEnglish.stage(key),
            BpmnExpressions.variable("startAt") + " == '" + key + "'", null);
      }
      Flow fallback = connect("start_at", first, "start at the first stage", null, null);
      xml.empty("exclusiveGateway", "id", "start_at", "name", "Start at which stage?",
          "default", fallback.id());
      diagram.gateway("start_at", 100, row - BpmnDiagram.GATEWAY / 2);
    }

    // ---------------------------------------------------------------------------------------
    // Stages

    private void stage(StageRule rule, Stage stage) {
      String task = node(new Target.ToStage(stage.key()));
      int x = anchor(new Target.ToStage(stage.key()));
      int y = BpmnDiagram.TASK_Y;
      diagram.task(task, x, y);
      diagram.gateway(task + "_response", x + 140, y + 15);
      xml.open("userTask", "id", task, "name", stage.title());
      xml.text("documentation", stageDocumentation(stage));
      // a substitute (`to A, or B when unavailable`) may claim the task too: the documentation
      // says when; BPMN has no unavailability, so the host decides who claims it (docs/exports.md)
      List<String> owners = java.util.stream.Stream.concat(rule.respondents().roles().stream(),
              rule.respondents().substitutes().stream()
                  .filter(s -> rule.respondents().roles().contains(s.addressee()))
                  .map(org.escalon.machine.Respondents.Substitute::role))
          .distinct().map(r -> "group(" + r + ")").toList();
      if (!owners.isEmpty()) {
        xml.open("potentialOwner").open("resourceAssignmentExpression")
            .text("formalExpression", String.join(", ", owners))
            .close("resourceAssignmentExpression").close("potentialOwner");
      }
      xml.close("userTask");
      String response = task + "_response";
      connect(task, response, null, null, null);
      exit(response, stage, Transitions.Response.RESOLVED, "resolved",
          BpmnExpressions.variable("response") + " == 'resolved'", null);
      Flow unsatisfactory = exit(response, stage, Transitions.Response.UNSATISFACTORY,
          "not resolved", null, stage.key());
      xml.empty("exclusiveGateway", "id", response, "name", "Resolved?",
          "default", unsatisfactory.id());
      BpmnExpressions.timer(rule.timescales())
          .ifPresent(timer -> deadline(rule, stage, task, timer));
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

    private void deadline(StageRule rule, Stage stage, String task,
        BpmnExpressions.Timer timer) {
      int x = anchor(new Target.ToStage(stage.key()));
      diagram.event(task + "_deadline", x + 20, BpmnDiagram.TASK_Y + BpmnDiagram.TASK_HEIGHT);
      diagram.event(task + "_timed_out", x + 20, BpmnDiagram.TASK_Y + 160);
      boolean soft = soft(stage);
      // a workflow engine keeps a name in 255 characters (Flowable's ACT_NAME_)
      String name = "Deadline: " + words.timescales(stage);
      xml.open("boundaryEvent", "id", task + "_deadline", "name", name.length() <= 255 ? name
          : name.substring(0, 252) + "...", "attachedToRef", task, "cancelActivity", soft
          ? "false" : "true");
      xml.open("timerEventDefinition", "flowable:businessCalendarName", timer.calendar());
      xml.text("timeDuration", timer.description(), "xsi:type", "tFormalExpression");
      xml.close("timerEventDefinition");
      xml.close("boundaryEvent");
      String timedOut = task + "_timed_out";
      if (soft) {
        // a soft deadline: the timer does not interrupt the task; missing it is recorded, and
        // the escalator's message moves the escalation on where no response goes
        String missed = task + "_missed";
        diagram.event(missed, x + 60, BpmnDiagram.TASK_Y + 160);
        xml.empty("endEvent", "id", missed, "name", "Soft deadline missed at "
            + PlainEnglish.stage(stage.key()) + ": recorded");
        connect(task + "_deadline", missed, null, null, null);
        diagram.event(task + "_escalate", x + 50, BpmnDiagram.TASK_Y + BpmnDiagram.TASK_HEIGHT);
        xml.open("boundaryEvent", "id", task + "_escalate", "name", "Escalated by "
            + stage.escalatedBy().map(e -> e.role())
                .orElse(String.join(" or ", protocol.header().raisers()))
            + " after the soft deadline", "attachedToRef", task,
            "cancelActivity", "true");
        xml.empty("messageEventDefinition", "messageRef", "message_escalate");
        xml.close("boundaryEvent");
        xml.open("intermediateThrowEvent", "id", timedOut, "name", "No response at "
            + PlainEnglish.stage(stage.key()));
        xml.empty("escalationEventDefinition", "escalationRef", "escalation_" + safe(stage.key()));
        xml.close("intermediateThrowEvent");
        connect(task + "_escalate", timedOut, null, null, null);
        exit(timedOut, stage, Transitions.Response.NO_RESPONSE, "no response", null, stage.key());
        return;
      }
      xml.open("intermediateThrowEvent", "id", timedOut, "name", "No response at "
          + PlainEnglish.stage(stage.key()));
      xml.empty("escalationEventDefinition", "escalationRef", "escalation_" + safe(stage.key()));
      xml.close("intermediateThrowEvent");
      connect(task + "_deadline", timedOut, null, null, null);
      exit(timedOut, stage, Transitions.Response.NO_RESPONSE, "no response", null, stage.key());
    }

    /**
     * Where a response leaves a stage: straight to its route, or, where the case chooses the
     * route ({@code when ... if}), through a gateway that asks each condition in the order
     * written, the route without one its default.
     */
    private Flow exit(String from, Stage stage, Transitions.Response on, String name,
        String condition, String completes) {
      Target otherwise = stage.transitions().otherwise(on);
      List<Transitions.Choice> choices = stage.transitions().choices(on);
      if (choices.isEmpty()) {
        return connect(from, otherwise, name, condition, completes);
      }
      String id = node(new Target.ToStage(stage.key())) + "_"
          + on.name().toLowerCase(java.util.Locale.ROOT) + "_route";
      diagram.gateway(id, anchor(new Target.ToStage(stage.key())) + 140,
          BpmnDiagram.TASK_Y + 90 + 50 * on.ordinal());
      Flow in = connect(from, id, name, condition, completes);
      for (Transitions.Choice c : choices) {
        connect(id, c.to(), "if " + words.condition(c.when()),
            BpmnExpressions.guard(OperationalModel.guard(c.when())), null);
      }
      Flow fallback = connect(id, otherwise, "otherwise", null, null);
      xml.empty("exclusiveGateway", "id", id, "name", "Which route does the case take?",
          "default", fallback.id());
      return in;
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
      // how steps are done (channels, good practice) is told, not modelled: the export has no
      // task per step, so a channel cannot become a BPMN send task
      lines.addAll(words.manners(stage.steps()));
      String timescales = words.timescales(stage);
      lines.add(timescales.isEmpty() ? "no timescale" : "respond " + timescales);
      if (!stage.timescales().isEmpty()
          && stage.timescales().stream().allMatch(org.escalon.model.Timescale::awaitsValue)) {
        // BpmnExpressions.timer gives none: say why, where the reader of the process looks
        lines.add("no timer: the stage " + org.escalon.machine.Interpreter.noDeadline(stage)
            + " (the policy gives no figure; the assumption bounds the tools, not the case)");
      }
      stage.citations().forEach(c -> lines.add("source: " + c.text()));
      return String.join("\n", lines);
    }

    private String outcomeDocumentation(Outcome outcome) {
      List<String> lines = new ArrayList<>(words.recipients(outcome.steps()));
      lines.addAll(words.manners(outcome.steps()));
      outcome.citations().forEach(c -> lines.add("source: " + c.text()));
      return lines.isEmpty() ? outcome.title() : String.join("\n", lines);
    }

    // ---------------------------------------------------------------------------------------
    // Rights

    /**
     * Whether the stage's deadline is soft whichever timescale applies; a stage whose timescales
     * differ in firmness is drawn with a firm timer (docs/exports.md).
     */
    private static boolean soft(Stage stage) {
      return !stage.timescales().isEmpty()
          && stage.timescales().stream().allMatch(org.escalon.model.Timescale::soft);
    }

    private boolean hasBypass() {
      return protocol.rights().stream().anyMatch(r -> r.kind() == Right.Kind.BYPASS);
    }

    /** One gateway for every bypass: {@code bypassTo} names the stage or outcome. */
    private void bypass() {
      if (!hasBypass()) {
        return;
      }
      // each right that covers a target allows it when its guard holds and, for `any later
      // stage` (RightsTable.reaches), when it comes from a stage before the target
      Map<Target, List<String>> byTarget = new LinkedHashMap<>();
      for (RightsTable.Entry e : model.rights().entries(Right.Kind.BYPASS)) {
        e.right().targets().forEach(t -> byTarget.computeIfAbsent(t, k -> new ArrayList<>())
            .add(allows(e, t)));
      }
      byTarget.forEach((target, allows) -> {
        String test = BpmnExpressions.variable("bypassTo") + " == '" + TargetCases.name(target)
            + "'";
        // who may bypass is the host's to check; whether any right to do it holds is not
        if (!allows.contains("")) {
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
    private String allows(RightsTable.Entry e, Target target) {
      List<String> parts = new ArrayList<>();
      if (!e.when().equals(Guard.ALWAYS)) {
        parts.add(BpmnExpressions.guard(e.when()));
      }
      if (e.right().laterOnly() && target instanceof Target.ToStage s) {
        parts.add(BpmnExpressions.variable(BYPASS_FROM) + " < " + stageIndex(s.key()));
      }
      // bracketed when joined: a guard's `or` binds looser than this `and`
      return parts.size() == 1 ? parts.get(0)
          : String.join(" and ", parts.stream().map(p -> "(" + p + ")").toList());
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
    // Entering stages and outcomes: the model's routes, then the requirements of where they lead

    /** A flow towards a stage or outcome: through its route, then its gate. */
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

    /** Where a move towards the target goes first: its route's gateway when it can skip. */
    private String entry(Target target) {
      Route route = model.route(target);
      if (route.branches().size() == 1) {
        return arrival(route.branches().get(0).to());
      }
      routed.add(target);
      return "route_" + node(target);
    }

    /** Where a route's branch arrives: the stage or outcome, through a gate if it requires. */
    private String arrival(Target to) {
      TargetCases.on(to, new TargetCases<Void>() {
        @Override
        public Void stage(String key) {
          return null;
        }

        @Override
        public Void outcome(String name) {
          outcomesReached.add(name);
          return null;
        }
      });
      if (model.requires(to).isEmpty()) {
        return node(to);
      }
      gated.add(to);
      return "enter_" + node(to);
    }

    /** The routes and gates met so far, and those they lead to, each once. */
    private void routesAndGates() {
      Set<Target> routesDone = new LinkedHashSet<>();
      Set<Target> gatesDone = new LinkedHashSet<>();
      while (!routesDone.containsAll(routed) || !gatesDone.containsAll(gated)) {
        Optional<Target> route = routed.stream().filter(t -> !routesDone.contains(t)).findFirst();
        if (route.isPresent()) {
          routesDone.add(route.get());
          route(model.route(route.get()));
          continue;
        }
        Target gate = gated.stream().filter(t -> !gatesDone.contains(t)).findFirst()
            .orElseThrow();
        gatesDone.add(gate);
        gate(gate);
      }
    }

    /**
     * A route as the engine takes it: the first branch whose guard holds, a stage whose
     * {@code only if} does not hold walked past to where no response would lead. The last
     * branch holds whenever no earlier one does, so it is the gateway's default.
     */
    private void route(Route route) {
      String id = "route_" + node(route.target());
      diagram.gateway(id, anchor(route.target()) + 70, BpmnDiagram.TASK_Y + 300);
      List<Route.Branch> branches = route.branches();
      Flow fallback = null;
      for (int i = 0; i < branches.size(); i++) {
        Route.Branch b = branches.get(i);
        String name = b.skipped().isEmpty() ? "it applies"
            : "skipped: " + PlainEnglish.stages(b.skipped()) + " " + (b.skipped().size() == 1
                ? "does" : "do") + " not apply";
        boolean last = i == branches.size() - 1;
        Flow f = connect(id, arrival(b.to()), name,
            last ? null : BpmnExpressions.guard(b.when()), null);
        fallback = last ? f : fallback;
      }
      xml.empty("exclusiveGateway", "id", id, "name", "Does " + words.title(route.target())
          + " apply?", "default", fallback.id());
    }

    /**
     * A gate in front of a stage or outcome that requires something: while a requirement does
     * not hold the process waits; when something changes, the move is taken again from the
     * route, as the engine retries it.
     */
    private void gate(Target target) {
      String gate = "enter_" + node(target);
      String wait = "wait_" + node(target);
      List<String> requires = words.requirements(target);
      int x = anchor(target);
      diagram.gateway(gate, x, BpmnDiagram.TASK_Y + 300);
      connect(gate, node(target), "requirements hold", BpmnExpressions.all(model
          .requires(target).stream().map(Requirement::guard).toList()), null);
      Flow waiting = connect(gate, wait, "not yet", null, null);
      diagram.task(wait, x - 25, BpmnDiagram.TASK_Y + 380);
      xml.empty("exclusiveGateway", "id", gate, "name", "Enter " + words.title(target)
          + "?", "default", waiting.id());
      xml.open("userTask", "id", wait, "name", "Waiting to enter " + words.title(target));
      xml.text("documentation", "Complete this task when something changes, to test again: "
          + String.join("; ", requires));
      xml.close("userTask");
      connect(wait, target, null, null, null);
    }

    /** The left edge of the column a stage or outcome is drawn in. */
    private int anchor(Target target) {
      return TargetCases.on(target, new TargetCases<>() {
        @Override
        public Integer stage(String key) {
          return BpmnDiagram.column(model.stage(key).orElseThrow().index());
        }

        @Override
        public Integer outcome(String name) {
          List<String> names = model.outcomes().stream().map(o -> o.name()).toList();
          return BpmnDiagram.column(model.stages().size() + names.indexOf(name));
        }
      });
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
