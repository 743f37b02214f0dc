package org.escalon.compiler.generate;

import com.palantir.javapoet.ClassName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.escalon.machine.GuardReads;
import org.escalon.machine.HistoryRuleCases;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.PreconditionCases;
import org.escalon.model.Condition;
import org.escalon.model.ExtensionRule;
import org.escalon.model.HistoryRule;
import org.escalon.model.Outcome;
import org.escalon.model.Precondition;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.Stage;
import org.escalon.model.Step;
import org.escalon.model.Target;
import org.escalon.model.Timescale;
import org.escalon.model.Trigger;

/**
 * What the generated class of one protocol holds and what everything in it is called: the Java
 * name of every stage, outcome, role, attribute, grade and right, and which parts of the state
 * this protocol's decisions need (a protocol without preconditions never waits, one without
 * triggers keeps no gradings). Every name comes from a {@link JavaNames} scope, so none clashes.
 */
final class Plan {

  /** The nested types every generated class has, in the order they are declared. */
  static final List<String> FIXED_TYPES = List.of("Stage", "Outcome", "Place", "Role", "Listener",
      "State", "Known");

  /** Methods of the generated class; attribute setters must not take these names. */
  private static final String[] METHODS = {"protocol", "state", "log", "nextDue", "apply",
      "advanceTo", "raise", "respond", "bypass", "refer", "requestExtension", "grantExtension",
      "declineExtension",
      "agree", "advise", "happened", "grade", "withdraw", "passTimeTo", "status", "stage",
      "deadline", "waitingFor", "outcome", "withdrawn", "raisedBy", "current", "snapshot", "restore",
      "calendar", "heard",
      "getClass", "hashCode", "equals", "toString", "notify", "notifyAll", "wait", "clone",
      "finalize"};

  /** Fields and locals of the generated code; state fields of the protocol must not take these. */
  private static final String[] FIELDS = {"listener", "log", "stage", "deadline", "lastEventAt",
      "waitingFor", "pendingExtension", "extensionAsked", "extensionsHere", "extensionsInTotal",
      "completed", "raisedAt", "raisedBy", "refusal", "gradings", "occurrences", "reminders",
      "stepClocks", "clockNow", "clockDue", "stageStarts", "dates", "c", "k", "clock", "missed", "outcome",
      "withdrawn", "e", "b", "at", "unavailable", "more",
      "by", "next", "target", "event", "now", "due", "l", "p", "s", "o", "r", "key", "value",
      "from", "right", "rule", "amount", "reason", "skips", "replica", "recorder", "saved",
      "refused", "times", "section", "grade", "role", "what", "place", "host", "text", "it",
      "MODEL", "CALENDAR", "NONE", "RULES", "FILE", "calendar", "facts", "effect", "closures", "spec",
      "softStay", "missed"};

  /** The Java types and members that stand for one right: its kind, held by one role or all. */
  record RightGroup(Right.Kind kind, Optional<String> role, ClassName type, List<Target> targets,
      List<Right> rights, Map<Target, String> constants) {}

  final Protocol protocol;
  /** What the protocol means, decided once: the rules are printed from it. */
  final org.escalon.machine.OperationalModel operational;
  final String file;
  final ClassName machine;
  final ClassName model;
  final Map<String, ClassName> types = new LinkedHashMap<>();
  final Map<String, String> stages = new LinkedHashMap<>();
  final Map<String, String> outcomes = new LinkedHashMap<>();
  final Map<String, String> roles = new LinkedHashMap<>();
  final Map<String, ClassName> choiceTypes = new LinkedHashMap<>();
  final Map<String, Map<String, String>> choices = new LinkedHashMap<>();
  final Map<String, ClassName> scaleTypes = new LinkedHashMap<>();
  final Map<String, Map<String, String>> grades = new LinkedHashMap<>();
  final Map<String, String> events = new LinkedHashMap<>();
  final Map<String, String> forms = new LinkedHashMap<>();
  final Map<String, String> setters = new LinkedHashMap<>();
  final Map<String, String> attributeFields = new LinkedHashMap<>();
  final Map<String, String> agreedFields = new LinkedHashMap<>();
  final Map<String, String> advisedFields = new LinkedHashMap<>();
  /** A field for each step a stage requires done before it is entered, by the step's id. */
  final Map<String, String> doneFields = new LinkedHashMap<>();
  final Map<String, String> firedFields = new LinkedHashMap<>();
  /** The bit constant of each fact, when they are packed into one int. */
  final Map<String, String> factBits = new LinkedHashMap<>();
  final List<RightGroup> rightGroups = new ArrayList<>();
  final Optional<ClassName> eventType;
  final Optional<ClassName> formType;
  /** Each form's record of its fields (by form name), named after the form. */
  final Map<String, ClassName> formRecords = new LinkedHashMap<>();

