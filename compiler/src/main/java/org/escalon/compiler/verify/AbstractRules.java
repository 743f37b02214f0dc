package org.escalon.compiler.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.escalon.model.Citation;
import org.escalon.model.Condition;
import org.escalon.model.ExtensionRule;
import org.escalon.model.HistoryRule;
import org.escalon.model.Outcome;
import org.escalon.model.Precondition;
import org.escalon.model.Right;
import org.escalon.model.SourceSpan;
import org.escalon.model.Stage;
import org.escalon.model.Step;
import org.escalon.model.Target;
import org.escalon.model.Timescale;
import org.escalon.model.Trigger;

/**
 * The engine's rules ({@code org.escalon.engine.Rules}) on abstract states: the same moves,
 * accepted and refused in the same cases, leading to the same stage, waits and outcomes, with
 * time left out. Each move is offered once per distinct result; a refused move is not offered.
 *
 * <p>Two things are left out on purpose: withdrawal (not a rule of the protocol), and anything
 * after the end (an ended escalation takes no more moves).
 */
final class AbstractRules {

  /** A move and the state it leads to. */
  record Next(Move move, State state) {}

  private static final int MAX_SKIPS = 1_000;

  private final ProtocolIndex ix;
  private final int stageCount;
  private final Map<String, Move> moves = new HashMap<>();

  /**
   * For each consent (agreements, then advice), the one before it in its group, or -1. A group is
   * the consents required by exactly the same preconditions lists: to every rule they are one
   * fact, "all given", so only how many are given matters. They are given in order (the first not
   * yet given is the only one offered), which keeps n of them to n + 1 states instead of 2^n.
   */
  private final int[] consentBefore;

  AbstractRules(ProtocolIndex ix) {
    this.ix = ix;
    this.stageCount = ix.stages.size();
    this.consentBefore = consentGroups();
  }

  private int[] consentGroups() {
    int n = ix.agreements.size() + ix.advice.size();
    List<List<Precondition>> lists = new ArrayList<>();
    ix.stages.forEach(s -> lists.add(s.preconditions()));
    ix.outcomes.forEach(o -> lists.add(o.preconditions()));
    ix.protocol.extension().ifPresent(x -> lists.add(x.preconditions()));
    ix.stages.forEach(s -> s.extension().ifPresent(x -> lists.add(x.preconditions())));
    List<java.util.Set<Integer>> requiredBy = new ArrayList<>();
    for (int b = 0; b < n; b++) {
      requiredBy.add(new java.util.TreeSet<>());
    }
    for (int l = 0; l < lists.size(); l++) {
      for (Precondition p : lists.get(l)) {
        int bit = p instanceof Precondition.Agreement a ? ix.agreements.indexOf(a.role())
            : p instanceof Precondition.Advice a ? ix.agreements.size() + ix.advice.indexOf(a.role())
            : -1;
        if (bit >= 0) {
          requiredBy.get(bit).add(l);
        }
      }
    }
    int[] before = new int[n];
    Map<java.util.Set<Integer>, Integer> last = new HashMap<>();
    for (int b = 0; b < n; b++) {
      Integer previous = last.put(requiredBy.get(b), b);
      before[b] = previous == null ? -1 : previous;
    }
    return before;
  }

  /** Whether the consents are given in their groups' order (see {@link #consentBefore}). */
  private boolean inOrder(Bits consents) {
    for (int b : consents.members()) {
      if (consentBefore[b] >= 0 && !consents.get(consentBefore[b])) {
        return false;
      }
    }
    return true;
  }

  ProtocolIndex index() {
    return ix;
  }

  // -------------------------------------------------------------------------------------------
  // Raising

