package org.escalon.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.escalon.model.Condition;
import org.escalon.model.Timespan;
import org.escalon.model.HistoryRule;
import org.escalon.model.Precondition;
import org.escalon.model.SourceSpan;
import org.escalon.model.Step;
import org.escalon.model.Target;
import org.escalon.model.Timescale;
import org.junit.jupiter.api.Test;

/**
 * Every kind of every sealed type the operational model reads or defines is handled by each of
 * its consumers. The guard visitor is checked by the compiler; the helpers over the model's plain
 * sealed records (steps, targets, anchors, conditions, preconditions, trigger rules) are checked
 * here: adding a kind fails this test until every helper has a case for it.
 */
class MachineKindsTest {

  private static final SourceSpan NO = SourceSpan.NONE;
  /** A step required before a stage: {@code requires notify B "x" by A}. */
  private static final org.escalon.model.Step NOTIFIED = new org.escalon.model.Step.Inform(
      org.escalon.model.Step.Inform.Kind.NOTIFY, List.of("B"), java.util.Optional.of("x"),
      java.util.Optional.of("A"), java.util.Optional.empty(), java.util.Optional.empty(),
      java.util.Optional.empty(), NO);

  @Test
  void theGuardVisitorHasOneMethodPerKindOfGuard() {
    Set<Class<?>> kinds = Set.of(Guard.class.getPermittedSubclasses());
    Set<Class<?>> visited = Arrays.stream(Guard.Visitor.class.getDeclaredMethods())
        .map(m -> m.getParameterCount() == 0 ? Guard.Always.class : m.getParameterTypes()[0])
        .collect(Collectors.toSet());
    assertEquals(kinds, visited);
  }

  @Test
  void everyKindOfStepHasItsCase() {
    assertEquals(Set.of(Step.class.getPermittedSubclasses()), parameters(StepCases.class));
    List<Step> samples = List.of(
        new Step.EscalateTo(List.of("A"), false, Optional.empty(), Optional.empty(), NO),
        new Step.Copy(List.of("A"), Optional.empty(), Optional.empty(), NO),
        new Step.Inform(Step.Inform.Kind.NOTIFY, List.of("A"), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), NO),
        new Step.Act("x", "x", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
            NO),
        new Step.Keep(Optional.of("f"), Optional.empty(), List.of(), Optional.empty(),
            Optional.empty(), Optional.empty(), NO),
        new Step.Remind(List.of("A"), Timespan.workingDays(1), true, List.of(),
            Optional.empty(), Optional.empty(), NO));
    assertCovers(Step.class, samples, s -> StepCases.on(s, nameOfCase(StepCases.class)));
  }

  @Test
  void everyKindOfTargetAndAnchorHasItsCase() {
    assertCovers(Target.class, List.of(new Target.ToStage("1"), new Target.ToOutcome("x")),
        TargetCases::describe);
    List<Timescale.Anchor> anchors = List.of(new Timescale.Anchor.StageStart(),
        new Timescale.Anchor.EscalationStart(), new Timescale.Anchor.Event("e"),
        new Timescale.Anchor.Stage("1"), new Timescale.Anchor.Before("d"));
    assertCovers(Timescale.Anchor.class, anchors,
        a -> AnchorCases.on(a, nameOfCase(AnchorCases.class)));
  }

  @Test
  void everyKindOfConditionPreconditionAndTriggerRuleBecomesAGuard() {
    Condition yes = new Condition.Holds("a");
    assertCovers(Condition.class, List.of(yes, new Condition.Is("a", "b"),
        new Condition.Not(yes), new Condition.And(yes, yes), new Condition.Or(yes, yes)),
        ModelBuilder::guard);
    assertCovers(Precondition.class, List.of(new Precondition.Completed(List.of("1"), NO),
        new Precondition.Agreement("A", NO), new Precondition.Advice("A", NO),
        new Precondition.Done(NOTIFIED, NO), new Precondition.Holds(yes, NO)),
        ModelBuilder::requirement);
    HistoryRule holds = new HistoryRule.Holds("a");
    assertCovers(HistoryRule.class, List.of(new HistoryRule.Graded("s", "g", 2, true),
        new HistoryRule.Count("e", 2), new HistoryRule.Since(Timespan.workingDays(1), "e"),
        holds, new HistoryRule.And(holds, holds), new HistoryRule.Or(holds, holds)),
        ModelBuilder::history);
  }

  @Test
  void everyKindOfPreconditionHasItsCase() {
    assertEquals(Set.of(Precondition.class.getPermittedSubclasses()),
        parameters(PreconditionCases.class));
    assertCovers(Precondition.class, List.of(new Precondition.Completed(List.of("1"), NO),
        new Precondition.Agreement("A", NO), new Precondition.Advice("A", NO),
        new Precondition.Done(NOTIFIED, NO), new Precondition.Holds(new Condition.Holds("a"), NO)),
        p -> PreconditionCases.on(p, nameOfCase(PreconditionCases.class)));
  }

  @Test
  void everyKindOfConditionAndTriggerRuleHasItsCase() {
    assertEquals(Set.of(Condition.class.getPermittedSubclasses()),
        parameters(ConditionCases.class));
    Condition yes = new Condition.Holds("a");
    assertCovers(Condition.class, List.of(yes, new Condition.Is("a", "b"),
        new Condition.Not(yes), new Condition.And(yes, yes), new Condition.Or(yes, yes)),
        c -> ConditionCases.on(c, nameOfCase(ConditionCases.class)));
    assertEquals(Set.of(HistoryRule.class.getPermittedSubclasses()),
        parameters(HistoryRuleCases.class));
    HistoryRule holds = new HistoryRule.Holds("a");
    assertCovers(HistoryRule.class, List.of(new HistoryRule.Graded("s", "g", 2, true),
        new HistoryRule.Count("e", 2), new HistoryRule.Since(Timespan.workingDays(1), "e"),
        holds, new HistoryRule.And(holds, holds), new HistoryRule.Or(holds, holds)),
        r -> HistoryRuleCases.on(r, nameOfCase(HistoryRuleCases.class)));
  }

  /** The samples are one of each permitted kind, and each goes through the consumer. */
  private static <T> void assertCovers(Class<T> sealed, List<? extends T> samples,
      Function<T, ?> consumer) {
    assertEquals(Set.of(sealed.getPermittedSubclasses()),
        samples.stream().map(Object::getClass).collect(Collectors.toSet()),
        "one sample of every kind of " + sealed.getSimpleName());
    for (T sample : samples) {
      assertTrue(consumer.apply(sample) != null, sample.toString());
    }
  }

  private static Set<Class<?>> parameters(Class<?> cases) {
    return Arrays.stream(cases.getDeclaredMethods())
        .filter(m -> !java.lang.reflect.Modifier.isStatic(m.getModifiers()))
        .map(m -> m.getParameterTypes()[0]).collect(Collectors.toSet());
  }

  /** A case helper whose every method answers with its own name. */
  @SuppressWarnings("unchecked")
  private static <C> C nameOfCase(Class<C> cases) {
    return (C) java.lang.reflect.Proxy.newProxyInstance(cases.getClassLoader(),
        new Class<?>[] {cases}, (proxy, method, args) -> name(method));
  }

  private static String name(Method m) {
    return m.getName();
  }
}
