package org.escalon.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.engine.CaseEvent;
import org.escalon.model.Citation;
import org.escalon.model.Timespan;
import org.escalon.model.Protocol;
import org.escalon.model.Step;

/**
 * Kent's IRO protocol written by hand, as a developer would without Escalon: an enum of stages,
 * switches for routes and deadlines, fields for what the decisions need, the effects of each
 * stage built once, and an event log. It covers what the benchmarks drive (raise, responses,
 * deadlines passing, the agreement and advice Cafcass needs) and is the yardstick for the
 * generated {@code org.escalon.protocols.KentIro}.
 */
public final class HandWrittenKent {

  /** Kent's stages. */
  public enum Stage {
    INFORMAL, STAGE_1, STAGE_2, STAGE_3, STAGE_4, STAGE_5, STAGE_6;

    String key() {
      return this == INFORMAL ? "informal" : name().substring(6);
    }
  }

  /** What the host is told: the same calls, with the same arguments, as the generated one. */
  public interface Host {
    default void escalate(String at, List<String> to, Optional<Citation> source) {}

    default void copy(String at, List<String> roles, Optional<Citation> source) {}

    default void inform(String at, String how, List<String> roles, Optional<String> what,
        Optional<String> by, Optional<Citation> source) {}

    default void act(String at, String what, Optional<String> by, Optional<Citation> source) {}

    default void keep(String at, String record, List<String> sentTo, Optional<Citation> source) {}

    default void concluded(String outcome, Optional<Citation> source) {}

    default void waiting(String at, String target, List<String> missing) {}
  }

  private static final Timespan FIVE_WORKING_DAYS = Timespan.workingDays(5);
  private static final List<List<Consumer<Host>>> ON_ENTRY = new ArrayList<>();
  private static final List<Consumer<Host>> CAFCASS = new ArrayList<>();

  private final WorkingCalendar calendar;
  private final Host host;
  private final List<CaseEvent> log = new ArrayList<>();
  private Stage stage;
  private Instant deadline;
  private Instant lastEventAt;
  private final Set<Stage> completed = EnumSet.noneOf(Stage.class);
  private boolean waitingForCafcass;
  private boolean qaAssistantDirectorAgreed;
  private boolean legalCounselAdvised;
  private boolean ended;

  /** Builds each stage's effects from the protocol once (conditional ones are left out). */
  static void load(Protocol kent) {
    if (!ON_ENTRY.isEmpty()) {
      return;
    }
    for (Stage s : Stage.values()) {
      List<Consumer<Host>> effects = new ArrayList<>();
      for (Step step : kent.stage(s.key()).orElseThrow().steps()) {
        if (step.when().isEmpty()) {
          effects.add(effect(s.key(), step));
        }
      }
      ON_ENTRY.add(effects);
    }
    for (Step step : kent.outcome("cafcass").orElseThrow().steps()) {
      CAFCASS.add(effect("cafcass", step));
    }
    Optional<Citation> why = kent.outcome("cafcass").orElseThrow().citations().stream()
        .findFirst();
    CAFCASS.add(h -> h.concluded("cafcass", why));
  }

  private static Consumer<Host> effect(String at, Step step) {
    if (step instanceof Step.EscalateTo s) {
      return h -> h.escalate(at, s.roles(), s.citation());
    } else if (step instanceof Step.Copy s) {
      return h -> h.copy(at, s.roles(), s.citation());
    } else if (step instanceof Step.Inform s) {
      String how = s.kind().name().toLowerCase(Locale.ROOT);
      return h -> h.inform(at, how, s.roles(), s.what(), s.by(), s.citation());
    } else if (step instanceof Step.Act s) {
      return h -> h.act(at, s.what(), s.by(), s.citation());
    } else if (step instanceof Step.Keep s) {
      String record = s.form().or(s::note).orElse("");
      return h -> h.keep(at, record, s.sentTo(), s.citation());
    }
    return h -> { };
  }

  public HandWrittenKent(WorkingCalendar calendar, Host host) {
    this.calendar = calendar;
    this.host = host;
  }

  public List<CaseEvent> log() {
    return log;
  }

  public boolean ended() {
    return ended;
  }

  public Optional<Stage> stage() {
    return Optional.ofNullable(stage);
  }

  public void raise(Instant at) {
    if (stage != null) {
      throw new IllegalStateException("already raised");
    }
    log(new CaseEvent.Raise(at, "IRO", Optional.empty(), Optional.empty()));
    enter(Stage.INFORMAL, at);
  }

  public void respond(Instant at, String by, boolean resolving) {
    passTimeTo(at);
    open();
    log(new CaseEvent.Respond(at, by, resolving));
    if (resolving) {
      ended = true;
      deadline = null;
      return;
    }
    completed.add(stage);
    next(at);
  }

  public void agree(Instant at, String role) {
    passTimeTo(at);
    log(new CaseEvent.Agree(at, role));
    qaAssistantDirectorAgreed |= role.equals("QAAssistantDirector");
    retry();
  }

  public void advise(Instant at, String role) {
    passTimeTo(at);
    log(new CaseEvent.Advise(at, role));
    legalCounselAdvised |= role.equals("LegalCounsel");
    retry();
  }

  /** Lets every deadline up to {@code now} pass. */
  public void passTimeTo(Instant now) {
    while (deadline != null && !deadline.isAfter(now)) {
      Instant at = deadline;
      log(new CaseEvent.DeadlinePassed(at, stage.key()));
      completed.add(stage);
      next(at);
    }
  }

  private void next(Instant at) {
    switch (stage) {
      case INFORMAL -> enter(Stage.STAGE_1, at);
      case STAGE_1 -> enter(Stage.STAGE_2, at);
      case STAGE_2 -> enter(Stage.STAGE_3, at);
      case STAGE_3 -> enter(Stage.STAGE_4, at);
      case STAGE_4 -> enter(Stage.STAGE_5, at);
      case STAGE_5 -> enter(Stage.STAGE_6, at);
      case STAGE_6 -> {
        waitingForCafcass = true;
        deadline = null;
        retry();
        if (waitingForCafcass) {
          // the host hears what Cafcass waits for, as the engine and the generated one tell it
          List<String> missing = new ArrayList<>();
          if (!qaAssistantDirectorAgreed) {
            missing.add("QAAssistantDirector has not agreed");
          }
          if (!legalCounselAdvised) {
            missing.add("the advice of LegalCounsel has not been sought");
          }
          host.waiting(stage.key(), "cafcass", missing);
        }
      }
    }
  }

  private void retry() {
    if (waitingForCafcass && completed.containsAll(EnumSet.of(Stage.STAGE_4, Stage.STAGE_5,
        Stage.STAGE_6)) && qaAssistantDirectorAgreed && legalCounselAdvised) {
      waitingForCafcass = false;
      ended = true;
      for (Consumer<Host> effect : CAFCASS) {
        effect.accept(host);
      }
    }
  }

  private void enter(Stage next, Instant at) {
    stage = next;
    deadline = calendar.deadline(at.atZone(calendar.zone()), FIVE_WORKING_DAYS).toInstant();
    for (Consumer<Host> effect : ON_ENTRY.get(next.ordinal())) {
      effect.accept(host);
    }
  }

  private void open() {
    if (stage == null || ended) {
      throw new IllegalStateException("not running");
    }
  }

  private void log(CaseEvent event) {
    if (lastEventAt != null && event.at().isBefore(lastEventAt)) {
      throw new IllegalStateException("events come in time order");
    }
    lastEventAt = event.at();
    log.add(event);
  }
}
