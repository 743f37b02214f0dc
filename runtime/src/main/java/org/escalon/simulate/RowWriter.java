package org.escalon.simulate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.describe.PlainEnglish;
import org.escalon.engine.AppliedRights;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.CaseEventCases;
import org.escalon.engine.Effect;
import org.escalon.engine.EffectCases;
import org.escalon.engine.EscalationListener;
import org.escalon.engine.EscalationState;
import org.escalon.engine.StageVisit;
import org.escalon.engine.StepClock;
import org.escalon.machine.Interpreter;
import org.escalon.machine.OperationalModel;
import org.escalon.machine.PreconditionCases;
import org.escalon.machine.StepClocks;
import org.escalon.machine.TargetCases;
import org.escalon.model.Citation;
import org.escalon.model.Manner;
import org.escalon.model.Outcome;
import org.escalon.model.Precondition;
import org.escalon.model.Protocol;
import org.escalon.model.Right;
import org.escalon.model.Role;
import org.escalon.model.Stage;
import org.escalon.model.Target;
import org.escalon.model.Timescale;
import org.escalon.simulate.TimelineRow.Kind;

/**
 * Listens to the engine and writes the timeline's rows: one for each event, one for each stage
 * entered (with who it went to and who was copied), one when the escalation ends or must wait.
 */
final class RowWriter implements EscalationListener {

  private final Protocol protocol;
  private final OperationalModel model;
  private final WorkingCalendar calendar;
  private final LocalDate startDate;
  private final List<TimelineRow> rows = new ArrayList<>();
  private final List<Effect> effects = new ArrayList<>();
  private boolean assumed;

  RowWriter(Protocol protocol, WorkingCalendar calendar, LocalDate startDate) {
    this.protocol = protocol;
    this.model = OperationalModel.of(protocol);
    this.calendar = calendar;
    this.startDate = startDate;
  }

  @Override
  public void heard(Effect effect) {
    effects.add(effect);
  }

  /** "; raised late: ..." when the raise missed the protocol's clock on raising; else "". */
  private String lateRaise(EscalationState after) {
    return org.escalon.machine.RaiseClocks.late(protocol, calendar, after.raisedAt(),
        after.occurrences()).map(l -> " (raised late: due by the close of "
            + Dates.day(calendar.dayOf(l.due())) + ", " + org.escalon.machine.RaiseClocks
                .span(l.clock()) + " after " + l.event() + " on "
            + Dates.day(l.happened().atZone(calendar.zone()).toLocalDate())
            + "; recorded, not refused)").orElse("");
  }

  List<TimelineRow> rows() {
    return rows;
  }

  /** Called before each engine call: the effects heard from now on belong to it. */
  void beginCall() {
    effects.clear();
  }

  /** Writes the rows of one engine call: its events, the stages entered, the end or a wait. */
  void endCall(EscalationState before, EscalationState after, List<CaseEvent> events) {
    for (CaseEvent event : events) {
      if (!(event instanceof CaseEvent.Raise)) {
        eventRow(event, before, after);
      }
    }
    List<StageVisit> visits = after.visits();
    for (int i = before.visits().size(); i < visits.size(); i++) {
      StageVisit visit = visits.get(i);
      Stage stage = protocol.stage(visit.stage()).orElseThrow();
      boolean raised = i == 0;
      String what = raised
          ? events.stream().filter(CaseEvent.Raise.class::isInstance).findFirst()
              .map(CaseEvents::describe).orElse("raised automatically")
              + ": " + stage.title() + lateRaise(after)
          : escalatedTo(stage.title());
      add(visit.entered(), visit.stage(), roles(visit.stage(), Effect.EscalateTo.class),
          roles(visit.stage(), Effect.CopyTo.class), visit.deadline(),
          raised ? Kind.RAISED : Kind.ESCALATED, what, stage.citations().stream().findFirst());
      steps(visit.entered(), visit.stage(), visit.deadline());
      clocks(before, after, visit.stage(), visit.entered());
    }
    if (before.status() != EscalationState.Status.ENDED
        && after.status() == EscalationState.Status.ENDED) {
      String outcome = after.outcome().orElseThrow();
      Optional<Outcome> o = protocol.outcome(outcome);
      add(last(events), outcome, roles(outcome, Effect.EscalateTo.class),
          roles(outcome, Effect.CopyTo.class), Optional.empty(), Kind.CONCLUDED,
          "ended: " + o.map(Outcome::title).orElse(outcome),
          o.flatMap(x -> x.citations().stream().findFirst()));
      steps(last(events), outcome, Optional.empty());
      clocks(before, after, outcome, last(events));
    }
    if (after.waitingFor().isPresent() && !after.waitingFor().equals(before.waitingFor())) {
      Target target = after.waitingFor().get();
      add(last(events), after.stage().orElse(""), List.of(), List.of(), Optional.empty(),
          Kind.WAITING,
          "waiting: " + TargetCases.describe(target) + " needs " + unmet(target, after),
          Optional.empty());
    }
  }

