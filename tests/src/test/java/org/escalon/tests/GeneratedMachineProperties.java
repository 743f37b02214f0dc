package org.escalon.tests;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.escalon.model.Protocol;

/**
 * The differential property: for every protocol in {@code protocols/} and for random protocols
 * ({@link RandomProtocols}), random sequences of events, valid and invalid, give the same states,
 * the same listener calls in the same order and the same refusals from the generated machine as
 * from the engine.
 */
class GeneratedMachineProperties {

  private static final List<Protocol> PROTOCOLS = Repository.protocols().stream()
      .map(p -> ProtocolsTest.compile(p).protocol().orElseThrow()).toList();

  private static final GeneratedMachines MACHINES = new GeneratedMachines(PROTOCOLS);

  /** Random protocols: enough that every feature meets every other, compiled in one go. */
  private static final List<Protocol> RANDOM = java.util.stream.LongStream.range(0, 100)
      .mapToObj(RandomProtocols::make).toList();

  private static final GeneratedMachines RANDOM_MACHINES = new GeneratedMachines(RANDOM);

  @Property(tries = 100)
  void everyProtocolAgreesWithTheEngine(@ForAll("sequences") List<Integer> choices) {
    for (int i = 0; i < PROTOCOLS.size(); i++) {
      int n = i;
      Differential.run(PROTOCOLS.get(i), listener -> MACHINES.machine(n, listener), choices);
    }
  }

  @Property(tries = 800)
  void randomProtocolsAgreeWithTheEngine(@ForAll("protocolIndex") int index,
      @ForAll("sequences") List<Integer> choices) {
    Differential.run(RANDOM.get(index), listener -> RANDOM_MACHINES.machine(index, listener),
        choices);
  }

  @Provide
  Arbitrary<Integer> protocolIndex() {
    return Arbitraries.integers().between(0, RANDOM.size() - 1);
  }

  @Provide
  Arbitrary<List<Integer>> sequences() {
    return Arbitraries.integers().between(0, Integer.MAX_VALUE - 1).list().ofMinSize(1)
        .ofMaxSize(50);
  }
}