  /**
   * Every state an escalation can be in just after it is raised: each way to raise it (the first
   * stage, a right to start elsewhere, a trigger), for each set of facts the case may already
   * have (attributes, agreements and advice given, anchor events happened).
   */
  List<Next> initial(SearchLimits.Budget budget) {
    Map<State, Move> found = new LinkedHashMap<>();
    // Only the facts the raise itself can tell apart are set before it: an agreement no stage an
    // escalation starts at requires, or an event no such stage's timescale or trigger counts,
    // is given just after the raise by its own move instead, and the paths are the same. The
    // combinations are counted one by one against the budget, never all built first.
    List<Integer> consents = raiseConsents();
    List<Integer> events = raiseEvents();
    int[] digits = new int[ix.domains.size() + consents.size() + events.size()];
    int[] radix = new int[digits.length];
    for (int i = 0; i < radix.length; i++) {
      radix[i] = i < ix.domains.size() ? ix.domains.get(i).size() : 2;
    }
    budget.starts(combinations(radix));
    do {
      budget.start();
      Bits packed = Bits.NONE;
      for (int i = 0; i < ix.domains.size(); i++) {
        packed = ix.withValue(packed, i, digits[i]);
      }
      Bits c = Bits.NONE;
      for (int i = 0; i < consents.size(); i++) {
        c = digits[ix.domains.size() + i] == 1 ? c.with(consents.get(i)) : c;
      }
      Bits o = Bits.NONE;
      for (int i = 0; i < events.size(); i++) {
        o = digits[ix.domains.size() + consents.size() + i] == 1 ? o.with(events.get(i)) : o;
      }
      if (!inOrder(c)) {
        continue;
      }
      Bits attributes = packed;
      Bits occurred = o;
      // setting the facts before a raise by hand must not already have fired a trigger
      boolean fired = ix.protocol.triggers().stream()
          .anyMatch(t -> firedBy(t.rule(), attributes, occurred));
      for (Move raise : raises(attributes)) {
        if (fired && raise.detail().indexOf("trigger ") != 0) {
          continue;
        }
        Draft d = new Draft(attributes, c, occurred);
        Stage stage = ix.stages.get(ix.stage(raise.target()));
        if (met(d, stage.preconditions())) {
          d.enter(ix.stage(raise.target()));
          found.putIfAbsent(d.freeze(), raise);
        }
      }
    } while (next(digits, radix));
    List<Next> out = new ArrayList<>();
    found.forEach((state, move) -> out.add(new Next(move, state)));
    return out;
  }

  /** How many combinations the radices make, stopping at {@link Long#MAX_VALUE}. */
  private static long combinations(int[] radix) {
    long product = 1;
    for (int r : radix) {
      product = product > Long.MAX_VALUE / r ? Long.MAX_VALUE : product * r;
    }
    return product;
  }

  /** Counts {@code digits} up by one in mixed radix; false once it has gone all the way round. */
  private static boolean next(int[] digits, int[] radix) {
    for (int i = 0; i < digits.length; i++) {
      if (++digits[i] < radix[i]) {
        return true;
      }
      digits[i] = 0;
    }
    return false;
  }

  /** The stages an escalation can be raised at. */
  private List<Stage> raiseTargets() {
    List<Stage> targets = new ArrayList<>(List.of(ix.stages.get(0)));
    for (Right r : ix.protocol.rights()) {
      if (r.kind() == Right.Kind.START) {
        r.targets().stream().filter(Target.ToStage.class::isInstance)
            .map(t -> ix.stages.get(ix.stage(((Target.ToStage) t).key()))).forEach(targets::add);
      }
    }
    ix.protocol.triggers().forEach(t -> targets.add(ix.stages.get(ix.stage(t.raiseAt()))));
    return targets;
  }

  /** The consents (agreements, then advice) a stage an escalation starts at requires. */
  private List<Integer> raiseConsents() {
    java.util.Set<Integer> bits = new java.util.TreeSet<>();
    for (Stage s : raiseTargets()) {
      for (Precondition p : s.preconditions()) {
        if (p instanceof Precondition.Agreement a) {
          bits.add(ix.agreements.indexOf(a.role()));
        } else if (p instanceof Precondition.Advice a) {
          bits.add(ix.agreements.size() + ix.advice.indexOf(a.role()));
        }
      }
    }
    return List.copyOf(bits);
  }

