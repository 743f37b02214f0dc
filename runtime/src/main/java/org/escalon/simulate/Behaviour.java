package org.escalon.simulate;

import java.util.Map;
import java.util.TreeMap;

/** How people behave at every stage of a population's escalations, stage by stage if need be. */
public record Behaviour(String name, StageBehaviour everyStage, Map<String, StageBehaviour> stages) {

  public Behaviour {
    stages = java.util.Collections.unmodifiableMap(new TreeMap<>(stages));
  }

  /** The worst case: nobody responds, bypasses or asks for more time. */
  public static Behaviour worstCase() {
    return new Behaviour("worst case: nobody responds, no bypass", StageBehaviour.NOBODY,
        Map.of());
  }

  /** The same behaviour at every stage. */
  public static Behaviour everywhere(String name, StageBehaviour behaviour) {
    return new Behaviour(name, behaviour, Map.of());
  }

  public StageBehaviour at(String stage) {
    return stages.getOrDefault(stage, everyStage);
  }
}
