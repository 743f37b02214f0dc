package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.model.Protocol;
import org.escalon.model.Stage;
import org.escalon.model.Timescale;
import org.escalon.simulate.Behaviour;
import org.escalon.simulate.BehaviourParser;
import org.escalon.simulate.Population;
import org.escalon.simulate.PopulationAccess;
import org.escalon.simulate.PopulationReport;
import org.escalon.simulate.Scenario;
import org.escalon.simulate.Simulator;
import org.escalon.simulate.StageBehaviour;
import org.escalon.simulate.Timeline;
import org.escalon.simulate.TimelineRow;

/** Rules the simulator keeps for every protocol, start date and population. */
class SimulatorProperties {

  private static final List<Protocol> PROTOCOLS = Repository.protocols().stream()
      .map(p -> ProtocolsTest.compile(p).protocol().orElseThrow()).toList();

  @Property(tries = 300)
  void everyDeadlineIsTheCalendarsOwnArithmetic(@ForAll("protocols") Protocol protocol,
      @ForAll("starts") LocalDate start) {
    Timeline t = new Simulator(protocol).run(Scenario.worstCase(), start);
    WorkingCalendar calendar = WorkingCalendar.of(protocol.header().calendar(),
        protocol.header().zone());
    for (TimelineRow row : t.rows()) {
      if (row.kind() != TimelineRow.Kind.RAISED && row.kind() != TimelineRow.Kind.ESCALATED) {
        continue;
      }
      Stage stage = protocol.stage(row.stage()).orElseThrow();
      if (stage.timescales().stream().anyMatch(ts -> ts.when().isPresent()
          || ts.anchor() instanceof Timescale.Anchor.Event)) {
        continue; // these depend on the case's facts, which the worst case leaves unset
      }
      ZonedDateTime entered = row.at().atZone(calendar.zone());
      // nobody sets one: its guide, or cap; with neither, no deadline
      Optional<Instant> expected = stage.timescales().stream().filter(ts -> !ts.awaitsValue())
          .map(ts -> calendar.deadline(ts.anchor() instanceof Timescale.Anchor.EscalationStart
              ? t.start() : entered, ts.initial().orElseThrow()).toInstant())
          .min(Comparator.naturalOrder());
      assertEquals(expected, row.deadline(), "the deadline of stage " + stage.key()
          + " entered " + entered);
    }
  }

  @Property(tries = 40)
  void aPopulationIsTheSameWithOneThreadAndTwo(@ForAll("protocols") Protocol protocol,
      @ForAll("behaviours") Behaviour behaviour, @ForAll @IntRange(min = 1, max = 9000) int n,
      @ForAll long seed) {
    Population population = new Population(protocol, behaviour);
    LocalDate from = LocalDate.of(2026, 11, 1);
    PopulationReport one = population.run(new Population.Settings(n, seed, from,
        from.plusMonths(14), 1), done -> { });
    PopulationReport two = population.run(new Population.Settings(n, seed, from,
        from.plusMonths(14), 2), done -> { });
    assertEquals(one, two);
  }