  /** The anchor events a stage an escalation starts at counts from, or a trigger counts. */
  private List<Integer> raiseEvents() {
    java.util.Set<Integer> bits = new java.util.TreeSet<>();
    for (Stage s : raiseTargets()) {
      for (Timescale t : s.timescales()) {
        if (t.anchor() instanceof Timescale.Anchor.Event e) {
          bits.add(ix.anchorEvents.indexOf(e.name()));
        }
      }
    }
    if (!ix.protocol.triggers().isEmpty()) {
      for (int e = 0; e < ix.anchorEvents.size(); e++) {
        bits.add(e);
      }
    }
    return List.copyOf(bits);
  }

  private List<Move> raises(Bits attributes) {
    List<Move> raises = new ArrayList<>();
    String raiser = ix.protocol.header().raisedBy();
    String first = ix.stages.get(0).key();
    raises.add(move(Move.Kind.RAISE, raiser, first, "",
        ix.protocol.header().sources().stream().findFirst(), ix.protocol.span()));
    for (Right r : ix.protocol.rights()) {
      if (r.kind() != Right.Kind.START || !holds(r.when(), attributes)) {
        continue;
      }
      for (Target t : r.targets()) {
        if (t instanceof Target.ToStage s) {
          raises.add(move(Move.Kind.RAISE, r.role(), s.key(), "using the right to start there",
              r.citation(), r.span()));
        }
      }
    }
    for (Trigger t : ix.protocol.triggers()) {
      if (canFire(t.rule(), attributes)) {
        raises.add(move(Move.Kind.RAISE, raiser, t.raiseAt(), "trigger " + t.name(),
            t.citations().stream().findFirst(), t.span()));
      }
    }
    return raises;
  }

  /** Whether some history makes a trigger's rule true, given the tracked attributes. */
  private boolean canFire(HistoryRule rule, Bits attributes) {
    if (rule instanceof HistoryRule.Holds h) {
      // an attribute nothing reads after the raise can be whatever the rule needs
      return ix.attribute(h.attribute()).map(i -> ix.value(attributes, i) == 1).orElse(true);
    } else if (rule instanceof HistoryRule.And a) {
      return canFire(a.left(), attributes) && canFire(a.right(), attributes);
    } else if (rule instanceof HistoryRule.Or o) {
      return canFire(o.left(), attributes) || canFire(o.right(), attributes);
    }
    return true; // gradings, counts and time since an event: the case's history can supply them
  }

  /** Whether a trigger's rule holds with no history but the facts set and the events happened. */
  private boolean firedBy(HistoryRule rule, Bits attributes, Bits occurred) {
    if (rule instanceof HistoryRule.Holds h) {
      return ix.attribute(h.attribute()).map(i -> ix.value(attributes, i) == 1).orElse(false);
    } else if (rule instanceof HistoryRule.Count c) {
      int bit = ix.anchorEvents.indexOf(c.event());
      return c.atLeast() <= 1 && bit >= 0 && occurred.get(bit);
    } else if (rule instanceof HistoryRule.And a) {
      return firedBy(a.left(), attributes, occurred) && firedBy(a.right(), attributes, occurred);
    } else if (rule instanceof HistoryRule.Or o) {
      return firedBy(o.left(), attributes, occurred) || firedBy(o.right(), attributes, occurred);
    }
    return false;
  }

  // -------------------------------------------------------------------------------------------
  // Moves from an open escalation

