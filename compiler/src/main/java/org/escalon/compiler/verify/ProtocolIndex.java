package org.escalon.compiler.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.escalon.model.Attribute;
import org.escalon.model.Claim;
import org.escalon.model.Condition;
import org.escalon.model.ExtensionRule;
import org.escalon.model.HistoryRule;
import org.escalon.model.Outcome;
import org.escalon.model.Precondition;
import org.escalon.model.Property;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.Stage;
import org.escalon.model.Step;
import org.escalon.model.Timescale;

/**
 * A protocol's names as small numbers, and what of a case the verifier keeps track of: only the
 * facts a rule or a property can tell apart. A stage nobody requires or claims completed, a role
 * whose agreement nothing needs, an attribute no condition reads after the raise: these are left
 * out of the state, so that states differing only in them count as one.
 */
final class ProtocolIndex {

  final Protocol protocol;
  /** The rights as the operational model decides them (which stage a bypass reaches from here). */
  final org.escalon.machine.RightsTable rights;
  final List<Stage> stages;
  final List<Outcome> outcomes;
  final int resolved;
  private final Map<String, Integer> stageIndex = new LinkedHashMap<>();
  private final Map<String, Integer> outcomeIndex = new LinkedHashMap<>();

  /** For each stage, its bit in the completed set, or -1 when its completion is not tracked. */
  final int[] completedBit;
  /** Roles whose agreement, then roles whose advice, something requires: one bit each. */
  final List<String> agreements;
  final List<String> advice;
  /** The attributes some condition reads after the raise, each with its values; value 0 is unset. */
  final List<Attribute> attributes;
  final List<List<String>> domains;
  private final int[] attributeShift;
  private final int[] attributeWidth;
  /** Events a timescale counts from: whether one has happened is tracked. */
  final List<String> anchorEvents;
  /** What the properties say of roles ("IRO is notified"): one bit each, set at entry. */
  final List<Claim.RoleAction> roleActions;
  /** The most extensions a rule allows per stage and in total; 0 when no rule counts them. */
  final int extensionsPerStageCap;
  final int extensionsInTotalCap;

  ProtocolIndex(Protocol protocol) {
    this.protocol = protocol;
    this.rights = org.escalon.machine.OperationalModel.of(protocol).rights();
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
    for (List<Precondition> list : preconditions) {
      for (Precondition p : list) {
        if (p instanceof Precondition.Completed c) {
          completed.addAll(c.stages());
        } else if (p instanceof Precondition.Agreement a) {
          agreed.add(a.role());
        } else if (p instanceof Precondition.Advice a) {
          advised.add(a.role());
        } else if (p instanceof Precondition.Holds h) {
          conditionNames(h.condition(), read);
        }
      }
    }
    for (Right r : protocol.rights()) {
      r.when().ifPresent(c -> conditionNames(c, read));
    }
    // a step's condition matters only when a property speaks of what the step does
    List<List<Step>> stepLists = new ArrayList<>();
    stages.forEach(s -> stepLists.add(s.steps()));
    outcomes.forEach(o -> stepLists.add(o.steps()));
    for (List<Step> steps : stepLists) {
      for (Step step : steps) {
        if (step.when().isPresent() && actions.stream().anyMatch(a -> does(step, a))) {
          conditionNames(step.when().get(), read);
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
    this.attributes = protocol.attributes().stream().filter(a -> read.contains(a.name())).toList();
    this.domains = new ArrayList<>();
    this.attributeShift = new int[attributes.size()];
    this.attributeWidth = new int[attributes.size()];
    int shift = 0;
    for (int i = 0; i < attributes.size(); i++) {
      Attribute a = attributes.get(i);
      List<String> values = new ArrayList<>();
      values.add(a.isYesNo() ? "no" : "");
      values.addAll(a.isYesNo() ? List.of("yes") : a.choices());
      domains.add(List.copyOf(values));
      int width = 64 - Long.numberOfLeadingZeros(values.size() - 1L);
      attributeShift[i] = shift;
      attributeWidth[i] = width;
      shift += width;
    }
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

  Optional<Integer> attribute(String name) {
    for (int i = 0; i < attributes.size(); i++) {
      if (attributes.get(i).name().equals(name)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
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
    if (step instanceof Step.EscalateTo s) {
      return a.action() == Claim.Action.ESCALATED_TO && s.roles().contains(a.role());
    } else if (step instanceof Step.Copy s) {
      return a.action() == Claim.Action.COPIED && s.roles().contains(a.role());
    } else if (step instanceof Step.Inform s) {
      Claim.Action wanted = switch (s.kind()) {
        case NOTIFY -> Claim.Action.NOTIFIED;
        case ADVISE -> Claim.Action.ADVISED;
        case CONSULT -> Claim.Action.CONSULTED;
      };
      return a.action() == wanted && s.roles().contains(a.role());
    }
    return false;
  }

  private static void claimNames(Claim c, Set<String> completed, Set<String> read,
      Set<Claim.RoleAction> actions) {
    if (c instanceof Claim.Completed x) {
      completed.addAll(x.stages());
    } else if (c instanceof Claim.AttributeHolds x) {
      read.add(x.attribute());
    } else if (c instanceof Claim.RoleAction x) {
      actions.add(x);
    }
    for (Claim operand : Claims.operands(c)) {
      claimNames(operand, completed, read, actions);
    }
  }

  static void conditionNames(Condition c, Set<String> into) {
    if (c instanceof Condition.Holds h) {
      into.add(h.attribute());
    } else if (c instanceof Condition.Is i) {
      into.add(i.attribute());
    } else if (c instanceof Condition.Not n) {
      conditionNames(n.operand(), into);
    } else if (c instanceof Condition.And a) {
      conditionNames(a.left(), into);
      conditionNames(a.right(), into);
    } else if (c instanceof Condition.Or o) {
      conditionNames(o.left(), into);
      conditionNames(o.right(), into);
    }
  }

  static void historyNames(HistoryRule r, Set<String> into) {
    if (r instanceof HistoryRule.Holds h) {
      into.add(h.attribute());
    } else if (r instanceof HistoryRule.And a) {
      historyNames(a.left(), into);
      historyNames(a.right(), into);
    } else if (r instanceof HistoryRule.Or o) {
      historyNames(o.left(), into);
      historyNames(o.right(), into);
    }
  }
}
