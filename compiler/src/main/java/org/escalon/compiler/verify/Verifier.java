package org.escalon.compiler.verify;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.compiler.diagnostics.Code;
import org.escalon.model.Claim;
import org.escalon.model.Limit;
import org.escalon.model.Property;
import org.escalon.model.Protocol;

/**
 * The verifier: explores every state an escalation of a protocol can reach, then runs the
 * built-in checks, measures the totals to each outcome, and decides the declared limits and
 * properties, with a counterexample for each failure, dated from a start date.
 */
public final class Verifier {

  /** Above this many states the search stops and says so (E0609). */
  public static final int DEFAULT_MAX_STATES = 2_000_000;

  private final SearchLimits limits;

  public Verifier() {
    this(SearchLimits.defaults());
  }

  public Verifier(int maxStates) {
    this(SearchLimits.defaults().withStates(maxStates));
  }

  public Verifier(SearchLimits limits) {
    this.limits = limits;
  }

  /** Verifies a protocol; counterexamples are dated from {@code start}. */
  public Verification verify(Protocol protocol, LocalDate start) {
    long began = System.nanoTime();
    StateSpace space = explore(protocol);
    if (space.truncated) {
      SearchLimits.Kind kind = space.stoppedBy.kind;
      Finding f = new Finding(Code.E0609, "the state space", space.stoppedBy.getMessage()
          + " (the limit of " + kind.what + ")", protocol.span(), "this protocol",
          List.of("the protocol tracks many facts at once (attributes, agreements, completed "
              + "stages); each one can double the states",
              "no verdict is given: the verifier cannot decide within its limits, so it says "
                  + "nothing holds or fails"),
          Optional.of("split the protocol, or give a larger " + kind.option), Optional.empty(),
          Finding.Timing.AT_ONCE);
      return new Verification(protocol, space.size(), space.transitions(),
          System.nanoTime() - began, true, List.of(new Verdict(Verdict.Kind.CHECK,
              "the state space", false, List.of(f), "too many " + kind.what)), List.of(),
          List.of(), List.of(), List.of(), List.of(), List.of());
    }
    Search search = new Search(space);
    ClaimChecker claims = new ClaimChecker(space, search);
    Checks checks = new Checks(space, search, claims);
    Bounds bounds = new Bounds(space, search, claims, checks);
    List<Verdict> checkVerdicts = checks.all();
    List<Verdict> limits = new ArrayList<>();
    for (Limit limit : protocol.limits()) {
      limits.add(bounds.limit(limit));
    }
    List<Verdict> properties = new ArrayList<>();
    for (Property property : protocol.properties()) {
      properties.add(property(property, claims, checks, bounds));
    }
    properties.addAll(new InvariantChecker(space, search, claims, checks).all());
    List<OutcomeTotals> totals = bounds.totals();
    List<String> notes = bounds.notes();
    CounterexampleBuilder builder = new CounterexampleBuilder(space);
    return new Verification(protocol, space.size(), space.transitions(),
        System.nanoTime() - began, false, dated(checkVerdicts, builder, start), totals,
        bounds.stageTimes(), notes,
        dated(limits, builder, start), dated(properties, builder, start), checks.neverReached());
  }

  /** The state space alone, for benchmarks: how many states and moves. */
  public static int[] explore(Protocol protocol, int maxStates) {
    StateSpace space = new Verifier(maxStates).explore(protocol);
    if (space.truncated) {
      throw new IllegalStateException(space.stoppedBy.getMessage());
    }
    return new int[] {space.size(), space.transitions()};
  }

  StateSpace explore(Protocol protocol) {
    return StateSpace.explore(new AbstractRules(new ProtocolIndex(protocol)), limits);
  }

  private Verdict property(Property property, ClaimChecker claims, Checks checks,
      Bounds bounds) {
    List<Claim> conjuncts = new ArrayList<>();
    split(property.claim(), conjuncts);
    List<Verdict> parts = new ArrayList<>();
    for (Claim c : conjuncts) {
      if (c instanceof Claim.Within w) {
        parts.add(bounds.within(property, w));
      } else if (claims.holds(c)) {
        parts.add(new Verdict(Verdict.Kind.PROPERTY, property.title(), true, List.of(), "holds"));
      } else {
        StatePath p = claims.counterexample(c);
        parts.add(new Verdict(Verdict.Kind.PROPERTY, property.title(), false, List.of(
            new Finding(Code.E0606, property.title(), "property \"" + property.title()
                + "\" does not hold", property.span(), "does not hold on every path",
                List.of(why(c, p), "the shortest such path: " + checks.summary(p)),
                Optional.empty(), Optional.of(p), Finding.Timing.AT_ONCE)), "does not hold"));
      }
    }
    boolean holds = parts.stream().allMatch(Verdict::holds);
    List<Finding> findings = parts.stream().flatMap(v -> v.findings().stream()).toList();
    String summary = parts.stream().filter(v -> !v.holds()).map(Verdict::summary).findFirst()
        .orElse(parts.stream().map(Verdict::summary).filter(s -> !s.equals("holds"))
            .findFirst().orElse("holds"));
    return new Verdict(Verdict.Kind.PROPERTY, property.title(), holds, findings, summary);
  }

  private static void split(Claim c, List<Claim> into) {
    if (c instanceof Claim.And a && (contains(a.left()) || contains(a.right()))) {
      split(a.left(), into);
      split(a.right(), into);
    } else {
      into.add(c);
    }
  }

  private static boolean contains(Claim c) {
    return c instanceof Claim.Within
        || c instanceof Claim.And a && (contains(a.left()) || contains(a.right()));
  }

  private static String why(Claim c, StatePath p) {
    return switch (p.ending()) {
      case WAITS_FOREVER -> "on this path the escalation waits for ever before it comes true";
      case LOOPS -> "on this path the escalation goes round for ever before it comes true";
      case ENDS -> "on this path the escalation ends without it coming true";
      case STOPS -> c instanceof Claim.OnlyAfter o ? "on this path `" + Claims.words(o.subject())
          + "` holds before `" + Claims.words(o.condition()) + "` has"
          : "on this path `" + Claims.words(c) + "` breaks at the last step";
    };
  }

  private static List<Verdict> dated(List<Verdict> verdicts, CounterexampleBuilder builder,
      LocalDate start) {
    List<Verdict> out = new ArrayList<>();
    for (Verdict v : verdicts) {
      List<Finding> findings = new ArrayList<>();
      for (Finding f : v.findings()) {
        findings.add(f.path().isPresent()
            ? f.with(builder.build(f.subject(), f.path().get(), f.timing(), start)) : f);
      }
      out.add(new Verdict(v.kind(), v.name(), v.holds(), findings, v.summary()));
    }
    return out;
  }
}