  /** Every move the engine would accept in this state, with the state it leads to. */
  void successors(State s, List<Next> out) {
    if (s.ended()) {
      return;
    }
    Stage stage = ix.stages.get(s.stage());
    String respondent = respondent(stage);
    Optional<Citation> stageCitation = stage.citations().stream().findFirst();

    Draft resolve = new Draft(s);
    resolve.go(code(stage.transitions().onResolved()));
    out.add(new Next(move(Move.Kind.RESOLVE, respondent, stage.key(), "", stageCitation,
        stage.span()), resolve.freeze()));

    Draft unsatisfactory = new Draft(s);
    unsatisfactory.complete(s.stage());
    unsatisfactory.go(code(stage.transitions().onUnsatisfactory()));
    out.add(new Next(move(Move.Kind.UNSATISFACTORY, respondent, stage.key(), "", stageCitation,
        stage.span()), unsatisfactory.freeze()));

    if (s.hasDeadline()) {
      Draft deadline = new Draft(s);
      deadline.complete(s.stage());
      deadline.go(code(stage.transitions().onNoResponse()));
      Optional<Citation> timescale = timescaleCitation(stage, s.timescales()).or(() -> stageCitation);
      out.add(new Next(move(Move.Kind.DEADLINE, "", stage.key(), "", timescale, stage.span()),
          deadline.freeze()));
    }
    bypasses(s, out);
    referrals(s, out);
    extensions(s, stage, out);
    facts(s, out);
  }

  private void bypasses(State s, List<Next> out) {
    Map<String, Boolean> seen = new HashMap<>();
    for (Right r : ix.protocol.rights()) {
      if (r.kind() != Right.Kind.BYPASS || !holds(r.when(), s.attributes())) {
        continue;
      }
      for (Target t : r.targets()) {
        if (!ix.rights.reaches(r, Optional.of(ix.stages.get(s.stage()).key()), t)) {
          continue; // `any later stage`: not a stage after this one
        }
        // the engine uses the first right of the role that covers the target
        if (seen.putIfAbsent(r.role() + "\u0000" + name(t), true) != null) {
          continue;
        }
        Draft d = new Draft(s);
        d.complete(s.stage());
        d.go(code(t));
        if (d.waiting >= 0) {
          continue; // refused: the target's preconditions do not hold
        }
        out.add(new Next(move(Move.Kind.BYPASS, r.role(), name(t), "", r.citation(), r.span()),
            d.freeze()));
      }
    }
  }

  private void referrals(State s, List<Next> out) {
    Map<String, Boolean> seen = new HashMap<>();
    for (Right r : ix.protocol.rights()) {
      if (r.kind() != Right.Kind.REFER || !holds(r.when(), s.attributes())) {
        continue;
      }
      for (Target t : r.targets()) {
        if (!(t instanceof Target.ToOutcome o)
            || seen.putIfAbsent(r.role() + "\u0000" + o.name(), true) != null) {
          continue;
        }
        Outcome outcome = ix.outcomes.get(ix.outcome(o.name()));
        Draft d = new Draft(s);
        if (!met(d, outcome.preconditions())) {
          continue;
        }
        if (r.concurrently()) {
          d.entered = false;
          out.add(new Next(move(Move.Kind.REFER_CONCURRENTLY, r.role(), o.name(), "",
              r.citation(), r.span()), d.freeze()));
        } else {
          d.conclude(ix.outcome(o.name()));
          out.add(new Next(move(Move.Kind.REFER, r.role(), o.name(), "", r.citation(), r.span()),
              d.freeze()));
        }
      }
    }
  }

