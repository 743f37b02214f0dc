package org.escalon.compiler.verify;

import java.util.List;
import java.util.Optional;
import org.escalon.model.Precondition;

/** Says in words where an abstract state stands, as a reviewer would read it. */
final class Describer {

  private final AbstractRules rules;
  private final ProtocolIndex ix;

  Describer(AbstractRules rules) {
    this.rules = rules;
    this.ix = rules.index();
  }

  String where(State s) {
    if (s.ended()) {
      return "ended in " + ix.outcomes.get(s.outcome()).name();
    }
    String stage = "stage " + ix.stages.get(s.stage()).key();
    if (s.isWaiting()) {
      return "after " + stage + ", waiting to enter " + rules.name(s.waiting()) + ": "
          + unmet(s).orElse("its preconditions do not hold");
    }
    return stage + (s.hasDeadline() ? "" : ", which " + org.escalon.machine.Interpreter
        .noDeadline(ix.stages.get(s.stage())));
  }

  /** The facts a case had when it was raised, besides the defaults: "complex_case is yes". */
  List<String> facts(State s) {
    List<String> facts = new java.util.ArrayList<>();
    for (int a = 0; a < ix.attributes.size(); a++) {
      int attribute = a;
      ix.valueName(s.attributes(), a).filter(v -> !v.equals("no"))
          .ifPresent(v -> facts.add(ix.attributes.get(attribute).name() + " is " + v));
    }
    for (int i = 0; i < ix.agreements.size(); i++) {
      if (s.consents().get(i)) {
        facts.add(ix.agreements.get(i) + " has agreed");
      }
    }
    for (int i = 0; i < ix.advice.size(); i++) {
      if (s.consents().get(ix.agreements.size() + i)) {
        facts.add(ix.advice.get(i) + " has given advice");
      }
    }
    for (var d : ix.done) {
      if (s.consents().get(ix.doneBit(d.step()))) {
        facts.add(d.by() + " has reported " + d.step() + " done");
      }
    }
    for (int i = 0; i < ix.anchorEvents.size(); i++) {
      if (s.occurred().get(i)) {
        facts.add(ix.anchorEvents.get(i) + " has happened");
      }
    }
    return facts;
  }

  /** The first precondition of the target waited for that does not hold, in words. */
  Optional<String> unmet(State s) {
    for (Precondition p : preconditions(s.waiting())) {
      Optional<String> why = rules.unmet(p, s);
      if (why.isPresent()) {
        return why;
      }
    }
    return Optional.empty();
  }

  /** The first unmet precondition of the target waited for, for its line. */
  Optional<Precondition> unmetPrecondition(State s) {
    for (Precondition p : preconditions(s.waiting())) {
      if (!rules.met(p, s)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  List<Precondition> preconditions(int target) {
    return rules.preconditions(target);
  }
}