  final boolean waits;
  final boolean extensions;
  final boolean perStageLimit;
  final boolean inTotalLimit;
  final boolean tracksCompleted;
  final boolean tracksRaisedAt;
  final boolean tracksGradings;
  final boolean tracksOccurrences;
  final boolean reminds;
  /** A trigger's rule waits for time ({@code at least D since EVENT}): the machine wakes for it. */
  final boolean waitsForTime;
  /** Whether any step says {@code within}: the machine keeps clocks on steps (issue 14, point 4). */
  final boolean clocks;
  /** Whether a step's deadline counts from another stage's start: the machine keeps the starts. */
  final boolean clocksFromStages;
  /** Whether a step's deadline counts from an event: the event starts its clock. */
  final boolean clocksFromEvents;
  /** Whether the protocol declares known dates: the machine keeps those the host has set. */
  final boolean dates;
  /** Whether a step's deadline counts back from a known date: setting the date starts it. */
  final boolean clocksFromDates;
  /** Whether some stage's timescale is set during the case, so the stay's start is kept. */
  final boolean setsTime;
  /** Whether a timescale waits for its value to be set: a stay may begin with no deadline. */
  final boolean awaitsTime;
  /** Whether some timescale is soft: a missed deadline waits for the escalator. */
  final boolean soft;
  /** Whether some stage is answered jointly ({@code to A and B}), so who has answered is kept. */
  final boolean answersJointly;
  /**
   * Whether some stage names a substitute ({@code to A, or B when unavailable}), so the
   * addressees said to be unavailable this stay are kept.
   */
  final boolean substitutes;

