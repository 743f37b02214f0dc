package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.escalon.compiler.Compilation;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.compiler.verify.Verification;
import org.escalon.compiler.verify.Verifier;
import org.escalon.model.Attribute;
import org.escalon.model.Claim;
import org.escalon.model.Measure;
import org.escalon.model.Timespan;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.Stage;
import org.escalon.model.Step;
import org.escalon.model.Target;
import org.escalon.model.TimeUnit;
import org.escalon.model.Timescale;
import org.escalon.simulate.Scenario;
import org.escalon.simulate.ScenarioStep;
import org.escalon.simulate.ScenarioStep.Action;
import org.escalon.simulate.ScenarioStep.When;
import org.escalon.simulate.Simulator;
import org.escalon.simulate.Timeline;

/**
 * What the verifier proves holds in practice: 10,000 random escalations, simulated on real dates
 * with random responses, bypasses, referrals, requests for more time, agreements and facts, never
 * break a property the verifier passed, and always end when it says every path ends. Taken over
 * the codified policies and the language reference's examples; the oracle reads each timeline
 * independently of the verifier.
 */
class VerifiedPropertiesHoldInSimulationProperties {

  /** A protocol and what the verifier says of it. */
  record Verified(Protocol protocol, Verification verification, boolean exactDays) {}

  private static final List<Verified> POOL = pool();

  private static List<Verified> pool() {
    List<Protocol> protocols = new ArrayList<>();
    Repository.protocols().forEach(p -> protocols.add(VerifierMutationTest.compile(p)));
    for (DocsExamplesTest.Example e : DocsExamplesTest.examples("docs/language.md")) {
      if (e.expectedCode() == null) {
        Compilation c = new EscalonCompiler().compile(SourceText.of(
            Repository.root().resolve("docs/example.esc").toString(), e.text()));
        c.protocol().ifPresent(protocols::add);
      }
    }
    List<Verified> pool = new ArrayList<>();
    for (Protocol p : protocols) {
      Verification v = new Verifier().verify(p, LocalDate.of(2027, 1, 4));
      boolean exact = p.stages().stream().flatMap(s -> s.timescales().stream())
          .allMatch(t -> t.anchor() instanceof Timescale.Anchor.StageStart
              && (t.duration().unit() == TimeUnit.WORKING_DAYS
                  || t.duration().unit() == TimeUnit.SAME_WORKING_DAY));
      pool.add(new Verified(p, v, exact));
    }
    return pool;
  }

  @Property(tries = 10_000)
  void aProtocolThatPassesHasNoViolationInRandomRuns(
      @ForAll @IntRange(min = 0, max = 10_000) int which, @ForAll long seed) {
    Verified chosen = POOL.get(which % POOL.size());
    Protocol p = chosen.protocol();
    Random random = new Random(seed);
    LocalDate start = LocalDate.of(2027, 1, 4).plusDays(random.nextInt(365));
    Timeline t = new Simulator(p).run(scenario(p, random), start);
    if (t.rows().stream().noneMatch(r -> r.kind() == org.escalon.simulate.TimelineRow.Kind.RAISED)) {
      // the raise was refused (an invariant the facts set before it break): the verifier's
      // paths are those of escalations that were raised, and this one never was
      return;
    }
    TimelineClaims.Trace trace = TimelineClaims.trace(p, t, new Simulator(p).calendar());
    if (chosen.verification().verdict("every path reaches an outcome").holds()) {
      assertEquals(Timeline.End.ENDED, t.end(), p.name() + ": the verifier says every path ends");
    }
    for (int i = 0; i < p.properties().size(); i++) {
      org.escalon.model.Property property = p.properties().get(i);
      boolean bounded = hasBound(property.claim());
      // the oracle reads the working days that elapse on the calendar; a bound on the sum of the
      // timescales (`within D in total`) is another quantity, which OneAccountOfTimeTest pins
      if (!chosen.verification().properties().get(i).holds()
          || bounded && (!chosen.exactDays() || sumsTimescales(property.claim()))) {
        continue;
      }
      assertTrue(TimelineClaims.holds(property.claim(), trace), p.name() + ": property \""
          + property.title() + "\" holds for the verifier but not on\n" + t.rows());
    }
  }

  private static boolean sumsTimescales(Claim c) {
    if (c instanceof Claim.Within w) {
      return w.measure() == Measure.TIMESCALES;
    }
    return c instanceof Claim.And a && (sumsTimescales(a.left()) || sumsTimescales(a.right()));
  }

