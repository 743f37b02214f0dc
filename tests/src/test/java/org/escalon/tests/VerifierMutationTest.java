package org.escalon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.escalon.compiler.EscalonCompiler;
import org.escalon.compiler.diagnostics.SourceText;
import org.escalon.compiler.verify.Finding;
import org.escalon.compiler.verify.OutcomeTotals;
import org.escalon.compiler.verify.StageTimes;
import org.escalon.compiler.verify.Verdict;
import org.escalon.compiler.verify.Verification;
import org.escalon.compiler.verify.Verifier;
import org.escalon.model.Protocol;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Mutation tests of the verifier on the codified policies: each mutant (a stage's way out
 * removed, a precondition dropped, a timescale doubled, a bypass widened) is caught by a check, a
 * limit or a property, that is, one of them says something of it that it does not say of the
 * policy itself; the few that break nothing the policy declares are listed, and must then be
 * caught by the totals. A mutant that changes nothing any path can show is equivalent, and
 * cannot be caught by anything; those are listed here with the reason.
 */
class VerifierMutationTest {

  /** Preconditions that the routes already imply: dropping them changes no path. */
  static final Set<String> EQUIVALENT = Set.of(
      // only stage 3 leads to the MSCB, and leaving it completes it
      "medway.esc: precondition 1 of outcome mscb dropped",
      // only the Directors' stage leads to mediation, and only stage 4 to the Directors
      "st-helens-penkford.esc: precondition 1 of stage mediation dropped");

  /**
   * Mutants no check, limit or property fails on, because the policy declares nothing they break:
   * the verifier catches them in its totals (the worst or best working days to an outcome, when a
   * stage is entered, what an outcome waits for), which a reviewer compares with the policy.
   */
  static final Set<String> CAUGHT_BY_THE_TOTALS = Set.of(
      "bexley-cp-chair.esc: timescale of stage 1 doubled to 10 working days",
      "childrens-home-template.esc: timescale of stage at_failure doubled to 4 weeks",
      "kent-iro.esc: precondition 3 of outcome cafcass dropped",
      "medway.esc: timescale of stage 1 doubled to 10 working days");

  static Protocol compile(Path p) {
    return new EscalonCompiler().compile(SourceText.of("protocols/" + p.getFileName(),
        Repository.read(p))).protocol().orElseThrow();
  }

  static Verification verify(Protocol p) {
    return new Verifier().verify(p, LocalDate.of(2026, 12, 14));
  }

  /** Everything the verifier says of a protocol, but the time it took. */
  static List<String> says(Verification v) {
    List<String> says = new ArrayList<>();
    for (Verdict d : v.verdicts()) {
      // how many preconditions were checked says nothing of the paths
      boolean counted = d.name().equals("every precondition can be met");
      says.add(d.name() + ": " + (d.holds() ? "holds" : "fails")
          + (counted ? "" : ", " + d.summary()));
      for (Finding f : d.findings()) {
        says.add("  " + f.code() + ": " + f.message());
      }
    }
    for (StageTimes t : v.stageTimes()) {
      says.add("stage " + t.stage() + " entered from day " + t.earliest() + " to " + t.latest());
    }
    for (OutcomeTotals t : v.totals()) {
      says.add("total to " + t.outcome() + ": " + t.best() + ".." + t.worst() + ", "
          + t.worstWithExtensions() + " with extensions, waits " + t.openEnded());
    }
    return says;
  }

  /** What the checks, limits and properties say, the totals aside. */
  private static List<String> verdicts(List<String> says) {
    return says.stream().filter(s -> !s.startsWith("stage ") && !s.startsWith("total "))
        .toList();
  }

  @TestFactory
  Stream<DynamicTest> everyMutantOfEverySeedIsCaught() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : Repository.protocols()) {
      Protocol original = compile(file);
      List<String> before = says(verify(original));
      for (Mutants.Mutant m : Mutants.of(original)) {
        String name = file.getFileName() + ": " + m.name();
        tests.add(DynamicTest.dynamicTest(name, () -> {
          List<String> after = says(verify(m.protocol()));
          if (EQUIVALENT.contains(name)) {
            assertEquals(before, after, name + " was listed as equivalent");
          } else if (CAUGHT_BY_THE_TOTALS.contains(name)) {
            assertEquals(verdicts(before), verdicts(after), name + " was listed as caught by the "
                + "totals only, but a check, limit or property now says something of it");
            assertNotEquals(before, after, name + " is not caught");
          } else {
            assertNotEquals(verdicts(before), verdicts(after), name + " is not caught by a "
                + "check, a limit or a property");
          }
        }));
      }
    }
    return tests.stream();
  }

  @Test
  void everySeedHasAMutantOfEachKindWhereItApplies() {
    Set<String> kinds = new TreeSet<>();
    for (Path file : Repository.protocols()) {
      for (Mutants.Mutant m : Mutants.of(compile(file))) {
        kinds.add(m.name().replaceAll(" of .*| [0-9].*", ""));
      }
    }
    assertEquals(Set.of("bypass", "precondition", "timescale", "way out"), kinds);
  }
}