  Plan(Protocol protocol, String packageName, String className) {
    this.operational = org.escalon.machine.OperationalModel.of(protocol);
    this.protocol = protocol;
    this.file = protocol.span().file();
    this.machine = ClassName.get(packageName, className);
    this.model = ClassName.get(packageName, className + "Model");
    JavaNames typeNames = new JavaNames(className, "Object", "String", "Class", "Override",
        "Optional", "List", "Set", "Map", "Instant", "Timespan", "Citation", "Effect", "CaseEvent",
        "EscalationState", "EscalationMachine", "EscalationListener", "RefusedEvent", "Protocol",
        "SourceSpan", "WorkingCalendar", "Consumer", "ArrayList", "TimeUnit", "Math", "Objects",
        "Long", "Integer", "Boolean", "Enum", "Record", "System", "Batch", "StateRecorder",
        "ActiveReminder", "Snapshot", "Right", "Target", "Status", "TreeMap", "Collections",
        "Unmet", "Iterable", "Character", "Number", "Void", "Comparable", "Runnable", "Exception",
        "RuntimeException", "Error", "Thread", "Deprecated", "SuppressWarnings", "Module",
        "Package", "Process", "Runtime", "StringBuilder", "Byte", "Short", "Float", "Double",
        "ZonedDateTime", "BiConsumer", "Function", "Arrays", "LocalDate", "CalendarSpec", "Stream",
        className + "Model");
    for (String fixed : FIXED_TYPES) {
      types.put(fixed, machine.nestedClass(typeNames.type(fixed, fixed)));
    }
    JavaNames stageNames = new JavaNames();
    protocol.stages().forEach(s -> stages.put(s.key(), stageNames.constant(s.key(), "STAGE")));
    JavaNames outcomeNames = new JavaNames();
    protocol.outcomes().forEach(o -> outcomes.put(o.name(), outcomeNames.constant(o.name(),
        "OUTCOME")));
    JavaNames roleNames = new JavaNames();
    protocol.roles().forEach(r -> roles.put(r.name(), roleNames.constant(r.name(), "ROLE")));
    JavaNames setterNames = new JavaNames(METHODS);
    for (var a : protocol.attributes()) {
      setters.put(a.name(), setterNames.member(a.decision().isPresent() ? "decide" : "set",
          a.name(), "setAttribute"));
      if (!a.isYesNo()) {
        choiceTypes.put(a.name(), machine.nestedClass(typeNames.type(a.name(), "Choice")));
        JavaNames names = new JavaNames();
        Map<String, String> constants = new LinkedHashMap<>();
        a.choices().forEach(c -> constants.put(c, names.constant(c, "CHOICE")));
        choices.put(a.name(), constants);
      }
    }
    for (var scale : protocol.scales()) {
      scaleTypes.put(scale.name(), machine.nestedClass(typeNames.type(scale.name(), "Scale")));
      JavaNames names = new JavaNames();
      Map<String, String> constants = new LinkedHashMap<>();
      scale.grades().forEach(g -> constants.put(g.name(), names.constant(g.name(), "GRADE")));
      grades.put(scale.name(), constants);
    }
    JavaNames eventNames = new JavaNames();
    protocol.events().forEach(e -> events.put(e.name(), eventNames.constant(e.name(), "EVENT")));
    eventType = protocol.events().isEmpty() ? Optional.empty()
        : Optional.of(machine.nestedClass(typeNames.type("Event", "Event")));
    JavaNames formNames = new JavaNames();
    protocol.forms().forEach(f -> forms.put(f.name(), formNames.constant(f.name(), "FORM")));
    formType = protocol.forms().isEmpty() ? Optional.empty()
        : Optional.of(machine.nestedClass(typeNames.type("Form", "Form")));
    protocol.forms().forEach(f -> formRecords.put(f.name(),
        machine.nestedClass(typeNames.type(f.name(), "Fields"))));
    planRights(typeNames);

    waits = places().anyMatch(p -> !p.isEmpty());
    List<ExtensionRule> rules = extensionRules();
    extensions = !rules.isEmpty();
    perStageLimit = rules.stream().anyMatch(r -> r.maxPerStage().isPresent());
    inTotalLimit = rules.stream().anyMatch(r -> r.maxInTotal().isPresent());
    tracksCompleted = preconditions().anyMatch(Precondition.Completed.class::isInstance);
    List<Timescale> timescales = protocol.stages().stream().flatMap(s -> s.timescales().stream())
        .toList();
    // a referral only at the raise compares its date with the raise's; a clock on raising too
    tracksRaisedAt = !protocol.header().raiseWithin().isEmpty() || timescales.stream()
        .anyMatch(t -> t.anchor() instanceof Timescale.Anchor.EscalationStart)
        || protocol.rights().stream().anyMatch(org.escalon.model.Right::atRaise)
        || protocol.stages().stream().flatMap(s -> s.steps().stream())
            .anyMatch(s -> org.escalon.machine.StepClocks.from(s)
                .filter(Timescale.Anchor.EscalationStart.class::isInstance).isPresent())
        || protocol.outcomes().stream().flatMap(o -> o.steps().stream())
            .anyMatch(s -> org.escalon.machine.StepClocks.from(s)
                .filter(Timescale.Anchor.EscalationStart.class::isInstance).isPresent());
    List<HistoryRule> rulesUsed = new ArrayList<>();
    protocol.triggers().forEach(t -> flatten(t.rule(), rulesUsed));
    tracksGradings = rulesUsed.stream().anyMatch(HistoryRule.Graded.class::isInstance);
    // a clock on raising reads the raise's instant and the events before it
    tracksOccurrences = !protocol.header().raiseWithin().isEmpty()
        || rulesUsed.stream().anyMatch(r -> r instanceof HistoryRule.Count
        || r instanceof HistoryRule.Since)
        || timescales.stream().anyMatch(t -> t.anchor() instanceof Timescale.Anchor.Event);
    waitsForTime = rulesUsed.stream().anyMatch(HistoryRule.Since.class::isInstance);
    reminds = protocol.stages().stream().flatMap(s -> s.steps().stream())
        .anyMatch(Step.Remind.class::isInstance);
    setsTime = timescales.stream().anyMatch(t -> t.setBy().isPresent());
    awaitsTime = timescales.stream().anyMatch(Timescale::awaitsValue);
    List<Timescale.Anchor> stepAnchors = java.util.stream.Stream.concat(protocol.stages()
        .stream().flatMap(s -> s.steps().stream()), protocol.outcomes().stream()
        .flatMap(o -> o.steps().stream()))
        .filter(s -> org.escalon.machine.StepClocks.within(s).isPresent())
        .map(s -> org.escalon.machine.StepClocks.from(s)
            .orElse(new Timescale.Anchor.StageStart())).toList();
    clocks = !stepAnchors.isEmpty();
    clocksFromStages = stepAnchors.stream().anyMatch(Timescale.Anchor.Stage.class::isInstance);
    clocksFromEvents = stepAnchors.stream().anyMatch(Timescale.Anchor.Event.class::isInstance);
    dates = !protocol.dates().isEmpty();
    clocksFromDates = stepAnchors.stream().anyMatch(Timescale.Anchor.Before.class::isInstance);
    soft = timescales.stream().anyMatch(Timescale::soft);
    answersJointly = operational.stages().stream().anyMatch(s -> s.respondents().jointly());
    substitutes = operational.stages().stream()
        .anyMatch(s -> !s.respondents().substitutes().isEmpty());

    JavaNames fieldNames = new JavaNames(FIELDS);
    for (String attribute : attributesUsed(rulesUsed)) {
      attributeFields.put(attribute, fieldNames.member("", attribute, "attribute"));
    }
    // a field for each agreement, advice and step done a stage, outcome or extension requires
    preconditions().forEach(p -> PreconditionCases.on(p, new PreconditionCases<Void>() {
      @Override
      public Void completed(Precondition.Completed c) {
        return null;
      }

      @Override
      public Void agreement(Precondition.Agreement a) {
        agreedFields.computeIfAbsent(a.role(), r -> fieldNames.member(r, "agreed", "role"));
        return null;
      }

      @Override
      public Void advice(Precondition.Advice a) {
        advisedFields.computeIfAbsent(a.role(), r -> fieldNames.member(r, "advised", "role"));
        return null;
      }

      @Override
      public Void done(Precondition.Done d) {
        doneFields.computeIfAbsent(org.escalon.machine.StepClocks.id(d.step()),
            step -> fieldNames.member(step, "done", "step"));
        return null;
      }

      @Override
      public Void holds(Precondition.Holds h) {
        return null;
      }
    }));
    for (Trigger t : protocol.triggers()) {
      firedFields.put(t.name(), fieldNames.member(t.name(), "fired", "trigger"));
    }
    List<String> facts = new ArrayList<>(agreedFields.values());
    facts.addAll(advisedFields.values());
    facts.addAll(doneFields.values());
    facts.addAll(firedFields.values());
    if (extensions) {
      facts.add(EXTENSION_ASKED);
    }
    if (facts.size() > 1 && facts.size() <= 31) {
      // one bit each in an int, as one would pack flags by hand: the state stays small
      JavaNames bits = new JavaNames("MODEL", "CALENDAR", "FILE", "NONE", "RULES", "YES",
          "NO");
      facts.forEach(f -> factBits.put(f, bits.constant(f, "FACT")));
    }
    // the stages completed share the int when both fit: one bit per stage, then the facts
    completedInFacts = packsFacts() && tracksCompleted
        && protocol.stages().size() + facts.size() <= 32;
    factFields = List.copyOf(facts);
  }

