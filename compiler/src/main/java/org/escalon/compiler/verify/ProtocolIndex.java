package org.escalon.compiler.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.escalon.machine.ClaimCases;
import org.escalon.machine.Guard;
import org.escalon.machine.GuardReads;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.RoleActions;
import org.escalon.machine.TargetCases;
import org.escalon.model.Attribute;
import org.escalon.model.Claim;
import org.escalon.model.Condition;
import org.escalon.model.ExtensionRule;
import org.escalon.model.Outcome;
import org.escalon.model.Precondition;
import org.escalon.model.Property;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.Stage;
import org.escalon.model.Step;
import org.escalon.model.Target;
import org.escalon.model.Timescale;

/**
 * A protocol's names as small numbers, and what of a case the verifier keeps track of: only the
 * facts a rule or a property can tell apart. A stage nobody requires or claims completed, a role
 * whose agreement nothing needs, an attribute no condition reads after the raise: these are left
 * out of the state, so that states differing only in them count as one.
 */
final class ProtocolIndex {

  final Protocol protocol;
  /** The protocol's operational model, built once for every part of the verifier. */
  final OperationalModel model;
  /** The rights as the operational model decides them (which stage a bypass reaches from here). */
  final org.escalon.machine.RightsTable rights;
  final List<Stage> stages;
  final List<Outcome> outcomes;
  final int resolved;
  private final Map<String, Integer> stageIndex = new LinkedHashMap<>();
  private final Map<String, Integer> outcomeIndex = new LinkedHashMap<>();
  private final Map<String, Integer> attributeIndex = new LinkedHashMap<>();

  /** For each stage, its bit in the completed set, or -1 when its completion is not tracked. */
  final int[] completedBit;
  /** Roles whose agreement, then roles whose advice, something requires: one bit each. */
  final List<String> agreements;
  final List<String> advice;
  /** Then the steps some stage requires done before it is entered: one bit each. */
  final List<Guard.Done> done;
  /** The attributes some condition reads after the raise, each with its values; value 0 is unset. */
  final List<Attribute> attributes;
  final List<List<String>> domains;
  private final int[] attributeShift;
  private final int[] attributeWidth;
  /** How many bits the tracked attributes' values take, packed. */
  final int attributeBits;
  /** Events a timescale counts from: whether one has happened is tracked. */
  final List<String> anchorEvents;
  /** What the properties say of roles ("IRO is notified"): one bit each, set at entry. */
  final List<Claim.RoleAction> roleActions;
  /** The most extensions a rule allows per stage and in total; 0 when no rule counts them. */
  final int extensionsPerStageCap;
  final int extensionsInTotalCap;

