package org.escalon.simulate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import org.escalon.machine.Facts;
import org.escalon.machine.Interpreter;
import org.escalon.machine.OperationalModel;
import org.escalon.model.Protocol;

/**
 * Runs a population of escalations: N cases with start dates spread evenly at random over a
 * period and response behaviour drawn per stage, on every core. Case i always draws from its own
 * random stream and writes to its own slot, so the report is the same for the same seed whatever
 * the number of threads.
 */
public final class Population {

  /** How many cases, which random numbers, the period the start dates fall in, how many threads. */
  public record Settings(int cases, long seed, LocalDate from, LocalDate to, int threads) {
    public Settings {
      if (cases < 1) {
        throw new IllegalArgumentException("a population needs at least one case");
      }
      if (to.isBefore(from)) {
        throw new IllegalArgumentException("the period ends (" + to + ") before it begins ("
            + from + ")");
      }
      if (threads < 1) {
        throw new IllegalArgumentException("at least one thread");
      }
    }
  }

  private static final int CHUNK = 4096;

  private final PopulationModel model;
  private final Optional<ModelCases> compiled;

  public Population(Protocol protocol, Behaviour behaviour) {
    unraisable(protocol).ifPresent(why -> {
      throw new IllegalArgumentException(why);
    });
    this.model = new PopulationModel(protocol, behaviour);
    this.compiled = ModelCases.of(model, model.operational);
  }

  /**
   * Why no case of a population can be raised, if none can: a population's cases have no facts
   * set, and an invariant that needs one set refuses every raise (the engine's rule, asked of the
   * same interpreter).
   */
  public static Optional<String> unraisable(Protocol protocol) {
    return new Interpreter(OperationalModel.of(protocol)).breaking(NO_FACTS).map(r -> "the "
        + "cases of a population have no facts set, so none can be raised: " + r.reason());
  }

  /** A case with no fact set: no attribute, stage, consent or event. */
  private static final Facts NO_FACTS = Facts.ofAttributes(Map.of());

  /**
   * Whether the protocol's model compiles for populations ({@link ModelCases}), rather than being
   * run event by event through the engine.
   */
  public boolean fastPath() {
    return compiled.isPresent();
  }

  /** Runs the population; {@code progress} hears the number of cases done now and then. */
  public PopulationReport run(Settings settings, LongConsumer progress) {
    return run(settings, progress, compiled.isPresent());
  }

  /** Runs on the fast path or through the engine, as asked: tests compare the two. */
  PopulationReport run(Settings settings, LongConsumer progress, boolean fast) {
    CaseRunner runner = fast ? compiled.orElseThrow() : new EngineCases(model);
    Results results = new Results(settings.cases(), model.stages.size());
    int chunks = (settings.cases() + CHUNK - 1) / CHUNK;
    Tally[] tallies = new Tally[chunks];
    AtomicLong done = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), r -> {
      Thread t = new Thread(r, "escalon-population");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int c = 0; c < chunks; c++) {
        int chunk = c;
        work.add(pool.submit(() -> {
          tallies[chunk] = runChunk(runner, settings, chunk, results);
          progress.accept(done.addAndGet(Math.min(CHUNK, settings.cases() - chunk * CHUNK)));
        }));
      }
      for (Future<?> f : work) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("the population run was interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a case failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    Tally total = new Tally(model.stages.size());
    for (Tally t : tallies) {
      total.add(t);
    }
    return PopulationReport.of(model, settings, results, total);
  }

  private Tally runChunk(CaseRunner runner, Settings s, int chunk, Results results) {
    Tally tally = new Tally(model.stages.size());
    CaseOutcome out = new CaseOutcome();
    int first = (int) s.from().toEpochDay();
    int span = (int) (s.to().toEpochDay() - first + 1);
    int end = Math.min(s.cases(), (chunk + 1) * CHUNK);
    for (int i = chunk * CHUNK; i < end; i++) {
      SplittableRandom random = VisitPlan.forCase(s.seed(), i);
      int start = first + random.nextInt(span);
      runner.run(start, random, out, tally);
      results.put(i, out);
    }
    return tally;
  }

  /** Every case's result, in its own slot. */
  static final class Results {
    final int[] days;
    final short[] outcome;
    final short[] stage;
    final long[] breaches;

    Results(int cases, int stages) {
      days = new int[cases];
      outcome = new short[cases];
      stage = new short[cases];
      breaches = new long[cases];
    }

    void put(int i, CaseOutcome out) {
      days[i] = out.days;
      outcome[i] = (short) out.outcome;
      stage[i] = (short) out.stage;
      breaches[i] = out.breaches;
    }
  }
}
