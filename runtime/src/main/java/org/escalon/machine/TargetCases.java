package org.escalon.machine;

import org.escalon.model.Target;

/** One method per kind of target, for the model's sealed {@link Target}. */
public interface TargetCases<R> {

  R stage(String key);

  R outcome(String name);

  /** Calls the method for the target's kind. */
  static <R> R on(Target target, TargetCases<R> cases) {
    if (target instanceof Target.ToStage s) {
      return cases.stage(s.key());
    } else if (target instanceof Target.ToOutcome o) {
      return cases.outcome(o.name());
    }
    // Target is sealed: MachineKindsTest fails when a kind is added and not listed above
    throw new IllegalStateException("a kind of target with no case: " + target.getClass());
  }

  /** The target in words: {@code stage KEY} or the outcome's name. */
  static String describe(Target target) {
    return on(target, new TargetCases<>() {
      @Override
      public String stage(String key) {
        return "stage " + key;
      }

      @Override
      public String outcome(String name) {
        return name;
      }
    });
  }

  /** The target as a host writes it: a stage's key or an outcome's name. */
  static String name(Target target) {
    return on(target, new TargetCases<>() {
      @Override
      public String stage(String key) {
        return key;
      }

      @Override
      public String outcome(String name) {
        return name;
      }
    });
  }
}
