package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.escalon.compiler.Compilation;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.compiler.verify.Verification;
import org.escalon.compiler.verify.Verifier;
import org.escalon.model.Protocol;
import org.escalon.simulate.Simulator;
import org.escalon.simulate.Timeline;
import org.junit.jupiter.api.Test;

/**
 * The verifier is sound or says it cannot decide: past 64 stages, 32 role mentions or 32
 * conditional timescales nothing wraps; past its limits it stops with E0609 naming the limit; and
 * on random protocols of up to 200 stages, 40 roles and 40 attributes every verdict agrees with
 * the simulator's runs.
 */
class VerifierSoundnessTest {

  private static final LocalDate START = LocalDate.of(2027, 1, 4);

  private static Protocol compile(String name, String text) {
    Compilation c = new EscalonCompiler().compile(SourceText.of(name, text));
    assertTrue(c.succeeded(), name + ": " + c.diagnostics());
    return c.protocol().orElseThrow();
  }

  /**
   * 65 stages, 33 roles the properties mention, 32 conditional timescales on stage 1: each past
   * the width of the numbers the verifier once kept its facts in.
   */
  static String wide() {
    StringBuilder esc = new StringBuilder("protocol \"wide\" {\n  raised by IRO\n  source \"gen\"\n"
        + "  role IRO \"IRO\"\n  role TM \"TM\"\n  role Cafcass \"Cafcass\" external\n"
        + "  attribute p \"p\"\n");
    for (int r = 0; r < 34; r++) {
      esc.append("  role R").append(r).append(" \"R").append(r).append("\"\n");
    }
    esc.append("  stage 1 \"Stage 1\" { source \"s1\" to TM respond within 30 working days");
    for (int t = 1; t <= 32; t++) {
      esc.append(" respond within ").append(t).append(" working days if p");
    }
    esc.append(" }\n");
    for (int s = 2; s <= 65; s++) {
      esc.append("  stage ").append(s).append(" \"Stage ").append(s).append("\" { source \"s")
          .append(s).append("\" to ").append(s <= 34 ? "R" + (s - 2) : "TM")
          .append(" respond within 1 working day").append(s == 65 ? " when not resolved go to "
              + "cafcass" : "").append(" }\n");
    }
    esc.append("  outcome cafcass \"Cafcass\" { source \"c\" to Cafcass requires completed stage "
        + "1..65 }\n  IRO may start at stage 2\n");
    for (int r = 0; r < 34; r++) {
      esc.append("  property \"p").append(r).append("\" { eventually R").append(r)
          .append(" is escalated to or resolved }\n");
    }
    return esc.append("}\n").toString();
  }

  @Test
  void nothingWrapsPastSixtyFourStagesThirtyTwoRolesOrThirtyTwoTimescales() {
    Protocol p = compile("wide.esc", wide());
    Verification v = new Verifier().verify(p, START);
    // started at stage 2, stage 1 is never completed: the referral waits for ever (r1a)
    assertFalse(v.verdict("every path reaches an outcome").holds(), v.verdicts().toString());
    // R0 to R32 are the recipients of stages 2 to 34, reached on every path that does not resolve
    // first; R33, the 34th role mentioned, is escalated to by nobody (a 32-bit mask wrapped it
    // onto R1, and the property held)
    for (int r = 0; r < 33; r++) {
      assertTrue(v.properties().get(r).holds(), "p" + r + ": " + v.properties().get(r).summary());
    }
    assertFalse(v.properties().get(33).holds(), "p33 names a role nobody escalates to");
    // the longest stay at stage 1 is the unconditional 30 working days, not a wrapped mask's 1
    String report = v.verdicts() + " " + v.totals();
    assertFalse(v.failed() && report.contains("E0609"), report);
  }

  @Test
  void theReproducersGiveTheVerdictsTheSimulatorShows() {
    Path r = new Path();
    assertTrue(r.verify("r1a-65-stages.esc").err().contains("error[E0602]"));
    Repository.Run roles = r.verify("r1b-17-roles.esc");
    assertTrue(roles.err().contains("property \"R16 hears at every stage"), roles.err());
    Repository.Run timescales = r.verify("r1c-32-conditional-timescales.esc");
    assertTrue(timescales.out().contains("sum of the timescales 30 working days"), timescales.out());
    Repository.Run simulated = Repository.cli("simulate", r.of("r1c-32-conditional-timescales.esc"),
        "--scenario", r.of("r1c-q-only.scenario"));
    assertTrue(simulated.out().contains("after 30 working days"), simulated.out());
  }

  @Test
  void tooManyFactsOrTooLongStopsWithTheLimitNamed() {
    Path r = new Path();
    for (String file : new String[] {"r4-31-agreements.esc", "r4-63-attributes.esc",
        "r4-64-attributes.esc", "r7-16-agreements-hang.esc", "r7-30-attributes-hang.esc"}) {
      Repository.Run run = r.verify(file, "--max-seconds", "20");
      assertEquals(1, run.exitCode(), file + run.err());
      assertTrue(run.err().contains("error[E06"), file + ": " + run.err());
    }
    // agreements required together are one fact: 16 of them make 17 states, not 65,536 times more
    assertTrue(r.verify("r7-16-agreements-hang.esc").out().contains("explored 104 states"));
    assertTrue(r.verify("r7-30-attributes-hang.esc").err().contains(
        "error[E0609]: a case can be raised with 1073741824 combinations of facts"));
    long began = System.nanoTime();
    // only the clock may stop this one: on a quiet machine the verifier reaches the default
    // limits of states and transitions within 3 seconds
    Repository.Run stopped = r.verify("r7-3000-stages-bypass-any.esc", "--max-seconds", "3",
        "--max-states", "2000000000", "--max-transitions", "2000000000000");
    assertTrue(stopped.err().contains("the exploration took more than 3 seconds; the verifier "
        + "stopped (the limit of seconds)"), stopped.err());
    assertTrue(System.nanoTime() - began < 60_000_000_000L, "stopped within a minute");
    Repository.Run transitions = r.verify("r7-3000-stages-bypass-any.esc",
        "--max-transitions", "10000");
    assertTrue(transitions.err().contains("(the limit of transitions)"), transitions.err());
  }

