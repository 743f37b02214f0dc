package org.escalon.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.machine.TriggerRule;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.TargetCases;
import org.escalon.model.Protocol;
import org.escalon.model.Target;

/**
 * One escalation run by the engine: its state, its append-only log, and the listener told what to
 * do. Time is an input: {@link #advanceTo} says that time has passed; an event dated later than a
 * due deadline first lets that deadline pass. An event is applied whole or not at all.
 *
 * <p>Thread-safe: every call is atomic (the methods synchronise on the escalation), so two
 * threads applying events to one escalation see them applied one after the other, and a reader
 * never sees half a call. The listener is told inside the call, on the caller's thread.
 */
public final class Escalation implements EscalationMachine {

  private final Protocol protocol;
  private final OperationalModel model;
  private final WorkingCalendar calendar;
  private final Rules rules;
  private final EscalationListener listener;
  private final List<EventRecord> records = new ArrayList<>();
  private Map<Integer, Instant> recorded = Map.of();
  private EscalationState state = EscalationState.initial();

  public Escalation(Protocol protocol, WorkingCalendar calendar, EscalationListener listener) {
    this(OperationalModel.of(protocol), calendar, listener);
  }

  /**
   * An escalation of a protocol whose operational model is already built: a host running many
   * escalations of one protocol builds the model once.
   */
  public Escalation(OperationalModel model, WorkingCalendar calendar,
      EscalationListener listener) {
    this.protocol = model.protocol();
    this.model = model;
    this.calendar = calendar;
    this.rules = new Rules(model, calendar);
    this.listener = listener;
  }

  /** An escalation of a protocol in its own calendar, with no listener. */
  public static Escalation of(Protocol protocol) {
    return new Escalation(protocol,
        WorkingCalendar.of(protocol.header().calendar(), protocol.header().zone()),
        new EscalationListener() {});
  }

  @Override
  public Protocol protocol() {
    return protocol;
  }

  public WorkingCalendar calendar() {
    return calendar;
  }

  @Override
  public synchronized EscalationState state() {
    return state;
  }

  /**
   * Whether the escalation was raised late under the protocol's clock on raising ({@code raise
   * within 2 working days after disagreement}): recorded, never refused. Empty when it was on
   * time, has no such clock, or none of the clock's events happened before the raise.
   */
  public synchronized Optional<org.escalon.machine.RaiseClocks.Late> raisedLate() {
    return org.escalon.machine.RaiseClocks.late(protocol, calendar, state.raisedAt(),
        state.occurrences());
  }

  /** Every event applied so far, the engine's own (deadlines, reminders) included, in order. */
  @Override
  public synchronized List<CaseEvent> log() {
    return records.stream().map(EventRecord::event).toList();
  }

  /** The log as kept: each event with its command id, actor, metadata and date of entry. */
  public synchronized List<EventRecord> records() {
    return List.copyOf(records);
  }

  /** When the engine must next be told that time has passed, if ever. */
  @Override
  public synchronized Optional<Instant> nextDue() {
    return rules.nextDue(state);
  }

  /**
   * Applies an event, after letting pass every deadline and reminder due before it. Throws {@link
   * RefusedEvent} if the protocol does not allow it; then nothing has changed.
   */
  @Override
  public EscalationState apply(CaseEvent event) {
    return step(EventRecord.of(event)).state();
  }

  /** Lets time pass up to and including {@code now}: deadlines and reminders due by then fire. */
  @Override
  public EscalationState advanceTo(Instant now) {
    return stepTo(now).state();
  }

  /**
   * Applies a recorded event as {@link #apply} does, and says what it did: the records appended,
   * and each effect with its instant and causing event, as the listener was told them.
   *
   * <p>An event dated before the last one is refused ({@link RefusedEvent.Kind#OUT_OF_ORDER})
   * unless its record says it was entered late ({@link EventRecord#enteredAt}). A late event is
   * re-applied from its date: the log up to that date is kept, the late event is applied, then
   * the host's later events are applied again while the engine's own (deadlines, reminders) are
   * worked out afresh up to where the escalation had got to. If one of those later events is no
   * longer allowed, the late event is refused, naming it, and nothing changes. The listener is
   * told only the effects the old history did not have; {@link CallResult#superseded()} lists the
   * events that no longer happened.
   */
  public synchronized CallResult step(EventRecord record) {
    boolean late = record.enteredAt().isPresent() && state.lastEventAt()
        .filter(last -> record.event().at().isBefore(last)).isPresent();
    if (late) {
      return late(record);
    }
    Pending pending = new Pending(state, records.size());
    pending.advanceTo(record.event().at());
    pending.add(record);
    return commit(pending);
  }