  @Property(tries = 60)
  void everyCaseIsCountedOnceAndNoneIsLost(@ForAll("protocols") Protocol protocol,
      @ForAll("behaviours") Behaviour behaviour, @ForAll @IntRange(min = 1, max = 3000) int n,
      @ForAll long seed) {
    PopulationReport r = new Population(protocol, behaviour).run(new Population.Settings(n,
        seed, LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), 2), done -> { });
    int ended = r.outcomes().stream().mapToInt(PopulationReport.Count::cases).sum();
    assertEquals(n, ended + r.unfinished(), "outcomes and unfinished add up to N");
    assertEquals(ended, r.toOutcome().cases(), "every ended case has a time to its outcome");
    assertEquals(n, r.endStages().stream().mapToInt(PopulationReport.Count::cases).sum(),
        "every case ends or waits at one stage");
    for (PopulationReport.StageRecord s : r.stages()) {
      assertEquals(s.stays(), s.inTime() + s.timedOut() + s.bypassed() + s.other() + s.open(),
          "the stays at stage " + s.stage() + " add up");
    }
    assertTrue(r.toOutcome().median() <= r.toOutcome().p90()
        && r.toOutcome().p90() <= r.toOutcome().worst());
  }

  @Property(tries = 60)
  void theFastPathAgreesWithTheEngine(@ForAll("protocols") Protocol protocol,
      @ForAll("behaviours") Behaviour behaviour, @ForAll @IntRange(min = 1, max = 2000) int n,
      @ForAll long seed) {
    Population population = new Population(protocol, behaviour);
    Population.Settings settings = new Population.Settings(n, seed, LocalDate.of(2026, 12, 1),
        LocalDate.of(2027, 4, 30), 1);
    if (population.fastPath()) {
      assertEquals(PopulationAccess.engine(population, settings),
          population.run(settings, done -> { }));
    }
  }

  /**
   * Every seed protocol, the children's home template (timescales in weeks from the start,
   * fortnightly reminders) included, runs on the compiled model with the illustrative behaviour,
   * and its population is the engine's, case for case, whatever the seed.
   */
  @Property(tries = 12)
  void everySeedRunsOnTheCompiledModelAsTheEngineDoes(@ForAll("protocols") Protocol protocol,
      @ForAll @IntRange(min = 1, max = 1500) int n, @ForAll long seed) throws Exception {
    Path rates = Repository.root().resolve("protocols/scenarios/illustrative.behaviour");
    Behaviour illustrative = BehaviourParser.parse(Repository.read(rates), rates.toString());
    Population population = new Population(protocol, illustrative);
    assertTrue(population.fastPath(), protocol.name() + " runs through the engine");
    Population.Settings settings = new Population.Settings(n, seed, LocalDate.of(2027, 1, 1),
        LocalDate.of(2027, 12, 31), 1);
    assertEquals(PopulationAccess.engine(population, settings),
        population.run(settings, done -> { }));
  }

  /**
   * The same on random protocols (conditions, skips, requirements, extensions, loops): where the
   * model compiles for populations, the compiled cases are the engine's, case for case.
   */
  @Property(tries = 100)
  void theCompiledModelAgreesWithTheEngineOnRandomProtocols(
      @ForAll @IntRange(min = 0, max = 199) int index, @ForAll("behaviours") Behaviour behaviour,
      @ForAll @IntRange(min = 1, max = 300) int n, @ForAll long seed) {
    Population population = new Population(RandomProtocols.make(index), behaviour);
    Population.Settings settings = new Population.Settings(n, seed, LocalDate.of(2026, 12, 1),
        LocalDate.of(2027, 4, 30), 1);
    if (population.fastPath()) {
      assertEquals(PopulationAccess.engine(population, settings),
          population.run(settings, done -> { }));
    }
  }

  /**
   * Random protocols with a soft deadline that the fast path runs (a soft deadline counted from
   * the stage's start): missed, recorded, and the stay going on to a late answer, a late bypass or
   * the escalator's decision at the assumption, as the engine's cases play it.
   */
  private static final List<Integer> SOFT = java.util.stream.IntStream.range(0, 600)
      .filter(i -> {
        Protocol p = RandomProtocols.make(i);
        return p.stages().stream().flatMap(s -> s.timescales().stream())
            .anyMatch(Timescale::soft) && new Population(p, Behaviour.worstCase()).fastPath();
      }).boxed().toList();

  @org.junit.jupiter.api.Test
  void randomProtocolsWithSoftDeadlinesTakeTheFastPath() {
    assertTrue(SOFT.size() >= 20, "only " + SOFT.size() + " soft random protocols compile");
  }

  @Property(tries = 100)
  void theCompiledModelFollowsSoftDeadlinesAsTheEngineDoes(@ForAll("soft") int index,
      @ForAll("behaviours") Behaviour behaviour, @ForAll @IntRange(min = 1, max = 300) int n,
      @ForAll long seed) {
    Population population = new Population(RandomProtocols.make(index), behaviour);
    Population.Settings settings = new Population.Settings(n, seed, LocalDate.of(2026, 12, 1),
        LocalDate.of(2027, 4, 30), 1);
    assertEquals(PopulationAccess.engine(population, settings),
        population.run(settings, done -> { }));
  }

  @Provide
  Arbitrary<Integer> soft() {
    return Arbitraries.of(SOFT);
  }

  @Provide
  Arbitrary<Protocol> protocols() {
    return Arbitraries.of(PROTOCOLS);
  }

  @Provide
  Arbitrary<LocalDate> starts() {
    return Arbitraries.integers().between(0, 365 * 3).map(d -> LocalDate.of(2025, 1, 1)
        .plusDays(d));
  }

  @Provide
  Arbitrary<Behaviour> behaviours() {
    Arbitrary<Double> chance = Arbitraries.integers().between(0, 100).map(p -> p / 100.0);
    Arbitrary<StageBehaviour> stage = Combinators.combine(chance,
        Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 8), chance,
        chance.map(c -> c / 3), chance.map(c -> c / 2))
        .as((respond, fastest, extra, resolve, bypass, extension) -> new StageBehaviour(respond,
            fastest, fastest + extra, resolve, bypass, extension));
    return Arbitraries.oneOf(Arbitraries.just(Behaviour.worstCase()),
        stage.map(s -> Behaviour.everywhere("generated", s)));
  }
}