  private void extensions(State s, Stage stage, List<Next> out) {
    Optional<ExtensionRule> found = stage.extension().or(() -> ix.protocol.extension());
    if (found.isEmpty()) {
      return;
    }
    ExtensionRule rule = found.get();
    Optional<Citation> citation = rule.citations().stream().findFirst();
    if (!s.pending()) {
      Draft d = new Draft(s);
      boolean allowed = rule.maxPerStage().map(m -> s.extensionsAtStage() < m).orElse(true)
          && rule.maxInTotal().map(m -> s.extensionsInTotal() < m).orElse(true)
          && met(d, rule.preconditions());
      if (allowed) {
        d.pending = true;
        d.entered = false;
        String requester = rule.requestedBy().isEmpty() ? respondent(stage)
            : rule.requestedBy().get(0);
        out.add(new Next(move(Move.Kind.ASK_FOR_TIME, requester, stage.key(),
            rule.upTo().map(u -> "up to " + u).orElse(""), citation, rule.span()), d.freeze()));
      }
    } else if (s.hasDeadline()) {
      Draft d = new Draft(s);
      d.pending = false;
      d.entered = false;
      d.extensionsAtStage = Math.min(d.extensionsAtStage + 1, ix.extensionsPerStageCap);
      d.extensionsInTotal = Math.min(d.extensionsInTotal + 1, ix.extensionsInTotalCap);
      out.add(new Next(move(Move.Kind.GRANT_TIME, rule.grantedBy().get(0), stage.key(), "",
          citation, rule.span()), d.freeze()));
    }
  }

  private void facts(State s, List<Next> out) {
    for (int i = 0; i < ix.agreements.size(); i++) {
      consent(s, i, Move.Kind.AGREE, ix.agreements.get(i), out);
    }
    for (int i = 0; i < ix.advice.size(); i++) {
      consent(s, ix.agreements.size() + i, Move.Kind.ADVISE, ix.advice.get(i), out);
    }
    for (int a = 0; a < ix.attributes.size(); a++) {
      int current = ix.value(s.attributes(), a);
      boolean yesNo = ix.attributes.get(a).isYesNo();
      for (int v = yesNo ? 0 : 1; v < ix.domains.get(a).size(); v++) {
        if (v == current) {
          continue;
        }
        Draft d = new Draft(s);
        d.attributes = ix.withValue(d.attributes, a, v);
        d.entered = false;
        d.retryWaiting();
        out.add(new Next(move(Move.Kind.SET, "", ix.attributes.get(a).name(),
            ix.domains.get(a).get(v), Optional.empty(), ix.attributes.get(a).span()), d.freeze()));
      }
    }
    for (int e = 0; e < ix.anchorEvents.size(); e++) {
      if (!s.occurred().get(e)) {
        Draft d = new Draft(s);
        d.occurred = d.occurred.with(e);
        d.entered = false;
        out.add(new Next(move(Move.Kind.OCCUR, "", ix.anchorEvents.get(e), "", Optional.empty(),
            SourceSpan.NONE), d.freeze()));
      }
    }
  }

  private void consent(State s, int bit, Move.Kind kind, String role, List<Next> out) {
    if (s.consents().get(bit) || consentBefore[bit] >= 0 && !s.consents().get(consentBefore[bit])) {
      return;
    }
    Draft d = new Draft(s);
    d.consents = d.consents.with(bit);
    d.entered = false;
    d.retryWaiting();
    Precondition why = requirer(kind, role);
    out.add(new Next(move(kind, role, "", "", Optional.empty(),
        why == null ? SourceSpan.NONE : why.span()), d.freeze()));
  }

  // -------------------------------------------------------------------------------------------
  // Look-ups

  /** Who a stage's response comes from, for the record: its first role escalated to. */
  private String respondent(Stage stage) {
    for (Step step : stage.steps()) {
      if (step instanceof Step.EscalateTo e && !e.roles().isEmpty()) {
        return e.roles().get(0);
      }
    }
    return ix.protocol.header().raisedBy();
  }

  private Optional<Citation> timescaleCitation(Stage stage, Bits mask) {
    for (int i = 0; i < stage.timescales().size(); i++) {
      if (mask.get(i) && stage.timescales().get(i).citation().isPresent()) {
        return stage.timescales().get(i).citation();
      }
    }
    return Optional.empty();
  }