  /** A row for each step clock the stay started: the step, and when it is due. */
  private void clocks(EscalationState before, EscalationState after, String where, Instant at) {
    for (StepClock c : after.stepClocks()) {
      if (c.stage().equals(where) && !before.stepClocks().contains(c)
          && !c.due().isBefore(at)) {
        add(at, where, List.of(), List.of(), Optional.of(c.due()),
            Kind.STEP_DUE, "step " + c.step() + " due " + due(c.due())
                + StepClocks.urgency(model, c.stage(), c.step())
                    .map(w -> " (" + w.words() + ")").orElse(""),
            StepClocks.citation(model, c.stage(), c.step()));
      }
    }
  }

  /**
   * A row for each step told on entering {@code where} that says how it is done (its channels,
   * who records) or that it is good practice: a reviewer checks these against the policy's words.
   * Each row carries the deadline then running, as every row does.
   */
  private void steps(Instant at, String where, Optional<Instant> deadline) {
    for (Effect e : effects) {
      if (e.where().equals(where)) {
        EffectCases.on(e, new EffectCases<Void>() {
          @Override
          public Void escalateTo(Effect.EscalateTo s) {
            return null;
          }

          @Override
          public Void copyTo(Effect.CopyTo s) {
            return null;
          }

          @Override
          public Void inform(Effect.Inform i) {
            if (!i.manner().isPlain()) {
              step(i.how() + " " + String.join(", ", i.roles()), i.manner(), i.by(), i);
            }
            return null;
          }

          @Override
          public Void act(Effect.Act a) {
            if (!a.manner().isPlain()) {
              step(a.what(), a.manner(), a.by(), a);
            }
            return null;
          }

          @Override
          public Void keep(Effect.Keep k) {
            // who records is said only with `record ... by`, so a recorder alone earns a row
            if (!k.manner().isPlain() || k.by().isPresent()) {
              step("record " + k.record(), k.manner(), k.by(), k);
            }
            return null;
          }

          @Override
          public Void remind(Effect.Remind s) {
            return null;
          }

          @Override
          public Void waitingFor(Effect.WaitingFor s) {
            return null;
          }

          @Override
          public Void concluded(Effect.Concluded s) {
            return null;
          }

          private void step(String what, Manner manner, Optional<String> by, Effect e) {
            add(at, where, List.of(), List.of(), deadline, Kind.STEP,
                (manner.required() ? "" : PlainEnglish.GOOD_PRACTICE + ": ") + what
                    + by.map(b -> " (by " + b + ")").orElse("")
                    + (manner.channels().isEmpty() ? "" : " " + manner.channelPhrase()),
                e.citation());
          }
        });
      }
    }
  }