  /** Lets time pass as {@link #advanceTo} does, and says what that did. */
  public synchronized CallResult stepTo(Instant now) {
    Pending pending = new Pending(state, records.size());
    pending.advanceTo(now);
    return commit(pending);
  }

  private CallResult commit(Pending pending) {
    int from = records.size();
    state = pending.state;
    records.addAll(pending.records);
    for (TimedEffect effect : pending.effects) {
      EscalationListener.deliver(effect.effect(), listener);
    }
    return new CallResult(from, false, pending.records, pending.effects, List.of(), state);
  }

  private CallResult late(EventRecord record) {
    Instant at = record.event().at();
    int from = 0;
    while (from < records.size() && !records.get(from).event().at().isAfter(at)) {
      from++;
    }
    List<EventRecord> kept = records.subList(0, from);
    List<EventRecord> old = List.copyOf(records.subList(from, records.size()));
    Escalation fresh = fromRecords(model, calendar, new EscalationListener() {}, kept);
    if (!recorded.isEmpty()) {
      // the deadlines recorded before the late event still hold; later ones are worked out again
      fresh.recorded = Map.copyOf(new java.util.TreeMap<>(recorded).headMap(from));
      fresh.state = Deadlines.replay(protocol, calendar,
          kept.stream().map(EventRecord::event).toList(), fresh.recorded);
    }
    List<TimedEffect> effects = new ArrayList<>(fresh.step(record).effects());
    for (EventRecord later : old) {
      if (later.byEngine()) {
        continue;
      }
      try {
        effects.addAll(fresh.step(later).effects());
      } catch (RefusedEvent refused) {
        throw new RefusedEvent(record.event(), "entered late, it would leave the event of "
            + later.event().at() + " (" + EventLog.line(later.event()) + ") not allowed: "
            + refused.rule(), refused.span(), refused.citation(), RefusedEvent.Kind.OUT_OF_ORDER);
      }
    }
    state.lastEventAt().ifPresent(until -> effects.addAll(fresh.stepTo(until).effects()));
    List<EventRecord> tail = fresh.records.subList(from, fresh.records.size());
    List<Told> before = told(fresh.protocol, kept, old);
    List<TimedEffect> owed = new ArrayList<>();
    for (TimedEffect e : effects) {
      if (!before.remove(new Told(e.cause(), e.effect()))) {
        owed.add(e);
      }
    }
    List<EventRecord> superseded = old.stream().filter(r -> !tail.contains(r)).toList();
    CallResult step = new CallResult(from, true, tail, owed, superseded, fresh.state);
    records.subList(from, records.size()).clear();
    records.addAll(step.records());
    state = fresh.state;
    recorded = fresh.recorded; // the deadlines recorded after the late event no longer hold
    for (TimedEffect effect : owed) {
      EscalationListener.deliver(effect.effect(), listener);
    }
    return step;
  }

  /** An effect as the host heard it: the same effect of the same event is not told twice. */
  private record Told(CaseEvent cause, Effect effect) {}

  /** The effects the events {@code old} caused after {@code kept}. */
  private List<Told> told(Protocol protocol, List<EventRecord> kept, List<EventRecord> old) {
    Pending replay = new Pending(replay(protocol, calendar,
        kept.stream().map(EventRecord::event).toList()), kept.size());
    for (EventRecord r : old) {
      replay.add(r);
    }
    List<Told> told = new ArrayList<>();
    for (TimedEffect e : replay.effects) {
      told.add(new Told(e.cause(), e.effect()));
    }
    return told;
  }

  /** An escalation rebuilt from its log, exactly as it was; the listener hears nothing old. */
  public static Escalation restore(Protocol protocol, WorkingCalendar calendar,
      EscalationListener listener, List<CaseEvent> log) {
    return fromRecords(protocol, calendar, listener, log.stream().map(EventRecord::of).toList());
  }

