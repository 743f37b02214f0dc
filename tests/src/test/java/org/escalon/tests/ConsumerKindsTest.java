package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.escalon.describe.PlainEnglish;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.CaseEventCases;
import org.escalon.engine.Effect;
import org.escalon.engine.EffectCases;
import org.escalon.machine.ClaimCases;
import org.escalon.machine.ConditionCases;
import org.escalon.machine.HistoryRuleCases;
import org.escalon.machine.PreconditionCases;
import org.escalon.machine.ClaimMeaning;
import org.escalon.machine.Facts;
import org.escalon.machine.Guard;
import org.escalon.machine.Guards;
import org.escalon.model.Claim;
import org.escalon.model.Condition;
import org.escalon.model.HistoryRule;
import org.escalon.model.Precondition;
import org.escalon.model.Protocol;
import org.escalon.model.Timespan;
import org.escalon.simulate.ActionCases;
import org.escalon.simulate.ScenarioStep;
import org.escalon.simulate.WhenCases;
import org.junit.jupiter.api.Test;

/**
 * The kinds of the operational model's guards and of properties' claims, pinned, and the consumers
 * that print or decide them: each dispatches through the visitor ({@link Guard.Visitor}) or the
 * one-method-per-case helper ({@link ClaimCases}, or {@link ClaimMeaning.Reading} whose meaning of
 * every word is decided once), so that a new kind does not compile until each has its case. When
 * a kind is added, this test fails until its list here is brought up to date; the compiler has
 * then already pointed at every consumer below.
 */
class ConsumerKindsTest {

  /** The consumers of guards: the engine, populations, the describer, BPMN, Promela. */
  private static final List<String> GUARD_CONSUMERS = List.of(
      "org.escalon.machine.Guards",
      "org.escalon.simulate.ModelCases",
      "org.escalon.describe.PlainEnglish",
      "org.escalon.compiler.export.BpmnExpressions",
      "org.escalon.compiler.verify.PromelaGuard");

  /** The consumers of claims: the verifier, the conformance tests, Promela, the describer. */
  private static final List<String> CLAIM_CONSUMERS = List.of(
      "org.escalon.machine.ClaimMeaning",
      "org.escalon.compiler.verify.ClaimChecker",
      "org.escalon.compiler.verify.Claims",
      "org.escalon.compiler.verify.ProtocolIndex",
      "org.escalon.conformance.ConformanceRun",
      "org.escalon.compiler.verify.PromelaExporter",
      "org.escalon.describe.PlainEnglish");

  /**
   * The readers of preconditions as the protocol writes them: the model's lowering, the Java
   * generator's fields, the simulator's timelines and agreements given when needed, populations,
   * the verifier's consents.
   */
  private static final List<String> PRECONDITION_CONSUMERS = List.of(
      "org.escalon.machine.ModelBuilder",
      "org.escalon.compiler.generate.Plan",
      "org.escalon.simulate.RowWriter",
      "org.escalon.simulate.Preconditions",
      "org.escalon.compiler.verify.FactMoves");

  @Test
  void theKindsOfPreconditionAreTheseAndEveryConsumerHasTheirCases() throws Exception {
    assertEquals(new TreeSet<>(List.of("Advice", "Agreement", "Completed", "Done", "Holds")),
        names(Precondition.class), "a kind of precondition was added or removed: give it its "
            + "case in PreconditionCases and " + PRECONDITION_CONSUMERS + ", then list it here");
    Set<Class<?>> cased = Arrays.stream(PreconditionCases.class.getDeclaredMethods())
        .filter(m -> !java.lang.reflect.Modifier.isStatic(m.getModifiers()))
        .map(m -> m.getParameterTypes()[0]).collect(Collectors.toSet());
    assertEquals(Set.of(Precondition.class.getPermittedSubclasses()), cased,
        "PreconditionCases has one method per kind");
    for (String consumer : PRECONDITION_CONSUMERS) {
      assertTrue(implementsIn(consumer, PreconditionCases.class), consumer
          + " reads preconditions through PreconditionCases");
    }
  }