  private Precondition requirer(Move.Kind kind, String role) {
    List<List<Precondition>> all = new ArrayList<>();
    ix.outcomes.forEach(o -> all.add(o.preconditions()));
    ix.stages.forEach(s -> all.add(s.preconditions()));
    for (List<Precondition> list : all) {
      for (Precondition p : list) {
        if (kind == Move.Kind.AGREE && p instanceof Precondition.Agreement a
            && a.role().equals(role)) {
          return p;
        }
        if (kind == Move.Kind.ADVISE && p instanceof Precondition.Advice a
            && a.role().equals(role)) {
          return p;
        }
      }
    }
    return null;
  }

  int code(Target t) {
    if (t instanceof Target.ToStage s) {
      return ix.stage(s.key());
    }
    return stageCount + ix.outcome(((Target.ToOutcome) t).name());
  }

  String name(int target) {
    return target < stageCount ? "stage " + ix.stages.get(target).key()
        : ix.outcomes.get(target - stageCount).name();
  }

  private static String name(Target t) {
    return t instanceof Target.ToStage s ? "stage " + s.key() : ((Target.ToOutcome) t).name();
  }

  private Move move(Move.Kind kind, String role, String target, String detail,
      Optional<Citation> citation, SourceSpan span) {
    String key = kind + "\u0000" + role + "\u0000" + target + "\u0000" + detail + "\u0000"
        + span;
    return moves.computeIfAbsent(key, k -> new Move(kind, role, target, detail, citation, span));
  }

  boolean holds(Optional<Condition> c, Bits attributes) {
    return c.map(x -> holds(x, attributes)).orElse(true);
  }

  boolean holds(Condition c, Bits attributes) {
    if (c instanceof Condition.Holds h) {
      return ix.attribute(h.attribute()).map(i -> ix.value(attributes, i) == 1
          && ix.attributes.get(i).isYesNo()).orElse(false);
    } else if (c instanceof Condition.Is is) {
      return ix.attribute(is.attribute())
          .map(i -> ix.domains.get(i).get(ix.value(attributes, i)).equals(is.value()))
          .orElse(false);
    } else if (c instanceof Condition.Not n) {
      return !holds(n.operand(), attributes);
    } else if (c instanceof Condition.And a) {
      return holds(a.left(), attributes) && holds(a.right(), attributes);
    } else if (c instanceof Condition.Or o) {
      return holds(o.left(), attributes) || holds(o.right(), attributes);
    }
    return false;
  }

  private boolean met(Draft d, List<Precondition> preconditions) {
    for (Precondition p : preconditions) {
      if (!met(d.completed, d.consents, d.attributes, p)) {
        return false;
      }
    }
    return true;
  }

  boolean met(Bits completed, Bits consents, Bits attributes, Precondition p) {
    if (p instanceof Precondition.Completed c) {
      for (String key : c.stages()) {
        if (!completed.get(ix.completedBit[ix.stage(key)])) {
          return false;
        }
      }
      return true;
    } else if (p instanceof Precondition.Agreement a) {
      return consents.get(ix.agreements.indexOf(a.role()));
    } else if (p instanceof Precondition.Advice a) {
      return consents.get(ix.agreements.size() + ix.advice.indexOf(a.role()));
    }
    return holds(((Precondition.Holds) p).condition(), attributes);
  }

  /** The role actions of the properties that a list of steps does, given the case's facts. */
  Bits acts(List<Step> steps, Bits attributes) {
    Bits mask = Bits.NONE;
    for (int i = 0; i < ix.roleActions.size(); i++) {
      for (Step step : steps) {
        if (ProtocolIndex.does(step, ix.roleActions.get(i)) && holds(step.when(), attributes)) {
          mask = mask.with(i);
          break;
        }
      }
    }
    return mask;
  }