  private static boolean hasBound(Claim c) {
    if (c instanceof Claim.Within) {
      return true;
    }
    return c instanceof Claim.And a && (hasBound(a.left()) || hasBound(a.right()));
  }

  /** A random scenario: who raises it, the facts at the start, and up to a dozen steps. */
  static Scenario scenario(Protocol p, Random random) {
    List<ScenarioStep> before = new ArrayList<>();
    for (Attribute a : p.attributes()) {
      if (random.nextInt(3) == 0) {
        before.add(new ScenarioStep(new When.Before(), new Action.Set(a.name(), value(a, random)),
            0));
      }
    }
    Optional<Action.Raise> raise = Optional.empty();
    List<Right> starts = p.rights().stream().filter(r -> r.kind() == Right.Kind.START).toList();
    if (!starts.isEmpty() && random.nextBoolean()) {
      Right r = starts.get(random.nextInt(starts.size()));
      Target t = r.targets().get(random.nextInt(r.targets().size()));
      if (t instanceof Target.ToStage s) {
        raise = Optional.of(new Action.Raise(r.role(), Optional.of(s.key()), Optional.of("why")));
      }
    }
    List<ScenarioStep> steps = new ArrayList<>();
    int n = random.nextInt(13);
    for (int i = 0; i < n; i++) {
      Stage stage = p.stages().get(random.nextInt(p.stages().size()));
      When when = random.nextInt(4) == 0 ? new When.FromStart(random.nextInt(30))
          : new When.AtStage(stage.key(), 1 + random.nextInt(2), random.nextInt(7));
      action(p, stage, random).ifPresent(a -> steps.add(new ScenarioStep(when, a, 0)));
    }
    return new Scenario("random", Optional.empty(), raise, false, random.nextBoolean(), before,
        steps);
  }

  private static Optional<Action> action(Protocol p, Stage stage, Random random) {
    String respondent = stage.steps().stream().filter(Step.EscalateTo.class::isInstance)
        .map(s -> ((Step.EscalateTo) s).roles().get(0)).findFirst()
        .orElse(p.header().raisedBy());
    switch (random.nextInt(8)) {
      case 0, 1:
        return Optional.of(new Action.Respond(respondent, random.nextBoolean()));
      case 2: {
        List<Right> rights = p.rights().stream().filter(r -> r.kind() != Right.Kind.START)
            .toList();
        if (rights.isEmpty()) {
          return Optional.empty();
        }
        Right r = rights.get(random.nextInt(rights.size()));
        Target t = r.targets().get(random.nextInt(r.targets().size()));
        String target = t instanceof Target.ToStage s ? s.key()
            : ((Target.ToOutcome) t).name();
        return Optional.of(r.kind() == Right.Kind.BYPASS
            ? new Action.Bypass(r.role(), target, Optional.of("why"))
            : new Action.Refer(r.role(), target, Optional.of("why")));
      }
      case 3: {
        var rule = stage.extension().or(p::extension);
        if (rule.isEmpty()) {
          return Optional.empty();
        }
        String by = rule.get().requestedBy().isEmpty() ? respondent
            : rule.get().requestedBy().get(random.nextInt(rule.get().requestedBy().size()));
        Timespan amount = rule.get().upTo().orElse(Timespan.workingDays(1 + random.nextInt(10)));
        return Optional.of(new Action.AskForTime(by, amount, true, Optional.of("why")));
      }
      case 4: {
        var rule = stage.extension().or(p::extension);
        return rule.map(r -> new Action.GrantTime(r.grantedBy().get(0)));
      }
      case 5:
        return Optional.of(random.nextBoolean()
            ? new Action.Agree(p.roles().get(random.nextInt(p.roles().size())).name())
            : new Action.Advise(p.roles().get(random.nextInt(p.roles().size())).name()));
      case 6: {
        if (p.attributes().isEmpty()) {
          return Optional.empty();
        }
        Attribute a = p.attributes().get(random.nextInt(p.attributes().size()));
        return Optional.of(new Action.Set(a.name(), value(a, random)));
      }
      default:
        return p.events().isEmpty() ? Optional.empty() : Optional.of(new Action.Happen(
            p.events().get(random.nextInt(p.events().size())).name()));
    }
  }

  private static String value(Attribute a, Random random) {
    return a.isYesNo() ? (random.nextBoolean() ? "yes" : "no")
        : a.choices().get(random.nextInt(a.choices().size()));
  }
}