  /** A step the engine refused, or one that came too late for its stage. */
  void refused(Instant at, EscalationState state, String what, Optional<Citation> citation) {
    add(at, state.stage().orElse(""), List.of(), List.of(), state.deadline(), Kind.REFUSED, what,
        citation);
  }

  /** Nothing more will happen: the stage has no timescale and nobody responds. */
  void stalled(Instant at, EscalationState state) {
    String stage = state.stage().orElse("");
    add(at, stage, List.of(), List.of(), Optional.empty(), Kind.WAITING,
        state.status() == EscalationState.Status.NOT_RAISED ? "never raised"
            : "waiting: stage " + stage + " " + org.escalon.machine.Interpreter.noDeadline(
                protocol.stage(stage).orElseThrow()) + ", so nothing moves it on until "
                + "someone responds", Optional.empty());
  }

  /** The next event is agreement or advice the scenario gives because it is needed. */
  void givenWhenNeeded() {
    assumed = true;
  }

  private void eventRow(CaseEvent event, EscalationState before, EscalationState after) {
    Row row = new Row(event, before, after);
    Kind kind = CaseEventCases.on(event, row);
    if (assumed) {
      row.what += " (given when needed, as the scenario assumes)";
      assumed = false;
    }
    add(event.at(), row.stage, row.to, row.copied, row.deadline, kind, row.what, row.citation);
  }

  /** An event's row's parts, each kind of event setting what it says beyond the defaults. */
  private final class Row implements CaseEventCases<Kind> {
    private final EscalationState before;
    private final EscalationState after;
    String stage;
    Optional<Instant> deadline;
    String what;
    Optional<Citation> citation = Optional.empty();
    List<String> to = List.of();
    List<String> copied = List.of();

    Row(CaseEvent event, EscalationState before, EscalationState after) {
      this.before = before;
      this.after = after;
      // the stage the event happened at, not the one it led to
      stage = before.stage().or(after::stage).orElse("");
      deadline = after.deadline();
      what = CaseEvents.describe(event);
    }

    @Override
    public Kind raise(CaseEvent.Raise e) {
      return Kind.FACT;
    }

    @Override
    public Kind respond(CaseEvent.Respond e) {
      // on a stage each of several roles must answer, an answer that leaves the stay going on
      // says who is still awaited (the stay's respondents who have not answered)
      after.currentVisit().filter(v -> v.answered().contains(e.by())
          && before.stage().equals(after.stage())).ifPresent(v -> model.stage(v.stage())
              .ifPresent(s -> what += " (waiting for " + String.join(", ", s.respondents()
                  .roles().stream().filter(r -> !v.answered().contains(r)).toList()) + ")"));
      return Kind.RESPONDED;
    }

    @Override
    public Kind bypass(CaseEvent.Bypass e) {
      citation = AppliedRights.of(model, calendar, before, e).flatMap(Right::citation)
          .or(() -> right(e.by(), Right.Kind.BYPASS));
      return Kind.BYPASSED;
    }

    @Override
    public Kind refer(CaseEvent.Refer e) {
      citation = AppliedRights.of(model, calendar, before, e).flatMap(Right::citation)
          .or(() -> right(e.by(), Right.Kind.REFER));
      return Kind.REFERRED;
    }

    @Override
    public Kind requestExtension(CaseEvent.RequestExtension e) {
      citation = extensionCitation(stage);
      return Kind.EXTENSION_ASKED;
    }

    @Override
    public Kind grantExtension(CaseEvent.GrantExtension e) {
      // more than the policy's usual time (an extension's guide) is allowed, and recorded so
      what += before.pendingExtension().flatMap(asked -> protocol.stage(stage)
          .flatMap(Stage::extension).or(protocol::extension)
          .filter(rule -> rule.beyondGuide(asked))
          .map(rule -> " (" + asked + ", beyond the usual " + rule.guide().get() + ")"))
          .orElse("") + nowDue(after);
      citation = extensionCitation(stage);
      return Kind.EXTENSION_GRANTED;
    }

