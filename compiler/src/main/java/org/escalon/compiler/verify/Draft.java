package org.escalon.compiler.verify;

import java.util.List;
import org.escalon.machine.AbstractState;
import org.escalon.machine.AnchorCases;
import org.escalon.machine.Duty;
import org.escalon.machine.OutcomeRule;
import org.escalon.machine.StageRule;
import org.escalon.model.Target;
import org.escalon.model.Timescale;

/**
 * A state one move works on, as the engine's working copy: the interpreter moves it as a
 * {@link org.escalon.machine.Course}, and it is the {@link AbstractState} the moves are listed
 * from.
 */
final class Draft extends CaseFacts implements AbstractState<Draft>,
    AbstractState.Successor<Draft> {
  boolean ended;
  int stage;
  int waiting;
  int outcome;
  int extensionsAtStage;
  int extensionsInTotal;
  boolean pending;
  Bits timescales = Bits.NONE;
  Bits acts = Bits.NONE;
  boolean entered;

  private final Expansion x;

  /** Before a raise at the stage, with the facts set by then. */
  Draft(Expansion x, Bits attributes, Bits consents, Bits occurred, int stage) {
    super(x.ix, View.TRACKED, Bits.NONE, consents, attributes, occurred);
    this.x = x;
    this.stage = stage;
    this.waiting = -1;
    this.outcome = -1;
  }

  /** A draft to load states into. */
  Draft(Expansion x) {
    super(x.ix, View.TRACKED, Bits.NONE, Bits.NONE, Bits.NONE, Bits.NONE);
    this.x = x;
  }

  /** Starts as a copy of the state the other draft holds, before a move. */
  void copy(Draft d) {
    completed = d.completed;
    consents = d.consents;
    attributes = d.attributes;
    occurred = d.occurred;
    ended = d.ended;
    stage = d.stage;
    waiting = d.waiting;
    outcome = d.outcome;
    extensionsAtStage = d.extensionsAtStage;
    extensionsInTotal = d.extensionsInTotal;
    pending = d.pending;
    timescales = d.timescales;
    acts = d.acts;
    entered = false;
  }

  /** Loads the state as it is (to pack it). */
  void load(State s) {
    completed = s.completed();
    consents = s.consents();
    attributes = s.attributes();
    occurred = s.occurred();
    ended = s.ended();
    stage = s.stage();
    waiting = s.waiting();
    outcome = s.outcome();
    extensionsAtStage = s.extensionsAtStage();
    extensionsInTotal = s.extensionsInTotal();
    pending = s.pending();
    timescales = s.timescales();
    acts = s.acts();
    entered = s.entered();
  }

  // the interpreter hands each successor on before it asks for the next, so one draft serves
  @Override
  public Draft freeze() {
    return this;
  }

  State state() {
    return new State(ended, stage, waiting, outcome, completed, consents, attributes,
        extensionsAtStage, extensionsInTotal, pending, occurred, timescales, acts, entered);
  }

  // --- the position

  @Override
  public int stage() {
    return stage;
  }

  @Override
  public boolean deadlineRunning() {
    return !timescales.isEmpty();
  }

  @Override
  public boolean extensionPending() {
    return pending;
  }

  @Override
  public int extensionsAtStage() {
    return extensionsAtStage;
  }

  @Override
  public int extensionsInTotal() {
    return extensionsInTotal;
  }

  @Override
  public Draft successor() {
    x.scratch.copy(this);
    return x.scratch;
  }

  // --- what a move does

  @Override
  public void complete(StageRule rule) {
    int bit = ix.completedBit[rule.index()];
    if (bit < 0) {
      return;
    }
    if (completed != x.source.completed) {
      completed = completed.with(bit);
      return;
    }
    // most moves from a state complete its stage: the set is made once per state expanded
    if (x.completedPlus[bit] == null) {
      x.completedPlus[bit] = completed.with(bit);
    }
    completed = x.completedPlus[bit];
  }

  @Override
  public void enter(StageRule rule) {
    stage = rule.index();
    waiting = -1;
    pending = false;
    extensionsAtStage = 0;
    Bits fixed = x.fixedTimescales[rule.index()];
    timescales = fixed != null ? fixed : timescales(rule);
    fixed = x.fixedActs[rule.index()];
    acts = fixed != null ? fixed : acts(rule.duties());
    entered = true;
  }

  @Override
  public void waitFor(Target target) {
    waiting = ix.code(target);
    timescales = Bits.NONE;
    entered = false;
  }

  // an ended escalation keeps only what a claim can see: where it ended, what was completed
  @Override
  public void conclude(OutcomeRule rule) {
    ended = true;
    outcome = outcomeIndex(rule);
    waiting = -1;
    pending = false;
    timescales = Bits.NONE;
    extensionsAtStage = 0;
    extensionsInTotal = 0;
    consents = Bits.NONE;
    occurred = Bits.NONE;
    acts = acts(rule.duties());
    entered = false;
  }

  @Override
  public void setTime(StageRule rule, String role) {
    List<Timescale> all = ix.stages.get(rule.index()).timescales();
    List<Timescale> set = rule.timescales().setBy(this, role);
    for (int i = 0; i < all.size(); i++) {
      if (contains(set, all.get(i))) {
        timescales = timescales.with(i);
      }
    }
  }

  @Override
  public void askForTime() {
    pending = true;
  }

  @Override
  public void grantTime() {
    pending = false;
    extensionsAtStage = Math.min(extensionsAtStage + 1, ix.extensionsPerStageCap);
    extensionsInTotal = Math.min(extensionsInTotal + 1, ix.extensionsInTotalCap);
  }

  @Override
  public void declineTime() {
    pending = false;
  }

  @Override
  public void requestLapses() {
    pending = false;
  }

  @Override
  public void referConcurrently(OutcomeRule rule) {
    // the escalation goes on where it is; the claims see no referral
  }

  void retryWaiting() {
    if (ended || waiting < 0) {
      return;
    }
    int target = waiting;
    waiting = -1;
    x.run.retry(ix.target(target), this);
  }

  /**
   * A fact changed: a duty to go at once that now holds moves the escalation on from its
   * stage (the interpreter decides where, as for the engine), unless it waits or has ended.
   */
  void moveAtOnce() {
    if (!ended && waiting < 0 && !x.model.atOnce().isEmpty()) {
      x.run.movesAtOnce(x.model.stages().get(stage), this);
    }
  }

  /** The role actions of the properties that the duties done now do. */
  Bits acts(List<Duty> duties) {
    Bits mask = Bits.NONE;
    if (ix.roleActions.isEmpty()) {
      return mask; // no property speaks of what a stage does
    }
    List<Duty> done = x.run.duties(duties, this);
    for (int i = 0; i < ix.roleActions.size(); i++) {
      for (Duty duty : done) {
        if (ProtocolIndex.does(duty.step(), ix.roleActions.get(i))) {
          mask = mask.with(i);
          break;
        }
      }
    }
    return mask;
  }

  /**
   * The stage's timescales that apply on entry, as the interpreter chooses them, and can be
   * counted (one from an event that has not happened cannot, nor one that waits for its value to
   * be set, {@link Timescale#awaitsValue}): one bit each, by their place in the stage.
   */
  Bits timescales(StageRule rule) {
    List<Timescale> all = ix.stages.get(rule.index()).timescales();
    List<Timescale> applying = rule.timescales().applying(this);
    Bits mask = Bits.NONE;
    for (int i = 0; i < all.size(); i++) {
      Timescale t = all.get(i);
      if (contains(applying, t) && counted(t) && !t.awaitsValue()) {
        mask = mask.with(i);
      }
    }
    return mask;
  }

  private static boolean contains(List<Timescale> list, Timescale t) {
    for (Timescale each : list) {
      if (each == t) {
        return true;
      }
    }
    return false;
  }

  private boolean counted(Timescale t) {
    return AnchorCases.on(t.anchor(), new AnchorCases<Boolean>() {
      @Override
      public Boolean stageStart() {
        return true;
      }

      @Override
      public Boolean escalationStart() {
        return true;
      }

      @Override
      public Boolean event(String name) {
        return occurred.get(ix.anchorEvents.indexOf(name));
      }

      @Override
      public Boolean stage(String key) {
        throw new IllegalStateException("a stage's response timescale never counts from a stage: only a step's deadline does (the grammar has no way to say it)");
      }

      @Override
      public Boolean before(String date) {
        throw new IllegalStateException("a stage's response timescale never counts back from a date: only a step's deadline does (the grammar has no way to say it)");
      }
    });
  }

  /** The outcome's index: the model lists the outcomes in the protocol's order. */
  private int outcomeIndex(OutcomeRule rule) {
    List<OutcomeRule> all = x.model.outcomes();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i) == rule) {
        return i;
      }
    }
    return ix.outcome(rule.name());
  }
}