  /** An escalation rebuilt from its records, as {@link #restore} does from bare events. */
  public static Escalation fromRecords(Protocol protocol, WorkingCalendar calendar,
      EscalationListener listener, List<EventRecord> records) {
    return fromRecords(OperationalModel.of(protocol), calendar, listener, records);
  }

  /** The same, for a protocol whose operational model is built already. */
  public static Escalation fromRecords(OperationalModel model, WorkingCalendar calendar,
      EscalationListener listener, List<EventRecord> records) {
    Escalation escalation = new Escalation(model, calendar, listener);
    EscalationState s = EscalationState.initial();
    for (EventRecord r : records) {
      s = escalation.rules.apply(s, r.event()).state();
    }
    escalation.state = s;
    escalation.records.addAll(records);
    return escalation;
  }

  /**
   * An escalation rebuilt from its records and the deadlines recorded with them ({@code
   * recorded.get(i)} the deadline record {@code i} set, see {@link #deadlinesSet}): replay takes
   * each deadline from them rather than from the calendar, which may have changed since.
   */
  public static Escalation fromRecords(OperationalModel model, WorkingCalendar calendar,
      EscalationListener listener, List<EventRecord> records, Map<Integer, Instant> recorded) {
    Escalation escalation = new Escalation(model, calendar, listener);
    escalation.recorded = Map.copyOf(recorded);
    escalation.state = Deadlines.replay(model.protocol(), calendar,
        records.stream().map(EventRecord::event).toList(), escalation.recorded);
    escalation.records.addAll(records);
    return escalation;
  }

  /**
   * The deadline each event of the log set, by its index, as a log records it ({@code due=}):
   * what a store keeps with each event so that {@link #fromRecords(OperationalModel,
   * WorkingCalendar, EscalationListener, List, Map)} replays it exactly.
   */
  public synchronized List<Optional<Instant>> deadlinesSet() {
    return Deadlines.toRecord(protocol, calendar, records.stream().map(EventRecord::event)
        .toList(), recorded);
  }

  /**
   * An escalation taken up from a snapshot of its state and its records, without replaying them:
   * the fast path of a store that keeps both. The caller vouches that {@code state} is what the
   * records lead to ({@link #replay} says so, slowly).
   */
  public static Escalation resume(Protocol protocol, WorkingCalendar calendar,
      EscalationListener listener, List<EventRecord> records, EscalationState state) {
    return resume(OperationalModel.of(protocol), calendar, listener, records, state);
  }

  /** The same, for a protocol whose operational model is built already. */
  public static Escalation resume(OperationalModel model, WorkingCalendar calendar,
      EscalationListener listener, List<EventRecord> records, EscalationState state) {
    return resume(model, calendar, listener, records, state, Map.of());
  }

  /** The same, with the deadlines recorded with the records (for a late event's replay). */
  public static Escalation resume(OperationalModel model, WorkingCalendar calendar,
      EscalationListener listener, List<EventRecord> records, EscalationState state,
      Map<Integer, Instant> recorded) {
    Escalation escalation = new Escalation(model, calendar, listener);
    escalation.recorded = Map.copyOf(recorded);
    escalation.state = state;
    escalation.records.addAll(records);
    return escalation;
  }

  /**
   * An escalation rebuilt from its log and the deadlines recorded with it ({@code recorded.get(i)}
   * the deadline event {@code i} set): replay takes each deadline from the log rather than from
   * the calendar, which may have gained a bank holiday or a closure day since.
   */
  public static Escalation restore(Protocol protocol, WorkingCalendar calendar,
      EscalationListener listener, List<CaseEvent> log, Map<Integer, Instant> recorded) {
    Escalation escalation = new Escalation(protocol, calendar, listener);
    escalation.recorded = Map.copyOf(recorded);
    escalation.state = Deadlines.replay(protocol, calendar, log, escalation.recorded);
    escalation.records.addAll(log.stream().map(EventRecord::of).toList());
    return escalation;
  }

  @Override
  public Map<Integer, Instant> deadlinesRecorded() {
    return recorded;
  }