  /**
   * The readers of conditions as the protocol writes them: the model's lowering alone; every
   * other tool reads the guards it makes.
   */
  private static final List<String> CONDITION_CONSUMERS = List.of(
      "org.escalon.machine.ModelBuilder");

  @Test
  void theKindsOfConditionAreTheseAndEveryConsumerHasTheirCases() throws Exception {
    assertCases(Condition.class, ConditionCases.class, List.of("And", "Holds", "Is", "Not", "Or"),
        CONDITION_CONSUMERS);
  }

  /** The readers of triggers' rules: the model, the generator, the verifier's checks and traces. */
  private static final List<String> HISTORY_RULE_CONSUMERS = List.of(
      "org.escalon.machine.ModelBuilder",
      "org.escalon.compiler.generate.Plan",
      "org.escalon.compiler.verify.Checks",
      "org.escalon.compiler.verify.CounterexampleBuilder");

  @Test
  void theKindsOfTriggerRuleAreTheseAndEveryConsumerHasTheirCases() throws Exception {
    assertCases(HistoryRule.class, HistoryRuleCases.class,
        List.of("And", "Count", "Graded", "Holds", "Or", "Since"), HISTORY_RULE_CONSUMERS);
  }

  /** The readers of case events: the engine's rules and refusals, its log, the timelines. */
  private static final List<String> EVENT_CONSUMERS = List.of(
      "org.escalon.engine.Rules",
      "org.escalon.engine.Refusals",
      "org.escalon.engine.EventLog",
      "org.escalon.simulate.CaseEvents",
      "org.escalon.simulate.RowWriter");

  @Test
  void theKindsOfCaseEventAreTheseAndEveryConsumerHasTheirCases() throws Exception {
    assertCases(CaseEvent.class, CaseEventCases.class, List.of("Advise", "Agree", "Bypass",
        "DeadlinePassed", "DeclineExtension", "GrantExtension", "Grade", "Migrated", "Occur",
        "Raise", "Refer", "ReminderDue", "RequestExtension", "Respond", "SetAttribute", "TriggerDue",
        "SetTimescale", "Escalate", "StepDeadlinePassed", "StepDone", "Withdraw", "Unavailable", "Decide",
        "SetDate"), EVENT_CONSUMERS);
  }

  /** The readers of effects: the listener's callbacks, the timelines' rows for steps. */
  private static final List<String> EFFECT_CONSUMERS = List.of(
      "org.escalon.engine.EscalationListener",
      "org.escalon.simulate.RowWriter");

  @Test
  void theKindsOfEffectAreTheseAndEveryConsumerHasTheirCases() throws Exception {
    assertCases(Effect.class, EffectCases.class, List.of("Act", "Concluded", "CopyTo",
        "EscalateTo", "Inform", "Keep", "Remind", "WaitingFor"), EFFECT_CONSUMERS);
  }

  /**
   * The readers and writers of a scenario's actions: the engine's events for them (simulator and
   * counterexample replay), the scenario's text, the checks of a scenario against its protocol.
   */
  private static final List<String> ACTION_CONSUMERS = List.of(
      "org.escalon.simulate.CaseEvents",
      "org.escalon.simulate.ScenarioWriter",
      "org.escalon.compiler.simulate.ScenarioChecker");

  @Test
  void theKindsOfScenarioActionAreTheseAndEveryConsumerHasTheirCases() throws Exception {
    assertCases(ScenarioStep.Action.class, ActionCases.class, List.of("Advise", "Agree",
        "AskForTime", "Bypass", "Grade", "GrantTime", "Happen", "Raise", "Refer", "Respond",
        "Set", "SetTime", "Escalate", "Withdraw", "Done", "Unavailable", "Decide", "SetDate"),
        ACTION_CONSUMERS);
  }

  /** The readers and writers of a scenario step's time: the simulator, the scenario's text. */
  private static final List<String> WHEN_CONSUMERS = List.of(
      "org.escalon.simulate.Simulator",
      "org.escalon.simulate.ScenarioWriter");