    @Override
    public Kind declineExtension(CaseEvent.DeclineExtension e) {
      citation = extensionCitation(stage);
      return Kind.EXTENSION_DECLINED;
    }

    @Override
    public Kind setTimescale(CaseEvent.SetTimescale e) {
      what += nowDue(after);
      citation = protocol.stage(stage).flatMap(s -> s.timescales().stream()
          .filter(t -> t.setBy().isPresent()).findFirst()).flatMap(Timescale::citation);
      return Kind.TIMESCALE_SET;
    }

    /** The escalator moves on after a soft deadline was missed: the stage's no-response route. */
    @Override
    public Kind escalate(CaseEvent.Escalate e) {
      citation = before.currentVisit().flatMap(v -> protocol.stage(stage).flatMap(v::timescaleOf))
          .flatMap(Timescale::citation);
      return Kind.TIMED_OUT;
    }

    /** An addressee is unavailable: the substitute is sent it, and answers in their place. */
    @Override
    public Kind unavailable(CaseEvent.Unavailable e) {
      model.stage(stage).flatMap(s -> s.respondents().substituteOf(e.role())).ifPresent(s -> {
        to = List.of(s.role());
        what += ": sent to " + s.role() + ", who answers in " + e.role() + "'s place";
        citation = s.citation();
      });
      return Kind.ESCALATED;
    }

    @Override
    public Kind agree(CaseEvent.Agree e) {
      return Kind.AGREED;
    }

    @Override
    public Kind advise(CaseEvent.Advise e) {
      return Kind.ADVISED;
    }

    @Override
    public Kind setAttribute(CaseEvent.SetAttribute e) {
      return Kind.FACT;
    }

    @Override
    public Kind decide(CaseEvent.Decide e) {
      citation = protocol.attributes().stream().filter(a -> a.name().equals(e.decision()))
          .flatMap(a -> a.decision().stream()).flatMap(d -> d.citations().stream()).findFirst();
      return Kind.DECIDED;
    }

    @Override
    public Kind grade(CaseEvent.Grade e) {
      return Kind.FACT;
    }

    @Override
    public Kind occur(CaseEvent.Occur e) {
      return Kind.FACT;
    }

    @Override
    public Kind triggerDue(CaseEvent.TriggerDue e) {
      return Kind.FACT;
    }

    /**
     * "the review child protection conference set for Mon 14 Dec 2026 00:00; now due:
     * share_report by Sat 12 Dec 2026 00:00, ...": the clocks the date started or moved.
     */
    @Override
    public Kind setDate(CaseEvent.SetDate e) {
      List<String> due = after.stepClocks().stream().filter(c -> !before.stepClocks().contains(c))
          .map(c -> c.step() + " " + due(c.due()) + (c.running() ? "" : " (passed)")).toList();
      what = protocol.date(e.date()).map(d -> d.title()).orElse(e.date())
          + (before.dates().containsKey(e.date()) ? " moved to " : " set for ")
          + Dates.instant(e.on(), calendar.zone())
          + (due.isEmpty() ? "" : "; now due: " + String.join(", ", due));
      citation = StepClocks.countedBack(model, e.date()).values().stream().findFirst()
          .flatMap(c -> c.of().citation());
      return Kind.FACT;
    }

    @Override
    public Kind withdraw(CaseEvent.Withdraw e) {
      return Kind.CONCLUDED;
    }