  /** Rebuilds the state a log leads to, without telling anyone anything. */
  public static EscalationState replay(Protocol protocol, WorkingCalendar calendar,
      List<CaseEvent> log) {
    Rules rules = new Rules(OperationalModel.of(protocol), calendar);
    EscalationState s = EscalationState.initial();
    for (CaseEvent e : log) {
      s = rules.apply(s, e).state();
    }
    return s;
  }

  /** The events and effects of one call, kept aside until all of them are accepted. */
  private final class Pending {
    EscalationState state;
    final int base;
    final List<EventRecord> records = new ArrayList<>();
    final List<TimedEffect> effects = new ArrayList<>();

    Pending(EscalationState state, int base) {
      this.state = state;
      this.base = base;
    }

    void add(EventRecord record) {
      CaseEvent event = record.event();
      Rules.Applied applied;
      try {
        applied = rules.apply(state, event);
      } catch (RefusedEvent refused) {
        throw refused.kind() == RefusedEvent.Kind.NOT_NOW
            ? refused.as(Refusals.kind(protocol, state, refused.event())) : refused;
      }
      int index = base + records.size();
      List<Effect> caused = new ArrayList<>(applied.effects());
      waiting(state, applied.state()).ifPresent(caused::add);
      state = applied.state();
      records.add(record);
      for (Effect effect : caused) {
        effects.add(new TimedEffect(event.at(), index, event, effects.size(), effect));
      }
    }

    // An event at the very instant a deadline falls is late: the deadline passes first.
    void advanceTo(Instant now) {
      Instant previous = null;
      int atOnce = 0;
      for (Optional<Instant> dueAt = rules.nextDue(state);
          dueAt.isPresent() && !dueAt.get().isAfter(now); dueAt = rules.nextDue(state)) {
        Instant due = dueAt.get();
        Optional<TriggerRule.Due> trigger = rules.triggerDue(state);
        if (trigger.isPresent()) {
          add(EventRecord.of(new CaseEvent.TriggerDue(due, trigger.get().trigger())));
          continue;
        }
        // A deadline counted from the escalation's start can fall before the stage was even
        // entered: it passes at once, when the stage is entered, never back in time.
        Instant at = state.notBeforeLastEvent(due);
        // a step's deadline at the same instant as the stage's passes first: it was missed too
        Optional<StepClock> step = StepClockBook.dueAt(state.stepClocks(), due);
        if (step.isPresent()) {
          add(EventRecord.of(new CaseEvent.StepDeadlinePassed(at, step.get().stage(),
              step.get().step())));
        } else if (state.deadline().filter(due::equals).isPresent()) {
          String stage = state.stage().orElseThrow();
          atOnce = at.equals(previous) ? atOnce + 1 : 0;
          previous = at;
          loopsAtOneInstant(atOnce, new CaseEvent.DeadlinePassed(at, stage));
          add(EventRecord.of(new CaseEvent.DeadlinePassed(at, stage)));
        } else {
          add(EventRecord.of(new CaseEvent.ReminderDue(at, state.stage().orElseThrow())));
        }
      }
    }

    /**
     * Without a loop, deadlines passing at one instant visit each stage at most once. More means
     * stages whose deadlines have already passed send the escalation round for ever; the compiler
     * refuses such a protocol (E0414), so only a model built by hand gets here.
     */
    private void loopsAtOneInstant(int atOnce, CaseEvent.DeadlinePassed event) {
      if (atOnce > protocol.stages().size()) {
        throw new RefusedEvent(event, "the protocol goes round stages whose deadlines have "
            + "already passed, for ever at " + event.at() + " (E0414)", protocol.span(),
            Optional.empty(), RefusedEvent.Kind.NOT_NOW);
      }
    }
  }

  /**
   * The effect that tells the host an escalation has begun to wait, naming what is missing; the
   * same wait is not told again while it lasts.
   */
  private Optional<Effect> waiting(EscalationState before, EscalationState after) {
    if (after.waitingFor().isEmpty() || after.waitingFor().equals(before.waitingFor())) {
      return Optional.empty();
    }
    Target target = after.waitingFor().get();
    return Optional.of(new Effect.WaitingFor(after.stage().orElse(""),
        TargetCases.describe(target), rules.missing(after), Optional.empty()));
  }
}