  /**
   * The fact that a request for more time waits for an answer; the time asked for is the last
   * request's in the log.
   */
  static final String EXTENSION_ASKED = "extensionAsked";

  /** Every fact kept as a flag, in the order of their bits. */
  List<String> factFields = List.of();

  /** Whether the stages completed are the low bits of {@code facts}. */
  boolean completedInFacts;

  /** The field that holds the stages completed, one bit each. */
  String completedField() {
    return completedInFacts ? "facts" : "completed";
  }

  /** The bit of {@code facts} the first fact takes: after the stages', when they share it. */
  int firstFactBit() {
    return completedInFacts ? protocol.stages().size() : 0;
  }

  /** Whether the agreements, advice and triggers fired are bits of {@code facts}. */
  boolean packsFacts() {
    return !factBits.isEmpty();
  }

  /** Java code: whether a fact (an agreement, advice, a trigger fired) holds. */
  String holds(String fact) {
    return packsFacts() ? "(facts & " + factBits.get(fact) + ") != 0" : fact;
  }

  /** Java code: whether it does not hold yet. */
  String lacks(String fact) {
    return packsFacts() ? "(facts & " + factBits.get(fact) + ") == 0" : "!" + fact;
  }

  /** Java statement: it holds from now on. */
  String record(String fact) {
    return packsFacts() ? "facts |= " + factBits.get(fact) : fact + " = true";
  }