    @Override
    public Kind deadlinePassed(CaseEvent.DeadlinePassed e) {
      stage = e.stage();
      deadline = Optional.empty();
      what = "no response by the close of " + Dates.day(closeDay(e.at()));
      // a soft deadline is missed: the stay goes on, and the escalator decides
      Optional<StageVisit> missed = after.currentVisit().filter(v -> v.stage().equals(e.stage())
          && v.left().isEmpty() && v.missed().equals(Optional.of(e.at())));
      if (missed.isPresent()) {
        Optional<Timescale> t = protocol.stage(e.stage()).flatMap(missed.get()::timescaleOf);
        what += ": a soft deadline (" + t.flatMap(Timescale::firmness)
            .map(f -> f.word().words()).orElse("where possible") + "), missed and recorded; "
            + "the escalation waits for " + new Interpreter(model).escalator(
                model.stage(e.stage()).orElseThrow(), after.raisedBy()) + " to escalate";
        citation = t.flatMap(Timescale::citation);
        return Kind.MISSED;
      }
      // the timescale the stay recorded: the one the model chose on entering, not the default
      citation = after.visits().stream().filter(v -> v.stage().equals(e.stage())
              && v.left().equals(Optional.of(e.at()))).findFirst()
          .flatMap(v -> protocol.stage(e.stage()).flatMap(v::timescaleOf))
          .flatMap(Timescale::citation);
      return Kind.TIMED_OUT;
    }

    @Override
    public Kind reminderDue(CaseEvent.ReminderDue e) {
      Effect.Remind remind = effects.stream().filter(Effect.Remind.class::isInstance)
          .map(Effect.Remind.class::cast).findFirst().orElse(null);
      if (remind != null) {
        to = remind.roles();
        copied = remind.copying();
        what = "reminder to " + String.join(", ", to);
        citation = reminderCitation(stage, remind);
      }
      return Kind.REMINDED;
    }

    @Override
    public Kind migrated(CaseEvent.Migrated e) {
      return Kind.FACT;
    }

    @Override
    public Kind stepDone(CaseEvent.StepDone e) {
      boolean late = before.stepClocks().stream().anyMatch(c -> c.step().equals(e.step())
          && c.done().isEmpty() && c.passed());
      what = e.by() + " reported " + e.step() + " done" + (late ? ", late" : "");
      // a joint step (`by A and B`) is done when each has reported it
      before.stepClocks().stream().filter(c -> c.step().equals(e.step()) && c.done().isEmpty())
          .findFirst().ifPresent(c -> {
            List<String> doers = StepClocks.jointly(model, c.stage(), c.step());
            List<String> waiting = doers.stream().filter(d -> !d.equals(e.by())
                && !c.reported().contains(d)).toList();
            what += doers.isEmpty() ? "" : waiting.isEmpty() ? " (a joint step: each of "
                + String.join(" and ", doers) + " has now reported it, so it is done)"
                : " (a joint step: waiting for " + String.join(" and ", waiting) + ")";
          });
      return Kind.STEP_DONE;
    }

    @Override
    public Kind stepDeadlinePassed(CaseEvent.StepDeadlinePassed e) {
      stage = e.stage();
      what = e.step() + " not done by the close of " + Dates.day(closeDay(e.at()))
          + " (recorded, not escalated)";
      citation = StepClocks.citation(model, e.stage(), e.step());
      return Kind.STEP_MISSED;
    }
  }

  private String nowDue(EscalationState after) {
    return after.deadline().map(d -> "; now due by the close of " + Dates.day(closeDay(d)))
        .orElse("");
  }

  private void add(Instant at, String stage, List<String> to, List<String> copied,
      Optional<Instant> deadline, Kind kind, String what, Optional<Citation> citation) {
    // the row is dated at its real instant: a stage entered at 00:00 on Tuesday is on Tuesday;
    // its working day is the calendar's count, in which 00:00 is the close of Monday
    LocalDate date = at.atZone(calendar.zone()).toLocalDate();
    rows.add(new TimelineRow(at, date, calendar.workingDayOf(startDate, at), stage, to,
        copied, deadline, kind, what, citation));
  }

