package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.escalon.compiler.revision.Change;
import org.escalon.compiler.revision.Changes;
import org.escalon.model.Canonical;
import org.escalon.model.Protocol;

/**
 * The revision diff reports what changed and nothing else: a protocol against itself (or against
 * the same protocol built again) has no change; a protocol against itself with one random
 * mutation ({@link OneChange}) has exactly the change the mutation says it made.
 */
class RevisionProperties {

  private static final List<Protocol> SEEDS = Repository.protocols().stream()
      .map(f -> ProtocolsTest.compile(f).protocol().orElseThrow()).toList();

  @Property(tries = 60)
  void aGeneratedProtocolAgainstItselfHasNoChange(@ForAll long seed) {
    Protocol p = RandomProtocols.make(seed);
    assertEquals(List.of(), Changes.between(p, p));
    assertEquals(List.of(), Changes.between(p, RandomProtocols.make(seed)), "built twice");
  }

  @Property(tries = 60)
  void oneMutationOfAGeneratedProtocolIsReportedExactly(@ForAll long seed) {
    Protocol p = RandomProtocols.make(seed);
    exactly(p, OneChange.of(p, new Random(seed)));
  }

  @Property(tries = 60)
  void oneMutationOfASeedProtocolIsReportedExactly(@ForAll @IntRange(min = 0, max = 5) int which,
      @ForAll long seed) {
    Protocol p = SEEDS.get(which % SEEDS.size());
    exactly(p, OneChange.of(p, new Random(seed)));
  }

  @Property(tries = 12)
  void everyKindOfMutationIsReportedExactly(@ForAll @IntRange(min = 0, max = 5) int which,
      @ForAll long seed) {
    Protocol p = SEEDS.get(which % SEEDS.size());
    OneChange.all(p, new Random(seed)).forEach(m -> exactly(p, m));
  }

  private static void exactly(Protocol p, OneChange.Mutation m) {
    assertTrue(!Canonical.of(p).equals(Canonical.of(m.protocol())), m.description()
        + " changes the protocol");
    List<Change> changes = Changes.between(p, m.protocol());
    assertEquals(1, changes.size(), m.description() + ": " + changes);
    Change c = changes.get(0);
    assertEquals(m.group(), c.group(), m.description() + ": " + c);
    assertEquals(m.kind(), c.kind(), m.description() + ": " + c);
    assertEquals(m.subject(), c.subject(), m.description() + ": " + c);
    assertEquals(List.of(), Changes.between(m.protocol(), m.protocol()), m.description()
        + " against itself");
  }
}
