package org.escalon.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.model.Timespan;
import org.escalon.model.Outcome;
import org.escalon.model.Precondition;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.SourceSpan;
import org.escalon.model.Stage;
import org.escalon.model.Target;
import org.escalon.model.Timescale;

/**
 * Small wrong changes to a protocol, the kind a policy edit might make by mistake, for the
 * mutation tests: a stage's way out removed, a precondition dropped, a timescale doubled, a bypass
 * widened.
 */
final class Mutants {

  /** A changed protocol, and what was changed. */
  record Mutant(String name, Protocol protocol) {}

  private Mutants() {}

  static List<Mutant> of(Protocol p) {
    List<Mutant> all = new ArrayList<>();
    wayOutRemoved(p).ifPresent(all::add);
    all.addAll(preconditionsDropped(p));
    timescaleDoubled(p).ifPresent(all::add);
    all.add(bypassWidened(p));
    return all;
  }

  /**
   * The last stage with a timescale loses it: when nobody responds there, nothing moves it on.
   */
  static Optional<Mutant> wayOutRemoved(Protocol p) {
    for (int i = p.stages().size() - 1; i >= 0; i--) {
      Stage s = p.stages().get(i);
      if (!s.timescales().isEmpty()) {
        Stage changed = new Stage(s.key(), s.title(), s.steps(), List.of(), s.preconditions(),
            s.onlyIf(), s.transitions(), s.extension(), s.citations(), s.span());
        return Optional.of(new Mutant("way out of stage " + s.key() + " removed",
            withStage(p, i, changed)));
      }
    }
    return Optional.empty();
  }

  /** Each precondition of a stage or an outcome, dropped in turn. */
  static List<Mutant> preconditionsDropped(Protocol p) {
    List<Mutant> all = new ArrayList<>();
    for (int i = 0; i < p.stages().size(); i++) {
      Stage s = p.stages().get(i);
      for (int k = 0; k < s.preconditions().size(); k++) {
        Stage changed = new Stage(s.key(), s.title(), s.steps(), s.timescales(),
            without(s.preconditions(), k), s.onlyIf(), s.transitions(), s.extension(),
            s.citations(), s.span());
        all.add(new Mutant("precondition " + (k + 1) + " of stage " + s.key() + " dropped",
            withStage(p, i, changed)));
      }
    }
    for (int i = 0; i < p.outcomes().size(); i++) {
      Outcome o = p.outcomes().get(i);
      for (int k = 0; k < o.preconditions().size(); k++) {
        Outcome changed = new Outcome(o.name(), o.title(), o.builtIn(), o.steps(),
            without(o.preconditions(), k), o.citations(), o.span());
        List<Outcome> outcomes = new ArrayList<>(p.outcomes());
        outcomes.set(i, changed);
        all.add(new Mutant("precondition " + (k + 1) + " of outcome " + o.name() + " dropped",
            protocol(p, p.stages(), outcomes, p.rights())));
      }
    }
    return all;
  }

  /** The first stage's own timescale, in working days from its start, doubled. */
  static Optional<Mutant> timescaleDoubled(Protocol p) {
    for (int i = 0; i < p.stages().size(); i++) {
      Stage s = p.stages().get(i);
      for (int k = 0; k < s.timescales().size(); k++) {
        Timescale t = s.timescales().get(k);
        if (t.when().isEmpty() && t.duration().amount() > 0) {
          List<Timescale> ts = new ArrayList<>(s.timescales());
          ts.set(k, new Timescale(new Timespan(t.duration().amount() * 2, t.duration().unit()),
              t.anchor(), t.when(), t.citation(), t.span()));
          Stage changed = new Stage(s.key(), s.title(), s.steps(), ts, s.preconditions(),
              s.onlyIf(), s.transitions(), s.extension(), s.citations(), s.span());
          return Optional.of(new Mutant("timescale of stage " + s.key() + " doubled to "
              + t.duration().amount() * 2 + " " + t.duration().unit().words(2),
              withStage(p, i, changed)));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A second bypass right, to every stage and outcome, for the role that already has one (or
   * the raiser): "the IRO may also go directly to ...".
   */
  static Mutant bypassWidened(Protocol p) {
    String role = p.rights().stream().filter(r -> r.kind() == Right.Kind.BYPASS)
        .map(Right::role).findFirst().orElse(p.header().raisedBy());
    List<Target> targets = new ArrayList<>();
    p.stages().forEach(s -> targets.add(new Target.ToStage(s.key())));
    p.outcomes().forEach(o -> targets.add(new Target.ToOutcome(o.name())));
    List<Right> rights = new ArrayList<>(p.rights());
    rights.add(new Right(role, Right.Kind.BYPASS, targets, false, false, Optional.empty(),
        Optional.empty(), SourceSpan.NONE));
    return new Mutant("bypass of " + role + " widened to every stage and outcome",
        protocol(p, p.stages(), p.outcomes(), rights));
  }

  private static List<Precondition> without(List<Precondition> list, int k) {
    List<Precondition> out = new ArrayList<>(list);
    out.remove(k);
    return out;
  }

  private static Protocol withStage(Protocol p, int i, Stage s) {
    List<Stage> stages = new ArrayList<>(p.stages());
    stages.set(i, s);
    return protocol(p, stages, p.outcomes(), p.rights());
  }

  private static Protocol protocol(Protocol p, List<Stage> stages, List<Outcome> outcomes,
      List<Right> rights) {
    return new Protocol(p.name(), p.header(), p.agencies(), p.roles(), p.attributes(),
        p.events(), p.scales(), p.forms(), stages, outcomes, rights, p.extension(), p.triggers(),
        p.limits(), p.properties(), p.phases(), p.invariants(), p.span());
  }
}