  private List<String> roles(String where, Class<? extends Effect> kind) {
    List<String> roles = new ArrayList<>();
    for (Effect e : effects) {
      if (kind.isInstance(e) && e.where().equals(where)) {
        roles.addAll(e instanceof Effect.EscalateTo t ? bothAgencies(t)
            : ((Effect.CopyTo) e).roles());
      }
    }
    return roles;
  }

  /** "escalated to Stage 2", but "escalated to the Team Manager" for a stage titled "To the ...". */
  private static String escalatedTo(String title) {
    return title.regionMatches(true, 0, "to ", 0, 3) ? "escalated to " + title.substring(3)
        : "escalated to " + title;
  }

  /**
   * The roles of a {@code to} effect as the row's "To" column says them: "(both agencies)", and
   * for a role looked up in a directory whose holder: "LiaisonOfficer (the other agency's, from
   * the directory "single points of contact")".
   */
  private List<String> bothAgencies(Effect.EscalateTo t) {
    return t.roles().stream().map(r -> protocol.role(r).flatMap(Role::lookup)
        .map(l -> r + " (" + (!l.perAgency() ? "" : t.bothAgencies() ? "each agency's, "
            : "the other agency's, ") + "from the directory \"" + l.directory() + "\")")
        .orElse(t.bothAgencies() ? r + " (both agencies)" : r)).toList();
  }

  /** "by the close of Thu 10 Dec 2026", or "by Sat 12 Dec 2026 10:00" for a deadline in hours. */
  private String due(Instant due) {
    return due.atZone(calendar.zone()).toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
        ? "by the close of " + Dates.day(closeDay(due))
        : "by " + Dates.instant(due, calendar.zone());
  }

  private LocalDate closeDay(Instant close) {
    return WorkingCalendar.dayOf(close, calendar.zone());
  }

  private Optional<Citation> right(String role, Right.Kind kind) {
    return protocol.rights().stream().filter(r -> r.role().equals(role) && r.kind() == kind)
        .map(Right::citation).flatMap(Optional::stream).findFirst();
  }

  private Optional<Citation> extensionCitation(String stage) {
    return protocol.stage(stage).flatMap(Stage::extension).or(protocol::extension)
        .flatMap(rule -> rule.citations().stream().findFirst());
  }

  private Optional<Citation> reminderCitation(String stage, Effect.Remind remind) {
    return protocol.stage(stage).stream().flatMap(s -> s.steps().stream())
        .filter(s -> s instanceof org.escalon.model.Step.Remind r && r.roles().equals(remind.roles()))
        .map(org.escalon.model.Step::citation).flatMap(Optional::stream).findFirst();
  }

  private static Instant last(List<CaseEvent> events) {
    return events.get(events.size() - 1).at();
  }

  private String unmet(Target target, EscalationState state) {
    List<Precondition> preconditions = Preconditions.of(protocol, target);
    List<String> missing = new ArrayList<>();
    for (Precondition p : preconditions) {
      missing.addAll(PreconditionCases.on(p, new PreconditionCases<List<String>>() {
        @Override
        public List<String> completed(Precondition.Completed c) {
          return c.stages().stream().filter(s -> !state.completed().contains(s))
              .map(s -> "stage " + s + " completed").toList();
        }

        @Override
        public List<String> agreement(Precondition.Agreement a) {
          return state.agreements().contains(a.role()) ? List.of()
              : List.of("the agreement of " + a.role());
        }

        @Override
        public List<String> advice(Precondition.Advice a) {
          return state.advice().contains(a.role()) ? List.of()
              : List.of("the advice of " + a.role());
        }

        @Override
        public List<String> done(Precondition.Done d) {
          String step = StepClocks.id(d.step());
          return state.done().contains(step) ? List.of()
              : List.of("step " + step + " reported done");
        }

        @Override
        public List<String> holds(Precondition.Holds h) {
          return List.of("a condition on the case (" + h.span() + ")");
        }
      }));
    }
    return missing.isEmpty() ? "its preconditions" : String.join(", ", missing);
  }
}