  ProtocolIndex(Protocol protocol) {
    this.protocol = protocol;
    this.model = OperationalModel.of(protocol);
    this.rights = model.rights();
    this.stages = protocol.stages();
    this.outcomes = protocol.outcomes();
    for (int i = 0; i < stages.size(); i++) {
      stageIndex.put(stages.get(i).key(), i);
    }
    for (int i = 0; i < outcomes.size(); i++) {
      outcomeIndex.put(outcomes.get(i).name(), i);
    }
    this.resolved = outcomeIndex.get(org.escalon.model.Target.RESOLVED);

    Set<String> completed = new LinkedHashSet<>();
    Set<String> agreed = new LinkedHashSet<>();
    Set<String> advised = new LinkedHashSet<>();
    Set<Guard.Done> reported = new LinkedHashSet<>();
    Set<String> read = new LinkedHashSet<>();
    Set<String> anchors = new LinkedHashSet<>();
    Set<Claim.RoleAction> actions = new LinkedHashSet<>();
    for (Property p : protocol.properties()) {
      claimNames(p.claim(), completed, read, actions);
    }
    List<List<Precondition>> preconditions = new ArrayList<>();
    List<ExtensionRule> rules = new ArrayList<>();
    protocol.extension().ifPresent(rules::add);
    for (Stage s : stages) {
      preconditions.add(s.preconditions());
      s.onlyIf().ifPresent(c -> conditionNames(c, read));
      s.transitions().choices().forEach(c -> conditionNames(c.when(), read));
      for (Timescale t : s.timescales()) {
        t.when().ifPresent(c -> conditionNames(c, read));
        if (t.anchor() instanceof Timescale.Anchor.Event e) {
          anchors.add(e.name());
        }
      }
      s.extension().ifPresent(rules::add);
    }
    outcomes.forEach(o -> preconditions.add(o.preconditions()));
    rules.forEach(r -> preconditions.add(r.preconditions()));
    // the names the model's guards read, one case per kind of guard
    Guard.Visitor<Void> names = new GuardReads(completed, agreed, advised, read,
        new LinkedHashSet<>(), reported);
    for (List<Precondition> list : preconditions) {
      list.forEach(p -> OperationalModel.guard(p).accept(names));
    }
    for (Right r : protocol.rights()) {
      r.when().ifPresent(c -> OperationalModel.guard(c).accept(names));
    }
    // an invariant decides which changes of facts an open escalation accepts
    protocol.invariants().forEach(i -> OperationalModel.guard(i.condition()).accept(names));
    // a duty to go at once moves the escalation when the facts it reads change
    protocol.atOnce().stream().filter(a -> a.goTo().isPresent())
        .forEach(a -> OperationalModel.guard(a.when()).accept(names));
    // a step's condition matters only when a property speaks of what the step does
    List<List<Step>> stepLists = new ArrayList<>();
    stages.forEach(s -> stepLists.add(s.steps()));
    outcomes.forEach(o -> stepLists.add(o.steps()));
    for (List<Step> steps : stepLists) {
      for (Step step : steps) {
        if (step.when().isPresent() && actions.stream().anyMatch(a -> does(step, a))) {
          OperationalModel.guard(step.when().get()).accept(names);
        }
      }
    }

    this.completedBit = new int[stages.size()];
    int bit = 0;
    for (int i = 0; i < stages.size(); i++) {
      completedBit[i] = completed.contains(stages.get(i).key()) ? bit++ : -1;
    }
    this.agreements = List.copyOf(agreed);
    this.advice = List.copyOf(advised);
    this.done = List.copyOf(reported);
    this.attributes = protocol.attributes().stream().filter(a -> read.contains(a.name())).toList();
    for (int i = 0; i < attributes.size(); i++) {
      attributeIndex.put(attributes.get(i).name(), i);
    }
    this.domains = new ArrayList<>();
    this.attributeShift = new int[attributes.size()];
    this.attributeWidth = new int[attributes.size()];
    int shift = 0;
    for (int i = 0; i < attributes.size(); i++) {
      Attribute a = attributes.get(i);
      List<String> values = new ArrayList<>();
      // a yes/no attribute set to "no" and one never set are one value: every rule asks whether
      // it is "yes" (a yes/no attribute takes no `is`, E0306), and both answer no, in the
      // engine as here
      values.add(a.isYesNo() ? "no" : "");
      values.addAll(a.isYesNo() ? List.of("yes") : a.choices());
      domains.add(List.copyOf(values));
      int width = 64 - Long.numberOfLeadingZeros(values.size() - 1L);
      attributeShift[i] = shift;
      attributeWidth[i] = width;
      shift += width;
    }
    this.attributeBits = shift;
    this.anchorEvents = List.copyOf(anchors);
    this.roleActions = List.copyOf(actions);
    int perStage = 0;
    int inTotal = 0;
    for (ExtensionRule r : rules) {
      perStage = Math.max(perStage, r.maxPerStage().orElse(0));
      inTotal = Math.max(inTotal, r.maxInTotal().orElse(0));
    }
    this.extensionsPerStageCap = perStage;
    this.extensionsInTotalCap = inTotal;
  }

  int stage(String key) {
    Integer i = stageIndex.get(key);
    if (i == null) {
      throw new IllegalArgumentException("no stage " + key);
    }
    return i;
  }

  int outcome(String name) {
    Integer i = outcomeIndex.get(name);
    if (i == null) {
      throw new IllegalArgumentException("no outcome " + name);
    }
    return i;
  }

