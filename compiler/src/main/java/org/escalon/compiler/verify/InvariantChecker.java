package org.escalon.compiler.verify;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.escalon.compiler.diagnostics.Code;
import org.escalon.machine.InvariantRule;
import org.escalon.machine.OperationalModel;

/**
 * Each invariant of the protocol, over every path. The exploration already leaves out the moves
 * the engine refuses because they would break one (a fact set, a raise with the facts as they
 * are), so what is left to find is where the protocol itself needs an invariant broken: an open
 * escalation that waits for a requirement only a forbidden fact would meet. That path, dated, is
 * the counterexample; a state that breaks the invariant outright, should one ever be reached, is
 * one too.
 */
final class InvariantChecker {

  private final StateSpace space;
  private final Search search;
  private final Checks checks;
  private final Describer describer;
  private final BitSet open;

  InvariantChecker(StateSpace space, Search search, ClaimChecker claims, Checks checks) {
    this.space = space;
    this.search = search;
    this.checks = checks;
    this.describer = new Describer(space.rules);
    this.open = claims.not(claims.ended());
  }

  /** One verdict per invariant, in the order the protocol declares them. */
  List<Verdict> all() {
    List<Verdict> out = new ArrayList<>();
    OperationalModel model = OperationalModel.of(space.rules.index().protocol);
    for (InvariantRule invariant : model.invariants()) {
      out.add(verdict(invariant));
    }
    return out;
  }

  private Verdict verdict(InvariantRule invariant) {
    String name = Verdict.invariant(invariant.title());
    BitSet broken = new BitSet();
    BitSet blocked = new BitSet();
    List<Optional<FactMoves.Forbidden>> forbidden = new ArrayList<>();
    for (int s = open.nextSetBit(0); s >= 0; s = open.nextSetBit(s + 1)) {
      State state = space.state(s);
      if (!space.rules.holds(invariant.holds(), state)) {
        broken.set(s);
      }
    }
    for (int s = open.nextSetBit(0); s >= 0; s = open.nextSetBit(s + 1)) {
      Optional<FactMoves.Forbidden> f = space.rules.releasedOnlyByBreaking(space.state(s));
      if (f.isPresent() && f.get().refusal().span().equals(invariant.span())) {
        blocked.set(s);
      }
    }
    if (!broken.isEmpty()) {
      StatePath p = search.fromRaise(open, broken::get);
      return failed(name, new Finding(Code.E0615, name, "invariant \"" + invariant.title()
          + "\" is broken on some path", invariant.span(), "broken on this path",
          List.of("the shortest such path: " + checks.summary(p)), Optional.empty(),
          Optional.of(p), Finding.Timing.AT_ONCE), "broken on some path");
    }
    if (!blocked.isEmpty()) {
      StatePath p = search.fromRaise(open, blocked::get);
      State last = space.state(p.last());
      FactMoves.Forbidden f = space.rules.releasedOnlyByBreaking(last).orElseThrow();
      return failed(name, new Finding(Code.E0615, name, "invariant \"" + invariant.title()
          + "\" stands in the way: " + describer.where(last) + ", and only a fact the "
          + "invariant forbids would meet it (" + f.change() + ")", invariant.span(),
          "the escalation cannot go on without breaking this",
          List.of("the engine refuses the change while the escalation is open, so this path "
              + "waits for ever", "the shortest such path: " + checks.summary(p)),
          Optional.of("say what happens when the requirement cannot be met while the invariant "
              + "holds, or state the invariant so that it allows the requirement"),
          Optional.of(p), Finding.Timing.AT_ONCE), "needs breaking on some path");
    }
    return new Verdict(Verdict.Kind.PROPERTY, name, true, List.of(),
        "holds on every path; a change of facts that would break it is refused");
  }

  private static Verdict failed(String name, Finding finding, String summary) {
    return new Verdict(Verdict.Kind.PROPERTY, name, false, List.of(finding), summary);
  }
}
