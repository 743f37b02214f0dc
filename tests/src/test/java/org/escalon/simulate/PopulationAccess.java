package org.escalon.simulate;

/** Lets the tests run a population through the engine even where the fast path applies. */
public final class PopulationAccess {

  private PopulationAccess() {}

  public static PopulationReport engine(Population population, Population.Settings settings) {
    return population.run(settings, done -> { }, false);
  }
}