  /**
   * A target as one number, as the state space and the Promela model number them: a stage's
   * index, or the number of stages plus an outcome's index.
   */
  int code(Target target) {
    return TargetCases.on(target, new TargetCases<>() {
      @Override
      public Integer stage(String key) {
        return ProtocolIndex.this.stage(key);
      }

      @Override
      public Integer outcome(String name) {
        return stages.size() + ProtocolIndex.this.outcome(name);
      }
    });
  }

  /** The target a {@link #code} stands for. */
  Target target(int code) {
    return code < stages.size() ? new Target.ToStage(stages.get(code).key())
        : new Target.ToOutcome(outcomes.get(code - stages.size()).name());
  }

  Optional<Integer> attribute(String name) {
    int i = attributeIndex(name);
    return i < 0 ? Optional.empty() : Optional.of(i);
  }

  /** The tracked attribute's index, or -1 when it is not tracked. */
  int attributeIndex(String name) {
    return attributeIndex.getOrDefault(name, -1);
  }

  /** The value index of an attribute in a packed set of values. */
  int value(Bits packed, int attribute) {
    return (int) packed.field(attributeShift[attribute], attributeWidth[attribute]);
  }

  Bits withValue(Bits packed, int attribute, int value) {
    return packed.withField(attributeShift[attribute], attributeWidth[attribute], value);
  }

  /** The attribute's value as the engine keeps it; empty when unset. */
  Optional<String> valueName(Bits packed, int attribute) {
    int v = value(packed, attribute);
    if (v == 0) {
      return Optional.empty();
    }
    return Optional.of(domains.get(attribute).get(v));
  }

  /** Whether a step does with a role what a property's claim speaks of. */
  static boolean does(Step step, Claim.RoleAction a) {
    return RoleActions.of(step).contains(a);
  }

  private static void claimNames(Claim c, Set<String> completed, Set<String> read,
      Set<Claim.RoleAction> actions) {
    // the atoms are the names; every other kind holds claims, walked in turn
    ClaimCases.on(c, new ClaimCases<Void>() {
      @Override
      public Void completed(Claim.Completed x) {
        completed.addAll(x.stages());
        return null;
      }

      @Override
      public Void attributeHolds(Claim.AttributeHolds x) {
        read.add(x.attribute());
        return null;
      }

      @Override
      public Void roleAction(Claim.RoleAction x) {
        actions.add(x);
        return null;
      }

      @Override
      public Void inStage(Claim.InStage x) {
        return null;
      }

      @Override
      public Void inOutcome(Claim.InOutcome x) {
        return null;
      }

      @Override
      public Void always(Claim.Always x) {
        return parts(x);
      }

      @Override
      public Void eventually(Claim.Eventually x) {
        return parts(x);
      }

      @Override
      public Void never(Claim.Never x) {
        return parts(x);
      }

      @Override
      public Void atEveryStage(Claim.AtEveryStage x) {
        return parts(x);
      }

      @Override
      public Void reaches(Claim.Reaches x) {
        return parts(x);
      }

      @Override
      public Void within(Claim.Within x) {
        return parts(x);
      }

      @Override
      public Void onlyAfter(Claim.OnlyAfter x) {
        return parts(x);
      }

      @Override
      public Void not(Claim.Not x) {
        return parts(x);
      }

      @Override
      public Void and(Claim.And x) {
        return parts(x);
      }

      @Override
      public Void or(Claim.Or x) {
        return parts(x);
      }

      private Void parts(Claim x) {
        for (Claim operand : Claims.operands(x)) {
          claimNames(operand, completed, read, actions);
        }
        return null;
      }
    });
  }

  /** The consent bit of a step some stage requires done before it is entered, or -1. */
  int doneBit(String step) {
    for (int i = 0; i < done.size(); i++) {
      if (done.get(i).step().equals(step)) {
        return agreements.size() + advice.size() + i;
      }
    }
    return -1;
  }

  /** How many consent bits a state has: agreements, advice, then steps done before a stage. */
  int consents() {
    return agreements.size() + advice.size() + done.size();
  }

  /** The attributes a condition reads, added to {@code into}. */
  static void conditionNames(Condition c, Set<String> into) {
    OperationalModel.guard(c).accept(new GuardReads(new LinkedHashSet<>(), new LinkedHashSet<>(),
        new LinkedHashSet<>(), into));
  }
}