  @Test
  void theKindsOfScenarioTimeAreTheseAndEveryConsumerHasTheirCases() throws Exception {
    assertCases(ScenarioStep.When.class, WhenCases.class,
        List.of("AtStage", "Before", "FromStart", "OnDate"), WHEN_CONSUMERS);
  }

  /**
   * The sealed type's kinds are these, its helper has one method per kind, and each consumer
   * implements the helper (so the compiler has pointed at each when a kind was added).
   */
  private static void assertCases(Class<?> sealed, Class<?> cases, List<String> kinds,
      List<String> consumers) throws Exception {
    assertEquals(new TreeSet<>(kinds), names(sealed), "a kind of " + sealed.getSimpleName()
        + " was added or removed: give it its case in " + cases.getSimpleName() + " and "
        + consumers + ", then list it here");
    Set<Class<?>> cased = Arrays.stream(cases.getDeclaredMethods())
        .filter(m -> !java.lang.reflect.Modifier.isStatic(m.getModifiers()))
        .map(m -> m.getParameterTypes()[0]).collect(Collectors.toSet());
    assertEquals(Set.of(sealed.getPermittedSubclasses()), cased,
        cases.getSimpleName() + " has one method per kind");
    for (String consumer : consumers) {
      assertTrue(implementsIn(consumer, cases), consumer + " reads "
          + sealed.getSimpleName() + " through " + cases.getSimpleName());
    }
    // the helper's `on` hands each kind to its own method: one made-up value of each kind
    Method on = Arrays.stream(cases.getDeclaredMethods()).filter(m -> m.getName().equals("on"))
        .findFirst().orElseThrow();
    Object answersItsKind = java.lang.reflect.Proxy.newProxyInstance(cases.getClassLoader(),
        new Class<?>[] {cases}, (proxy, method, args) -> method.getParameterTypes()[0]);
    for (Class<?> kind : sealed.getPermittedSubclasses()) {
      assertEquals(kind, on.invoke(null, any(kind), answersItsKind),
          cases.getSimpleName() + ".on hands " + kind.getSimpleName() + " to its own method");
    }
  }

