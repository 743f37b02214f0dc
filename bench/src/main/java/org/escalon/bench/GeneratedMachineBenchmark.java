package org.escalon.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.escalon.calendar.WorkingCalendar;
import org.escalon.engine.CaseEvent;
import org.escalon.engine.Effect;
import org.escalon.engine.Escalation;
import org.escalon.engine.EscalationListener;
import org.escalon.model.Citation;
import org.escalon.model.Manner;
import org.escalon.model.Protocol;
import org.escalon.protocols.KentIro;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Events per second through Kent's IRO protocol three ways: the machine generated from {@code
 * kent-iro.esc} at build time ({@code org.escalon.protocols.KentIro}), {@link HandWrittenKent}
 * (enum and switch, written by hand) and the engine. One operation is one event: each call runs
 * a fresh escalation through ten events and counts as ten.
 *
 * <ul>
 *   <li>{@code runOut}: raise, then nobody answers: seven deadlines pass (informal resolution and
 *       stages 1 to 6), the escalation waits for Cafcass's agreement and advice, which come, and
 *       it ends at Cafcass.
 *   <li>{@code responses}: raise, then an unsatisfactory response at each of the seven stages an
 *       hour apart, then the agreement and advice, and it ends at Cafcass.
 * </ul>
 *
 * <p>Every listener counts the calls it gets, so that none can be optimised away; {@code
 * @Setup} checks that the three tell the host the same number of things and end at Cafcass.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GeneratedMachineBenchmark {

  static final int EVENTS = 10;
  static final Instant RAISED = Instant.parse("2026-03-02T09:30:00Z");
  static final Instant LATER = RAISED.plus(120, ChronoUnit.DAYS);
  static final List<KentIro.Role> RESPONDENTS = List.of(KentIro.Role.SOCIAL_WORKER,
      KentIro.Role.SOCIAL_WORKER, KentIro.Role.TEAM_MANAGER, KentIro.Role.SERVICE_MANAGER,
      KentIro.Role.AREA_ASSISTANT_DIRECTOR, KentIro.Role.SOCIAL_WORK_LEAD,
      KentIro.Role.CORPORATE_DIRECTOR);

  /** Counts the typed calls of the generated machine. */
  static final class Counting implements KentIro.Listener {
    long calls;

    @Override
    public void heard(Effect effect) {
      calls++;
    }

    @Override
    public void escalate(KentIro.Place at, List<KentIro.Role> to, boolean bothAgencies,
        Optional<Citation> source) {
      calls++;
    }

    @Override
    public void copy(KentIro.Place at, List<KentIro.Role> roles, Optional<Citation> source) {
      calls++;
    }

    @Override
    public void notifyRoles(KentIro.Place at, List<KentIro.Role> roles, Optional<String> what,
        Optional<KentIro.Role> by, Manner how, Optional<Citation> source) {
      calls++;
    }

    @Override
    public void advise(KentIro.Place at, List<KentIro.Role> roles, Optional<String> what,
        Optional<KentIro.Role> by, Manner how, Optional<Citation> source) {
      calls++;
    }

    @Override
    public void consult(KentIro.Place at, List<KentIro.Role> roles, Optional<String> what,
        Optional<KentIro.Role> by, Manner how, Optional<Citation> source) {
      calls++;
    }

    @Override
    public void act(KentIro.Place at, String id, String what, Optional<KentIro.Role> by, Manner how,
        Optional<Citation> source) {
      calls++;
    }

    @Override
    public void recordForm(KentIro.Place at, KentIro.Form form, List<KentIro.Role> sentTo,
        Optional<KentIro.Role> by, Manner how, Optional<Citation> source) {
      calls++;
    }

    @Override
    public void recordNote(KentIro.Place at, String note, List<KentIro.Role> sentTo,
        Optional<KentIro.Role> by, Manner how, Optional<Citation> source) {
      calls++;
    }

    @Override
    public void concluded(KentIro.Outcome outcome, Optional<Citation> source) {
      calls++;
    }
  }

  /** Counts the calls of the hand-written machine. */
  static final class CountingHost implements HandWrittenKent.Host {
    long calls;

    @Override
    public void waiting(String at, String target, List<String> missing) {
      calls++;
    }

    @Override
    public void escalate(String at, List<String> to, Optional<Citation> source) {
      calls++;
    }

    @Override
    public void copy(String at, List<String> roles, Optional<Citation> source) {
      calls++;
    }

    @Override
    public void inform(String at, String how, List<String> roles, Optional<String> what,
        Optional<String> by, Optional<Citation> source) {
      calls++;
    }

    @Override
    public void act(String at, String what, Optional<String> by, Optional<Citation> source) {
      calls++;
    }

    @Override
    public void keep(String at, String record, List<String> sentTo, Optional<Citation> source) {
      calls++;
    }

    @Override
    public void concluded(String outcome, Optional<Citation> source) {
      calls++;
    }
  }

  private Protocol kent;
  private WorkingCalendar calendar;

  @Setup
  public void setUp() {
    kent = new KentIro().protocol();
    calendar = WorkingCalendar.of(kent.header().calendar(), kent.header().zone());
    HandWrittenKent.load(kent);
    for (boolean responses : new boolean[] {false, true}) {
      Counting typed = new Counting();
      KentIro generated = responses ? responses(new KentIro(typed)) : runOut(new KentIro(typed));
      CountingHost host = new CountingHost();
      HandWrittenKent hand = new HandWrittenKent(calendar, host);
      if (responses) {
        responses(hand);
      } else {
        runOut(hand);
      }
      Escalation engine = responses ? engineResponses() : engineRunOut();
      if (generated.outcome().isEmpty() || !hand.ended()
          || !engine.state().outcome().equals(Optional.of("cafcass"))) {
        throw new IllegalStateException("a machine did not end at cafcass");
      }
      if (generated.log().size() != EVENTS || hand.log().size() != EVENTS
          || engine.log().size() != EVENTS) {
        throw new IllegalStateException("not " + EVENTS + " events each");
      }
      if (typed.calls != host.calls || typed.calls < 100) {
        throw new IllegalStateException("the host is told " + typed.calls + " things by the "
            + "generated machine and " + host.calls + " by the hand-written one");
      }
    }
  }

  static KentIro runOut(KentIro m) {
    m.raise(RAISED);
    m.passTimeTo(LATER);
    m.agree(LATER, KentIro.Role.QA_ASSISTANT_DIRECTOR);
    m.advise(LATER, KentIro.Role.LEGAL_COUNSEL);
    return m;
  }

  static KentIro responses(KentIro m) {
    m.raise(RAISED);
    Instant at = RAISED;
    for (KentIro.Role by : RESPONDENTS) {
      at = at.plusSeconds(3_600);
      m.respond(at, by, false);
    }
    m.agree(at, KentIro.Role.QA_ASSISTANT_DIRECTOR);
    m.advise(at, KentIro.Role.LEGAL_COUNSEL);
    return m;
  }

  static HandWrittenKent runOut(HandWrittenKent m) {
    m.raise(RAISED);
    m.passTimeTo(LATER);
    m.agree(LATER, "QAAssistantDirector");
    m.advise(LATER, "LegalCounsel");
    return m;
  }

  static HandWrittenKent responses(HandWrittenKent m) {
    m.raise(RAISED);
    Instant at = RAISED;
    for (KentIro.Role by : RESPONDENTS) {
      at = at.plusSeconds(3_600);
      m.respond(at, by.key(), false);
    }
    m.agree(at, "QAAssistantDirector");
    m.advise(at, "LegalCounsel");
    return m;
  }

  private Escalation engineRunOut() {
    Escalation e = new Escalation(kent, calendar, new EscalationListener() {});
    e.apply(new CaseEvent.Raise(RAISED, "IRO", Optional.empty(), Optional.empty()));
    e.advanceTo(LATER);
    e.apply(new CaseEvent.Agree(LATER, "QAAssistantDirector"));
    e.apply(new CaseEvent.Advise(LATER, "LegalCounsel"));
    return e;
  }

  private Escalation engineResponses() {
    Escalation e = new Escalation(kent, calendar, new EscalationListener() {});
    e.apply(new CaseEvent.Raise(RAISED, "IRO", Optional.empty(), Optional.empty()));
    Instant at = RAISED;
    for (KentIro.Role by : RESPONDENTS) {
      at = at.plusSeconds(3_600);
      e.apply(new CaseEvent.Respond(at, by.key(), false));
    }
    e.apply(new CaseEvent.Agree(at, "QAAssistantDirector"));
    e.apply(new CaseEvent.Advise(at, "LegalCounsel"));
    return e;
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long generatedRunOut() {
    Counting listener = new Counting();
    runOut(new KentIro(listener));
    return listener.calls;
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long handWrittenRunOut() {
    CountingHost host = new CountingHost();
    runOut(new HandWrittenKent(calendar, host));
    return host.calls;
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public Escalation engineRunOut10() {
    return engineRunOut();
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long generatedResponses() {
    Counting listener = new Counting();
    responses(new KentIro(listener));
    return listener.calls;
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public long handWrittenResponses() {
    CountingHost host = new CountingHost();
    responses(new HandWrittenKent(calendar, host));
    return host.calls;
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public Escalation engineResponses10() {
    return engineResponses();
  }
}