  /** The reliability reproducers, run through the command line. */
  private static final class Path {
    String of(String file) {
      return java.nio.file.Path.of("src/test/resources/reliability", file).toString();
    }

    Repository.Run verify(String file, String... options) {
      String[] args = new String[options.length + 2];
      args[0] = "verify";
      System.arraycopy(options, 0, args, 1, options.length);
      args[args.length - 1] = of(file);
      Repository.Run run = Repository.cli(args);
      assertFalse(run.exitCode() == 70, file + ": " + run.err());
      return run;
    }
  }

  /**
   * A random ladder of up to 200 stages, 40 roles and 40 attributes, with stages that apply only
   * if an attribute holds (a few attributes read, the rest declared), conditional timescales,
   * a right to bypass, and properties on roles: what the verifier proves, the simulator's runs
   * (nobody responds, and random scenarios) never break.
   */
  static String ladder(long seed) {
    Random random = new Random(seed);
    int stages = 1 + random.nextInt(200);
    // the simulator follows a case for a year: keep most paths within it (each move up the
    // ladder also costs the day it happens on)
    int longest = Math.max(1, 120 / stages);
    int roles = 2 + random.nextInt(39);
    int attributes = random.nextInt(41);
    int read = Math.min(attributes, random.nextInt(6));
    StringBuilder esc = new StringBuilder("protocol \"ladder " + seed + "\" {\n  raised by IRO\n"
        + "  source \"gen\"\n  role IRO \"IRO\"\n  role Cafcass \"Cafcass\" external\n");
    for (int r = 0; r < roles; r++) {
      esc.append("  role R").append(r).append(" \"R").append(r).append("\"\n");
    }
    for (int a = 0; a < attributes; a++) {
      esc.append("  attribute a").append(a).append(" \"a").append(a).append("\"\n");
    }
    for (int s = 1; s <= stages; s++) {
      esc.append("  stage ").append(s).append(" \"Stage ").append(s).append("\" { source \"s")
          .append(s).append("\" to R").append(random.nextInt(roles));
      if (s > 1 && read > 0 && random.nextInt(4) == 0) {
        esc.append(" only if a").append(random.nextInt(read));
      }
      esc.append(" respond within ").append(1 + random.nextInt(longest)).append(" working days");
      if (read > 0 && random.nextInt(5) == 0) {
        esc.append(" respond within ").append(1 + random.nextInt(longest)).append(" working days if a")
            .append(random.nextInt(read));
      }
      if (s == stages) {
        esc.append(" when not resolved go to cafcass");
      }
      esc.append(" }\n");
    }
    esc.append("  outcome cafcass \"Cafcass\" { source \"c\" to Cafcass }\n");
    if (random.nextBoolean()) {
      esc.append("  IRO may bypass to stage ").append(1 + random.nextInt(stages))
          .append(" with reason source \"b\"\n");
    }
    esc.append("  property \"ends\" { every path reaches resolved or cafcass }\n");
    for (int i = 0; i < 3; i++) {
      esc.append("  property \"r").append(i).append("\" { eventually R")
          .append(random.nextInt(roles)).append(" is escalated to or resolved }\n");
    }
    return esc.append("}\n").toString();
  }

  @Property(tries = 40)
  void verdictsOnLargeRandomProtocolsAgreeWithTheSimulator(
      @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
    Protocol p = compile("ladder.esc", ladder(seed));
    Verification v = new Verifier().verify(p, START);
    if (v.verdicts().stream().anyMatch(x -> x.summary().startsWith("too many"))) {
      return; // it cannot decide, and says so: no verdict to compare
    }
    Random random = new Random(seed);
    for (int run = 0; run < 5; run++) {
      Timeline t = new Simulator(p).run(run == 0 ? org.escalon.simulate.Scenario.worstCase()
          : VerifiedPropertiesHoldInSimulationProperties.scenario(p, random), START);
      TimelineClaims.Trace trace = TimelineClaims.trace(p, t, new Simulator(p).calendar());
      // still open at the simulator's one-year horizon says nothing; waiting for ever contradicts
      if (v.verdict("every path reaches an outcome").holds()) {
        assertFalse(t.end() == Timeline.End.WAITING, p.name() + ": the verifier says every path "
            + "ends, the simulator waits for ever");
      }
      // the properties here say something eventually happens: a run cut off at the horizon
      // cannot refute them, so only a run that stopped is compared
      for (int i = 0; i < p.properties().size() && t.end() != Timeline.End.UNFINISHED; i++) {
        if (v.properties().get(i).holds()) {
          assertTrue(TimelineClaims.holds(p.properties().get(i).claim(), trace), p.name()
              + ": \"" + p.properties().get(i).title() + "\" holds for the verifier, not on\n"
              + t.rows());
        }
      }
    }
  }
}