  /** A record of the kind with every component empty: no elements, zero, false or null. */
  private static Object any(Class<?> record) throws Exception {
    var components = record.getRecordComponents();
    Class<?>[] types = Arrays.stream(components).map(c -> c.getType()).toArray(Class<?>[]::new);
    Object[] values = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      // one at a time: a conditional expression would unbox the null for a number
      if (types[i] == boolean.class) {
        values[i] = false;
      } else if (types[i] == int.class) {
        values[i] = 0;
      } else if (types[i] == long.class) {
        values[i] = 0L;
      } else if (types[i] == List.class) {
        values[i] = List.of();
      } else if (types[i] == java.util.Optional.class) {
        values[i] = java.util.Optional.empty();
      } else if (types[i].isAssignableFrom(java.util.TreeMap.class)) {
        values[i] = new java.util.TreeMap<>();
      } else if (types[i].isAssignableFrom(TreeSet.class)) {
        values[i] = new TreeSet<>();
      }
    }
    var constructor = record.getDeclaredConstructor(types);
    constructor.setAccessible(true);
    return constructor.newInstance(values);
  }

  @Test
  void theKindsOfGuardAreThese() {
    assertEquals(new TreeSet<>(List.of("Advised", "Agreed", "Always", "And", "Attribute",
        "Completed", "Done", "Elapsed", "Graded", "Not", "Occurred", "Or")), names(Guard.class),
        "a kind of guard was added or removed: give it its case in " + GUARD_CONSUMERS
            + ", then list it here");
    Set<Class<?>> visited = Arrays.stream(Guard.Visitor.class.getDeclaredMethods())
        .map(m -> m.getParameterCount() == 0 ? Guard.Always.class : m.getParameterTypes()[0])
        .collect(Collectors.toSet());
    assertEquals(Set.of(Guard.class.getPermittedSubclasses()), visited,
        "the visitor has one method per kind");
  }

  @Test
  void theKindsOfClaimAreThese() {
    assertEquals(new TreeSet<>(List.of("Always", "And", "AtEveryStage", "AttributeHolds",
        "Completed", "Eventually", "InOutcome", "InStage", "Never", "Not", "OnlyAfter", "Or",
        "Reaches", "RoleAction", "Within")), names(Claim.class),
        "a kind of claim was added or removed: give it its case in ClaimCases and "
            + CLAIM_CONSUMERS + ", then list it here");
    Set<Class<?>> cased = Arrays.stream(ClaimCases.class.getDeclaredMethods())
        .filter(m -> !java.lang.reflect.Modifier.isStatic(m.getModifiers()))
        .map(m -> m.getParameterTypes()[0]).collect(Collectors.toSet());
    assertEquals(Set.of(Claim.class.getPermittedSubclasses()), cased,
        "ClaimCases has one method per kind");
  }

  @Test
  void everyConsumerOfGuardsDispatchesThroughTheVisitor() throws Exception {
    for (String consumer : GUARD_CONSUMERS) {
      assertTrue(implementsIn(consumer, Guard.Visitor.class), consumer
          + " reads guards through Guard.Visitor");
    }
  }

  @Test
  void everyConsumerOfClaimsDispatchesThroughTheirCasesOrTheirMeaning() throws Exception {
    for (String consumer : CLAIM_CONSUMERS) {
      assertTrue(implementsIn(consumer, ClaimCases.class)
          || implementsIn(consumer, ClaimMeaning.Reading.class), consumer
          + " reads claims through ClaimCases or ClaimMeaning.Reading");
    }
  }

  @Test
  void everyKindOfGuardIsDecidedDescribedAndPrinted() throws Exception {
    Protocol protocol = BpmnEngineTest.compile("kent-iro.esc");
    PlainEnglish english = new PlainEnglish(protocol);
    Method bpmn = Class.forName("org.escalon.compiler.export.BpmnExpressions")
        .getDeclaredMethod("guard", Guard.class);
    bpmn.setAccessible(true);
    Guard yes = new Guard.Attribute("urgent", "yes");
    List<Guard> samples = List.of(Guard.ALWAYS, yes, new Guard.Completed("1"),
        new Guard.Agreed("A"), new Guard.Advised("A"), new Guard.Done("notify_b", "A"),
        new Guard.Occurred("e", 2), new Guard.Graded("s", "g", 2, true), new Guard.Elapsed(Timespan.workingDays(1), "e"),
        new Guard.Not(yes), new Guard.And(yes, yes), new Guard.Or(yes, yes));
    assertEquals(Set.of(Guard.class.getPermittedSubclasses()),
        samples.stream().map(Object::getClass).collect(Collectors.toSet()), "one of each kind");
    // a case's history is the host's to test in BPMN: the process has no flow guarded by it
    Set<Class<?>> history = Set.of(Guard.Occurred.class, Guard.Graded.class,
        Guard.Elapsed.class);
    for (Guard g : samples) {
      Guards.holds(g, NOTHING);
      assertFalse(english.guard(g).isBlank(), g.toString());
      if (!history.contains(g.getClass())) {
        assertFalse(((String) bpmn.invoke(null, g)).isBlank(), g.toString());
      }
    }
  }

  private static final Facts NOTHING = Facts.ofAttributes(Map.of());

  private static Set<String> names(Class<?> sealed) {
    return Arrays.stream(sealed.getPermittedSubclasses()).map(Class::getSimpleName)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Whether the class, or a class declared in it (named or anonymous), implements the type. */
  private static boolean implementsIn(String className, Class<?> type) throws Exception {
    Class<?> c = Class.forName(className);
    if (type.isAssignableFrom(c)) {
      return true;
    }
    for (Class<?> nested : c.getDeclaredClasses()) {
      if (implementsIn(nested.getName(), type)) {
        return true;
      }
    }
    for (int n = 1; ; n++) {
      try {
        if (implementsIn(className + "$" + n, type)) {
          return true;
        }
      } catch (ClassNotFoundException end) {
        return false;
      }
    }
  }
}