  /** Java statement: it no longer holds. */
  String clear(String fact) {
    return packsFacts() ? "facts &= ~" + factBits.get(fact) : fact + " = false";
  }

  ClassName type(String fixed) {
    return types.get(fixed);
  }

  // -------------------------------------------------------------------------------------------
  // Rights

  private void planRights(JavaNames typeNames) {
    for (Right.Kind kind : Right.Kind.values()) {
      Map<String, List<Right>> byRole = new LinkedHashMap<>();
      for (Right r : protocol.rights()) {
        if (r.kind() == kind) {
          byRole.computeIfAbsent(r.role(), k -> new ArrayList<>()).add(r);
        }
      }
      for (Map.Entry<String, List<Right>> entry : byRole.entrySet()) {
        List<Target> targets = targets(kind, entry.getValue());
        if (targets.isEmpty() || !roles.containsKey(entry.getKey())) {
          continue;
        }
        String base = switch (kind) {
          case START -> "StartStage";
          case BYPASS -> "BypassTarget";
          case REFER -> "ReferralOutcome";
        };
        String name = byRole.size() == 1 ? base : entry.getKey() + " " + base;
        JavaNames names = new JavaNames();
        Map<Target, String> constants = new LinkedHashMap<>();
        for (Target t : targets) {
          constants.put(t, names.constant(t instanceof Target.ToStage s ? stages.get(s.key())
              : outcomes.get(((Target.ToOutcome) t).name()), "TARGET"));
        }
        rightGroups.add(new RightGroup(kind, Optional.of(entry.getKey()),
            machine.nestedClass(typeNames.type(name, base)), targets, entry.getValue(),
            constants));
      }
    }
  }

  /** The stages and outcomes a role's rights of one kind name, in ladder order. */
  private List<Target> targets(Right.Kind kind, List<Right> rights) {
    Set<Target> named = new LinkedHashSet<>();
    rights.forEach(r -> named.addAll(r.targets()));
    List<Target> ordered = new ArrayList<>();
    if (kind != Right.Kind.REFER) {
      protocol.stages().stream().map(s -> (Target) new Target.ToStage(s.key()))
          .filter(named::contains).forEach(ordered::add);
    }
    if (kind != Right.Kind.START) {
      protocol.outcomes().stream().map(o -> (Target) new Target.ToOutcome(o.name()))
          .filter(named::contains).forEach(ordered::add);
    }
    return ordered;
  }

