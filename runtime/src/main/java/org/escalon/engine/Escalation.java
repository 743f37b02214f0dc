package org.escalon.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.model.Protocol;

/**
 * One escalation run by the engine: its state, its append-only log, and the listener told what to
 * do. Time is an input: {@link #advanceTo} says that time has passed; an event dated later than a
 * due deadline first lets that deadline pass. An event is applied whole or not at all.
 */
public final class Escalation implements EscalationMachine {

  private final Protocol protocol;
  private final WorkingCalendar calendar;
  private final Rules rules;
  private final EscalationListener listener;
  private final List<CaseEvent> log = new ArrayList<>();
  private Map<Integer, Instant> recorded = Map.of();
  private EscalationState state = EscalationState.initial();

  public Escalation(Protocol protocol, WorkingCalendar calendar, EscalationListener listener) {
    this.protocol = protocol;
    this.calendar = calendar;
    this.rules = new Rules(protocol, calendar);
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
  public EscalationState state() {
    return state;
  }

  /** Every event applied so far, the engine's own (deadlines, reminders) included, in order. */
  @Override
  public List<CaseEvent> log() {
    return List.copyOf(log);
  }

  /** When the engine must next be told that time has passed, if ever. */
  @Override
  public Optional<Instant> nextDue() {
    return state.nextDue();
  }

  /**
   * Applies an event, after letting pass every deadline and reminder due before it. Throws {@link
   * RefusedEvent} if the protocol does not allow it; then nothing has changed.
   */
  @Override
  public EscalationState apply(CaseEvent event) {
    Pending pending = new Pending(state);
    pending.advanceTo(event.at());
    pending.add(event);
    commit(pending);
    return state;
  }

  /** Lets time pass up to and including {@code now}: deadlines and reminders due by then fire. */
  @Override
  public EscalationState advanceTo(Instant now) {
    Pending pending = new Pending(state);
    pending.advanceTo(now);
    commit(pending);
    return state;
  }

  private void commit(Pending pending) {
    state = pending.state;
    log.addAll(pending.events);
    for (Effect effect : pending.effects) {
      EscalationListener.deliver(effect, listener);
    }
  }

  /** An escalation rebuilt from its log, exactly as it was; the listener hears nothing old. */
  public static Escalation restore(Protocol protocol, WorkingCalendar calendar,
      EscalationListener listener, List<CaseEvent> log) {
    Escalation escalation = new Escalation(protocol, calendar, listener);
    escalation.state = replay(protocol, calendar, log);
    escalation.log.addAll(log);
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
    escalation.log.addAll(log);
    return escalation;
  }

  @Override
  public Map<Integer, Instant> deadlinesRecorded() {
    return recorded;
  }

  /** Rebuilds the state a log leads to, without telling anyone anything. */
  public static EscalationState replay(Protocol protocol, WorkingCalendar calendar,
      List<CaseEvent> log) {
    Rules rules = new Rules(protocol, calendar);
    EscalationState s = EscalationState.initial();
    for (CaseEvent e : log) {
      s = rules.apply(s, e).state();
    }
    return s;
  }

  /** The events and effects of one call, kept aside until all of them are accepted. */
  private final class Pending {
    EscalationState state;
    final List<CaseEvent> events = new ArrayList<>();
    final List<Effect> effects = new ArrayList<>();

    Pending(EscalationState state) {
      this.state = state;
    }

    void add(CaseEvent event) {
      Rules.Applied applied = rules.apply(state, event);
      state = applied.state();
      events.add(event);
      effects.addAll(applied.effects());
    }

    // An event at the very instant a deadline falls is late: the deadline passes first.
    void advanceTo(Instant now) {
      Instant previous = null;
      int atOnce = 0;
      for (Optional<Instant> dueAt = state.nextDue();
          dueAt.isPresent() && !dueAt.get().isAfter(now); dueAt = state.nextDue()) {
        Instant due = dueAt.get();
        // A deadline counted from the escalation's start can fall before the stage was even
        // entered: it passes at once, when the stage is entered, never back in time.
        Instant at = state.lastEventAt().filter(last -> last.isAfter(due)).orElse(due);
        String stage = state.stage().orElseThrow();
        if (state.deadline().filter(due::equals).isPresent()) {
          atOnce = at.equals(previous) ? atOnce + 1 : 0;
          previous = at;
          loopsAtOneInstant(atOnce, new CaseEvent.DeadlinePassed(at, stage));
          add(new CaseEvent.DeadlinePassed(at, stage));
        } else {
          add(new CaseEvent.ReminderDue(at, stage));
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
            Optional.empty());
      }
    }
  }
}