  /** The timescales of a stage that apply on entry, as the engine chooses them. */
  Bits timescales(Stage stage, Bits attributes, Bits occurred) {
    boolean conditional = false;
    for (Timescale t : stage.timescales()) {
      conditional |= t.when().isPresent() && holds(t.when().get(), attributes);
    }
    Bits mask = Bits.NONE;
    for (int i = 0; i < stage.timescales().size(); i++) {
      Timescale t = stage.timescales().get(i);
      boolean applies = t.when().isPresent() ? holds(t.when().get(), attributes) : !conditional;
      boolean anchored = !(t.anchor() instanceof Timescale.Anchor.Event e)
          || occurred.get(ix.anchorEvents.indexOf(e.name()));
      if (applies && anchored) {
        mask = mask.with(i);
      }
    }
    return mask;
  }

  // -------------------------------------------------------------------------------------------

  /** A mutable copy of a state that one move works on, as the engine's {@code Working}. */
  private final class Draft {
    boolean ended;
    int stage;
    int waiting;
    int outcome;
    Bits completed = Bits.NONE;
    Bits consents;
    Bits attributes;
    int extensionsAtStage;
    int extensionsInTotal;
    boolean pending;
    Bits occurred;
    Bits timescales = Bits.NONE;
    Bits acts = Bits.NONE;
    boolean entered;

    Draft(Bits attributes, Bits consents, Bits occurred) {
      this.stage = -1;
      this.waiting = -1;
      this.outcome = -1;
      this.attributes = attributes;
      this.consents = consents;
      this.occurred = occurred;
    }

    Draft(State s) {
      ended = s.ended();
      stage = s.stage();
      waiting = s.waiting();
      outcome = s.outcome();
      completed = s.completed();
      consents = s.consents();
      attributes = s.attributes();
      extensionsAtStage = s.extensionsAtStage();
      extensionsInTotal = s.extensionsInTotal();
      pending = s.pending();
      occurred = s.occurred();
      timescales = s.timescales();
      acts = s.acts();
      entered = false;
    }

    State freeze() {
      return new State(ended, stage, waiting, outcome, completed, consents, attributes,
          extensionsAtStage, extensionsInTotal, pending, occurred, timescales, acts, entered);
    }

    void complete(int index) {
      int bit = ix.completedBit[index];
      if (bit >= 0) {
        completed = completed.with(bit);
      }
    }

    /** Goes to a target; one whose preconditions do not hold yet is waited for. */
    void go(int target) {
      int skips = 0;
      int next = target;
      while (true) {
        if (next >= stageCount) {
          Outcome o = ix.outcomes.get(next - stageCount);
          if (!met(this, o.preconditions())) {
            waitFor(next);
            return;
          }
          conclude(next - stageCount);
          return;
        }
        Stage s = ix.stages.get(next);
        if (!met(this, s.preconditions())) {
          waitFor(next);
          return;
        }
        if (holds(s.onlyIf(), attributes) || ++skips > MAX_SKIPS) {
          enter(next);
          return;
        }
        next = code(s.transitions().onNoResponse());
      }
    }

    void waitFor(int target) {
      waiting = target;
      timescales = Bits.NONE;
      entered = false;
    }

    void retryWaiting() {
      if (ended || waiting < 0) {
        return;
      }
      int target = waiting;
      waiting = -1;
      go(target);
    }

    void enter(int index) {
      Stage s = ix.stages.get(index);
      stage = index;
      waiting = -1;
      pending = false;
      extensionsAtStage = 0;
      timescales = AbstractRules.this.timescales(s, attributes, occurred);
      acts = AbstractRules.this.acts(s.steps(), attributes);
      entered = true;
    }

    // an ended escalation keeps only what a claim can see: where it ended, what was completed
    void conclude(int index) {
      ended = true;
      outcome = index;
      waiting = -1;
      pending = false;
      timescales = Bits.NONE;
      extensionsAtStage = 0;
      extensionsInTotal = 0;
      consents = Bits.NONE;
      occurred = Bits.NONE;
      acts = AbstractRules.this.acts(ix.outcomes.get(index).steps(), attributes);
      entered = false;
    }
  }
}