  // -------------------------------------------------------------------------------------------
  // What the decisions read

  /** Every extension rule: the protocol's, then each stage's own, in ladder order. */
  List<ExtensionRule> extensionRules() {
    List<ExtensionRule> rules = new ArrayList<>();
    protocol.extension().ifPresent(rules::add);
    protocol.stages().forEach(s -> s.extension().ifPresent(rules::add));
    return rules;
  }

  private Stream<List<Precondition>> places() {
    return Stream.concat(protocol.stages().stream().map(Stage::preconditions),
        protocol.outcomes().stream().map(Outcome::preconditions));
  }

  private Stream<Precondition> preconditions() {
    return Stream.concat(places().flatMap(List::stream),
        extensionRules().stream().flatMap(r -> r.preconditions().stream()));
  }

  /** Attributes some condition, requirement or trigger reads, in declaration order. */
  private List<String> attributesUsed(List<HistoryRule> rules) {
    GuardReads reads = new GuardReads();
    List<Condition> conditions = new ArrayList<>();
    for (Stage s : protocol.stages()) {
      s.onlyIf().ifPresent(conditions::add);
      s.timescales().forEach(t -> t.when().ifPresent(conditions::add));
      s.steps().forEach(st -> st.when().ifPresent(conditions::add));
      s.transitions().choices().forEach(c -> conditions.add(c.when()));
    }
    protocol.outcomes().forEach(o -> o.steps().forEach(st -> st.when().ifPresent(conditions::add)));
    protocol.rights().forEach(r -> r.when().ifPresent(conditions::add));
    protocol.invariants().forEach(i -> conditions.add(i.condition()));
    protocol.atOnce().forEach(a -> {
      conditions.add(a.when());
      a.steps().forEach(st -> st.when().ifPresent(conditions::add));
    });
    // the model's guards of all three say which attributes they read, as the verifier asks them
    conditions.forEach(c -> reads.add(OperationalModel.guard(c)));
    preconditions().forEach(p -> reads.add(OperationalModel.guard(p)));
    rules.forEach(r -> reads.add(OperationalModel.guard(r)));
    return protocol.attributes().stream().map(a -> a.name()).filter(reads.read()::contains)
        .toList();
  }

  /** A rule and every rule inside it. */
  static void flatten(HistoryRule rule, List<HistoryRule> into) {
    into.add(rule);
    HistoryRuleCases.on(rule, new HistoryRuleCases<Void>() {
      @Override
      public Void graded(HistoryRule.Graded g) {
        return null;
      }

      @Override
      public Void count(HistoryRule.Count c) {
        return null;
      }

      @Override
      public Void since(HistoryRule.Since s) {
        return null;
      }

      @Override
      public Void holds(HistoryRule.Holds h) {
        return null;
      }

      @Override
      public Void and(HistoryRule.And a) {
        flatten(a.left(), into);
        flatten(a.right(), into);
        return null;
      }

      @Override
      public Void or(HistoryRule.Or o) {
        flatten(o.left(), into);
        flatten(o.right(), into);
        return null;
      }
    });
  }

  /** Whether the stages completed fit in an int, one bit each (else a long). */
  boolean fewStages() {
    return protocol.stages().size() <= 32;
  }

  /** The bit of a stage in the set of stages completed. */
  String stageBit() {
    return fewStages() ? "1 << s.ordinal()" : "1L << s.ordinal()";
  }

  /** Whether some yes/no attribute has a field, so that YES and NO are declared. */
  /** Whether YES and NO are needed: some yes/no attribute is kept, or checked when set. */
  boolean yesNoFields() {
    return protocol.attributes().stream().anyMatch(a -> a.isYesNo());
  }

  boolean isYesNo(String attribute) {
    return protocol.attributes().stream().filter(a -> a.name().equals(attribute)).findFirst()
        .map(a -> a.isYesNo()).orElse(true);
  }
}
